import Acquisition
import HDF5
import JSON
import Numerics
import Script

/// A run from the catalogue: its documents and its streams.
final class RunObject: ScriptObject {
    let stored: StoredRun
    let reader: CatalogReader

    init(stored: StoredRun, reader: CatalogReader) {
        self.stored = stored
        self.reader = reader
    }

    var streamNames: [String] {
        var names: [String] = []
        for d in stored.descriptors { if let n = d["name"]?.string, !names.contains(n) { names.append(n) } }
        return names
    }

    var typeName: String { "Run" }
    var docstring: String? {
        "A stored run: .uid, .scan_id, .start, .stop, .metadata, .descriptors, .documents(); streams as attributes (run.primary) or items (run['primary'])."
    }
    var attributeNames: [String] { ["data_path", "descriptors", "documents", "export", "frame", "metadata", "scan_id", "start", "stop", "uid"] + streamNames }

    func repr(_ interpreter: Interpreter) throws -> String {
        "<Run scan_id=\(stored.scanID.map(String.init) ?? "None") uid='\(stored.uid.prefix(8))' \(stored.start["plan_name"]?.string ?? "") \(stored.stop?["exit_status"]?.string ?? "running")>"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "uid": return .str(stored.uid)
        case "data_path": return stored.dataPath.map { .str($0) } ?? Value.none
        case "frame":
            return .object(BuiltinFunction("frame", signature: "frame(datum_id)",
                                           doc: "An area-detector frame of this run (the datum id an event holds), read from the run's HDF5 file, as a 2-D array.") { args, _ in
                guard case .str(let id)? = args.positional.first else { throw ScriptError.typeError("frame() takes a datum id") }
                guard let frames = try FrameLoader.frames([id], reader: self.reader) else { throw ScriptError.keyError(.str(id)) }
                return ArrayObject.wrap(try frames.reshaped(Array(frames.shape.dropFirst())))
            })
        case "export":
            return .object(BuiltinFunction("export", signature: "export(path)",
                                           doc: "Write the run to an HDF5 file in the NeXus layout (h5py, silx and NeXpy plot it by default).") { args, _ in
                guard case .str(let path)? = args.positional.first else { throw ScriptError.typeError("export() takes a file path") }
                do { try CatalogExport.nexus(reader: self.reader, run: self.stored.uid, to: path) } catch {
                    throw ScriptError.runtimeError("export to '\(path)' failed: \(error)")
                }
                return .str(path)
            })
        case "scan_id": return stored.scanID.map { .int($0) } ?? Value.none
        case "start": return .dict(ValueJSON.dict(stored.start))
        case "stop": return stored.stop.map { .dict(ValueJSON.dict($0)) } ?? Value.none
        case "metadata": return .dict(ValueJSON.dict(["start": .object(stored.start), "stop": stored.stop.map { .object($0) } ?? .null]))
        case "descriptors": return .list(ListObject(stored.descriptors.map { .dict(ValueJSON.dict($0)) }))
        case "documents":
            return .object(BuiltinFunction("documents", signature: "documents()", doc: "The run's documents as (name, doc) pairs, in order.") { _, _ in
                var out: [Value] = [.tuple([.str("start"), .dict(ValueJSON.dict(self.stored.start))])]
                for d in self.stored.descriptors {
                    out.append(.tuple([.str("descriptor"), .dict(ValueJSON.dict(d))]))
                    for e in try self.reader.events(run: self.stored.uid, stream: d["name"]?.string ?? "") {
                        out.append(.tuple([.str("event"), .dict(ValueJSON.dict(["seq_num": .int(e.seqNum), "time": .double(e.time),
                                                                                  "data": .object(e.data), "descriptor": d["uid"] ?? .null]))]))
                    }
                }
                if let stop = self.stored.stop { out.append(.tuple([.str("stop"), .dict(ValueJSON.dict(stop))])) }
                return .list(ListObject(out))
            })
        default:
            return streamNames.contains(name) ? .object(StreamObject(run: stored.uid, name: name, reader: reader)) : nil
        }
    }

    func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .str(let name) = key, streamNames.contains(name) else { throw ScriptError.keyError(key) }
        return .object(StreamObject(run: stored.uid, name: name, reader: reader))
    }
}

/// One stream of a run (`primary` …): columns of its events.
final class StreamObject: ScriptObject {
    let run: String
    let name: String
    let reader: CatalogReader

    init(run: String, name: String, reader: CatalogReader) {
        self.run = run
        self.name = name
        self.reader = reader
    }

    var typeName: String { "Stream" }
    var docstring: String? { "A stream of a run: .read() gives {key: column}, .table() a table, stream['det'] one column (an array for numbers)." }
    var attributeNames: [String] { ["read", "table"] }
    func repr(_ interpreter: Interpreter) throws -> String { "<Stream '\(name)' of run \(run.prefix(8))>" }

    func columns() throws -> [(key: String, values: [Value])] {
        let events = try reader.events(run: run, stream: name)
        var keys = ["seq_num", "time"]
        for e in events { for k in e.data.keys where !keys.contains(k) { keys.append(k) } }
        return keys.map { key in
            (key, events.map { e in
                switch key {
                case "seq_num": return .int(e.seqNum)
                case "time": return .float(e.time)
                default: return ValueJSON.value(e.data[key] ?? .null)
                }
            })
        }
    }

