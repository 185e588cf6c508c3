import XCTest
import Documents
import JSON
@testable import Catalog

final class CatalogStoreTests: XCTestCase {
    var path = ""

    override func setUp() { path = "/tmp/beamtime-catalog-\(getpid())-\(Int.random(in: 0...999_999)).sqlite" }
    override func tearDown() {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    private func run(scanID: Int, metadata: JSONObject = [:], events: Int = 3, stopped: Bool = true) -> [Document] {
        var md = metadata
        md["scan_id"] = .int(scanID)
        md["plan_name"] = md["plan_name"] ?? "count"
        let composer = RunComposer(metadata: md, time: Double(scanID))
        let primary = composer.descriptor(name: "primary", dataKeys: ["det": ["dtype": "number", "shape": [], "source": "SIM:det"]])
        var docs = [composer.start, primary.document]
        for i in 0..<events { docs.append(primary.event(data: ["det": .double(Double(i))], timestamps: ["det": 0])) }
        if stopped { docs.append(composer.makeStop(.success)) }
        return docs
    }

    func testStoresAndQueriesRuns() throws {
        let store = try SQLiteCatalogStore(path: path)
        try store.insert(run(scanID: 1, metadata: ["sample": "LaB6"]))
        try store.insert(run(scanID: 2, metadata: ["sample": "Si", "plan_name": "scan"]))
        try store.insert(run(scanID: 3, metadata: ["sample": "LaB6", "temperature": 300]))
        let reader = try CatalogReader(path: path)
        XCTAssertEqual(try reader.count(), 3)
        let newest = try reader.uids()
        XCTAssertEqual(try newest.map { try reader.run($0)?.scanID }, [3, 2, 1])
        XCTAssertEqual(try reader.count(.init([("sample", "LaB6")])), 2)
        XCTAssertEqual(try reader.count(.init([("sample", "LaB6"), ("temperature", 300)])), 1)
        XCTAssertEqual(try reader.uid(scanID: 2).flatMap { try reader.run($0)?.start["sample"] }, "Si")
        XCTAssertNil(try reader.uid(scanID: 2, .init([("sample", "LaB6")])), "scan_id lookups respect the search they are in")
        let uid = newest[0]
        XCTAssertEqual(try reader.uid(prefix: String(uid.prefix(8))), uid)
        XCTAssertThrowsError(try reader.uid(prefix: ""), "an empty prefix matches every run")
        XCTAssertEqual(try reader.events(run: uid, stream: "primary").map(\.seqNum), [1, 2, 3])
        XCTAssertEqual(try reader.run(uid)?.stop?["exit_status"], "success")
        XCTAssertEqual(try store.lastScanID(), 3)
    }

    func testInjectionAttemptsAreInert() throws {
        let store = try SQLiteCatalogStore(path: path)
        try store.insert(run(scanID: 1, metadata: ["sample": "x'; DROP TABLE runs; --"]))
        let reader = try CatalogReader(path: path)
        XCTAssertEqual(try reader.count(.init([("sample", "x'; DROP TABLE runs; --")])), 1)
        XCTAssertEqual(try reader.count(.init([("sample' OR '1'='1", "anything")])), 0)
        XCTAssertNil(try reader.uid(prefix: "%"))
        XCTAssertNil(try reader.uid(prefix: "_"))
        XCTAssertEqual(try reader.count(), 1)
        XCTAssertThrowsError(try reader.count(.init([("sample", ["a", "list"])])))
    }

    func testARunLeftOpenByADeadWriterIsClosedAsFailed() throws {
        do {
            let store = try SQLiteCatalogStore(path: path)
            // pid 2^22 + 7 is above Linux's default pid_max: no such process.
            try store.insert(run(scanID: 1, events: 4, stopped: false), writerPID: 4_194_311)
        }
        _ = try SQLiteCatalogStore(path: path)
        let reader = try CatalogReader(path: path)
        let stop = try reader.uids().first.flatMap { try reader.run($0)?.stop }
        XCTAssertEqual(stop?["exit_status"], "fail")
        XCTAssertTrue(stop?["reason"]?.string?.contains("died") ?? false)
        XCTAssertEqual(stop?["num_events"], ["primary": 4])
    }

    func testEventPagesAreStoredAsEvents() throws {
        let composer = RunComposer(metadata: ["scan_id": 1])
        let primary = composer.descriptor(name: "primary", dataKeys: [:])
        let events = (0..<3).map { primary.event(data: ["det": .double(Double($0))], timestamps: ["det": 0]) }
        let page = try XCTUnwrap(Document.eventPage(events))
        let store = try SQLiteCatalogStore(path: path)
        try store.insert([composer.start, primary.document, page, composer.makeStop(.success)])
        let reader = try CatalogReader(path: path)
        XCTAssertEqual(try reader.events(run: composer.uid, stream: "primary").map { $0.data["det"] }, [0.0, 1.0, 2.0])
    }

    func testWriterCommitsInTheBackgroundAndFlushWaits() throws {
        let writer = try CatalogWriter(path: path)
        for document in run(scanID: 7, events: 100) { try writer.receive(document) }
        writer.flush()
        let reader = try CatalogReader(path: path)
        let uid = try XCTUnwrap(reader.uids().first)
        XCTAssertEqual(try reader.events(run: uid, stream: "primary").count, 100)
        writer.close()
    }
}
