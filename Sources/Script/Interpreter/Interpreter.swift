import Synchronization

/// Where a cell's `print` output goes.
public protocol OutputSink: AnyObject {
    /// Writes text to standard output (`stderr == false`) or standard error.
    func write(_ text: String, stderr: Bool)
}

/// Collects output in memory (used by tests and as a default).
public final class BufferedOutput: OutputSink {
    /// Text written to stdout.
    public private(set) var stdout = ""
    /// Text written to stderr.
    public private(set) var stderr = ""

    /// Creates an empty buffer.
    public init() {}

    public func write(_ text: String, stderr isError: Bool) {
        if isError { stderr += text } else { stdout += text }
    }

    /// Empties both streams.
    public func clear() {
        stdout = ""
        stderr = ""
    }
}

/// A flag another thread sets to interrupt running code with `KeyboardInterrupt`.
public final class InterruptFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    /// The address of the interpreter's statement countdown, so `set` makes the very next
    /// statement check the flag (0 when no interpreter is attached).
    private let countdown = Atomic<UInt>(0)

    /// Creates a cleared flag.
    public init() {}

    /// Requests an interrupt at the next statement or loop iteration.
    public func set() {
        flag.store(true, ordering: .sequentiallyConsistent)
        // Make the interpreter's next tick a slow one. A racing decrement can undo this
        // store; the flag stays set, so the interrupt is then seen within 1024 statements.
        if let pointer = UnsafeMutablePointer<Int>(bitPattern: countdown.load(ordering: .acquiring)) {
            pointer.pointee = 0
        }
    }

    /// Clears the flag, returning whether it was set.
    public func take() -> Bool { flag.exchange(false, ordering: .relaxed) }

    /// Whether an interrupt is pending.
    public var isSet: Bool { flag.load(ordering: .relaxed) }

    func attach(_ counter: UnsafeMutablePointer<Int>?) {
        countdown.store(counter.map { UInt(bitPattern: $0) } ?? 0, ordering: .releasing)
    }
}

/// A named global variable of a session; code refers to it directly, so lookups cost one load.
final class GlobalBox {
    let name: String
    /// Where the value lives: a fixed address, so a call site can look at the value without
    /// copying it (see `CallNode`).
    let storage: UnsafeMutablePointer<Value>

    /// The value (`.unbound` when the name is not assigned).
    var value: Value {
        @inline(__always) get { storage.pointee }
        @inline(__always) set { storage.pointee = newValue }
    }

    init(_ name: String) {
        self.name = name
        storage = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        storage.initialize(to: .unbound)
    }

    deinit {
        var held = [storage.move()]
        storage.deallocate()
        Trashcan.dispose(&held)
    }
}

/// A module a host makes importable (`import math`).
public final class ModuleObject: ScriptObject {
    /// The module's name.
    public let name: String
    /// Its attributes.
    public var members: [String: Value]
    private let doc: String?

    /// Creates a module.
    public init(name: String, doc: String? = nil, members: [String: Value] = [:]) {
        self.name = name
        self.doc = doc
        self.members = members
    }

    public var typeName: String { "module" }
    public var docstring: String? { doc }
    public func repr(_ interpreter: Interpreter) throws -> String { "<module '\(name)' (built-in)>" }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if name == "__name__" { return .str(self.name) }
        return members[name]
    }
    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        members[name] = value
    }
    public var attributeNames: [String] { members.keys.sorted() }
}

/// Executes compiled cell code: owns the session's globals, builtins, importable modules,
/// output streams, interrupt flag and resource limits.
public final class Interpreter {
    /// Where `print` writes.
    public var output: any OutputSink
    /// Reads a line for `input()`; nil means input is not available.
    public var inputProvider: ((String) throws -> String)?
    /// Set from another thread to raise `KeyboardInterrupt`.
    public let interrupt: InterruptFlag
    /// Maximum depth of nested calls before `RecursionError`.
    public var recursionLimit = 1000
    /// When set, the number of statements and loop iterations a run may take before it
    /// is stopped with an uncatchable `RuntimeError` (used to bound untrusted runs).
    public var stepBudget: Int?
    /// Largest number of elements one container operation may allocate before `MemoryError`.
    public var allocationLimit = 1 << 31

