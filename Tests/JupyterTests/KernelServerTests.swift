import XCTest
import JSON
import Platform
@testable import Jupyter

/// The real ZeroMQ server and client, in one process, around the scripted test language.
final class KernelServerTests: XCTestCase {
    func testServerAndClientSpeakTheProtocol() throws {
        let directory = "/tmp/beamtime-server-test-\(getpid())"
        try FileSystem.createDirectory(directory)
        let connection = ConnectionInfo(transport: "ipc", ip: directory + "/k", shellPort: 1, iopubPort: 2, stdinPort: 3,
                                        controlPort: 4, heartbeatPort: 5, key: "test-key")
        let log = MemoryLog()
        let server = try KernelServer(connection: connection, core: KernelCore(language: ScriptedLanguage(), log: log), log: log)
        let running = try ServerThread(server)
        let client = try KernelClient(connection: connection)
        let info = try client.waitForReady(timeout: 10)
        XCTAssertEqual(info.content["implementation"], "scripted")

        var seen: [String] = []
        let record = try client.execute("print hello\n7", timeout: 10) { seen.append($0.type) }
        XCTAssertTrue(record.succeeded)
        XCTAssertEqual(seen, ["stream", "execute_result"])
        XCTAssertEqual(record.reply?.content["execution_count"], 1)

        let asked = try client.execute("ask", timeout: 10, onInput: { prompt in prompt == "? " ? "fine" : "?" })
        XCTAssertEqual(asked.outputs.first?.content["text"], "got fine")

        let failed = try client.execute("fail", timeout: 10)
        XCTAssertFalse(failed.succeeded)
        XCTAssertEqual(failed.outputs.map(\.type), ["error"])

        // A forged message is dropped and logged; the kernel keeps serving.
        let forger = try KernelClient(connection: ConnectionInfo(
            transport: "ipc", ip: directory + "/k", shellPort: 1, iopubPort: 2, stdinPort: 3, controlPort: 4,
            heartbeatPort: 5, key: "wrong-key"))
        try forger.send("kernel_info_request")
        XCTAssertNil(try forger.receive(on: .shell, timeout: 0.3))
        XCTAssertEqual(try client.request("kernel_info_request", timeout: 5).type, "kernel_info_reply")
        XCTAssertTrue(log.warnings.contains { $0.contains("invalid signature") }, "\(log.warnings)")
        forger.close()

        XCTAssertEqual(try client.shutdown().content["status"], "ok")
        XCTAssertTrue(running.ended.wait(timeout: 3), "the server stopped")
        XCTAssertEqual(running.ending, .shutdownRequest(restart: false))
        client.close()
        _ = try? Subprocess(["rm", "-rf", directory]).wait()
    }
}

/// A server's `run()` on a thread of its own.
final class ServerThread: @unchecked Sendable {
    /// Signalled when `run()` has returned.
    let ended = Event()
    /// Why `run()` returned (nil if it threw); read after `ended`.
    private(set) var ending: KernelServer.Ending?
    private var thread: PlatformThread?

    init(_ server: KernelServer) throws {
        thread = try PlatformThread { [self] in
            ending = try? server.run()
            ended.signal()
        }
    }
}
