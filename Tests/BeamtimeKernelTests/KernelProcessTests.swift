import XCTest
import JSON
import Jupyter
import Platform

/// Drives the real `beamtime kernel` binary through the Swift client.
final class KernelProcessTests: XCTestCase {
    /// The `beamtime` binary built beside this test bundle.
    static var binary: String? {
        var dir = CommandLine.arguments[0]
        while !dir.isEmpty, !dir.hasSuffix(".xctest") { dir = String(dir.dropLast()) }
        guard let slash = dir.lastIndex(of: "/") else { return nil }
        let candidate = String(dir[..<slash]) + "/beamtime"
        return FileSystem.exists(candidate) ? candidate : nil
    }

    func testTheBinaryServesCellsAndShutsDownCleanly() throws {
        guard let binary = KernelProcessTests.binary else {
            throw XCTSkip("beamtime binary not built beside the tests (run swift build first)")
        }
        let spec = KernelSpec(argv: [binary, "kernel", "-f", "{connection_file}"], displayName: "Beamtime", language: "python")
        let kernel = try RunningKernel(spec: spec, name: "beamtime")
        let ready = try kernel.waitForReady(timeout: 20)
        XCTAssertEqual(ready.content["protocol_version"], "5.3")
        XCTAssertEqual(ready.content["language_info"]?["name"], "python")
        let record = try kernel.client.execute("def f(n):\n    return n * 2\nprint('x')\nf(21)", timeout: 10)
        XCTAssertTrue(record.succeeded)
        XCTAssertEqual(record.outputs.map(\.type), ["stream", "execute_result"])
        XCTAssertEqual(record.outputs.last?.content["data"]?["text/plain"], "42")

        // Interrupt a busy loop through control.
        _ = try kernel.client.send("execute_request", ["code": "while True: pass", "silent": false])
        usleep(200_000)
        let started = Monotonic.now()
        _ = try kernel.client.interrupt()
        var reply: Message?
        while reply == nil, Monotonic.now() - started < 5 {
            if let m = try kernel.client.receive(on: .shell, timeout: 0.1), m.type == "execute_reply" { reply = m }
        }
        XCTAssertEqual(reply?.content["ename"], "KeyboardInterrupt")
        XCTAssertLessThan(Monotonic.now() - started, 1.0)

        let before = Monotonic.now()
        XCTAssertEqual(kernel.shutdown(), 0)
        XCTAssertLessThan(Monotonic.now() - before, 1.5)
    }
}
