import Documents
import JSON
import Script

/// Interprets plans: drives a generator of `Msg`s, runs each command through a registry,
/// and emits event-model documents to subscribers. Every run that opens gets exactly one
/// stop document: `success` (finished or `stop()`), `abort` (`abort()`, `halt()`) or `fail`
/// (an exception in the plan or a device, with the reason).
///
/// Pausing follows bluesky: the first interrupt pauses at the next `checkpoint`, a second
/// one pauses at once; on `resume()` the messages since the last checkpoint are replayed.
public final class RunEngine {
    /// The engine's states.
    public enum State: String, Sendable {
        case idle
        case running
        case paused
    }

    /// A command's implementation: gets the message, returns what the plan receives.
    public typealias Command = (PlanMessage, RunEngine) throws -> Value

    /// How a run is being ended on request.
    enum Ending {
        case stop, abort(String), halt(String)
    }

    enum Step {
        case send(Value)
        case throwIn(ExceptionObject)
        case process(PlanMessage)
    }

    /// The interpreter whose plans this engine drives.
    public unowned let interpreter: Interpreter
    /// Persistent metadata merged into every start document (`RE.md`).
    public let md = DictObject()
    /// The current state.
    public private(set) var state = State.idle {
        didSet {
            guard state != oldValue else { return }
            for hook in stateHooks { hook(state, oldValue) }
        }
    }
    /// Called on every change of `state` with the new and the old state (bluesky's
    /// `RunEngine.state_hook`), e.g. for a live view that shows a paused run.
    public typealias StateHook = (_ new: State, _ old: State) -> Void
    private var stateHooks: [StateHook] = []
    let store: RunEngineStore
    var commands: [String: Command] = [:]
    private var subscribers: [(token: Int, callback: Subscriber)] = []
    private var nextToken = 0

    var plan: (any Coroutine)?
    var bundler: RunBundler?
    var runUIDs: [String] = []
    var callMetadata = JSONObject()
    var groups: [String: [DeviceStatus]] = [:]
    var staged: [any Device] = []
    private var cache: [PlanMessage] = []
    private var pending: Step?
    private var pauseRequest = 0  // 0 none, 1 at the next checkpoint, 2 now
    private var interruptsDuringRun = 0
    private var endingRequest: Ending?

    /// A subscriber: a Swift closure or a cell function `fn(name, doc)`.
    public enum Subscriber {
        case native((Document) throws -> Void)
        case script(Value)
    }

    /// An engine for `interpreter`, numbering runs from `store`.
    public init(interpreter: Interpreter, store: RunEngineStore) {
        self.interpreter = interpreter
        self.store = store
        for member in store.loadMetadata() where member.key != "scan_id" {
            md.set(HashKey(string: member.key), ValueJSON.value(member.value))
        }
        md.set(HashKey(string: "scan_id"), .int(store.load()))
        registerStandardCommands()
    }

    /// Adds (or replaces) the command `name`, as bluesky's `register_command`.
    public func register(_ name: String, _ command: @escaping Command) { commands[name] = command }

    /// Adds a subscriber; returns its token for `unsubscribe`.
    @discardableResult
    public func subscribe(_ subscriber: Subscriber) -> Int {
        nextToken += 1
        subscribers.append((nextToken, subscriber))
        return nextToken
    }

    /// Adds a hook called on every change of `state` (after the change).
    public func addStateHook(_ hook: @escaping StateHook) { stateHooks.append(hook) }

    /// Removes a subscriber; returns whether it was there.
    @discardableResult
    public func unsubscribe(_ token: Int) -> Bool {
        let before = subscribers.count
        subscribers.removeAll { $0.token == token }
        return subscribers.count != before
    }

    /// Sends a document to every subscriber, in subscription order.
    func emit(_ document: Document) throws {
        var scriptDocument: Value?
        for (_, subscriber) in subscribers {
            switch subscriber {
            case .native(let callback): try callback(document)
            case .script(let function):
                if scriptDocument == nil { scriptDocument = .dict(ValueJSON.dict(document.body)) }
                _ = try interpreter.call(function, .str(document.name.rawValue), scriptDocument ?? .none)
            }
        }
    }