    var globals: [String: GlobalBox] = [:]
    var builtins: [String: Value] = [:]
    var moduleFactories: [String: (Interpreter) -> ModuleObject] = [:]
    var loadedModules: [String: ModuleObject] = [:]
    var handledExceptions: [ExceptionObject] = []
    /// Counters the hot paths update through a raw pointer, without reference counting:
    /// [0] statements until the next interrupt poll, [1] the depth of nested calls.
    let counters: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        p.initialize(repeating: 0, count: 2)
        p[0] = 1024
        return p
    }()
    var callDepth: Int {
        get { counters[1] }
        set { counters[1] = newValue }
    }
    var ticks: Int {
        get { counters[0] }
        set { counters[0] = newValue }
    }
    var stepsTaken = 0
    var typeRegistry: [String: TypeObject] = [:]
    var typeMethods: [ObjectIdentifier: [String: Value]] = [:]
    var reprInProgress = Set<ObjectIdentifier>()
    var lastExpressionValue: Value?
    /// Called when an interrupt arrives while code runs: return true when the host takes
    /// it (the run engine turns it into a pause at the next checkpoint), false to raise
    /// `KeyboardInterrupt` as usual.
    public var interruptHook: (() -> Bool)?
    /// Called every 1024 statements and loop iterations on the running thread (the kernel
    /// flushes buffered output from here, so a long loop's prints appear while it runs).
    public var periodicHook: (() -> Void)?
    /// Shows `help(...)` text in a pager instead of the output (set by the kernel, which
    /// sends it as a `page` payload).
    public var pagerHook: ((String) -> Void)?
    /// Executes a display hook for `display(...)`; set by the kernel.
    public var displayHook: ((Value, Interpreter) throws -> Void)?

    /// Creates an interpreter with the builtins and the `math` and `sys` modules.
    public init(output: any OutputSink = BufferedOutput(), interrupt: InterruptFlag = InterruptFlag()) {
        self.output = output
        self.interrupt = interrupt
        interrupt.attach(counters)
        installBuiltins()
        registerModule("math", MathModule.make)
        registerModule("sys", SysModule.make)
        registerModule("time", TimeModule.make)
    }

    deinit {
        interrupt.attach(nil)
        counters.deallocate()
    }

    /// Makes `import name` load the module built by `factory`.
    public func registerModule(_ name: String, _ factory: @escaping (Interpreter) -> ModuleObject) {
        moduleFactories[name] = factory
        loadedModules[name] = nil
    }

    /// Binds a builtin name visible from every cell (e.g. a device or a plan).
    public func setBuiltin(_ name: String, _ value: Value) {
        builtins[name] = value
    }

    /// The names of the importable modules.
    public var availableModules: [String] { moduleFactories.keys.sorted() }

    func globalBox(_ name: String) -> GlobalBox {
        if let box = globals[name] { return box }
        let box = GlobalBox(name)
        globals[name] = box
        return box
    }

    /// Reads a global variable (or builtin).
    public func global(_ name: String) -> Value? {
        if let v = globals[name]?.value, !v.isUnbound { return v }
        return builtins[name]
    }

    /// Removes a global variable (a builtin of the same name shows through again).
    public func removeGlobal(_ name: String) {
        globals[name]?.value = .unbound
    }

    /// Assigns a global variable.
    public func setGlobal(_ name: String, _ value: Value) {
        globalBox(name).value = value
    }

    /// Names currently defined at the top level, then builtins.
    public var definedNames: [String] {
        globals.values.filter { !$0.value.isUnbound }.map(\.name).sorted() + builtins.keys.sorted()
    }

    /// Called at every statement and loop iteration: polls the interrupt flag and budget.
    @inline(__always)
    func tick() throws {
        counters[0] &-= 1
        if counters[0] < 0 { try slowTick() }
    }

    @inline(never)
    func slowTick() throws {
        stepsTaken += 1024 - max(ticks, 0)
        ticks = 1024
        periodicHook?()
        if interrupt.take(), !(interruptHook?() ?? false) {
            throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
        }
        if let budget = stepBudget, stepsTaken > budget {
            let e = ExceptionObject(type: BuiltinTypes.runtimeError,
                                    args: [.str("step budget of \(budget) statements exhausted")])
            e.isCatchable = false
            ticks = 0
            throw ScriptError(e)
        }
    }

    /// Polls the interrupt flag from long-running builtins (call every few thousand items).
    public func checkInterrupt() throws {
        ticks = 0
        try slowTick()
    }

    /// Writes to the cell's stdout.
    public func write(_ text: String) {
        output.write(text, stderr: false)
    }

    /// Resets per-execution state before a new cell runs.
    func beginExecution() {
        handledExceptions.removeAll()
        callDepth = 0
        stepsTaken = 0
        ticks = 1024
    }

    /// Registers extra attributes (methods) for a type, e.g. for host-defined types.
    public func setTypeAttribute(_ type: TypeObject, _ name: String, _ value: Value) {
        typeMethods[ObjectIdentifier(type), default: [:]][name] = value
    }

    func typeAttribute(_ type: TypeObject, _ name: String) throws -> Value? {
        if let v = typeMethods[ObjectIdentifier(type)]?[name] { return v }
        if type === BuiltinTypes.dict && name == "fromkeys" {
            return .object(BuiltinFunction("fromkeys", signature: "dict.fromkeys(iterable, value=None, /)",
                                           doc: "Create a new dictionary with keys from iterable and values set to value.") { args, interp in
                try interp.callMethod(.dict(DictObject()), "fromkeys", args)
            })
        }
        let sample: Value?
        switch type.name {
        case "str": sample = .str("")
        case "list": sample = .list(ListObject())
        case "dict": sample = .dict(DictObject())
        case "tuple": sample = .tuple([])
        case "int": sample = .int(0)
        case "float": sample = .float(0)
        default: sample = nil
        }
        guard let sample, MethodTables.has(sample, name) else { return nil }
        // An unbound method: `str.upper("x")` calls the method on its first argument.
        return .object(BuiltinFunction(name, signature: "\(type.name).\(name)(self, ...)") { args, interp in
            guard let receiver = args.positional.first, interp.typeObject(of: receiver).isSubtype(of: type) else {
                throw ScriptError.typeError("descriptor '\(name)' for '\(type.name)' objects doesn't apply to this argument")
            }
            return try interp.callMethod(receiver, name, Arguments(Array(args.positional.dropFirst()), keywords: args.keywords))
        })
    }

    /// The type object for a native object's type name (one per name, so `is` works).
    public func nativeType(named name: String) -> TypeObject {
        if let t = typeRegistry[name] { return t }
        let t = TypeObject(name: name)
        typeRegistry[name] = t
        return t
    }
}
