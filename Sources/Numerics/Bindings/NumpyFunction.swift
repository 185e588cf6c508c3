import Script

/// A native function described by its Python signature (parsed for parameter names and
/// which are required), its docstring and its body; array errors become Python exceptions.
/// The `np` namespace is made of these, and analysis functions use them too.
public struct NumpyFunction {
    /// The function's name.
    public let name: String
    /// Its signature as `help` shows it.
    public let signature: String
    /// Its docstring.
    public let doc: String
    let parameters: [String]
    let keywordOnly: [String]
    let required: Int
    let body: (BoundArguments, Interpreter) throws -> Value

    /// `signature` like `sum(a, axis=None, *, keepdims=False)`.
    public init(_ signature: String, _ doc: String, _ body: @escaping (BoundArguments, Interpreter) throws -> Value) {
        self.signature = signature
        self.doc = doc
        self.body = body
        name = String(signature.prefix { $0 != "(" })
        let inside = signature.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
        var positional: [String] = [], keywordOnly: [String] = []
        var required = 0, afterStar = false
        for raw in inside.split(separator: ",") {
            let item = raw.trimmingCharacters(in: " ")
            if item == "*" { afterStar = true; continue }
            if item == "/" || item.isEmpty { continue }
            let name = String(item.prefix { $0 != "=" }).trimmingCharacters(in: " ")
            if afterStar { keywordOnly.append(name) } else {
                positional.append(name)
                if !item.contains("=") { required += 1 }
            }
        }
        parameters = positional
        self.keywordOnly = keywordOnly
        self.required = required
    }

    /// Binds `arguments` and runs the body, turning array errors into Python exceptions.
    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try BoundArguments(name, arguments, parameters, required: required, keywordOnly: keywordOnly)
        return try numpyCall { try body(bound, interpreter) }
    }

    /// The function as a cell-language value.
    public var builtin: BuiltinFunction {
        BuiltinFunction(name, signature: signature, doc: doc) { args, interp in try self.call(args, interp) }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}

/// Reading typed arguments of `np` functions.
extension BoundArguments {
    /// The argument as an array (lists and numbers converted).
    public func array(_ name: String, _ interpreter: Interpreter) throws -> NDArray {
        try ArrayConversion.array(required(name), interpreter)
    }

    /// The argument as an array, or nil when absent or None.
    public func optionalArray(_ name: String, _ interpreter: Interpreter) throws -> NDArray? {
        try given(name).map { try ArrayConversion.array($0, interpreter) }
    }

    /// An `axis=` argument: nil for None, else one axis or several.
    public func axes(_ name: String = "axis") throws -> [Int]? {
        guard let v = given(name) else { return nil }
        switch v {
        case .int(let i): return [i]
        case .tuple(let items):
            return try items.map {
                guard case .int(let i) = $0 else { throw ScriptError.typeError("'\($0.typeName)' object cannot be interpreted as an integer") }
                return i
            }
        default: throw ScriptError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// A shape argument: an int or a sequence of ints.
    public func shape(_ name: String) throws -> [Int] {
        try ShapeArgument.parse(required(name))
    }

    /// A `dtype=` argument, or nil when absent.
    public func elementType(_ name: String = "dtype") throws -> ElementType? {
        try given(name).map(DTypeObject.elementType(of:))
    }
}

/// Shapes as cells write them: `5`, `(2, 3)`, `[2, 3]`.
enum ShapeArgument {
    static func parse(_ v: Value) throws -> [Int] {
        switch v {
        case .int(let i):
            guard i >= 0 else { throw ScriptError.valueError("negative dimensions are not allowed") }
            try numpyCall { try NDArray.checkAllocatable([i]) }
            return [i]
        case .list(let l): return try parse(.tuple(l.items))
        case .tuple(let items):
            return try items.map { item in
                guard case .int(let i) = item else { throw ScriptError.typeError("'\(item.typeName)' object cannot be interpreted as an integer") }
                guard i >= -1 else { throw ScriptError.valueError("negative dimensions are not allowed") }
                return i
            }.checkedForAllocation()
        default: throw ScriptError.typeError("expected a sequence of integers or a single integer, got '\(v.typeName)'")
        }
    }
}

extension Array where Element == Int {
    /// The shape, after checking that an array of it would fit in memory.
    func checkedForAllocation() throws -> [Int] {
        if !contains(-1) { try numpyCall { try NDArray.checkAllocatable(self) } }
        return self
    }
}
