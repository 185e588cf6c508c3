/// A function defined by `def` or `lambda` in a cell.
final class FunctionObject: ScriptObject {
    let code: CodeObject
    let defaults: [Value]
    let keywordDefaults: [String: Value]
    let closure: [Cell]
    let qualifiedName: String
    /// The code's statements (a constant here, so calls use them without retaining them).
    let body: [StmtNode]
    private let minPositional: Int
    /// Whether calls can bind straight into slots (no *args, **kwargs, captured parameters
    /// or generator body).
    private let plainShape: Bool

    init(code: CodeObject, defaults: [Value], keywordDefaults: [String: Value], closure: [Cell], qualifiedName: String) {
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
        self.qualifiedName = qualifiedName
        self.body = code.body
        let p = code.parameters
        minPositional = p.positional.count - defaults.count
        plainShape = p.varArgsSlot == nil && p.varKeywordsSlot == nil && code.cellParameters.isEmpty && !code.isGenerator
    }

    var typeName: String { "function" }
    var docstring: String? { code.docstring }
    var signature: String? { code.signatureText }

    /// Whether a call with `n` positional arguments (and no keywords) can bind them
    /// straight into slots, taking defaults for the rest.
    @inline(__always)
    func acceptsExactly(_ n: Int) -> Bool {
        plainShape && code.parameters.keywordOnly.isEmpty && n >= minPositional && n <= code.parameters.positional.count
    }

    /// How a call site with `positional` arguments and these keyword names binds, decided once
    /// per call site and function: where each argument goes (a parameter slot, the `*args`
    /// tuple or the `**kwargs` dict) and the defaults to fill in. Nil when the call needs the
    /// general path (a generator, and every call that is an error).
    func plan(positional: Int, keywords: [String]) -> CallPlan? {
        let p = code.parameters
        guard !code.isGenerator, positional <= p.positional.count || p.varArgsSlot != nil else { return nil }
        let direct = min(positional, p.positional.count)
        var provided = Set(0..<direct)
        var keywordSlots: [Int] = []
        for name in keywords {
            let slot: Int
            if let i = p.positional.firstIndex(of: name), i >= p.positionalOnlyCount {
                slot = i
            } else if let k = p.keywordOnly.firstIndex(of: name) {
                slot = p.keywordOnlyStart + k
            } else if p.varKeywordsSlot != nil {
                slot = CallPlan.toKeywordsDict
            } else {
                return nil
            }
            if slot != CallPlan.toKeywordsDict {
                guard provided.insert(slot).inserted else { return nil }
            }
            keywordSlots.append(slot)
        }
        var fills: [(slot: Int, value: Value)] = []
        for i in 0..<p.positional.count where !provided.contains(i) {
            guard i >= minPositional else { return nil }
            fills.append((i, defaults[i - minPositional]))
        }
        for (k, name) in p.keywordOnly.enumerated() where !provided.contains(p.keywordOnlyStart + k) {
            guard let value = keywordDefaults[name] else { return nil }
            fills.append((p.keywordOnlyStart + k, value))
        }
        return CallPlan(directPositional: direct, varArgsSlot: p.varArgsSlot, keywordSlots: keywordSlots,
                        keywordKeys: keywords.map { HashKey(string: $0) }, varKeywordsSlot: p.varKeywordsSlot, fills: fills)
    }

    func repr(_ interpreter: Interpreter) throws -> String { "<function \(qualifiedName)>" }

