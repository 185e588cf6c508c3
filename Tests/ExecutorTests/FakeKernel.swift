import JSON
@testable import Executor
import Jupyter

/// A kernel double: each cell's code names what happens — `print X` streams X, `show ID`
/// displays under a display id, `update ID` updates it, `fail` raises, `die` kills the
/// kernel, `hang` times out; anything else is the result.
final class FakeKernel: NotebookKernel, KernelInfoSource {
    var started = false
    var shutDown = false
    var executed: [String] = []
    var count = 0
    let factory = MessageFactory(username: "fake")
    var startFailure: KernelFailure?

    func start(timeout: Double) throws -> JSONObject {
        if let startFailure { throw startFailure }
        started = true
        return kernelInfo() ?? [:]
    }

    func execute(_ code: String, stopOnError: Bool, timeout: Double?, onIOPub: (Message) -> Void) throws -> Message {
        executed.append(code)
        count += 1
        let request = factory.message("execute_request", content: ["code": .string(code)], parent: nil)
        func publish(_ type: String, _ content: JSONObject) { onIOPub(factory.message(type, content: content, parent: request)) }
        publish("status", ["execution_state": "busy"])
        publish("execute_input", ["code": .string(code), "execution_count": .int(count)])
        var status = "ok"
        for line in code.split(separator: "\n").map(String.init) {
            if line.hasPrefix("print ") {
                publish("stream", ["name": "stdout", "text": .string(String(line.dropFirst(6)) + "\n")])
            } else if line.hasPrefix("show ") {
                publish("display_data", ["data": ["text/plain": .string("shown")], "metadata": [:],
                                         "transient": ["display_id": .string(String(line.dropFirst(5)))]])
            } else if line.hasPrefix("update ") {
                publish("update_display_data", ["data": ["text/plain": "updated"], "metadata": [:],
                                                "transient": ["display_id": .string(String(line.dropFirst(7)))]])
            } else if line == "clear" {
                publish("clear_output", ["wait": true])
            } else if line == "fail" {
                publish("error", ["ename": "ValueError", "evalue": "bad", "traceback": ["ValueError: bad"]])
                status = "error"
                break
            } else if line == "die" {
                throw KernelFailure.died("killed by signal 9 (SIGKILL)")
            } else if line == "hang" {
                throw KernelFailure.timedOut(timeout ?? 0)
            } else {
                publish("execute_result", ["data": ["text/plain": .string(line)], "metadata": [:], "execution_count": .int(count)])
            }
        }
        publish("status", ["execution_state": "idle"])
        return factory.message("execute_reply", content: ["status": .string(status), "execution_count": .int(count)], parent: request)
    }

    func kernelInfo() -> JSONObject? { ["language_info": ["name": "fake"]] }
    func shutdown() { shutDown = true }
}
