/// One frame of a traceback: where the exception passed.
public struct TraceFrame: Sendable {
    /// `Cell In[3]` or a file path.
    public var filename: String
    /// Whether `filename` names a cell (printed as IPython does) or a file.
    public var isCell: Bool
    /// The function's name, or `<module>` for top-level code.
    public var function: String
    /// The span of the failing expression or statement.
    public var span: SourceSpan
    /// The source line at `span.start.line`, without its newline.
    public var sourceLine: String
    /// The source lines the span covers (first is `sourceLine`).
    public var sourceLines: [String]
}

/// An exception instance: its type, arguments and traceback.
public final class ExceptionObject: ScriptObject {
    /// The exception's class.
    public let type: TypeObject
    /// The arguments it was created with.
    public var args: [Value]
    /// The traceback, outermost frame first.
    public var traceback: [TraceFrame] = []
    /// Set while the exception still needs a traceback entry for the current frame.
    var needsLocation = true
    /// The exception being handled when this one was raised.
    public var context: ExceptionObject?
    /// The explicit cause (`raise … from …`).
    public var cause: ExceptionObject?
    /// Extra attributes (e.g. `name` on NameError, for suggestions).
    var suggestion: String?
    /// Whether `except` clauses may catch it (false for resource limits of a sandboxed run).
    public var isCatchable = true

    /// Creates an exception of `type` with `args`.
    public init(type: TypeObject, args: [Value]) {
        self.type = type
        self.args = args
    }

    deinit {
        // `raise … from` in a loop chains exceptions arbitrarily deep: free them iteratively.
        var held = args
        if let cause { held.append(.object(cause)) }
        if let context { held.append(.object(context)) }
        cause = nil
        context = nil
        args = []
        Trashcan.dispose(&held)
    }

    public var typeName: String { type.name }

    /// The message as `str(e)` gives it.
    public func message(_ interpreter: Interpreter) -> String {
        switch args.count {
        case 0: return ""
        case 1:
            if type === BuiltinTypes.keyError, let r = try? interpreter.repr(args[0]) { return r }
            return (try? interpreter.str(args[0])) ?? ""
        default:
            return (try? interpreter.repr(.tuple(args))) ?? ""
        }
    }

    public func str(_ interpreter: Interpreter) throws -> String { message(interpreter) }

    public func repr(_ interpreter: Interpreter) throws -> String {
        if args.count == 1 { return "\(type.name)(\(try interpreter.repr(args[0])))" }
        return "\(type.name)(\(try args.map { try interpreter.repr($0) }.joined(separator: ", ")))"
    }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "args": return .tuple(args)
        case "value" where type === BuiltinTypes.stopIteration: return args.first ?? Value.none
        case "__class__": return .object(type)
        case "__cause__": return cause.map { .object($0) } ?? Value.none
        case "__context__": return context.map { .object($0) } ?? Value.none
        default: return nil
        }
    }

    public var attributeNames: [String] { ["args"] }
}

/// An error thrown through the interpreter: a Python exception on its way up.
public struct ScriptError: Error {
    /// The exception being raised.
    public let exception: ExceptionObject

    /// Wraps an exception.
    public init(_ exception: ExceptionObject) {
        self.exception = exception
    }

    /// A new exception of `type` with a message.
    public init(_ type: TypeObject, _ message: String) {
        self.exception = ExceptionObject(type: type, args: [.str(message)])
    }

