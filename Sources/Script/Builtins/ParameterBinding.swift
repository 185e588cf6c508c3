/// Arguments of a native function matched to its parameter names, as Python matches them:
/// positional first, then keywords, with Python's errors for extras, duplicates and missing
/// required ones. Host modules use it so `np.sum(a, axis=0)` and `np.sum(a, 0)` agree.
public struct BoundArguments {
    /// The function's name, for error messages.
    public let function: String
    private let names: [String]
    private var values: [Value?]

    /// Binds `arguments` to `parameters`; the first `required` are required. Names in
    /// `keywordOnly` may only be passed by keyword.
    public init(_ function: String, _ arguments: Arguments, _ parameters: [String], required: Int = 0,
                keywordOnly: [String] = []) throws {
        self.function = function
        names = parameters + keywordOnly
        values = [Value?](repeating: nil, count: names.count)
        if arguments.positional.count > parameters.count {
            let most = parameters.count
            throw ScriptError.typeError("\(function)() takes \(required == most ? "" : "from \(required) to ")\(most) positional argument\(most == 1 ? "" : "s") but \(arguments.positional.count) were given")
        }
        for (i, v) in arguments.positional.enumerated() { values[i] = v }
        for (name, v) in arguments.keywords {
            guard let i = names.firstIndex(of: name) else {
                throw ScriptError.typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
            if values[i] != nil {
                throw ScriptError.typeError("\(function)() got multiple values for argument '\(name)'")
            }
            values[i] = v
        }
        for i in 0..<required where values[i] == nil {
            throw ScriptError.typeError("\(function)() missing required argument '\(names[i])' (pos \(i + 1))")
        }
    }

    /// The argument for `name` as given (possibly `None`), or nil when not passed.
    public subscript(_ name: String) -> Value? {
        names.firstIndex(of: name).flatMap { values[$0] }
    }

    /// The argument for `name`, or nil when not passed or `None`.
    public func given(_ name: String) -> Value? {
        guard let v = self[name], !v.isNone else { return nil }
        return v
    }

    /// The argument for a required parameter.
    public func required(_ name: String) throws -> Value {
        guard let v = self[name] else { throw ScriptError.typeError("\(function)() missing required argument '\(name)'") }
        return v
    }

    /// An integer argument (or `defaultValue` when absent or `None`).
    public func int(_ name: String, default defaultValue: Int? = nil) throws -> Int? {
        guard let v = given(name) else { return defaultValue }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw ScriptError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// A real-number argument (or `defaultValue` when absent or `None`).
    public func double(_ name: String, default defaultValue: Double? = nil) throws -> Double? {
        guard let v = given(name) else { return defaultValue }
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: throw ScriptError.typeError("\(function)(): '\(name)' must be a real number, not \(v.typeName)")
        }
    }

    /// A boolean argument by Python truthiness of bools and ints.
    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let v = given(name) else { return defaultValue }
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw ScriptError.typeError("\(function)(): '\(name)' must be True or False, not \(v.typeName)")
        }
    }

    /// A string argument (or `defaultValue`).
    public func string(_ name: String, default defaultValue: String? = nil) throws -> String? {
        guard let v = given(name) else { return defaultValue }
        guard case .str(let s) = v else { throw ScriptError.typeError("\(function)(): '\(name)' must be str, not \(v.typeName)") }
        return s
    }
}
