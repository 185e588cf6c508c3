import JSON
import Platform
import ZeroMQ

/// A Jupyter client for one kernel: DEALER sockets on shell, control and stdin, a SUB on
/// iopub. It serves the executor and the tests. A client belongs to the thread that uses it.
public final class KernelClient {
    /// The kernel's connection.
    public let connection: ConnectionInfo
    /// Makes this client's headers (its own session).
    public let factory = MessageFactory(username: "beamtime-client")
    private let context: Context
    private let sockets: [Channel: Socket]
    private let codec: WireCodec
    private var history = SignatureHistory()
    private var pending: [Channel: [Message]] = [:]

    /// Connects to the kernel described by `connection`.
    public init(connection: ConnectionInfo) throws {
        self.connection = connection
        codec = WireCodec(signer: connection.signer)
        context = try Context()
        let identity = Array(MessageFactory.randomID().utf8)
        var sockets: [Channel: Socket] = [:]
        for (channel, port) in [(Channel.shell, connection.shellPort), (.control, connection.controlPort),
                                (.stdin, connection.stdinPort)] {
            let socket = try Socket(context, .dealer)
            try socket.setIdentity(identity)
            try socket.setReconnectInterval(milliseconds: 10)
            try socket.connect(connection.endpoint(port))
            sockets[channel] = socket
        }
        let iopub = try Socket(context, .subscriber)
        try iopub.setReconnectInterval(milliseconds: 10)
        try iopub.subscribe("")
        try iopub.connect(connection.endpoint(connection.iopubPort))
        sockets[.iopub] = iopub
        self.sockets = sockets
    }

    /// Closes the sockets.
    public func close() {
        for socket in sockets.values { socket.close() }
        context.terminate()
    }

    deinit { close() }

    /// Sends a request of `type` on `channel`; returns it (its id identifies the answers).
    @discardableResult
    public func send(_ type: String, _ content: JSONObject = [:], on channel: Channel = .shell,
                     parent: Message? = nil) throws -> Message {
        let message = factory.message(type, content: content, parent: parent)
        guard let socket = sockets[channel] else { throw KernelClientError.noSuchChannel(channel.rawValue) }
        try socket.send(codec.encode(message))
        return message
    }

    /// The next message on `channel`, waiting up to `timeout` seconds; nil on timeout.
    /// Messages that fail verification are skipped.
    public func receive(on channel: Channel, timeout: Double) throws -> Message? {
        if var queued = pending[channel], !queued.isEmpty {
            let first = queued.removeFirst()
            pending[channel] = queued
            return first
        }
        guard let socket = sockets[channel] else { throw KernelClientError.noSuchChannel(channel.rawValue) }
        let deadline = Monotonic.now() + timeout
        while true {
            var poller = Poller()
            poller.add(socket)
            let remaining = max(0, deadline - Monotonic.now())
            if try poller.poll(timeoutMilliseconds: Int(remaining * 1000)).isEmpty {
                if Monotonic.now() >= deadline { return nil }
                continue
            }
            guard let frames = try socket.receive(dontWait: true) else { continue }
            if let message = try? codec.decode(frames, history: &history) { return message }
        }
    }

    /// The next message on any of `channels` (earlier ones first when several are ready),
    /// waiting up to `timeout` seconds in one poll; nil on timeout.
    public func receive(onAny channels: [Channel], timeout: Double) throws -> (Channel, Message)? {
        for channel in channels {
            if var queued = pending[channel], !queued.isEmpty {
                let first = queued.removeFirst()
                pending[channel] = queued
                return (channel, first)
            }
        }
        let deadline = Monotonic.now() + timeout
        while true {
            var poller = Poller()
            var indices: [Int: Channel] = [:]
            for channel in channels {
                guard let socket = sockets[channel] else { throw KernelClientError.noSuchChannel(channel.rawValue) }
                indices[poller.add(socket)] = channel
            }
            let remaining = max(0, deadline - Monotonic.now())
            let ready = try poller.poll(timeoutMilliseconds: Int(remaining * 1000))
            if ready.isEmpty {
                if Monotonic.now() >= deadline { return nil }
                continue
            }
            for channel in channels where ready.contains(where: { indices[$0] == channel }) {
                guard let socket = sockets[channel], let frames = try socket.receive(dontWait: true) else { continue }
                if let message = try? codec.decode(frames, history: &history) { return (channel, message) }
            }
            if Monotonic.now() >= deadline { return nil }
        }
    }

    /// Sends a request and waits for its reply on the same channel (other replies are kept
    /// for later `receive` calls).
    public func request(_ type: String, _ content: JSONObject = [:], on channel: Channel = .shell,
                        timeout: Double = 10) throws -> Message {
        let sent = try send(type, content, on: channel)
        let deadline = Monotonic.now() + timeout
        var others: [Message] = []
        defer { if !others.isEmpty { pending[channel, default: []].append(contentsOf: others) } }
        while let message = try receive(on: channel, timeout: max(0, deadline - Monotonic.now())) {
            if message.parentID == sent.id { return message }
            others.append(message)
        }
        throw KernelClientError.timeout("no \(type.replacingSuffix("_request", with: "_reply")) within \(timeout) s")
    }

