import Glibc

/// The outcome of running a cell or file.
public struct ExecutionResult {
    /// The value of the final expression statement (cells only), if any and not None.
    public var value: Value?
    /// The failure, if the code raised or did not compile.
    public var failure: ScriptFailure?
}

/// An error as the user and the Jupyter wire see it: name, message and traceback lines.
public struct ScriptFailure: Error {
    /// The exception's class name (`ValueError`).
    public var ename: String
    /// The message.
    public var evalue: String
    /// Traceback lines, ANSI-coloured when requested.
    public var traceback: [String]
    /// Whether this was a syntax error (exit code 2 in `beamtime exec`).
    public var isSyntaxError: Bool
    /// The exception object (nil for syntax errors).
    public var exception: ExceptionObject?

    /// A failure from its parts.
    public init(ename: String, evalue: String, traceback: [String], isSyntaxError: Bool, exception: ExceptionObject?) {
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback
        self.isSyntaxError = isSyntaxError
        self.exception = exception
    }
}

/// A kernel session: one interpreter whose top-level names persist across cells, with
/// IPython's `In`, `Out`, `_`, `__` and `___`.
public final class Session {
    /// The interpreter running the cells.
    public let interpreter: Interpreter
    /// The number of the last stored execution (`In[n]`).
    public private(set) var executionCount = 0
    /// Whether tracebacks carry ANSI colours.
    public var colourTracebacks: Bool
    private let inputs = ListObject([.str("")])
    private let outputs = DictObject()

    /// Creates a session around an interpreter.
    public init(interpreter: Interpreter = Interpreter(), colourTracebacks: Bool = false) {
        self.interpreter = interpreter
        self.colourTracebacks = colourTracebacks
        interpreter.setGlobal("In", .list(inputs))
        interpreter.setGlobal("Out", .dict(outputs))
        interpreter.setGlobal("_", .str(""))
        interpreter.setGlobal("__", .str(""))
        interpreter.setGlobal("___", .str(""))
    }

    /// Runs one cell. With `storeHistory` the execution count advances and the source and
    /// result are recorded in `In`/`Out`.
    public func execute(_ code: String, storeHistory: Bool = true) -> ExecutionResult {
        if storeHistory {
            executionCount += 1
            inputs.items.append(.str(code))
        }
        let name = "Cell In[\(storeHistory ? executionCount : executionCount + 1)]"
        var result = run(code, filename: name, isCell: true, displayLast: true)
        if let v = result.value, !v.isNone, storeHistory {
            if let key = try? HashKey(.int(executionCount)) { outputs.set(key, v) }
            interpreter.setGlobal("___", interpreter.global("__") ?? .str(""))
            interpreter.setGlobal("__", interpreter.global("_") ?? .str(""))
            interpreter.setGlobal("_", v)
            interpreter.setGlobal("_\(executionCount)", v)
        }
        if let v = result.value, v.isNone { result.value = nil }
        return result
    }

    /// Evaluates `code` (for `user_expressions`) without touching `In`, `Out` or `_`.
    public func evaluate(_ code: String) -> ExecutionResult {
        var result = run(code, filename: "<user expression>", isCell: false, displayLast: true)
        if result.value == nil && result.failure == nil { result.value = Value.none }
        return result
    }

    /// Runs a file's source (no display of the last expression).
    public func run(file path: String, source: String) -> ExecutionResult {
        run(source, filename: path, isCell: false, displayLast: false)
    }

    private func run(_ code: String, filename: String, isCell: Bool, displayLast: Bool) -> ExecutionResult {
        let interp = interpreter
        interp.beginExecution()
        let source = SourceText(code, filename: filename, isCell: isCell)
        let compiled: CodeObject
        do {
            let body = try Parser.parse(code)
            compiled = try Compiler.compile(body, source: source, interpreter: interp, displayLast: displayLast)
        } catch {
            return ExecutionResult(value: nil, failure: ScriptFailure(
                ename: error.kind.rawValue, evalue: error.message,
                traceback: error.rendered(filename: filename, isCell: isCell, source: code, colour: colourTracebacks),
                isSyntaxError: true, exception: nil))
        }
        interp.lastExpressionValue = nil
        let frame = Frame(code: compiled, interpreter: interp, closure: [])
        do {
            _ = try execBlock(compiled.body, frame)
            // An interrupt that arrived during the last statement (a long builtin) is
            // raised now, as CPython raises it at the next bytecode.
            if interp.interrupt.take() && !(interp.interruptHook?() ?? false) {
                throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
            }
            let value = interp.lastExpressionValue
            interp.lastExpressionValue = nil
            return ExecutionResult(value: value, failure: nil)
        } catch let e as ScriptError {
            _ = interp.interrupt.take()
            return ExecutionResult(value: nil, failure: failure(for: e.exception))
        } catch {
            return ExecutionResult(value: nil, failure: ScriptFailure(ename: "SystemError", evalue: "\(error)", traceback: ["\(error)"],
                                                                      isSyntaxError: false, exception: nil))
        }
    }

    /// The user-facing failure for an exception.
    public func failure(for e: ExceptionObject) -> ScriptFailure {
        let renderer = TracebackRenderer(colour: colourTracebacks)
        var message = e.message(interpreter)
        if let s = e.suggestion { message += ". Did you mean: '\(s)'?" }
        return ScriptFailure(ename: e.type.name, evalue: message,
                             traceback: renderer.lines(for: e, interpreter: interpreter),
                             isSyntaxError: false, exception: e)
    }

    /// Runs `body` on a thread with a large stack (deep recursion in cells needs it) and
    /// waits for it.
    public static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        LargeStackThread.run(body)
    }
}
