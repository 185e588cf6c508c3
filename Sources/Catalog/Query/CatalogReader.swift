import Documents
import JSON

/// A stored run's documents, as read back from the catalogue.
public struct StoredRun: Sendable {
    /// The start document.
    public var start: JSONObject
    /// The stop document, nil while the run is going.
    public var stop: JSONObject?
    /// The descriptors, oldest first.
    public var descriptors: [JSONObject]
    /// The run's HDF5 data product, if one was written.
    public var dataPath: String?

    /// The run's uid.
    public var uid: String { start["uid"]?.string ?? "" }
    /// The run's scan id.
    public var scanID: Int? { start["scan_id"]?.int }
}

/// Reads the catalogue: runs newest first, by position, scan id, uid or uid prefix, equality
/// searches on start metadata, and a stream's events.
public final class CatalogReader {
    let database: SQLiteDatabase

    /// Opens the catalogue at `path` for reading (creating it if missing).
    public convenience init(path: String) throws {
        self.init(store: try SQLiteCatalogStore(path: path))
    }

    /// Reads through an open store's connection (same thread as its other users).
    public init(store: SQLiteCatalogStore) {
        database = store.database
        database.registerRegexp()
    }

    /// Conditions that must all hold (searches chain by adding conditions).
    public struct Filter: Sendable, Equatable {
        /// The conditions.
        public var queries: [CatalogQuery]

        /// A filter of equalities on start metadata.
        public init(_ equalities: [(key: String, value: JSONValue)] = []) {
            queries = equalities.map { .equals($0.key, $0.value) }
        }

        /// A filter of queries.
        public init(queries: [CatalogQuery]) { self.queries = queries }

        /// Both filters at once.
        public func and(_ other: Filter) -> Filter { Filter(queries: queries + other.queries) }
    }

    private func whereClause(_ filter: Filter) throws -> (String, [SQLiteValue]) {
        var clauses: [String] = []
        var values: [SQLiteValue] = []
        for query in filter.queries {
            let (clause, bound) = try query.sql()
            clauses.append("(" + clause + ")")
            values += bound
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), values)
    }

    /// The number of runs matching `filter`.
    public func count(_ filter: Filter = Filter()) throws -> Int {
        let (clause, values) = try whereClause(filter)
        return try database.query("SELECT COUNT(*) FROM runs \(clause)", values).first?.first?.integer ?? 0
    }

    /// Whether no run matches (the query runs until its first match, in no particular order).
    public func isEmpty(_ filter: Filter = Filter()) throws -> Bool {
        let (clause, values) = try whereClause(filter)
        return try database.query("SELECT 1 FROM runs \(clause) LIMIT 1", values).isEmpty
    }

    /// The uids of matching runs, newest first, from `offset`, at most `limit`.
    public func uids(_ filter: Filter = Filter(), offset: Int = 0, limit: Int = -1) throws -> [String] {
        let (clause, values) = try whereClause(filter)
        return try database.query("SELECT uid FROM runs \(clause) ORDER BY time DESC, rowid DESC LIMIT ? OFFSET ?",
                                  values + [.integer(limit), .integer(offset)]).compactMap { $0.first?.text }
    }

    /// The newest matching run with `scanID`.
    public func uid(scanID: Int, _ filter: Filter = Filter()) throws -> String? {
        let (clause, values) = try whereClause(filter)
        let condition = clause.isEmpty ? "WHERE scan_id = ?" : clause + " AND scan_id = ?"
        return try database.query("SELECT uid FROM runs \(condition) ORDER BY time DESC LIMIT 1", values + [.integer(scanID)])
            .first?.first?.text
    }

    /// The matching run whose uid starts with `prefix`; an error if several do.
    public func uid(prefix: String, _ filter: Filter = Filter()) throws -> String? {
        let (clause, values) = try whereClause(filter)
        var escaped = ""
        for c in prefix {
            if c == "\\" || c == "%" || c == "_" { escaped.append("\\") }
            escaped.append(c)
        }
        let condition = (clause.isEmpty ? "WHERE " : clause + " AND ") + "uid LIKE ? ESCAPE '\\'"
        let rows = try database.query("SELECT uid FROM runs \(condition) LIMIT 2", values + [.text(escaped + "%")])
        if rows.count > 1 { throw CatalogError.badQuery("uid prefix '\(prefix)' matches more than one run: give more characters") }
        return rows.first?.first?.text
    }

    /// The run with `uid`.
    public func run(_ uid: String) throws -> StoredRun? {
        guard let row = try database.query("SELECT start, stop, data_path FROM runs WHERE uid = ?", [.text(uid)]).first,
              let startText = row[0].text, let start = try JSONValue.parse(startText).object else { return nil }
        let stop = try row[1].text.flatMap { try JSONValue.parse($0).object }
        let descriptors = try database.query("SELECT body FROM descriptors WHERE run_uid = ? ORDER BY time", [.text(uid)])
            .compactMap { try $0.first?.text.flatMap { try JSONValue.parse($0).object } }
        return StoredRun(start: start, stop: stop, descriptors: descriptors, dataPath: row[2].text)
    }

    /// Where datum `datumID`'s frame is: the HDF5 file, its dataset and the frame index.
    public func frameLocation(_ datumID: String) throws -> (path: String, dataset: String, index: Int)? {
        guard let row = try database.query("""
            SELECT r.data_path, f.data_key, f.frame_index FROM frames f JOIN runs r ON r.uid = f.run_uid WHERE f.datum_id = ?
            """, [.text(datumID)]).first, let path = row[0].text, let key = row[1].text, let index = row[2].integer else { return nil }
        return (path, "/entry/measurement/" + key, index)
    }

    /// The events of `stream` in a run, in sequence order: (seq_num, time, data).
    public func events(run uid: String, stream: String) throws -> [(seqNum: Int, time: Double, data: JSONObject)] {
        try database.query("""
            SELECT e.seq_num, e.time, e.data FROM events e JOIN descriptors d ON e.descriptor_uid = d.uid
            WHERE d.run_uid = ? AND d.name = ? ORDER BY e.seq_num
            """, [.text(uid), .text(stream)]).map { row in
            (row[0].integer ?? 0, row[1].real ?? 0, (try? row[2].text.map { try JSONValue.parse($0) })??.object ?? [:])
        }
    }
}

