import JSON
@testable import Jupyter

/// A transport that records what the core sends and serves queued requests and input replies.
final class RecordingTransport: KernelTransport {
    var sent: [(channel: Channel, message: Message)] = []
    var queued: [Message] = []
    var inputReplies: [Result<Message, InputError>] = []

    func send(_ message: Message, on channel: Channel) { sent.append((channel, message)) }

    func awaitInputReply(interrupted: @escaping () -> Bool) throws -> Message {
        guard !inputReplies.isEmpty else { throw InputError.shuttingDown }
        return try inputReplies.removeFirst().get()
    }

    func takeQueuedShellRequests() -> [Message] {
        defer { queued.removeAll() }
        return queued
    }

    /// `msg_type`s in order, iopub ones with their status or stream name.
    var trace: [String] {
        sent.map { entry in
            let type = entry.message.type
            if type == "status" { return "iopub:status:" + (entry.message.content["execution_state"]?.string ?? "") }
            return "\(entry.channel.rawValue):\(type)"
        }
    }
}

/// A scripted language: `print X` streams X, `fail` errors, `ask` reads input, `show` displays,
/// anything else returns its text as the result.
final class ScriptedLanguage: KernelLanguage {
    var executionCount = 0
    var interrupted = false
    var executed: [String] = []

    var info: KernelInfo {
        KernelInfo(implementation: "scripted", implementationVersion: "1", languageInfo: ["name": "test"], banner: "hi")
    }

    func execute(_ request: ExecuteRequest, context: any ExecutionContext) -> ExecuteOutcome {
        if request.storeHistory { executionCount += 1 }
        executed.append(request.code)
        var outcome = ExecuteOutcome(executionCount: executionCount)
        for line in request.code.split(separator: "\n").map(String.init) {
            if line.hasPrefix("print ") {
                context.stream(.stdout, String(line.dropFirst(6)) + "\n")
            } else if line == "fail" {
                outcome.error = KernelError(ename: "ValueError", evalue: "bad", traceback: ["tb"])
                return outcome
            } else if line == "ask" {
                do { context.stream(.stdout, "got " + (try context.input(prompt: "? ", password: false))) } catch {
                    outcome.error = KernelError(ename: "InputFailed", evalue: "\(error)", traceback: [])
                    return outcome
                }
            } else if line == "show" {
                context.display(["text/plain": "shown"], metadata: [:], displayID: "d1")
                context.updateDisplay(["text/plain": "updated"], metadata: [:], displayID: "d1")
            } else {
                context.executeResult(["text/plain": .string(line)], metadata: [:], executionCount: executionCount)
                outcome.resultText = line
            }
        }
        return outcome
    }

    func complete(code: String, cursor: Int) -> CompletionMatches { CompletionMatches(matches: ["print"], cursorStart: 0, cursorEnd: cursor) }
    func inspect(code: String, cursor: Int, detailLevel: Int) -> JSONObject? { code == "len" ? ["text/plain": "len(obj)"] : nil }
    func isComplete(code: String) -> CodeCompleteness { code.hasSuffix(":") ? .incomplete(indent: "    ") : .complete }
    func interrupt() { interrupted = true }
    var interruptPending: Bool { interrupted }
    func willExecute() { interrupted = false }
    func start() {}
}
