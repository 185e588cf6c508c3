import HDF5
import JSON

/// Writes a run's data product as it happens: one HDF5 file in the NeXus layout that
/// h5py, silx and NeXpy plot by default —
/// `/entry` (NXentry, `@default="data"`) with `instrument` (NXinstrument, one group per
/// device linking its fields), `sample` (NXsample), `measurement` (NXcollection: one
/// growing dataset per scalar data key of the primary stream, plus `seq_num` and `time`)
/// and `data` (NXdata, `@signal` the first detector field, `@axes` the first motor field or
/// `seq_num`). The file switches to SWMR once the primary stream is described, so a report
/// can read a run in progress; rows are appended in batches by `flush()`.
final class NexusRunWriter {
    let path: String
    private let file: HDF5File
    private let start: JSONObject
    private var keys: [String] = []
    private var datasets: [String: HDF5Dataset] = [:]
    private var pending: [String: [Double]] = [:]
    private var primary: String?
    private var swmr = false
    private var frameDatasets: [String: HDF5Dataset] = [:]
    private var frameCounts: [String: Int] = [:]
    /// Frames that arrived before the stream was described (their datum comes first).
    private var earlyFrames: [(datumID: String, dataKey: String, pixels: [Double])] = []

    /// Creates the file at `path` for the run that `start` opens.
    init(path: String, start: JSONObject) throws {
        self.path = path
        self.start = start
        file = try HDF5File.create(path, overwrite: true)
        let root = try file.root
        try root.setAttribute("default", .string("entry"))
        try root.setAttribute("creator", .string("Beamtime"))
        let entry = try root.createGroup("entry")
        try entry.setAttribute("NX_class", .string("NXentry"))
        try entry.setAttribute("default", .string("data"))
        try entry.setAttribute("uid", .string(start["uid"]?.string ?? ""))
        if let scanID = start["scan_id"]?.int { try entry.setAttribute("scan_id", .int(scanID)) }
        try entry.setAttribute("plan_name", .string(start["plan_name"]?.string ?? ""))
        try entry.setAttribute("start", .string(JSONValue.object(start).text()))
        let sample = try entry.createGroup("sample")
        try sample.setAttribute("NX_class", .string("NXsample"))
        if let name = start["sample"]?.string { try sample.setAttribute("name", .string(name)) }
    }

    /// Lays out the datasets for the primary stream and starts SWMR writing; returns where
    /// the frames that came early went: (datum id, data key, index).
    @discardableResult
    func describe(_ descriptor: JSONObject) throws -> [(String, String, Int)] {
        guard primary == nil, descriptor["name"]?.string == "primary" else { return [] }
        primary = descriptor["uid"]?.string
        let entry = try file.root.group("entry")
        let measurement = try entry.createGroup("measurement")
        try measurement.setAttribute("NX_class", .string("NXcollection"))
        let dataKeys = descriptor["data_keys"]?.object ?? [:]
        keys = ["seq_num", "time"] + dataKeys.compactMap { member in
            let shape = member.value["shape"]?.array ?? []
            let dtype = member.value["dtype"]?.string ?? ""
            return shape.isEmpty && member.value["external"] == nil && (dtype == "number" || dtype == "integer" || dtype == "boolean")
                ? member.key : nil
        }
        // Area-detector data keys (external, 2-D) get a growing 3-D dataset of frames.
        for member in dataKeys where member.value["external"] != nil {
            let shape = (member.value["shape"]?.array ?? []).compactMap(\.int)
            guard shape.count == 2, shape[0] > 0, shape[1] > 0 else { continue }
            frameDatasets[member.key] = try measurement.createDataset(
                member.key, type: .double, shape: [0, shape[0], shape[1]], maximumShape: [nil, shape[0], shape[1]],
                chunks: [1, shape[0], shape[1]], deflate: 4)
            frameCounts[member.key] = 0
        }
        for key in keys {
            let dataset = try measurement.createDataset(key, type: .double, shape: [0], maximumShape: [nil], chunks: [4096], deflate: 4)
            if let units = dataKeys[key]?["units"]?.string { try dataset.setAttribute("units", .string(units)) }
            datasets[key] = dataset
        }
        let instrument = try entry.createGroup("instrument")
        try instrument.setAttribute("NX_class", .string("NXinstrument"))
        let motors = Set((start["motors"]?.array ?? []).compactMap(\.string))
        for member in descriptor["object_keys"]?.object ?? [:] {
            let device = try instrument.createGroup(member.key)
            try device.setAttribute("NX_class", .string(motors.contains(member.key) ? "NXpositioner" : "NXdetector"))
            for case .string(let key) in member.value.array ?? [] where datasets[key] != nil {
                try device.link(key, to: "/entry/measurement/\(key)")
            }
        }
        let hints = descriptor["hints"]?.object ?? [:]
        func hinted(_ names: [JSONValue]?) -> [String] {
            (names ?? []).compactMap(\.string).flatMap { (hints[$0]?["fields"]?.array ?? []).compactMap(\.string) }
                .filter { datasets[$0] != nil }
        }
        let signal = hinted(start["detectors"]?.array).first ?? keys.dropFirst(2).first ?? "seq_num"
        let axis = hinted(start["motors"]?.array).first ?? "seq_num"
        let data = try entry.createGroup("data")
        try data.setAttribute("NX_class", .string("NXdata"))
        try data.setAttribute("signal", .string(signal))
        try data.setAttribute("axes", .strings([axis]))
        for key in Set([signal, axis]) { try data.link(key, to: "/entry/measurement/\(key)") }
        try file.startSWMRWrite()
        swmr = true
        var placed: [(String, String, Int)] = []
        let early = earlyFrames
        earlyFrames.removeAll()
        for frame in early {
            if let index = try appendFrame(frame.pixels, dataKey: frame.dataKey, datumID: frame.datumID) {
                placed.append((frame.datumID, frame.dataKey, index))
            }
        }
        return placed
    }

    /// Buffers an event's values (primary stream only).
    func add(_ event: JSONObject) {
        guard let primary, event["descriptor"]?.string == primary else { return }
        let data = event["data"]?.object ?? [:]
        for key in keys {
            let value: Double
            switch key {
            case "seq_num": value = event["seq_num"]?.double ?? .nan
            case "time": value = event["time"]?.double ?? .nan
            default:
                switch data[key] {
                case .bool(let b)?: value = b ? 1 : 0
                case let v?: value = v.double ?? .nan
                case nil: value = .nan
                }
            }
            pending[key, default: []].append(value)
        }
    }

    /// Appends a frame of `dataKey`; returns its index, or nil if the key has no frames here
    /// (or the stream is not described yet: the frame waits for that).
    func appendFrame(_ frame: [Double], dataKey: String, datumID: String) throws -> Int? {
        if primary == nil {
            earlyFrames.append((datumID, dataKey, frame))
            return nil
        }
        guard let dataset = frameDatasets[dataKey], let index = frameCounts[dataKey] else { return nil }
        try dataset.append(frame, rows: 1)
        try dataset.flush()
        frameCounts[dataKey] = index + 1
        return index
    }

    /// Appends the buffered rows and flushes them so SWMR readers see them.
    func flush() throws {
        guard !pending.isEmpty else { return }
        for (key, values) in pending {
            guard let dataset = datasets[key] else { continue }
            try dataset.append(values, rows: values.count)
            try dataset.flush()
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file.
    func close() throws {
        try flush()
        file.close()
    }
}
