import Documents
import Glibc
import JSON
import Script

/// A simulated area detector (`img`): each trigger takes a frame in which a Gaussian spot
/// sits where motor1 and motor2 point (centre + position × width/8, height/8), on a flat
/// background. Frames are not put in events: the reading is a datum id, and the run gets a
/// resource and one datum per frame, as ophyd's area detectors do. Until the catalogue
/// writes them to HDF5, frames are kept as their recipe (motor positions) and rebuilt on
/// request with `img.frame(datum_id)`, so memory does not grow with the number of frames.
public final class SynAreaDetector: Device {
    public let name: String
    private let motors: (any Movable, any Movable)
    /// Frame size (rows, columns).
    public private(set) var shape: (rows: Int, columns: Int) = (256, 256)
    /// Peak counts of the spot.
    public var amplitude = 1000.0
    /// Counts everywhere.
    public var background = 10.0
    /// Receives every frame taken (the catalogue stores them in the run's HDF5 file).
    public weak var frameSink: (any FrameSink)?
    private var resource: ResourceComposer?
    private var pendingDocuments: [Document] = []
    private var lastDatum = ""
    private var lastTime = DocumentClock.now()
    private var recipes: [String: (x: Double, y: Double, rows: Int, columns: Int)] = [:]

    /// A detector whose spot follows `motors`.
    public init(name: String, motors: (any Movable, any Movable)) {
        self.name = name
        self.motors = motors
    }

    /// The frame for motor positions (x, y), row by row.
    public func frame(x: Double, y: Double, rows: Int, columns: Int) -> [Double] {
        let cx = Double(columns) / 2 + x * Double(columns) / 8
        let cy = Double(rows) / 2 + y * Double(rows) / 8
        let sigma = Double(columns) / 16
        let scale = 1 / (2 * sigma * sigma)
        var out = [Double](repeating: background, count: rows * columns)
        for r in 0..<rows {
            let dy = Double(r) - cy
            for c in 0..<columns {
                let dx = Double(c) - cx
                out[r * columns + c] += amplitude * exp(-(dx * dx + dy * dy) * scale)
            }
        }
        return out
    }

    public func stage() throws {
        resource = nil
        recipes.removeAll()
    }

    public func unstage() throws { resource = nil }

    public func trigger() throws -> DeviceStatus {
        if resource == nil {
            let composer = RunComposer.resourceComposer(spec: "BEAMTIME_SIM_FRAME", root: "", resourcePath: name,
                                                        kwargs: ["shape": [.int(shape.rows), .int(shape.columns)]])
            resource = composer
            pendingDocuments.append(composer.document)
        }
        guard let resource else { return .done() }
        let x = motors.0.position, y = motors.1.position
        let datum = resource.datum(kwargs: ["motor1": .double(x), "motor2": .double(y)])
        pendingDocuments.append(datum)
        lastDatum = datum.uid
        lastTime = DocumentClock.now()
        recipes[datum.uid] = (x, y, shape.rows, shape.columns)
        frameSink?.store(dataKey: name, datumID: datum.uid, frame: frame(x: x, y: y, rows: shape.rows, columns: shape.columns),
                         rows: shape.rows, columns: shape.columns)
        return .done()
    }

    public func collectAssetDocuments() -> [Document] {
        defer { pendingDocuments.removeAll() }
        return pendingDocuments
    }

    public func read() throws -> [Reading] { [Reading(key: name, value: .string(lastDatum), timestamp: lastTime)] }
    public func describe() -> [(key: String, description: JSONObject)] {
        [(name, ["source": .string("SIM:\(name)"), "dtype": "array", "shape": [.int(shape.rows), .int(shape.columns)],
                 "precision": 3, "external": "FILESTORE:"])]
    }
    public func readConfiguration() -> [Reading] { [] }
    public func describeConfiguration() -> [(key: String, description: JSONObject)] { [] }
    public var hintedFields: [String] { [] }

    // MARK: Cell language

    public var typeName: String { "SynAreaDetector" }
    public var docstring: String? {
        """
        A simulated area detector (like ophyd.sim's img): each trigger takes a \(shape.rows)×\(shape.columns) frame with a Gaussian spot \
        placed by motor1 and motor2 on a background of \(background) counts. Its reading is a datum id; the frame itself is \
        referenced by resource/datum documents. img.frame(datum_id) returns a frame as a list of rows; img.shape = (rows, columns) \
        changes the size.
        """
    }
    public var attributeNames: [String] { (DeviceAttributes.names + ["amplitude", "background", "frame", "shape"]).sorted() }
    public func repr(_ interpreter: Interpreter) throws -> String { "SynAreaDetector(name='\(name)')" }

    public func attribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value? {
        if let shared = DeviceAttributes.attribute(self, attribute) { return shared }
        switch attribute {
        case "shape": return .tuple([.int(shape.rows), .int(shape.columns)])
        case "amplitude": return .float(amplitude)
        case "background": return .float(background)
        case "frame":
            return .object(BuiltinFunction("frame", signature: "frame(datum_id)", doc: "The frame a datum refers to, as a list of rows.") { args, _ in
                guard case .str(let id)? = args.positional.first else { throw ScriptError.typeError("frame() takes a datum id string") }
                guard let recipe = self.recipes[id] else { throw ScriptError.keyError(.str(id)) }
                let pixels = self.frame(x: recipe.x, y: recipe.y, rows: recipe.rows, columns: recipe.columns)
                return .list(ListObject((0..<recipe.rows).map { r in
                    .list(ListObject(pixels[(r * recipe.columns)..<((r + 1) * recipe.columns)].map { .float($0) }))
                }))
            })
        default: return nil
        }
    }

    public func setAttribute(_ attribute: String, _ value: Value, _ interpreter: Interpreter) throws {
        switch attribute {
        case "shape":
            guard case .tuple(let pair) = value, pair.count == 2, case .int(let rows) = pair[0], case .int(let columns) = pair[1],
                  rows > 0, columns > 0, rows * columns <= 1 << 24 else {
                throw ScriptError.valueError("shape must be (rows, columns) with positive ints, at most 16 million pixels")
            }
            shape = (rows, columns)
        case "amplitude":
            guard let v = value.numericValue else { throw ScriptError.typeError("amplitude must be a number") }
            amplitude = v
        case "background":
            guard let v = value.numericValue else { throw ScriptError.typeError("background must be a number") }
            background = v
        default:
            throw ScriptError.attributeError("'SynAreaDetector' object attribute '\(attribute)' is read-only")
        }
    }
}
