import XCTest
import Acquisition
import JSON
import Jupyter
import Platform
@testable import BeamtimeKernel

/// Remembers when each message was sent.
final class TimedTransport: KernelTransport {
    var sent: [(time: Double, message: Message)] = []
    func send(_ message: Message, on channel: Channel) { sent.append((Monotonic.now(), message)) }
    func awaitInputReply(interrupted: @escaping () -> Bool) throws -> Message { throw InputError.notAllowed }
    func takeQueuedShellRequests() -> [Message] { [] }
}

final class LiveOutputTests: XCTestCase {
    func testPrintsReachTheFrontendWhileALoopRuns() {
        let core = KernelCore(language: BeamtimeLanguage(store: MemoryRunEngineStore()), log: MemoryLog())
        let transport = TimedTransport()
        let request = MessageFactory().message("execute_request", content: [
            "code": "print('started')\nx = 0\nfor i in range(3000000):\n    x += 1\nprint('done')",
        ], parent: nil)
        core.handleShell(request, via: transport)
        guard let first = transport.sent.first(where: { $0.message.content["text"] == "started\n" }),
              let reply = transport.sent.first(where: { $0.message.type == "execute_reply" }) else {
            return XCTFail("missing messages: \(transport.sent.map(\.message.type))")
        }
        XCTAssertEqual(reply.message.content["status"], "ok")
        XCTAssertGreaterThan(reply.time - first.time, 0.1, "the first print was held back until the loop ended")
        XCTAssertTrue(transport.sent.contains { $0.message.content["text"] == "done\n" })
    }
}
