/// The kernel's sockets, by role.
public enum Channel: String, Sendable, CaseIterable {
    /// Requests from frontends (execute, complete, inspect …).
    case shell
    /// Urgent requests answered even while a cell runs (interrupt, shutdown, kernel_info).
    case control
    /// The kernel's requests for input from the frontend.
    case stdin
    /// Broadcast of status and outputs to every frontend.
    case iopub
    /// Liveness pings.
    case heartbeat
}

/// How the dispatch core sends messages and reaches the request queue, whatever the
/// sockets and threads behind it (the ZeroMQ server, or a test double).
public protocol KernelTransport: AnyObject {
    /// Sends `message` on `channel` (signing and framing are the transport's job).
    func send(_ message: Message, on channel: Channel)
    /// Waits for the frontend's `input_reply`. Throws `InputError.interrupted` when the
    /// kernel is interrupted while waiting (or `interrupted()` turns true), `.shuttingDown`
    /// when it stops.
    func awaitInputReply(interrupted: @escaping () -> Bool) throws -> Message
    /// Removes and returns the shell requests already queued behind the current one.
    func takeQueuedShellRequests() -> [Message]
    /// Sends what `send` has held back: a transport may gather the messages of one step
    /// (busy and execute_input; result, reply and idle) and hand them over together.
    func flush()
}

extension KernelTransport {
    /// Transports that send at once have nothing to flush.
    public func flush() {}
}