    /// Attributes assigned by cells (`f.calls = 0`), as Python functions allow.
    var extraAttributes: [String: Value] = [:]

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__name__": return .str(code.name)
        case "__qualname__": return .str(qualifiedName)
        case "__doc__": return code.docstring.map { .str($0) } ?? Value.none
        default: return extraAttributes[name]
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        if name.hasPrefix("__") { throw ScriptError.attributeError("attribute '\(name)' of 'function' objects is not writable") }
        extraAttributes[name] = value
    }

    var attributeNames: [String] { ["__name__", "__qualname__", "__doc__"] }

    /// Runs the body in a frame whose parameters are bound.
    @inline(__always)
    func run(_ frame: Frame) throws -> Value {
        let counters = frame.counters
        counters[1] += 1
        defer { counters[1] -= 1 }
        if counters[1] > frame.interpreter.recursionLimit {
            throw ScriptError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        for (slot, cell) in code.cellParameters { frame.cells[cell].value = frame.slots[slot] }
        if code.isGenerator {
            return .object(GeneratorObject(frame: frame, program: code.generatorProgram, name: code.name, qualifiedName: qualifiedName))
        }
        do {
            _ = try execBlock(body, frame)
        } catch let e as ScriptError {
            e.exception.needsLocation = true
            throw e
        }
        return frame.returnValue
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let unmanaged = Frame.make(code: code, interpreter: interpreter, closure: closure)
        if code.isGenerator {
            // The generator owns its frame from here on.
            let frame = unmanaged.takeRetainedValue()
            try bind(arguments, into: frame)
            return try run(frame)
        }
        defer { Frame.recycle(unmanaged) }
        return try unmanaged._withUnsafeGuaranteedRef { frame in
            try bind(arguments, into: frame)
            return try run(frame)
        }
    }

    /// The direct call path: evaluates `arguments` in the caller's frame straight into the
    /// callee's slots (only when `acceptsExactly(arguments.count)`).
    @inline(__always)
    func invoke(_ arguments: [ExprNode], from caller: Frame) throws -> Value {
        let unmanaged = Frame.make(code: code, caller: caller, closure: closure)
        defer { Frame.recycle(unmanaged) }
        return try unmanaged._withUnsafeGuaranteedRef { frame in
            let slots = frame.slots
            for i in 0..<arguments.count { (slots + i).initialize(to: try arguments.eval(i, caller)) }
            if arguments.count < code.parameters.positional.count {
                for i in arguments.count..<code.parameters.positional.count { (slots + i).initialize(to: defaults[i - minPositional]) }
            }
            return try runInvoked(frame, caller)
        }
    }

    /// The direct call path for a planned call: evaluates the arguments in the caller's frame
    /// straight into the callee's slots, its `*args` tuple and its `**kwargs` dict.
    func invoke(_ arguments: [ExprNode], keywords: [ExprNode], plan: CallPlan, from caller: Frame) throws -> Value {
        let unmanaged = Frame.make(code: code, caller: caller, closure: closure)
        defer { Frame.recycle(unmanaged) }
        return try unmanaged._withUnsafeGuaranteedRef { frame in
            let slots = frame.slots
            for i in 0..<plan.directPositional { (slots + i).initialize(to: try arguments.eval(i, caller)) }
            if let varArgs = plan.varArgsSlot {
                var extra: [Value] = []
                if arguments.count > plan.directPositional {
                    extra.reserveCapacity(arguments.count - plan.directPositional)
                    for i in plan.directPositional..<arguments.count { extra.append(try arguments.eval(i, caller)) }
                }
                (slots + varArgs).initialize(to: .tuple(extra))
            }
            var keywordsDict: DictObject?
            if let varKeywords = plan.varKeywordsSlot {
                let d = DictObject()
                keywordsDict = d
                (slots + varKeywords).initialize(to: .dict(d))
            }
            for k in 0..<keywords.count {
                let value = try keywords.eval(k, caller)
                let slot = plan.keywordSlots[k]
                if slot == CallPlan.toKeywordsDict {
                    keywordsDict?.set(plan.keywordKeys[k], value)
                } else {
                    (slots + slot).initialize(to: value)
                }
            }
            for fill in plan.fills { (slots + fill.slot).initialize(to: fill.value) }
            for (slot, cell) in code.cellParameters { frame.cells[cell].value = slots[slot] }
            return try runInvoked(frame, caller)
        }
    }

    @inline(__always)
    private func runInvoked(_ frame: Frame, _ caller: Frame) throws -> Value {
        let counters = caller.counters
        counters[1] += 1
        defer { counters[1] -= 1 }
        if counters[1] > caller.interpreter.recursionLimit {
            throw ScriptError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        do {
            _ = try execBlock(body, frame)
        } catch let e as ScriptError {
            e.exception.needsLocation = true
            throw e
        }
        return frame.returnValue.take()
    }

    /// Binds arguments to parameters with Python's rules and messages.
    func bind(_ args: Arguments, into frame: Frame) throws {
        let p = code.parameters
        let slots = frame.slots
        let nPositional = p.positional.count
        let given = args.positional.count
        let name = code.name
        if given > nPositional {
            guard let varSlot = p.varArgsSlot else {
                let takes = defaults.isEmpty ? "\(nPositional)" : "from \(minPositional) to \(nPositional)"
                let plural = nPositional == 1 && defaults.isEmpty ? "" : "s"
                throw ScriptError.typeError("\(name)() takes \(takes) positional argument\(plural) but \(given) \(given == 1 ? "was" : "were") given")
            }
            for i in 0..<nPositional { slots[i] = args.positional[i] }
            slots[varSlot] = .tuple(Array(args.positional[nPositional...]))
        } else {
            for i in 0..<given { slots[i] = args.positional[i] }
            if let varSlot = p.varArgsSlot { slots[varSlot] = .tuple([]) }
        }
        var extra: DictObject?
        if let kwSlot = p.varKeywordsSlot {
            let d = DictObject()
            extra = d
            slots[kwSlot] = .dict(d)
        }
        for (key, value) in args.keywords {
            if let i = p.positional.firstIndex(of: key), i >= p.positionalOnlyCount {
                if !slots[i].isUnbound {
                    throw ScriptError.typeError("\(name)() got multiple values for argument '\(key)'")
                }
                slots[i] = value
            } else if let k = p.keywordOnly.firstIndex(of: key) {
                slots[p.keywordOnlyStart + k] = value
            } else if let extra {
                extra[key] = value
            } else {
                throw ScriptError.typeError("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        var missing: [String] = []
        for i in 0..<nPositional where slots[i].isUnbound {
            let d = i - minPositional
            if d >= 0 { slots[i] = defaults[d] } else { missing.append(p.positional[i]) }
        }
        if !missing.isEmpty {
            throw ScriptError.typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(listNames(missing))")
        }
        for (k, kname) in p.keywordOnly.enumerated() where slots[p.keywordOnlyStart + k].isUnbound {
            if let d = keywordDefaults[kname] { slots[p.keywordOnlyStart + k] = d } else { missing.append(kname) }
        }
        if !missing.isEmpty {
            throw ScriptError.typeError("\(name)() missing \(missing.count) required keyword-only argument\(missing.count == 1 ? "" : "s"): \(listNames(missing))")
        }
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as Python lists missing arguments.
func listNames(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    switch quoted.count {
    case 1: return quoted[0]
    case 2: return "\(quoted[0]) and \(quoted[1])"
    default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
    }
}

/// A function implemented in Swift (builtins and native module functions).
public final class BuiltinFunction: ScriptObject {
    /// The function's name.
    public let name: String
    private let doc: String?
    private let signatureText: String?
    private let body: (Arguments, Interpreter) throws -> Value

    /// Creates a builtin function.
    public init(_ name: String, signature: String? = nil, doc: String? = nil,
                _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.signatureText = signature
        self.doc = doc
        self.body = body
    }

    public var typeName: String { "builtin_function_or_method" }
    public var docstring: String? { doc }
    public var signature: String? { signatureText ?? "\(name)(...)" }
    public func repr(_ interpreter: Interpreter) throws -> String { "<built-in function \(name)>" }
    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try body(arguments, interpreter)
    }

    /// The body for one positional argument, when the function has one (see `call(single:)`).
    var singleArgumentBody: ((Value, Interpreter) throws -> Value)?

    public func call(single argument: Value, _ interpreter: Interpreter) throws -> Value? {
        try singleArgumentBody?(argument, interpreter)
    }

    /// Gives the function a body for calls with one positional argument.
    func withSingleArgumentBody(_ body: @escaping (Value, Interpreter) throws -> Value) -> BuiltinFunction {
        singleArgumentBody = body
        return self
    }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__name__": return .str(self.name)
        case "__doc__": return doc.map { .str($0) } ?? Value.none
        default: return nil
        }
    }
}

/// A method of a builtin value bound to its receiver (`"a,b".split` before the call).
final class BoundMethod: ScriptObject {
    let receiver: Value
    let name: String

    init(_ receiver: Value, _ name: String) {
        self.receiver = receiver
        self.name = name
    }

    var typeName: String { "builtin_function_or_method" }
    func repr(_ interpreter: Interpreter) throws -> String {
        "<built-in method \(name) of \(receiver.typeName) object>"
    }
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try interpreter.callMethod(receiver, name, arguments)
    }
    var docstring: String? { MethodDocs.doc(for: receiver.typeName, name) }
    var signature: String? { "\(receiver.typeName).\(name)(...)" }
}

/// A call site's binding of arguments to a function's slots (see `FunctionObject.plan`).
struct CallPlan {
    /// `keywordSlots` entry for a keyword argument that goes into `**kwargs`.
    static let toKeywordsDict = -1
    /// How many leading positional arguments go straight into parameter slots.
    let directPositional: Int
    /// Where the tuple of the remaining positional arguments goes (`*args`), if declared.
    let varArgsSlot: Int?
    /// The parameter slot of each keyword argument, in call order (or `toKeywordsDict`).
    let keywordSlots: [Int]
    /// The keyword arguments' names as `**kwargs` keys (hashed once, here), in call order.
    let keywordKeys: [HashKey]
    /// Where the dict of the other keyword arguments goes (`**kwargs`), if declared.
    let varKeywordsSlot: Int?
    /// Parameters not passed, with their default values.
    let fills: [(slot: Int, value: Value)]
}
