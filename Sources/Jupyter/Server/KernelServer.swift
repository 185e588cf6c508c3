import Glibc
import Platform
import ZeroMQ

/// Serves a `KernelCore` over ZeroMQ as the Jupyter protocol lays it out.
///
/// Threads: the calling thread is the I/O thread and owns shell, control, stdin and iopub;
/// it verifies every incoming message, answers control requests at once (so interrupt and
/// shutdown work while a cell runs) and forwards everything the execution thread sends.
/// The execution thread (512 MiB stack, for deep recursion) runs shell requests one at a
/// time and sends its messages through an inproc pair, so each request's outputs reach
/// the sockets before its reply. The heartbeat echoes on a third thread.
public final class KernelServer {
    /// Why `run` returned.
    public enum Ending: Equatable, Sendable {
        /// A `shutdown_request` arrived.
        case shutdownRequest(restart: Bool)
        /// SIGTERM arrived.
        case terminated
        /// The process that started the kernel (`JPY_PARENT_PID`) has gone.
        case parentExited
    }

    private let connection: ConnectionInfo
    private let core: KernelCore
    private let log: any KernelLog
    private let parentWatch: ParentWatch?
    private let context: Context
    private let queue = RequestQueue()
    private var history = SignatureHistory()
    private let codec: WireCodec
    private static let pipeEndpoint = "inproc://beamtime-execution"
    /// Stack size of the execution thread.
    public static let executionStackSize = 512 << 20

    /// A server for `connection` around `core`; with `parentWatch`, it also stops (as on
    /// SIGTERM) once that watch sees the kernel's parent gone, looking about once a second.
    public init(connection: ConnectionInfo, core: KernelCore, log: any KernelLog = StandardErrorLog(),
                parentWatch: ParentWatch? = nil) throws {
        self.connection = connection
        self.core = core
        self.log = log
        self.parentWatch = parentWatch
        self.codec = WireCodec(signer: connection.signer)
        self.context = try Context()
        if connection.key.isEmpty {
            log.warning("the connection file has an empty key: messages are NOT signed and anyone who can reach the ports can run code")
        }
    }

    /// Binds the sockets, announces `starting` and serves until shutdown, SIGTERM or the
    /// parent's end.
    public func run() throws -> Ending {
        let shell = try Socket(context, .router)
        let control = try Socket(context, .router)
        let stdin = try Socket(context, .router)
        let iopub = try Socket(context, .publisher)
        let pipe = try Socket(context, .pair)
        for socket in [shell, control, stdin] { try socket.setMaximumMessageSize(Int64(codec.sizeLimit)) }
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        try pipe.bind(KernelServer.pipeEndpoint)
        let heartbeat = try Heartbeat.start(context: context, endpoint: connection.endpoint(connection.heartbeatPort))
        let signals = SignalPipe.install()

        let sockets: [Channel: Socket] = [.shell: shell, .control: control, .stdin: stdin, .iopub: iopub]
        let direct = DirectTransport(sockets: sockets, codec: codec, log: log)
        let execution = try startExecutionThread()
        core.announceStarting(via: direct)

        var poller = Poller()
        let shellIndex = poller.add(shell)
        let controlIndex = poller.add(control)
        let stdinIndex = poller.add(stdin)
        let pipeIndex = poller.add(pipe)
        let signalIndex = signals >= 0 ? poller.add(fileDescriptor: signals) : -1
        var ending: Ending?
        let pollTimeout = parentWatch == nil ? -1 : Int(ParentWatch.interval * 1000)
        var lastParentCheck = Monotonic.now()
        while ending == nil {
            let ready: [Int]
            do { ready = try poller.poll(timeoutMilliseconds: pollTimeout) } catch {
                log.warning("poll failed: \(error)")
                ending = .terminated
                break
            }
            for index in ready {
                switch index {
                case shellIndex:
                    if let message = receive(from: shell, channel: .shell) { queue.push(message) }
                case controlIndex:
                    guard let message = receive(from: control, channel: .control) else { continue }
                    switch core.handleControl(message, via: direct) {
                    case .interrupt: queue.interruptInput()
                    case .shutdown(let restart): ending = .shutdownRequest(restart: restart)
                    case .none: break
                    }
                case stdinIndex:
                    guard let message = receive(from: stdin, channel: .stdin) else { continue }
                    if message.type != "input_reply" || !queue.deliverInput(message) {
                        log.warning("dropped an unexpected \(message.type) on stdin")
                    }
                case pipeIndex:
                    forward(from: pipe, to: sockets)
                case signalIndex:
                    for signal in SignalPipe.drain() {
                        if signal == SIGTERM { ending = .terminated }
                        if signal == SIGINT {
                            core.language.interrupt()
                            queue.interruptInput()
                        }
                    }
                default: break
                }
            }
            if let parentWatch, ending == nil, Monotonic.now() - lastParentCheck >= ParentWatch.interval {
                lastParentCheck = Monotonic.now()
                if parentWatch.parentHasExited() {
                    log.warning("the parent process (pid \(parentWatch.parent)) has exited: shutting down")
                    ending = .parentExited
                }
            }
        }
        // Stop: let a running cell see an interrupt, flush what the execution thread
        // already sent, give replies a moment to leave, then close everything.
        core.language.interrupt()
        queue.stop()
        queue.interruptInput()
        _ = execution.join(timeout: 0.3)
        while (try? pipe.receive(dontWait: true)) != nil {}
        for socket in [shell, control, stdin, iopub] { try? socket.setLinger(milliseconds: 500) }
        for socket in [shell, control, stdin, iopub, pipe] { socket.close() }
        context.shutdown()
        _ = heartbeat.join(timeout: 0.2)
        let terminated = Event()
        let ctx = context
        _ = try? PlatformThread { ctx.terminate(); terminated.signal() }
        _ = terminated.wait(timeout: 0.6)
        return ending ?? .terminated
    }

