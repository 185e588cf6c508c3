import XCTest
import JSON
@testable import Jupyter

final class KernelCoreTests: XCTestCase {
    let language = ScriptedLanguage()
    let log = MemoryLog()
    lazy var core = KernelCore(language: language, log: log)
    let transport = RecordingTransport()
    let client = MessageFactory(username: "client")

    private func request(_ type: String, _ content: JSONObject = [:]) -> Message {
        client.message(type, content: content, parent: nil, identities: [Array("peer".utf8)])
    }

    func testExecuteSendsBusyInputOutputsReplyIdleInOrder() {
        let req = request("execute_request", ["code": "print a\n42", "silent": false])
        core.handleShell(req, via: transport)
        XCTAssertEqual(transport.trace, ["iopub:status:busy", "iopub:execute_input", "iopub:stream", "iopub:execute_result",
                                         "shell:execute_reply", "iopub:status:idle"])
        for (_, message) in transport.sent { XCTAssertEqual(message.parentID, req.id) }
        let reply = transport.sent[4].message
        XCTAssertEqual(reply.identities, [Array("peer".utf8)], "replies go back to the requester")
        XCTAssertEqual(reply.content["status"], "ok")
        XCTAssertEqual(reply.content["execution_count"], 1)
        XCTAssertEqual(transport.sent[1].message.content["execution_count"], 1)
        XCTAssertEqual(transport.sent[2].message.content["text"], "a\n")
    }

    func testErrorIsPublishedAndQueuedExecutesAreAborted() {
        transport.queued = [request("execute_request", ["code": "print never"]), request("kernel_info_request")]
        core.handleShell(request("execute_request", ["code": "fail"]), via: transport)
        XCTAssertEqual(language.executed, ["fail"], "the queued execute did not run")
        XCTAssertEqual(transport.trace, [
            "iopub:status:busy", "iopub:execute_input", "iopub:error", "shell:execute_reply",
            "iopub:status:busy", "shell:execute_reply", "iopub:status:idle",
            "iopub:status:busy", "shell:kernel_info_reply", "iopub:status:idle",
            "iopub:status:idle",
        ])
        let aborted = transport.sent[5].message.content
        XCTAssertEqual(aborted["status"], "error")
        XCTAssertEqual(aborted["ename"], "ExecutionAborted")
        XCTAssertEqual(transport.sent[3].message.content["ename"], "ValueError")
    }

    func testStopOnErrorFalseRunsTheQueueNormally() {
        transport.queued = [request("execute_request", ["code": "print later"])]
        core.handleShell(request("execute_request", ["code": "fail", "stop_on_error": false]), via: transport)
        XCTAssertEqual(transport.takeQueuedShellRequests().count, 1, "the queue was left alone")
        XCTAssertEqual(language.executed, ["fail"], "queued requests stay with the server's loop")
    }

    func testSilentExecutePublishesNothingButStatus() {
        core.handleShell(request("execute_request", ["code": "print x\n1", "silent": true]), via: transport)
        XCTAssertEqual(transport.trace, ["iopub:status:busy", "shell:execute_reply", "iopub:status:idle"])
        XCTAssertEqual(language.executionCount, 0)
    }

    func testInputGoesToTheRequestersIdentityOnStdin() {
        let reply = client.message("input_reply", content: ["value": "yes"], parent: nil)
        transport.inputReplies = [.success(reply)]
        core.handleShell(request("execute_request", ["code": "ask", "allow_stdin": true]), via: transport)
        guard let asked = transport.sent.first(where: { $0.channel == .stdin }) else { return XCTFail("no input_request") }
        XCTAssertEqual(asked.message.type, "input_request")
        XCTAssertEqual(asked.message.identities, [Array("peer".utf8)])
        XCTAssertEqual(asked.message.content["prompt"], "? ")
        XCTAssertTrue(transport.sent.contains { $0.message.content["text"] == "got yes" })
    }

    func testInputNotAllowedFailsTheCell() {
        core.handleShell(request("execute_request", ["code": "ask", "allow_stdin": false]), via: transport)
        XCTAssertFalse(transport.sent.contains { $0.channel == .stdin })
        XCTAssertTrue(transport.sent.contains { $0.message.content["evalue"] == "notAllowed" })
    }

    func testDisplayAndUpdateCarryTheDisplayID() {
        core.handleShell(request("execute_request", ["code": "show"]), via: transport)
        let outputs = transport.sent.filter { ["display_data", "update_display_data"].contains($0.message.type) }
        XCTAssertEqual(outputs.map(\.message.type), ["display_data", "update_display_data"])
        for output in outputs { XCTAssertEqual(output.message.content["transient"]?["display_id"], "d1") }
    }