    /// `TypeError(message)`.
    public static func typeError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.typeError, m) }
    /// `ValueError(message)`.
    public static func valueError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.valueError, m) }
    /// `AttributeError(message)`.
    public static func attributeError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.attributeError, m) }
    /// `IndexError(message)`.
    public static func indexError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.indexError, m) }
    /// `KeyError(key)`.
    public static func keyError(_ key: Value) -> ScriptError {
        ScriptError(ExceptionObject(type: BuiltinTypes.keyError, args: [key]))
    }
    /// `ZeroDivisionError(message)`.
    public static func zeroDivision(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.zeroDivisionError, m) }
    /// `OverflowError(message)`.
    public static func overflow(_ m: String = "integer overflow: Beamtime integers are 64-bit") -> ScriptError {
        ScriptError(BuiltinTypes.overflowError, m)
    }
    /// `NameError(message)`.
    public static func nameError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.nameError, m) }
    /// `RuntimeError(message)`.
    public static func runtimeError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.runtimeError, m) }
    /// `MemoryError(message)`.
    public static func memoryError(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.memoryError, m) }
    /// `NotImplementedError(message)`.
    public static func notImplemented(_ m: String) -> ScriptError { ScriptError(BuiltinTypes.notImplementedError, m) }
    /// `UnboundLocalError` for a local read or deleted before assignment.
    static func unboundLocal(_ name: String) -> ScriptError {
        ScriptError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
    }
    /// `NameError` for a closure variable read or deleted before assignment.
    static func unboundFree(_ name: String) -> ScriptError {
        .nameError("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    }
    /// `StopIteration(value)`.
    public static func stopIteration(_ value: Value = .none) -> ScriptError {
        ScriptError(ExceptionObject(type: BuiltinTypes.stopIteration, args: value.isNone ? [] : [value]))
    }
}

extension BuiltinTypes {
    /// `BaseException`.
    public static let baseException = TypeObject(name: "BaseException", doc: "Common base class for all exceptions")
    /// `SystemExit`.
    public static let systemExit = exc("SystemExit", baseException, "Request to exit from the interpreter.")
    /// `KeyboardInterrupt`.
    public static let keyboardInterrupt = exc("KeyboardInterrupt", baseException, "Program interrupted by user.")
    /// `GeneratorExit`.
    public static let generatorExit = exc("GeneratorExit", baseException, "Request that a generator exit.")
    /// `Exception`.
    public static let exception = exc("Exception", baseException, "Common base class for all non-exit exceptions.")
    /// `StopIteration`.
    public static let stopIteration = exc("StopIteration", exception, "Signal the end from iterator.__next__().")
    /// `ArithmeticError`.
    public static let arithmeticError = exc("ArithmeticError", exception, "Base class for arithmetic errors.")
    /// `ZeroDivisionError`.
    public static let zeroDivisionError = exc("ZeroDivisionError", arithmeticError, "Second argument to a division or modulo operation was zero.")
    /// `OverflowError`.
    public static let overflowError = exc("OverflowError", arithmeticError, "Result too large to be represented (Beamtime integers are 64-bit).")
    /// `FloatingPointError`.
    public static let floatingPointError = exc("FloatingPointError", arithmeticError, "Floating point operation failed.")
    /// `AssertionError`.
    public static let assertionError = exc("AssertionError", exception, "Assertion failed.")
    /// `AttributeError`.
    public static let attributeError = exc("AttributeError", exception, "Attribute not found.")
    /// `ImportError`.
    public static let importError = exc("ImportError", exception, "Import can't find module, or can't find name in module.")
    /// `ModuleNotFoundError`.
    public static let moduleNotFoundError = exc("ModuleNotFoundError", importError, "Module not found.")
    /// `LookupError`.
    public static let lookupError = exc("LookupError", exception, "Base class for lookup errors.")
    /// `IndexError`.
    public static let indexError = exc("IndexError", lookupError, "Sequence index out of range.")
    /// `KeyError`.
    public static let keyError = exc("KeyError", lookupError, "Mapping key not found.")
    /// `MemoryError`.
    public static let memoryError = exc("MemoryError", exception, "Out of memory.")
    /// `NameError`.
    public static let nameError = exc("NameError", exception, "Name not found globally.")
    /// `UnboundLocalError`.
    public static let unboundLocalError = exc("UnboundLocalError", nameError, "Local name referenced but not bound to a value.")
    /// `RuntimeError`.
    public static let runtimeError = exc("RuntimeError", exception, "Unspecified run-time error.")
    /// `NotImplementedError`.
    public static let notImplementedError = exc("NotImplementedError", runtimeError, "Method or function hasn't been implemented yet.")
    /// `RecursionError`.
    public static let recursionError = exc("RecursionError", runtimeError, "Recursion limit exceeded.")
    /// `SyntaxError`.
    public static let syntaxError = exc("SyntaxError", exception, "Invalid syntax.")
    /// `IndentationError`.
    public static let indentationError = exc("IndentationError", syntaxError, "Improper indentation.")
    /// `TabError`.
    public static let tabError = exc("TabError", indentationError, "Improper mixture of spaces and tabs.")
    /// `TypeError`.
    public static let typeError = exc("TypeError", exception, "Inappropriate argument type.")
    /// `ValueError`.
    public static let valueError = exc("ValueError", exception, "Inappropriate argument value (of correct type).")
    /// `UnicodeError`.
    public static let unicodeError = exc("UnicodeError", valueError, "Unicode related error.")
    /// `OSError`.
    public static let osError = exc("OSError", exception, "Base class for I/O related errors.")
    /// `FileNotFoundError`.
    public static let fileNotFoundError = exc("FileNotFoundError", osError, "File not found.")
    /// `TimeoutError`.
    public static let timeoutError = exc("TimeoutError", osError, "Timeout expired.")

    /// All builtin exception classes, bound as builtins.
    public static let allExceptions: [TypeObject] = [
        baseException, systemExit, keyboardInterrupt, generatorExit, exception, stopIteration,
        arithmeticError, zeroDivisionError, overflowError, floatingPointError, assertionError,
        attributeError, importError, moduleNotFoundError, lookupError, indexError, keyError,
        memoryError, nameError, unboundLocalError, runtimeError, notImplementedError, recursionError,
        syntaxError, indentationError, tabError, typeError, valueError, unicodeError, osError,
        fileNotFoundError, timeoutError,
    ]

    private static func exc(_ name: String, _ base: TypeObject, _ doc: String) -> TypeObject {
        TypeObject(name: name, base: base, doc: doc, signature: "\(name)(*args)")
    }
}