    // MARK: Running

    /// Runs `plan` with per-call metadata; returns the uids of the runs it opened. Throws
    /// `RunEngineInterrupted` when it pauses, and the plan's exception when it fails.
    public func run(_ plan: any Coroutine, metadata: JSONObject = [:]) throws -> [String] {
        guard state == .idle else {
            throw ScriptError(EngineExceptions.transitionError,
                              "the RunEngine is \(state.rawValue); call RE.resume(), RE.stop() or RE.abort() first")
        }
        self.plan = plan
        callMetadata = metadata
        runUIDs = []
        cache = []
        groups = [:]
        pauseRequest = 0
        interruptsDuringRun = 0
        state = .running
        return try drive(from: .send(.none), ending: nil)
    }

    /// Continues a paused plan, replaying the messages since its last checkpoint.
    public func resume() throws -> [String] {
        guard state == .paused, let step = pending else {
            throw ScriptError(EngineExceptions.transitionError, "RE.resume(): the RunEngine is \(state.rawValue), not paused")
        }
        state = .running
        pending = nil
        pauseRequest = 0
        interruptsDuringRun = 0
        let replay = cache
        cache = []
        do {
            for message in replay { _ = try execute(message) }
        } catch let error as ScriptError {
            return try drive(from: .throwIn(error.exception), ending: nil)
        }
        return try drive(from: step, ending: nil)
    }

    /// Ends a paused run cleanly (`success`), letting the plan clean up.
    public func stop() throws -> [String] { try end(.stop) }

    /// Ends a paused run as aborted, letting the plan clean up.
    public func abort(reason: String = "") throws -> [String] { try end(.abort(reason)) }

    /// Ends a paused run at once, without the plan's cleanup (`abort`).
    public func halt(reason: String = "") throws -> [String] { try end(.halt(reason)) }

    /// Asks a running plan to pause at its next checkpoint (from a subscriber or plan).
    public func requestPause(now: Bool = false) {
        pauseRequest = max(pauseRequest, now ? 2 : 1)
    }

    private func end(_ ending: Ending) throws -> [String] {
        switch state {
        case .idle:
            throw ScriptError(EngineExceptions.transitionError, "the RunEngine is idle: there is no run to end")
        case .running:
            endingRequest = ending  // from a callback: acted on at the next message
            return runUIDs
        case .paused:
            state = .running
            pending = nil
            cache = []
            if case .halt(let reason) = ending {
                try? plan?.close()
                return try finish(.abort, reason: reason.isEmpty ? "halted by RE.halt()" : reason)
            }
            let type = { if case .stop = ending { return EngineExceptions.requestStop } else { return EngineExceptions.requestAbort } }()
            return try drive(from: .throwIn(ExceptionObject(type: type, args: [])), ending: ending)
        }
    }