    func testEditorRequests() {
        core.handleShell(request("complete_request", ["code": "pr", "cursor_pos": 2]), via: transport)
        core.handleShell(request("inspect_request", ["code": "len", "cursor_pos": 3]), via: transport)
        core.handleShell(request("inspect_request", ["code": "nothing", "cursor_pos": 3]), via: transport)
        core.handleShell(request("is_complete_request", ["code": "for x in y:"]), via: transport)
        let replies = transport.sent.filter { $0.channel == .shell }.map(\.message.content)
        XCTAssertEqual(replies[0]["matches"], ["print"])
        XCTAssertEqual(replies[0]["cursor_end"], 2)
        XCTAssertEqual(replies[1]["found"], true)
        XCTAssertEqual(replies[1]["data"]?["text/plain"], "len(obj)")
        XCTAssertEqual(replies[2]["found"], false)
        XCTAssertEqual(replies[3]["status"], "incomplete")
        XCTAssertEqual(replies[3]["indent"], "    ")
    }

    func testHistoryTailRangeAndSearch() {
        for code in ["1", "2", "print x\n12", "1"] { core.handleShell(request("execute_request", ["code": .string(code)]), via: transport) }
        func history(_ content: JSONObject) -> [JSONValue] {
            transport.sent.removeAll()
            core.handleShell(request("history_request", content), via: transport)
            return transport.sent.first { $0.channel == .shell }?.message.content["history"]?.array ?? []
        }
        XCTAssertEqual(history(["hist_access_type": "tail", "n": 2, "output": false]), [[1, 3, "print x\n12"], [1, 4, "1"]])
        XCTAssertEqual(history(["hist_access_type": "tail", "n": 1, "output": true]), [[1, 4, ["1", "1"]]])
        XCTAssertEqual(history(["hist_access_type": "range", "session": 1, "start": 2, "stop": 3]), [[1, 2, "2"]])
        XCTAssertEqual(history(["hist_access_type": "search", "pattern": "1*"]).count, 2)
        XCTAssertEqual(history(["hist_access_type": "search", "pattern": "1*", "unique": true]), [[1, 4, "1"]])
        XCTAssertEqual(history(["hist_access_type": "search", "pattern": "*", "n": 3]).count, 3)
        XCTAssertEqual(history(["hist_access_type": "search", "pattern": "print ?\n1[0-9]"]).count, 1)
    }

    func testControlRequests() {
        XCTAssertEqual(core.handleControl(request("interrupt_request"), via: transport), .interrupt)
        XCTAssertTrue(language.interrupted)
        XCTAssertEqual(core.handleControl(request("shutdown_request", ["restart": true]), via: transport), .shutdown(restart: true))
        XCTAssertEqual(core.handleControl(request("kernel_info_request"), via: transport), ControlAction.none)
        let replies = transport.sent.filter { $0.channel == .control }.map(\.message)
        XCTAssertEqual(replies.map(\.type), ["interrupt_reply", "shutdown_reply", "kernel_info_reply"])
        XCTAssertEqual(replies[1].content["restart"], true)
        XCTAssertEqual(replies[2].content["protocol_version"], "5.3")
        XCTAssertEqual(transport.trace.filter { $0.hasPrefix("iopub") }.count, 6, "busy and idle around each")
    }

    func testUnknownRequestsGetAnErrorReplyAndAreLogged() {
        core.handleShell(request("frobnicate_request"), via: transport)
        core.handleShell(request("frobnicate"), via: transport)
        let replies = transport.sent.filter { $0.channel == .shell }.map(\.message)
        XCTAssertEqual(replies.map(\.type), ["frobnicate_reply"])
        XCTAssertEqual(replies[0].content["status"], "error")
        XCTAssertEqual(log.warnings.count, 2)
    }

    func testCommOpenIsClosedAndCommInfoIsEmpty() {
        core.handleShell(request("comm_open", ["comm_id": "c1", "target_name": "jupyter.widget", "data": [:]]), via: transport)
        core.handleShell(request("comm_info_request"), via: transport)
        XCTAssertTrue(transport.sent.contains { $0.message.type == "comm_close" && $0.message.content["comm_id"] == "c1" })
        XCTAssertEqual(transport.sent.first { $0.message.type == "comm_info_reply" }?.message.content["comms"], [:])
    }

    func testStartingIsAnnouncedWithoutParent() {
        core.announceStarting(via: transport)
        XCTAssertEqual(transport.trace, ["iopub:status:starting"])
        XCTAssertEqual(transport.sent[0].message.parentHeader.count, 0)
    }

    func testExecuteWithoutCodeIsAnErrorNotACrash() {
        core.handleShell(request("execute_request", ["code": 5]), via: transport)
        XCTAssertEqual(transport.sent.first { $0.channel == .shell }?.message.content["status"], "error")
    }
}
