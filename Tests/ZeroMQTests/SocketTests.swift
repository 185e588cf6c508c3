import XCTest
@testable import ZeroMQ

final class SocketTests: XCTestCase {
    func testMultipartFramesSurviveAnInprocPair() throws {
        let context = try Context()
        let a = try Socket(context, .pair)
        let b = try Socket(context, .pair)
        try a.bind("inproc://frames")
        try b.connect("inproc://frames")
        let frames: [[UInt8]] = [[1, 2, 3], [], Array("hello".utf8), [UInt8](repeating: 7, count: 100_000)]
        try a.send(frames)
        XCTAssertEqual(try b.receive(), frames)
        XCTAssertNil(try b.receive(dontWait: true))
        a.close(); b.close()
        context.terminate()
    }

    func testPollerReportsReadableSockets() throws {
        let context = try Context()
        let a = try Socket(context, .pair)
        let b = try Socket(context, .pair)
        try a.bind("inproc://poll")
        try b.connect("inproc://poll")
        var poller = Poller()
        let index = poller.add(b)
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 10), [])
        try a.send([[42]])
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 1000), [index])
        XCTAssertEqual(try b.receive(), [[42]])
        a.close(); b.close()
    }

    func testRouterSeesTheDealersIdentityAndRepliesThroughIt() throws {
        let context = try Context()
        let router = try Socket(context, .router)
        try router.bind("tcp://127.0.0.1:*")
        let endpoint = router.lastEndpoint
        XCTAssertTrue(endpoint.hasPrefix("tcp://127.0.0.1:"))
        let dealer = try Socket(context, .dealer)
        try dealer.setIdentity(Array("client-1".utf8))
        try dealer.connect(endpoint)
        try dealer.send([Array("ping".utf8)])
        let got = try router.receive()
        XCTAssertEqual(got, [Array("client-1".utf8), Array("ping".utf8)])
        try router.send([Array("client-1".utf8), Array("pong".utf8)])
        XCTAssertEqual(try dealer.receive(), [Array("pong".utf8)])
    }

    func testErrorsNameTheOperation() throws {
        let context = try Context()
        let socket = try Socket(context, .router)
        XCTAssertThrowsError(try socket.bind("tcp://no-such-host-here:1")) { error in
            XCTAssertTrue("\(error)".contains("bind tcp://no-such-host-here:1"), "\(error)")
        }
    }

    func testShutdownWakesABlockedReceiver() throws {
        let context = try Context()
        let socket = try Socket(context, .pair)
        try socket.bind("inproc://blocked")
        let woke = expectation(description: "receive returned")
        let thread = Thread {
            do { _ = try socket.receive() } catch let error as ZeroMQError { if error.isTerminated { woke.fulfill() } } catch {}
            socket.close()
        }
        thread.start()
        usleep(50_000)
        context.shutdown()
        wait(for: [woke], timeout: 2)
    }
}