    /// The loop: resumes the plan, executes what it yields, until it finishes, fails or pauses.
    private func drive(from first: Step, ending: Ending?) throws -> [String] {
        guard let plan else { throw ScriptError(EngineExceptions.transitionError, "no plan to run") }
        let previousHook = interpreter.interruptHook
        interpreter.interruptHook = { [unowned self] in self.interrupted() }
        defer { interpreter.interruptHook = previousHook }
        var step = first
        var ending = ending
        while true {
            if ending == nil, let request = endingRequest {
                endingRequest = nil
                if case .halt(let reason) = request {
                    try? plan.close()
                    return try finish(.abort, reason: reason.isEmpty ? "halted by RE.halt()" : reason)
                }
                ending = request
                let type = { if case .stop = request { return EngineExceptions.requestStop } else { return EngineExceptions.requestAbort } }()
                step = .throwIn(ExceptionObject(type: type, args: []))
            }
            let message: PlanMessage
            switch step {
            case .process(let m):
                message = m
            case .send, .throwIn:
                let yielded: Value?
                do {
                    if case .throwIn(let exception) = step { yielded = try plan.throwInto(exception) } else if case .send(let v) = step {
                        yielded = try plan.send(v)
                    } else { yielded = nil }
                } catch let error as ScriptError {
                    let type = error.exception.type
                    if type === EngineExceptions.requestStop { return try finish(.success, reason: "") }
                    if type === EngineExceptions.requestAbort {
                        if case .abort(let reason)? = ending { return try finish(.abort, reason: reason.isEmpty ? "aborted by RE.abort()" : reason) }
                        return try finish(.abort, reason: "aborted")
                    }
                    if type === BuiltinTypes.keyboardInterrupt {
                        _ = try? finish(.abort, reason: "interrupted (KeyboardInterrupt)")
                        throw error
                    }
                    let reason = "\(type.name): \(error.exception.message(interpreter))"
                    _ = try? finish(.fail, reason: reason)
                    throw error
                }
                guard let value = yielded else {
                    switch ending {
                    case .abort(let reason)?: return try finish(.abort, reason: reason.isEmpty ? "aborted by RE.abort()" : reason)
                    default: return try finish(.success, reason: "")
                    }
                }
                guard case .object(let object) = value, let m = object as? PlanMessage else {
                    let text = (try? interpreter.repr(value)) ?? "?"
                    step = .throwIn(ExceptionObject(type: BuiltinTypes.typeError,
                                                    args: [.str("a plan must yield Msg objects, not \(text)")]))
                    continue
                }
                message = m
            }
            if ending == nil, let paused = try pauseIfRequested(before: message) { return paused }
            do {
                let result = try execute(message)
                step = .send(result)
            } catch let error as ScriptError {
                if error.exception.type === BuiltinTypes.keyboardInterrupt && ending == nil {
                    // Interrupted while waiting: pause now and redo this message on resume.
                    pauseRequest = 2
                    step = .process(message)
                    continue
                }
                step = .throwIn(error.exception)
            } catch {
                step = .throwIn(ExceptionObject(type: BuiltinTypes.runtimeError, args: [.str("\(error)")]))
            }
        }
    }

    /// Called by the interpreter when an interrupt arrives during a run: the first asks for
    /// a pause at the next checkpoint, the second for a pause now, a third raises
    /// `KeyboardInterrupt` (a plan stuck in a loop without yielding).
    private func interrupted() -> Bool {
        interruptsDuringRun += 1
        if interruptsDuringRun >= 3 { return false }
        pauseRequest = max(pauseRequest, interruptsDuringRun)
        return true
    }

    /// Pauses before `message` when asked to; throws `RunEngineInterrupted` if so.
    private func pauseIfRequested(before message: PlanMessage) throws -> [String]? {
        if interpreter.interrupt.take() { _ = interrupted() }
        let atCheckpoint = message.command == "checkpoint"
        let explicitPause = message.command == "pause"
        guard pauseRequest == 2 || (pauseRequest == 1 && atCheckpoint) || explicitPause else { return nil }
        if atCheckpoint || explicitPause {
            if atCheckpoint { cache = [] }
            pending = .send(.none)
        } else {
            pending = .process(message)
        }
        if bundler?.isBundling == true { try? bundler?.drop() }
        state = .paused
        pauseRequest = 0
        interruptsDuringRun = 0
        throw ScriptError(EngineExceptions.runEngineInterrupted, EngineExceptions.pausedMessage)
    }

    /// Executes one message and remembers it for replay after a pause.
    func execute(_ message: PlanMessage) throws -> Value {
        guard let command = commands[message.command] else {
            throw ScriptError.keyError(.str(message.command))
        }
        let result = try command(message, self)
        switch message.command {
        case "checkpoint", "save", "open_run", "close_run", "drop": cache = []
        default: cache.append(message)
        }
        return result
    }

    /// Closes an open run with `status`, unstages devices and returns to idle.
    private func finish(_ status: ExitStatus, reason: String) throws -> [String] {
        defer {
            state = .idle
            plan = nil
            pending = nil
            endingRequest = nil
        }
        var firstError: (any Error)?
        if let bundler {
            self.bundler = nil
            do { try emit(bundler.composer.makeStop(status, reason: reason)) } catch { firstError = error }
        }
        for device in staged.reversed() { try? device.unstage() }
        staged = []
        if let firstError { throw firstError }
        return runUIDs
    }
}
