import Executor
import JSON
import Jupyter
import Platform

/// Beamtime's own kernel run inside the executor's process: the same `KernelCore` and
/// language as `beamtime kernel`, sent requests directly instead of over ZeroMQ, so a
/// template skips the process start and the sockets yet yields the same notebook. The
/// caller's thread runs the cells (give it a large stack, as the kernel's execution thread
/// has). A cell past the timeout is interrupted and reported as timed out.
public final class InProcessNotebookKernel: NotebookKernel, KernelInfoSource {
    private let makeLanguage: () -> BeamtimeLanguage
    private var core: KernelCore?
    private let factory = MessageFactory(username: "beamtime-executor")

    /// A kernel whose language `makeLanguage` builds when it starts.
    public init(makeLanguage: @escaping () -> BeamtimeLanguage = { BeamtimeLanguage() }) {
        self.makeLanguage = makeLanguage
    }

    public func start(timeout: Double) throws -> JSONObject {
        let language = makeLanguage()
        language.start()
        let core = KernelCore(language: language, log: StandardErrorLog())
        self.core = core
        return kernelInfo() ?? [:]
    }

    public func execute(_ code: String, stopOnError: Bool, timeout: Double?, onIOPub: (Message) -> Void) throws -> Message {
        guard let core else { throw KernelFailure.startFailed("the kernel was not started") }
        let request = factory.message("execute_request", content: [
            "code": .string(code), "silent": false, "store_history": true, "user_expressions": [:],
            "allow_stdin": false, "stop_on_error": .bool(stopOnError),
        ], parent: nil)
        let watchdog = timeout.map { Watchdog(after: $0) { core.language.interrupt() } }
        let reply: Message? = withoutActuallyEscaping(onIOPub) { forward in
            let transport = CollectingTransport(onIOPub: forward)
            core.handleShell(request, via: transport)
            return transport.reply
        }
        if let watchdog, let timeout, watchdog.cancel() { throw KernelFailure.timedOut(timeout) }
        guard let reply else { throw KernelFailure.died("the kernel sent no execute_reply") }
        return reply
    }

    public func kernelInfo() -> JSONObject? {
        guard let core else { return nil }
        let transport = CollectingTransport(onIOPub: { _ in })
        core.handleShell(factory.message("kernel_info_request", content: [:], parent: nil), via: transport)
        return transport.reply?.content
    }

    public func shutdown() { core = nil }
}

/// Receives what the core sends: iopub messages go to `onIOPub` at once, the shell reply is kept.
private final class CollectingTransport: KernelTransport {
    private let onIOPub: (Message) -> Void
    var reply: Message?

    init(onIOPub: @escaping (Message) -> Void) { self.onIOPub = onIOPub }

    func send(_ message: Message, on channel: Channel) {
        switch channel {
        case .iopub: onIOPub(message)
        case .shell: reply = message
        default: break
        }
    }

    func awaitInputReply(interrupted: @escaping () -> Bool) throws -> Message { throw InputError.notAllowed }
    func takeQueuedShellRequests() -> [Message] { [] }
    func flush() {}
}

/// Runs `action` once after `seconds` unless cancelled first.
private final class Watchdog: @unchecked Sendable {
    private let monitor = Monitor()
    private var state = 0  // 0 waiting, 1 cancelled, 2 fired

    init(after seconds: Double, action: @escaping @Sendable () -> Void) {
        _ = try? PlatformThread { [self] in
            let settled: Bool? = monitor.await(until: { self.state != 0 }, timeout: seconds) { true }
            guard settled == nil else { return }
            let fire: Bool = monitor.locked {
                guard self.state == 0 else { return false }
                self.state = 2
                return true
            }
            if fire { action() }
        }
    }

    /// Stops the watchdog; true if it had already fired.
    func cancel() -> Bool {
        var fired = false
        monitor.change {
            if state == 0 { state = 1 }
            fired = state == 2
        }
        return fired
    }
}
