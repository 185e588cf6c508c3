import XCTest
import Documents
import JSON
@testable import Catalog

final class ReportLedgerTests: XCTestCase {
    var path = ""

    override func setUp() { path = "/tmp/beamtime-ledger-\(getpid())-\(Int.random(in: 0...999_999)).sqlite" }
    override func tearDown() {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    private func stoppedRun(_ scanID: Int, sample: String, stopped: Bool = true) -> (uid: String, docs: [Document]) {
        let composer = RunComposer(metadata: ["scan_id": .int(scanID), "sample": .string(sample), "plan_name": "count"], time: DocumentClock.now())
        var docs = [composer.start]
        if stopped { docs.append(composer.makeStop(.success)) }
        return (composer.start.uid, docs)
    }

    func testPendingRunsAreClaimedOnceAndFinished() throws {
        let store = try SQLiteCatalogStore(path: path)
        let ledger = ReportLedger(store: store)
        let since = DocumentClock.now() - 1
        let a = stoppedRun(1, sample: "Si"), b = stoppedRun(2, sample: "LaB6"), open = stoppedRun(3, sample: "Si", stopped: false)
        for run in [a, b, open] { try store.insert(run.docs) }
        XCTAssertEqual(try ledger.pending(template: "t", since: since).map(\.uid), [a.uid, b.uid], "open runs wait")
        XCTAssertEqual(try ledger.pending(template: "t", since: since, equalities: [("sample", "Si")]).map(\.uid), [a.uid])
        XCTAssertEqual(try ledger.pending(template: "t", since: DocumentClock.now() + 10), [])
        XCTAssertTrue(try ledger.claim(run: a.uid, template: "t"))
        XCTAssertFalse(try ledger.claim(run: a.uid, template: "t"), "claimed once")
        XCTAssertEqual(try ledger.pending(template: "t", since: since).map(\.uid), [b.uid], "a live claim is not pending")
        XCTAssertEqual(try ledger.pending(template: "other", since: since).count, 2, "claims are per template")
        try ledger.finish(run: a.uid, template: "t", status: "completed", notebook: "a.ipynb", html: "a.html", markdown: nil, error: nil)
        XCTAssertFalse(try ledger.claim(run: a.uid, template: "t"), "a finished report is never redone")
        try ledger.recordGlue(run: a.uid, notebook: "a.ipynb", values: [("center", .double(0.25), "application/json")])
        XCTAssertEqual(try ledger.glue(run: a.uid).first?.value, 0.25)
        XCTAssertEqual(try ledger.reports(run: a.uid).map(\.html), ["a.html"])
    }

    func testClaimOfADeadWorkerIsTakenOver() throws {
        let store = try SQLiteCatalogStore(path: path)
        let ledger = ReportLedger(store: store)
        let run = stoppedRun(1, sample: "Si")
        try store.insert(run.docs)
        var child: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        XCTAssertEqual(posix_spawn(&child, "/bin/true", nil, nil, &argv, nil), 0)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        free(argv[0])
        XCTAssertTrue(try ledger.claim(run: run.uid, template: "t", pid: child), "claimed by a worker that then died")
        XCTAssertEqual(try ledger.pending(template: "t", since: 0).map(\.uid), [run.uid], "its claim is pending again")
        XCTAssertTrue(try ledger.claim(run: run.uid, template: "t"), "and taken over")
    }
}
