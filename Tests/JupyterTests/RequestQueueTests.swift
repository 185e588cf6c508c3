import XCTest
@testable import Jupyter

final class RequestQueueTests: XCTestCase {
    /// A client may answer `input_request` before the execution thread is back from sending
    /// it; the queue must already accept that reply (it was dropped before, hanging `input()`).
    func testInputReplyThatArrivesWhileTheRequestIsBeingSentIsKept() throws {
        let queue = RequestQueue()
        let reply = MessageFactory(username: "test").message("input_reply", content: ["value": "fine"], parent: nil)
        var delivered = false
        let received = try queue.awaitInput(interrupted: { false }, sendRequest: {
            delivered = queue.deliverInput(reply)
        })
        XCTAssertTrue(delivered)
        XCTAssertEqual(received.id, reply.id)
    }

    func testInputReplyWithNobodyWaitingIsRefused() {
        let queue = RequestQueue()
        XCTAssertFalse(queue.deliverInput(MessageFactory(username: "test").message("input_reply", content: [:], parent: nil)))
    }
}
