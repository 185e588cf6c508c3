import JSON
import Platform

/// The `ExecutionContext` of one request: publishes its outputs on iopub with the request
/// as parent, coalescing stream text (flushed before any other output, after 50 ms, and at
/// the end) so a chatty loop does not flood the frontend.
final class IOPubContext: ExecutionContext {
    private let transport: any KernelTransport
    private let factory: MessageFactory
    private let parent: Message
    private let allowStdin: Bool
    private let silent: Bool
    private let interrupted: () -> Bool
    private var pending: [(StreamName, String)] = []
    private var pendingSince: Double = 0

    /// Text stays buffered at most this long (seconds).
    static let flushInterval = 0.05

    init(transport: any KernelTransport, factory: MessageFactory, parent: Message, allowStdin: Bool, silent: Bool,
         interrupted: @escaping () -> Bool = { false }) {
        self.interrupted = interrupted
        self.transport = transport
        self.factory = factory
        self.parent = parent
        self.allowStdin = allowStdin
        self.silent = silent
    }

    /// Publishes on iopub; with `now` the message is handed over at once (live outputs),
    /// otherwise it may wait for the reply that follows (the cell's result).
    func publish(_ type: String, _ content: JSONObject, metadata: JSONObject = JSONObject(), now: Bool = false) {
        guard !silent else { return }
        var message = factory.message(type, content: content, parent: parent, metadata: metadata)
        message.identities = [Array(type.utf8)]
        transport.send(message, on: .iopub)
        if now { transport.flush() }
    }

    func stream(_ name: StreamName, _ text: String) {
        guard !text.isEmpty else { return }
        if pending.isEmpty { pendingSince = Monotonic.now() }
        if let last = pending.last, last.0 == name {
            pending[pending.count - 1].1 += text
        } else {
            pending.append((name, text))
        }
        if Monotonic.now() - pendingSince >= IOPubContext.flushInterval { flush() }
    }

    func flushIfDue() {
        if !pending.isEmpty && Monotonic.now() - pendingSince >= IOPubContext.flushInterval { flush() }
    }

    /// Sends buffered stream text.
    func flush() {
        let chunks = pending
        pending.removeAll()
        for (name, text) in chunks { publish("stream", ["name": .string(name.rawValue), "text": .string(text)], now: true) }
    }

    func display(_ data: JSONObject, metadata: JSONObject, displayID: String?) {
        flush()
        var content: JSONObject = ["data": .object(data), "metadata": .object(metadata)]
        content["transient"] = .object(displayID.map { ["display_id": .string($0)] } ?? JSONObject())
        publish("display_data", content, now: true)
    }

    func updateDisplay(_ data: JSONObject, metadata: JSONObject, displayID: String) {
        flush()
        publish("update_display_data", ["data": .object(data), "metadata": .object(metadata),
                                        "transient": ["display_id": .string(displayID)]], now: true)
    }

    func clearOutput(wait: Bool) {
        flush()
        publish("clear_output", ["wait": .bool(wait)], now: true)
    }

    func executeResult(_ data: JSONObject, metadata: JSONObject, executionCount: Int) {
        flush()
        publish("execute_result", ["execution_count": .int(executionCount), "data": .object(data),
                                   "metadata": .object(metadata)])
    }

    func input(prompt: String, password: Bool) throws -> String {
        flush()
        guard allowStdin else { throw InputError.notAllowed }
        if interrupted() { throw InputError.interrupted }
        let request = factory.message("input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
                                      parent: parent, identities: parent.identities)
        transport.send(request, on: .stdin)
        let reply = try transport.awaitInputReply(interrupted: interrupted)
        return reply.content["value"]?.string ?? ""
    }
}