    /// Sends `kernel_info_request` until a reply arrives and iopub is connected (an iopub
    /// message for the request is seen), as jupyter_client's `wait_for_ready` does.
    public func waitForReady(timeout: Double) throws -> Message {
        let deadline = Monotonic.now() + timeout
        while Monotonic.now() < deadline {
            let sent = try send("kernel_info_request")
            var reply: Message?
            var iopubSeen = false
            var attemptEnd = min(deadline, Monotonic.now() + 1.0)
            while Monotonic.now() < attemptEnd && (reply == nil || !iopubSeen) {
                if reply == nil, let m = try receive(on: .shell, timeout: 0.01), m.parentID == sent.id {
                    reply = m
                    // The kernel answered; if iopub was not subscribed yet its status messages
                    // are gone, so ask again soon instead of waiting out the attempt.
                    attemptEnd = min(attemptEnd, Monotonic.now() + 0.05)
                }
                while let m = try receive(on: .iopub, timeout: reply == nil ? 0 : 0.01) {
                    if m.parentID == sent.id { iopubSeen = true }
                }
            }
            if let reply, iopubSeen { return reply }
        }
        throw KernelClientError.timeout("the kernel did not become ready within \(timeout) s")
    }

    /// Runs `code` and collects its iopub outputs until the kernel is idle again. `onOutput`
    /// sees each output as it arrives; `onInput` answers `input()` (nil: stdin not allowed).
    public func execute(_ code: String, silent: Bool = false, storeHistory: Bool = true, stopOnError: Bool = true,
                        timeout: Double? = nil, onOutput: (Message) -> Void = { _ in },
                        onInput: ((String) -> String)? = nil) throws -> ExecutionRecord {
        let sent = try send("execute_request", [
            "code": .string(code), "silent": .bool(silent), "store_history": .bool(storeHistory),
            "user_expressions": [:], "allow_stdin": .bool(onInput != nil), "stop_on_error": .bool(stopOnError),
        ])
        var record = ExecutionRecord(request: sent)
        let deadline = timeout.map { Monotonic.now() + $0 }
        var idle = false
        while record.reply == nil || !idle {
            if let deadline, Monotonic.now() > deadline {
                throw KernelClientError.timeout("cell did not finish within \(timeout ?? 0) s")
            }
            if record.reply == nil, let m = try receive(on: .shell, timeout: 0), m.parentID == sent.id { record.reply = m }
            if let onInput, let m = try receive(on: .stdin, timeout: 0), m.type == "input_request" {
                let answer = onInput(m.content["prompt"]?.string ?? "")
                try send("input_reply", ["value": .string(answer)], on: .stdin, parent: m)
            }
            guard let m = try receive(on: .iopub, timeout: record.reply == nil ? 0.005 : 0.05) else {
                if record.reply != nil, let last = record.lastActivity, Monotonic.now() - last > 4 { break }
                continue
            }
            record.lastActivity = Monotonic.now()
            guard m.parentID == sent.id else { continue }
            if m.type == "status" {
                if m.content["execution_state"]?.string == "idle" { idle = true }
                continue
            }
            if m.type == "execute_input" { continue }
            record.outputs.append(m)
            onOutput(m)
        }
        return record
    }

    /// Asks the kernel to shut down (on control) and waits for the reply.
    public func shutdown(restart: Bool = false, timeout: Double = 5) throws -> Message {
        try request("shutdown_request", ["restart": .bool(restart)], on: .control, timeout: timeout)
    }

    /// Asks the kernel to interrupt the running cell (on control).
    public func interrupt(timeout: Double = 5) throws -> Message {
        try request("interrupt_request", on: .control, timeout: timeout)
    }
}

/// What one execute request produced.
public struct ExecutionRecord {
    /// The request sent.
    public var request: Message
    /// The `execute_reply` (nil if the kernel never answered).
    public var reply: Message?
    /// iopub messages for the request, in order, without status and execute_input.
    public var outputs: [Message] = []
    /// When the last iopub message arrived (monotonic seconds).
    var lastActivity: Double?

    init(request: Message) { self.request = request }

    /// Whether the reply said "ok".
    public var succeeded: Bool { reply?.content["status"]?.string == "ok" }
}

/// What went wrong talking to a kernel.
public enum KernelClientError: Error, CustomStringConvertible, Equatable {
    /// Nothing arrived in time.
    case timeout(String)
    /// No socket for that channel.
    case noSuchChannel(String)
    /// The kernel process ended.
    case kernelDied(status: Int32)

    public var description: String {
        switch self {
        case .timeout(let what): return "timeout: \(what)"
        case .noSuchChannel(let name): return "no \(name) channel"
        case .kernelDied(let status): return "the kernel died (exit status \(status))"
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
