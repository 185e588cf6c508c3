import XCTest
@testable import HDF5

final class HDF5Tests: XCTestCase {
    var path = ""

    override func setUp() {
        path = "/tmp/beamtime-hdf5-\(getpid())-\(Int.random(in: 0...999_999)).h5"
    }

    override func tearDown() { unlink(path) }

    func testGroupsDatasetsAndAttributesRoundTrip() throws {
        do {
            let file = try HDF5File.create(path)
            let entry = try file.root.createGroup("entry")
            try entry.setAttribute("NX_class", .string("NXentry"))
            try entry.setAttribute("default", .string("data"))
            let data = try entry.createGroup("data")
            try data.setAttribute("axes", .strings(["motor"]))
            try data.setAttribute("scale", .doubles([1.5, 2.5]))
            try data.setAttribute("count", .int(42))
            let fixed = try data.createDataset("fixed", type: .double, shape: [2, 3])
            try fixed.write([1, 2, 3, 4, 5, 6])
            try fixed.setAttribute("units", .string("mm"))
            let growing = try data.createDataset("det", type: .double, shape: [0], maximumShape: [nil], chunks: [1024], deflate: 4)
            try growing.append([0.5, 0.25], rows: 2)
            try growing.append([0.125], rows: 1)
            let frames = try data.createDataset("img", type: .double, shape: [0, 2, 2], maximumShape: [nil, 2, 2],
                                                chunks: [1, 2, 2], deflate: 6)
            try frames.append([1, 2, 3, 4, 5, 6, 7, 8], rows: 2)
            try entry.link("signal", to: "/entry/data/det")
            try file.flush()
        }
        let file = try HDF5File.open(path)
        let entry = try file.root.group("entry")
        XCTAssertEqual(entry.stringAttribute("NX_class"), "NXentry")
        XCTAssertEqual(entry.memberNames, ["data", "signal"])
        let data = try entry.group("data")
        XCTAssertEqual(data.stringsAttribute("axes"), ["motor"])
        XCTAssertEqual(data.numberAttribute("scale"), [1.5, 2.5])
        XCTAssertEqual(data.numberAttribute("count"), [42])
        XCTAssertNil(data.stringAttribute("missing"))
        XCTAssertEqual(try data.dataset("fixed").read(), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try data.dataset("fixed").shape, [2, 3])
        XCTAssertEqual(try data.dataset("fixed").stringAttribute("units"), "mm")
        XCTAssertEqual(try data.dataset("det").read(), [0.5, 0.25, 0.125])
        XCTAssertEqual(try data.dataset("img").shape, [2, 2, 2])
        XCTAssertEqual(try data.dataset("img").read(rows: 1..<2), [5, 6, 7, 8])
        XCTAssertEqual(try entry.dataset("signal").read(), [0.5, 0.25, 0.125], "the soft link reaches the dataset")
        XCTAssertTrue(data.contains("det"))
        XCTAssertFalse(data.contains("nope"))
    }

    func testErrorsNameWhatFailed() throws {
        XCTAssertThrowsError(try HDF5File.open("/no/such/file.h5")) { XCTAssertTrue("\($0)".contains("/no/such/file.h5")) }
        let file = try HDF5File.create(path)
        XCTAssertThrowsError(try HDF5File.create(path)) { XCTAssertTrue("\($0)".contains("create file")) }
        let root = try file.root
        XCTAssertThrowsError(try root.group("missing")) { XCTAssertEqual($0 as? HDF5Error, HDF5Error("open group", "/missing")) }
        let d = try root.createDataset("d", type: .double, shape: [2])
        XCTAssertThrowsError(try d.write([1, 2, 3]))
        XCTAssertThrowsError(try d.read(rows: 0..<5))
    }

    /// A reader in another process (h5py with swmr=True) sees the dataset grow while this
    /// process keeps writing.
    func testSWMRReaderSeesGrowth() throws {
        guard let python = ProcessInfo.processInfo.environment["BEAMTIME_PYTHON"],
              (try? shell(python, "-c", "import h5py")) != nil else {
            throw XCTSkip("h5py not available (BEAMTIME_PYTHON unset or without h5py)")
        }
        let file = try HDF5File.create(path)
        let det = try file.root.createDataset("det", type: .double, shape: [0], maximumShape: [nil], chunks: [64])
        try file.startSWMRWrite()
        try det.append([1, 2, 3], rows: 3)
        try det.flush()
        let reader = "import h5py,sys\nf=h5py.File(sys.argv[1],'r',swmr=True)\nd=f['det']\nd.refresh()\nprint(d.shape[0], float(d[-1]))"
        XCTAssertEqual(try shell(python, "-c", reader, path), "3 3.0")
        try det.append([4, 5], rows: 2)
        try det.flush()
        XCTAssertEqual(try shell(python, "-c", reader, path), "5 5.0")
        file.close()
    }

    private func shell(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else { throw HDF5Error("run", arguments.joined(separator: " ")) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
