import XCTest
import Platform
@testable import Jupyter

/// A process table the test changes: this process's parent pid and the pids that exist.
final class FakeProcessTable: @unchecked Sendable {
    private let lock = PthreadLock()
    private var parent: pid_t
    private var living: Set<pid_t>

    init(parent: pid_t, living: Set<pid_t>) {
        self.parent = parent
        self.living = living
    }

    func reparent(to pid: pid_t) { lock.withLock { parent = pid } }
    func end(_ pid: pid_t) { lock.withLock { _ = living.remove(pid) } }

    var probes: ParentWatch.Probes {
        ParentWatch.Probes(parentID: { self.lock.withLock { self.parent } },
                           exists: { pid in self.lock.withLock { self.living.contains(pid) } })
    }
}

final class ParentWatchTests: XCTestCase {
    func testOnlyARealParentIsWatched() {
        let table = FakeProcessTable(parent: 4242, living: [1, 4242])
        for value in [nil, "", "0", "1", "-5", "abc", "12x"] as [String?] {
            XCTAssertNil(ParentWatch(environmentValue: value, probes: table.probes), "\(value ?? "nil")")
        }
        XCTAssertEqual(ParentWatch(environmentValue: "4242", probes: table.probes)?.parent, 4242)
        XCTAssertEqual(ParentWatch(environmentValue: " 4242\n", probes: table.probes)?.parent, 4242)
    }

    func testADirectParentIsGoneWhenTheProcessIsReparented() throws {
        let table = FakeProcessTable(parent: 4242, living: [1, 4242])
        let watch = try XCTUnwrap(ParentWatch(environmentValue: "4242", probes: table.probes))
        XCTAssertTrue(watch.isDirectParent)
        XCTAssertFalse(watch.parentHasExited())
        // Killed but not reaped: the pid still exists (a zombie), the kernel is re-parented.
        table.reparent(to: 1)
        XCTAssertTrue(watch.parentHasExited())
    }

    func testADistantParentIsGoneWhenItsPidIsGone() throws {
        let table = FakeProcessTable(parent: 5000, living: [1, 4242, 5000])
        let watch = try XCTUnwrap(ParentWatch(environmentValue: "4242", probes: table.probes))
        XCTAssertFalse(watch.isDirectParent)
        XCTAssertFalse(watch.parentHasExited())
        table.reparent(to: 1)  // the shell in between ended: not the watched process
        XCTAssertFalse(watch.parentHasExited())
        table.end(4242)
        XCTAssertTrue(watch.parentHasExited())
    }

    func testTheSystemProbesSeeThisProcess() throws {
        let watch = try XCTUnwrap(ParentWatch(environmentValue: String(getppid())))
        XCTAssertTrue(watch.isDirectParent)
        XCTAssertFalse(watch.parentHasExited())
        XCTAssertTrue(ParentWatch.Probes.system.exists(getpid()))
        // A pid above the kernel's maximum cannot exist.
        XCTAssertFalse(ParentWatch.Probes.system.exists(1 << 30))
    }

    func testTheServerStopsWhenItsParentHasGone() throws {
        let directory = "/tmp/beamtime-parent-watch-test-\(getpid())"
        try FileSystem.createDirectory(directory)
        defer { _ = try? Subprocess(["rm", "-rf", directory]).wait() }
        let connection = ConnectionInfo(transport: "ipc", ip: directory + "/k", shellPort: 1, iopubPort: 2, stdinPort: 3,
                                        controlPort: 4, heartbeatPort: 5, key: "test-key")
        let table = FakeProcessTable(parent: 4242, living: [1, 4242])
        let watch = try XCTUnwrap(ParentWatch(environmentValue: "4242", probes: table.probes))
        let log = MemoryLog()
        let server = try KernelServer(connection: connection, core: KernelCore(language: ScriptedLanguage(), log: log),
                                      log: log, parentWatch: watch)
        let running = try ServerThread(server)
        let client = try KernelClient(connection: connection)
        defer { client.close() }
        _ = try client.waitForReady(timeout: 10)
        // Serving, with the parent alive, across more than one look.
        XCTAssertFalse(running.ended.wait(timeout: 1.5), "the server stopped while its parent lived")
        XCTAssertTrue(try client.execute("7", timeout: 5).succeeded)

        table.reparent(to: 1)
        let gone = Monotonic.now()
        XCTAssertTrue(running.ended.wait(timeout: 3), "the server kept running after its parent had gone")
        XCTAssertLessThan(Monotonic.now() - gone, 2.5)
        XCTAssertEqual(running.ending, .parentExited)
        XCTAssertTrue(log.warnings.contains("the parent process (pid 4242) has exited: shutting down"), "\(log.warnings)")
    }
}
