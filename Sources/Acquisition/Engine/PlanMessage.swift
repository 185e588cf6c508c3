import Script

/// One instruction a plan yields to the run engine, as bluesky's `Msg(command, obj, *args,
/// run=None, **kwargs)`: e.g. `Msg('set', motor, 1.0, group='A')`.
public final class PlanMessage: ScriptObject {
    /// The command (`open_run`, `set`, `read` …).
    public let command: String
    /// The device it applies to, or None.
    public let object: Value
    /// Positional arguments.
    public let args: [Value]
    /// Keyword arguments in order.
    public let kwargs: [(name: String, value: Value)]
    /// The run key (None: the one open run).
    public let run: Value

    /// A message from its parts.
    public init(_ command: String, _ object: Value = .none, args: [Value] = [], kwargs: [(name: String, value: Value)] = [],
                run: Value = .none) {
        self.command = command
        self.object = object
        self.args = args
        self.kwargs = kwargs
        self.run = run
    }

    /// The keyword argument `name`, if given and not None.
    public func keyword(_ name: String) -> Value? {
        guard let v = kwargs.last(where: { $0.name == name })?.value, !v.isNone else { return nil }
        return v
    }

    /// The device the message applies to, if it is one (looked up once).
    public private(set) lazy var device: (any Device)? = {
        if case .object(let o) = object { return o as? any Device }
        return nil
    }()

    public var typeName: String { "Msg" }
    public var docstring: String? { PlanMessage.constructorDoc }
    public var attributeNames: [String] { ["args", "command", "kwargs", "obj", "run"] }

    public func repr(_ interpreter: Interpreter) throws -> String {
        let argsText = args.count == 1 ? "(\(try interpreter.repr(args[0])),)" : "(\(try args.map { try interpreter.repr($0) }.joined(separator: ", ")))"
        let kwargsText = "{" + (try kwargs.map { "'\($0.name)': \(try interpreter.repr($0.value))" }.joined(separator: ", ")) + "}"
        return "Msg('\(command)', obj=\(try interpreter.repr(object)), args=\(argsText), kwargs=\(kwargsText), run=\(try interpreter.repr(run)))"
    }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "command": return .str(command)
        case "obj": return object
        case "args": return .tuple(args)
        case "kwargs":
            let d = DictObject()
            for (k, v) in kwargs { if let key = try? HashKey(.str(k)) { d.set(key, v) } }
            return .dict(d)
        case "run": return run
        default: return nil
        }
    }

    static let constructorDoc = """
    Msg(command, obj=None, *args, run=None, **kwargs): one instruction for the run engine, as in bluesky.
    Commands: open_run, close_run, create, read, save, drop, set, trigger, wait, sleep, checkpoint, pause, stage,
    unstage, declare_stream, null. A plan is a generator that yields Msg objects; the engine sends back each
    command's result (e.g. the reading for 'read').
    """

    /// The `Msg` constructor bound in cells.
    static let constructor = BuiltinFunction("Msg", signature: "Msg(command, obj=None, *args, run=None, **kwargs)",
                                             doc: constructorDoc) { arguments, _ in
        guard case .str(let command)? = arguments.positional.first else {
            throw ScriptError.typeError("Msg() needs a command string first")
        }
        let object = arguments.positional.count > 1 ? arguments.positional[1] : (arguments.keyword("obj") ?? .none)
        let rest = arguments.positional.count > 2 ? Array(arguments.positional[2...]) : []
        let kwargs = arguments.keywords.filter { $0.name != "run" && $0.name != "obj" }
        return .object(PlanMessage(command, object, args: rest, kwargs: kwargs, run: arguments.keyword("run") ?? .none))
    }
}
