/// A generator: created by calling a generator function, driven by `next`, `send`,
/// `throw` and `close` with Python's semantics. The run engine drives plans through it.
public final class GeneratorObject: ScriptObject, ValueIterator {
    enum Status { case created, suspended, running, finished }

    let frame: Frame
    /// Keeps the code alive for the frame (frames refer to their code without owning it).
    let code: CodeObject
    let program: GeneratorProgram?
    /// `program`, unretained (it is held above), so resuming costs no reference counting.
    private let programRef: Unmanaged<GeneratorProgram>?
    let name: String
    let qualifiedName: String
    var status = Status.created
    let state = GeneratorState()
    /// The value of the `return` that ended the generator.
    public private(set) var returnValue: Value = .none

    init(frame: Frame, program: GeneratorProgram?, name: String, qualifiedName: String) {
        self.frame = frame
        self.code = frame.code
        self.program = program
        programRef = program.map { Unmanaged.passUnretained($0) }
        self.name = name
        self.qualifiedName = qualifiedName
    }

    public var typeName: String { "generator" }
    public var docstring: String? { frame.code.docstring }
    public func repr(_ interpreter: Interpreter) throws -> String { "<generator object \(qualifiedName)>" }
    public var attributeNames: [String] { GeneratorObject.methodNames }
    /// The methods cells call on a generator.
    static let methodNames = ["send", "throw", "close", "__next__"]

    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { self }

    public func next(_ interpreter: Interpreter) throws -> Value? {
        try resume(sending: .none, throwing: nil)
    }

    /// Resumes with `value` (`send`); returns the next yielded value, or nil when the
    /// generator returned (its value is then in `returnValue`).
    public func send(_ value: Value) throws -> Value? {
        if status == .created && !value.isNone {
            throw ScriptError.typeError("can't send non-None value to a just-started generator")
        }
        return try resume(sending: value, throwing: nil)
    }

    /// Raises `exception` at the point where the generator is suspended.
    public func throwInto(_ exception: ExceptionObject) throws -> Value? {
        try resume(sending: .none, throwing: exception)
    }

    /// Raises `GeneratorExit` inside the generator; an error if it yields again.
    public func close() throws {
        if status == .finished { return }
        if status == .created {
            status = .finished
            return
        }
        do {
            if try throwInto(ExceptionObject(type: BuiltinTypes.generatorExit, args: [])) != nil {
                throw ScriptError.runtimeError("generator ignored GeneratorExit")
            }
        } catch let e as ScriptError {
            if e.exception.type === BuiltinTypes.generatorExit || e.exception.type === BuiltinTypes.stopIteration { return }
            throw e
        }
    }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "send", "throw", "close", "__next__":
            return .object(BoundMethod(.object(self), name))
        case "__name__": return .str(self.name)
        case "gi_running": return .bool(status == .running)
        default: return nil
        }
    }

    func resume(sending value: Value, throwing: ExceptionObject?) throws -> Value? {
        switch status {
        case .finished:
            if let throwing { throw ScriptError(throwing) }
            returnValue = .none
            return nil
        case .running:
            throw ScriptError.valueError("generator already executing")
        case .created:
            if let throwing {
                status = .finished
                throw ScriptError(throwing)
            }
        case .suspended:
            break
        }
        guard let program = programRef else {
            status = .finished
            return nil
        }
        unowned(unsafe) let interp = frame.interpreter
        let counters = frame.counters
        counters[1] += 1
        defer { counters[1] -= 1 }
        if counters[1] > frame.interpreter.recursionLimit {
            throw ScriptError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        status = .running
        let base = interp.handledExceptions.count
        if !state.handled.isEmpty { interp.handledExceptions += state.handled }
        defer {
            if interp.handledExceptions.count > base {
                state.handled = Array(interp.handledExceptions[base...])
                interp.handledExceptions.removeSubrange(base...)
            } else if !state.handled.isEmpty {
                state.handled = []
            }
        }
        do {
            let result = try program._withUnsafeGuaranteedRef {
                try GeneratorRunner.run($0, frame, state, sent: value, throwing: throwing, base: base)
            }
            if let yielded = result {
                status = .suspended
                return yielded
            }
            status = .finished
            returnValue = frame.returnValue
            return nil
        } catch let e as ScriptError {
            status = .finished
            e.exception.needsLocation = true
            if e.exception.type === BuiltinTypes.stopIteration {
                let wrapped = ScriptError.runtimeError("generator raised StopIteration")
                wrapped.exception.context = e.exception
                wrapped.exception.traceback = e.exception.traceback
                throw wrapped
            }
            throw e
        }
    }

    /// Calls from cells: `g.send(x)`, `g.throw(E)`, `g.close()`, `next(g)`.
    func callMethod(_ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        switch name {
        case "send":
            guard args.positional.count == 1 else { throw ScriptError.typeError("generator.send() takes exactly one argument (\(args.positional.count) given)") }
            if let v = try send(args.positional[0]) { return v }
            throw ScriptError.stopIteration(returnValue)
        case "__next__":
            if let v = try resume(sending: .none, throwing: nil) { return v }
            throw ScriptError.stopIteration(returnValue)
        case "throw":
            guard let first = args.positional.first else { throw ScriptError.typeError("throw expected at least 1 argument, got 0") }
            var exc = try interp.exceptionInstance(first)
            if args.positional.count > 1, case .object(let t as TypeObject) = first {
                exc = ExceptionObject(type: t, args: [args.positional[1]])
            }
            exc.needsLocation = true
            if let v = try throwInto(exc) { return v }
            throw ScriptError.stopIteration(returnValue)
        case "close":
            try close()
            return .none
        default:
            throw ScriptError.attributeError("'generator' object has no attribute '\(name)'")
        }
    }
}