    /// Receives and verifies one message; logs and drops anything malformed or forged.
    private func receive(from socket: Socket, channel: Channel) -> Message? {
        let frames: [[UInt8]]
        do {
            guard let received = try socket.receive(dontWait: true) else { return nil }
            frames = received
        } catch {
            log.warning("receive on \(channel.rawValue) failed: \(error)")
            return nil
        }
        do {
            return try codec.decode(frames, history: &history)
        } catch {
            log.warning("dropped a message on \(channel.rawValue): \(error)")
            return nil
        }
    }

    /// Sends the messages the execution thread handed over: per message a channel tag, its
    /// frame count and its frames.
    private func forward(from pipe: Socket, to sockets: [Channel: Socket]) {
        while let batch = try? pipe.receive(dontWait: true) {
            var index = 0
            while index + 1 < batch.count {
                let tag = String(decoding: batch[index], as: UTF8.self)
                let count = Int(String(decoding: batch[index + 1], as: UTF8.self)) ?? 0
                let end = min(batch.count, index + 2 + count)
                let frames = Array(batch[(index + 2)..<end])
                index = end
                guard let channel = Channel(rawValue: tag), let socket = sockets[channel] else { continue }
                do { try socket.send(frames) } catch {
                    log.warning("send on \(channel.rawValue) failed: \(error)")
                }
            }
        }
    }

    private func startExecutionThread() throws -> PlatformThread {
        let context = self.context
        let queue = self.queue
        let core = self.core
        let codec = self.codec
        let log = self.log
        let ready = Event()
        let failure = ErrorBox()
        let thread = try PlatformThread(stackSize: KernelServer.executionStackSize) {
            let pipe: Socket
            do {
                pipe = try Socket(context, .pair)
                try pipe.connect(KernelServer.pipeEndpoint)
            } catch {
                failure.error = error
                ready.signal()
                return
            }
            ready.signal()
            defer { pipe.close() }
            let transport = PipeTransport(pipe: pipe, codec: codec, queue: queue, log: log)
            core.language.start()
            while let request = queue.next() {
                core.handleShell(request, via: transport)
                transport.flush()
            }
        }
        ready.wait()
        if let error = failure.error { throw error }
        return thread
    }
}

/// Sends directly on the I/O thread's sockets (control replies and their status).
final class DirectTransport: KernelTransport {
    private let sockets: [Channel: Socket]
    private let codec: WireCodec
    private let log: any KernelLog

    init(sockets: [Channel: Socket], codec: WireCodec, log: any KernelLog) {
        self.sockets = sockets
        self.codec = codec
        self.log = log
    }

    func send(_ message: Message, on channel: Channel) {
        guard let socket = sockets[channel] else { return }
        do { try socket.send(codec.encode(message)) } catch { log.warning("send on \(channel.rawValue) failed: \(error)") }
    }

    func awaitInputReply(interrupted: @escaping () -> Bool) throws -> Message { throw InputError.notAllowed }
    func takeQueuedShellRequests() -> [Message] { [] }
}

/// The execution thread's transport: messages go to the I/O thread through the inproc pair,
/// gathered until `flush` so one wake-up of the I/O thread sends several of them.
final class PipeTransport: KernelTransport {
    private let pipe: Socket
    private let codec: WireCodec
    private let queue: RequestQueue
    private let log: any KernelLog
    /// Held messages: per message a channel tag, its frame count, then its frames.
    private var batch: [[UInt8]] = []

    init(pipe: Socket, codec: WireCodec, queue: RequestQueue, log: any KernelLog) {
        self.pipe = pipe
        self.codec = codec
        self.queue = queue
        self.log = log
    }

    func send(_ message: Message, on channel: Channel) {
        let frames = codec.encode(message)
        batch.append(Array(channel.rawValue.utf8))
        batch.append(Array(String(frames.count).utf8))
        batch.append(contentsOf: frames)
    }

    func flush() {
        guard !batch.isEmpty else { return }
        defer { batch.removeAll(keepingCapacity: true) }
        do { try pipe.send(batch) } catch { log.warning("cannot hand messages to the I/O thread: \(error)") }
    }

    func awaitInputReply(interrupted: @escaping () -> Bool) throws -> Message {
        try queue.awaitInput(interrupted: interrupted, sendRequest: flush)
    }

    func takeQueuedShellRequests() -> [Message] { queue.drain() }
}
