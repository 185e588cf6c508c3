import Acquisition
import JSON
import Script

/// `catalog` in a cell: the stored runs, newest first, as databroker's catalog.
/// `catalog[-1]` is the latest run, `catalog[-k]` the k-th latest, `catalog[12]` the run
/// with scan_id 12, `catalog['3f2a']` the run whose uid starts so; `len(catalog)`,
/// iteration (newest first) and `catalog.search(sample='LaB6', plan_name='scan')`, which
/// returns a catalogue of the matching runs (searches chain).
public final class CatalogObject: ScriptObject {
    let reader: CatalogReader
    let filter: CatalogReader.Filter
    /// Waits until documents already emitted are stored (so `catalog[-1]` after `RE(...)`
    /// sees the run).
    let sync: () -> Void

    /// A catalogue over `reader`, narrowed by `filter`.
    public init(reader: CatalogReader, filter: CatalogReader.Filter = .init(), sync: @escaping () -> Void = {}) {
        self.reader = reader
        self.filter = filter
        self.sync = sync
    }

    public var typeName: String { "Catalog" }
    public var docstring: String? {
        """
        The catalogue of runs (databroker-like). catalog[-1]: the latest run; catalog[-3]: the third latest;
        catalog[42]: the run with scan_id 42; catalog['3f2a']: by uid or unique uid prefix; len(catalog);
        for run in catalog: newest first; catalog.search(sample='LaB6') keeps the runs whose start document has
        those values (chain searches to narrow further). A run has .uid, .scan_id, .start, .stop, .metadata,
        .descriptors, .documents() and streams: run.primary.read(), run.primary.table(), run.primary['det'].
        """
    }
    public var attributeNames: [String] { ["search"] }

    public func length(_ interpreter: Interpreter) throws -> Int? {
        sync()
        return try wrap { try reader.count(filter) }
    }

    public func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        sync()
        let uid: String?
        switch key {
        case .int(let k) where k < 0:
            uid = try wrap { try reader.uids(filter, offset: -k - 1, limit: 1).first }
            guard let uid else { throw ScriptError.indexError("catalog[\(k)]: there are only \(try wrap { try reader.count(filter) }) runs") }
            return try run(uid)
        case .int(let scanID):
            uid = try wrap { try reader.uid(scanID: scanID, filter) }
            guard let uid else { throw ScriptError.keyError(.str("no run with scan_id \(scanID)")) }
        case .str(let text):
            uid = try wrap { try reader.uid(prefix: text, filter) }
            guard let uid else { throw ScriptError.keyError(.str("no run with uid starting '\(text)'")) }
        case .object(let o):
            guard let slice = o as? SliceObject else { fallthrough }
            // Positions count from the newest run, as catalog[-1] does: catalog[-3:] is the
            // three newest runs, oldest of them first.
            let total = try wrap { try reader.count(filter) }
            let (start, stop, step, _) = try slice.indices(length: total, interpreter)
            guard step == 1 else { throw ScriptError.valueError("catalog slices take no step") }
            guard stop > start else { return .list(ListObject()) }
            let uids = try wrap { try reader.uids(filter, offset: total - stop, limit: stop - start) }
            return .list(ListObject(try uids.reversed().map { try run($0) }))
        default:
            throw ScriptError.typeError("catalog[...] takes a negative position, a scan_id, a uid (prefix) or a slice, not \(key.typeName)")
        }
        return try run(uid ?? "")
    }

    func run(_ uid: String) throws -> Value {
        guard let stored = try wrap({ try reader.run(uid) }) else { throw ScriptError.keyError(.str(uid)) }
        return .object(RunObject(stored: stored, reader: reader))
    }

    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? {
        sync()
        let uids = try wrap { try reader.uids(filter) }
        let runs = try uids.map { try run($0) }
        return try interpreter.iterator(.list(ListObject(runs)))
    }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        guard name == "search" else { return nil }
        return .object(BuiltinFunction("search", signature: "search(*queries, **metadata)",
                                       doc: "The runs matching every query (Key('num_points') > 10, TimeRange(since='2026-11-01'), Regex, FullText, In, NotIn, Contains, Eq) and whose start document has all the keyword values, e.g. search(plan_name='scan', sample='LaB6').") { args, interp in
            var queries: [CatalogQuery] = []
            for value in args.positional {
                guard case .object(let o) = value, let q = o as? QueryObject else {
                    throw ScriptError.typeError("search() takes queries such as Key('x') > 1 or TimeRange(...), and keyword values; got \(value.typeName)")
                }
                queries.append(q.query)
            }
            for (key, value) in args.keywords { queries.append(.equals(key, try ValueJSON.json(value, interp))) }
            let narrowed = self.filter.and(CatalogReader.Filter(queries: queries))
            // Run the query once (first match only), so a bad query fails here, not later.
            _ = try self.wrap { try self.reader.isEmpty(narrowed) }
            return .object(CatalogObject(reader: self.reader, filter: narrowed, sync: self.sync))
        })
    }

    public func repr(_ interpreter: Interpreter) throws -> String {
        sync()
        return "<Catalog of \(try wrap { try reader.count(filter) }) runs>"
    }

    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        sync()
        var html = "<table><tr><th>scan_id</th><th>plan</th><th>uid</th><th>exit</th><th>events</th></tr>"
        var text = "scan_id  plan          uid       exit      events"
        for uid in try wrap({ try reader.uids(filter, limit: 20) }) {
            guard let stored = try wrap({ try reader.run(uid) }) else { continue }
            let scan = stored.scanID.map(String.init) ?? ""
            let plan = stored.start["plan_name"]?.string ?? ""
            let exit = stored.stop?["exit_status"]?.string ?? "running"
            let events = (stored.stop?["num_events"]?.object ?? [:]).reduce(0) { $0 + ($1.value.int ?? 0) }
            html += "<tr><td>\(scan)</td><td>\(plan)</td><td>\(uid.prefix(8))</td><td>\(exit)</td><td>\(events)</td></tr>"
            text += "\n\(scan.padding(9))\(plan.padding(14))\(String(uid.prefix(8)).padding(10))\(exit.padding(10))\(events)"
        }
        return ["text/html": html + "</table>", "text/plain": text]
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CatalogError {
            throw ScriptError.valueError(error.description)
        } catch let error as SQLiteError {
            throw ScriptError.runtimeError("catalogue: \(error)")
        }
    }
}

extension CatalogObject {
    /// Binds the query constructors (Key, Eq, In, NotIn, Contains, Regex, FullText, TimeRange).
    public static func installQueries(into interpreter: Interpreter) { QueryConstructors.install(into: interpreter) }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
