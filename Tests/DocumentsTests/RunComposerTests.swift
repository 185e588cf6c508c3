import XCTest
import JSON
@testable import Documents

final class RunComposerTests: XCTestCase {
    func testComposesARunAsEventModelDoes() {
        let run = RunComposer(metadata: ["plan_name": "count", "uid": "ignored"])
        XCTAssertEqual(run.start.body.keys, ["uid", "time", "plan_name"])
        XCTAssertNotEqual(run.start.uid, "ignored")
        let primary = run.descriptor(name: "primary", dataKeys: ["det": ["dtype": "number", "shape": [], "source": "SIM:det"]])
        let e1 = primary.event(data: ["det": 1.0], timestamps: ["det": 0.0])
        let e2 = primary.event(data: ["det": 2.0], timestamps: ["det": 0.0])
        XCTAssertEqual([e1.body["seq_num"], e2.body["seq_num"]], [1, 2])
        XCTAssertEqual(e1.body["descriptor"], .string(primary.uid))
        let stop = run.makeStop(.success)
        XCTAssertEqual(stop.body["num_events"], ["primary": 2])
        XCTAssertEqual(stop.body["run_start"], .string(run.uid))
        XCTAssertEqual(run.makeStop(.fail, reason: "again"), stop, "one stop per run")
        let page = Document.eventPage([e1, e2])
        XCTAssertEqual(page?.body["data"], ["det": [1.0, 2.0]])
        XCTAssertEqual(page?.body["seq_num"], [1, 2])
    }

    func testUIDsLookLikeUUID4() {
        let uid = DocumentClock.uid()
        XCTAssertEqual(uid.count, 36)
        XCTAssertEqual(Array(uid)[14], "4")
        XCTAssertTrue("89ab".contains(Array(uid)[19]))
        XCTAssertNotEqual(uid, DocumentClock.uid())
    }

    func testDatumIDsFollowTheResource() {
        let run = RunComposer(metadata: [:])
        let resource = run.resource(spec: "BEAMTIME_HDF5", root: "/data", resourcePath: "run.h5")
        let d0 = resource.datum(kwargs: ["frame": 0])
        XCTAssertEqual(d0.body["datum_id"], .string(resource.document.uid + "/0"))
        XCTAssertEqual(resource.datum(kwargs: ["frame": 1]).uid, resource.document.uid + "/1")
    }
}

final class StreamResourceTests: XCTestCase {
    func testStreamDatumsCoverConsecutiveRows() {
        let run = RunComposer(metadata: [:])
        let resource = run.streamResource(dataKey: "img", mimetype: "application/x-hdf5", uri: "file://localhost/data/run.h5",
                                          parameters: ["dataset": "/entry/data/img"])
        // The fields event-model's stream_resource schema requires.
        for key in ["data_key", "mimetype", "parameters", "uid", "uri"] { XCTAssertNotNil(resource.document.body[key], key) }
        XCTAssertEqual(resource.document.body["run_start"], .string(run.uid))
        let first = resource.streamDatum(descriptor: "d1", count: 5, seqNums: 1..<6)
        let second = resource.streamDatum(descriptor: "d1", count: 3, seqNums: 6..<9)
        for key in ["descriptor", "indices", "seq_nums", "stream_resource", "uid"] { XCTAssertNotNil(first.body[key], key) }
        XCTAssertEqual(first.body["indices"], ["start": 0, "stop": 5])
        XCTAssertEqual(second.body["indices"], ["start": 5, "stop": 8])
        XCTAssertEqual(second.body["seq_nums"], ["start": 6, "stop": 9])
        XCTAssertEqual(second.name, .streamDatum)
    }
}
