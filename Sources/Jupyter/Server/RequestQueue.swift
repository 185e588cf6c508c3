import Platform

/// Hands requests from the I/O thread to the execution thread: shell requests in arrival
/// order, `input_reply` messages, interrupts of a pending `input()`, and shutdown.
final class RequestQueue: @unchecked Sendable {
    private let monitor = Monitor()
    private var shell: [Message] = []
    private var inputReplies: [Message] = []
    private var waitingForInput = false
    private var inputInterrupted = false
    private var stopped = false

    /// Queues a shell request.
    func push(_ message: Message) { monitor.change { shell.append(message) } }

    /// Delivers an `input_reply`; dropped unless `input()` is waiting.
    func deliverInput(_ message: Message) -> Bool {
        var accepted = false
        monitor.change {
            if waitingForInput { inputReplies.append(message); accepted = true }
        }
        return accepted
    }

    /// Interrupts a pending `input()` (no effect otherwise).
    func interruptInput() { monitor.change { if waitingForInput { inputInterrupted = true } } }

    /// Stops the queue: waiters return, nothing more is handed out.
    func stop() { monitor.change { stopped = true } }

    /// The next shell request, waiting for one; nil once stopped.
    func next() -> Message? {
        monitor.await(until: { stopped || !shell.isEmpty }) {
            stopped ? nil : shell.removeFirst()
        }
    }

    /// Everything queued now.
    func drain() -> [Message] {
        monitor.locked {
            let all = shell
            shell.removeAll()
            return all
        }
    }

    /// Waits for an `input_reply`, checking `interrupted` every 20 ms as well (an interrupt
    /// may land just before the wait begins). `sendRequest` runs once the queue accepts
    /// replies, so a client that answers at once is never dropped.
    func awaitInput(interrupted: () -> Bool, sendRequest: () -> Void) throws -> Message {
        monitor.change {
            waitingForInput = true
            inputInterrupted = false
            inputReplies.removeAll()
        }
        sendRequest()
        defer { monitor.change { waitingForInput = false } }
        while true {
            if interrupted() { throw InputError.interrupted }
            let outcome: Result<Message, InputError>? = monitor.await(
                until: { stopped || inputInterrupted || !inputReplies.isEmpty }, timeout: 0.02) {
                if stopped { return .failure(.shuttingDown) }
                if inputInterrupted { inputInterrupted = false; return .failure(.interrupted) }
                return .success(inputReplies.removeFirst())
            }
            if let outcome { return try outcome.get() }
        }
    }
}