    func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .str(let k) = key, let column = try columns().first(where: { $0.key == k }) else { throw ScriptError.keyError(key) }
        return try filled(column.values)
    }

    /// A column as cells get it; area-detector columns (datum ids) come back as the frames
    /// themselves, one n-d array read from the run's HDF5 file when the column is asked for.
    func filled(_ values: [Value]) throws -> Value {
        let ids = values.compactMap { v -> String? in if case .str(let s) = v { return s } else { return nil } }
        if !ids.isEmpty, ids.count == values.count, let frames = try FrameLoader.frames(ids, reader: reader) {
            return ArrayObject.wrap(frames)
        }
        return ColumnValue.make(values)
    }

    func attribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value? {
        switch attribute {
        case "read":
            return .object(BuiltinFunction("read", signature: "read()", doc: "The stream's columns as {key: [values]}.") { _, _ in
                let d = DictObject()
                for (k, v) in try self.columns() { d.set(HashKey(string: k), try self.filled(v)) }
                return .dict(d)
            })
        case "table":
            return .object(BuiltinFunction("table", signature: "table()", doc: "The stream as a table (rich display).") { _, interp in
                .object(TableObject(columns: try self.columns(), interpreter: interp))
            })
        default: return nil
        }
    }
}

/// Area-detector frames read back from a run's HDF5 file by datum id.
enum FrameLoader {
    /// The frames of `ids` stacked as (n, rows, columns), or nil when the first id is not a
    /// frame this catalogue stored (an ordinary string column).
    static func frames(_ ids: [String], reader: CatalogReader) throws -> NDArray? {
        guard let first = ids.first, try reader.frameLocation(first) != nil else { return nil }
        var pixels: [Double] = []
        var frameShape: [Int] = []
        var open: (path: String, file: HDF5File)?
        for id in ids {
            guard let location = try reader.frameLocation(id) else { throw ScriptError.keyError(.str(id)) }
            do {
                if open?.path != location.path { open = (location.path, try HDF5File.open(location.path, swmr: true)) }
                guard let file = open?.file else { continue }
                let dataset = try file.root.dataset(String(location.dataset.dropFirst()))
                try dataset.refresh()
                let shape = dataset.shape
                let frame = try dataset.read(rows: location.index..<(location.index + 1))
                let thisShape = shape.count == 3 ? [shape[1], shape[2]] : [frame.count]
                guard NDArray.product(thisShape) == frame.count else {
                    throw ScriptError.runtimeError("frame \(id) in \(location.path) has \(frame.count) pixels, not \(thisShape)")
                }
                if frameShape.isEmpty { frameShape = thisShape }
                guard thisShape == frameShape else {
                    throw ScriptError.valueError("frames of different shapes (\(frameShape) and \(thisShape)) cannot be stacked; read them one by one with run.frame(datum_id)")
                }
                pixels += frame
            } catch let error as ScriptError {
                throw error
            } catch {
                throw ScriptError.runtimeError("cannot read frame \(id) from \(location.path): \(error)")
            }
        }
        return NDArray(pixels, shape: [ids.count] + frameShape)
    }
}

/// Named columns with an HTML and text display.
final class TableObject: ScriptObject {
    let columns: [(key: String, values: [Value])]
    unowned let interpreter: Interpreter

    init(columns: [(key: String, values: [Value])], interpreter: Interpreter) {
        self.columns = columns
        self.interpreter = interpreter
    }

    var typeName: String { "Table" }
    var docstring: String? { "A table of named columns: table['det'] is a column, len(table) the number of rows, table.columns the names." }
    var attributeNames: [String] { ["columns"] }
    func length(_ interpreter: Interpreter) throws -> Int? { columns.first?.values.count ?? 0 }

    func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .str(let k) = key, let column = columns.first(where: { $0.key == k }) else { throw ScriptError.keyError(key) }
        return ColumnValue.make(column.values)
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "columns" ? .list(ListObject(columns.map { .str($0.key) })) : nil
    }

    private func cell(_ v: Value) -> String { (try? interpreter.str(v)) ?? "?" }

    func repr(_ interpreter: Interpreter) throws -> String { text(limit: 20) }

    func text(limit: Int) -> String {
        let rows = columns.first?.values.count ?? 0
        var lines = [columns.map(\.key).joined(separator: "\t")]
        for r in 0..<min(rows, limit) { lines.append(columns.map { cell($0.values[r]) }.joined(separator: "\t")) }
        if rows > limit { lines.append("... \(rows) rows") }
        return lines.joined(separator: "\n")
    }

    func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        let rows = columns.first?.values.count ?? 0
        var html = "<table><tr>" + columns.map { "<th>\($0.key)</th>" }.joined() + "</tr>"
        for r in 0..<min(rows, 50) { html += "<tr>" + columns.map { "<td>\(cell($0.values[r]))</td>" }.joined() + "</tr>" }
        html += "</table>" + (rows > 50 ? "<p>\(rows) rows</p>" : "")
        return ["text/html": html, "text/plain": text(limit: 20)]
    }
}

/// A column as cells get it: an array when every value is a number (numpy's dtype from
/// the values: bool, int64 or float64), else a list (datum ids, strings).
enum ColumnValue {
    static func make(_ values: [Value]) -> Value {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        var type = ElementType.bool
        for v in values {
            switch v {
            case .bool(let b): numbers.append(b ? 1 : 0)
            case .int(let i): numbers.append(Double(i)); type = max(type, .int64)
            case .float(let d): numbers.append(d); type = .float64
            default: return .list(ListObject(values))
            }
        }
        return ArrayObject.wrap(NDArray(numbers, elementType: values.isEmpty ? .float64 : type))
    }
}
