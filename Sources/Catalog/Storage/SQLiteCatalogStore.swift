import Documents
import Glibc
import JSON

/// The embedded catalogue: every document in one SQLite file, in WAL mode with
/// `synchronous=NORMAL` — a committed transaction survives the writing process being
/// killed (only a power cut can lose the last few), and readers never block the writer.
public final class SQLiteCatalogStore {
    /// The connection.
    public let database: SQLiteDatabase

    /// Opens (creating and migrating) the catalogue at `path`; with `recover`, closes runs
    /// whose writer died with a `fail` stop document (a second connection of the same
    /// process skips it).
    public init(path: String, recover: Bool = true) throws {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;")
        try migrate()
        if recover { try closeAbandonedRuns() }
    }

    private func migrate() throws {
        let version = try database.query("PRAGMA user_version").first?.first?.integer ?? 0
        for (index, sql) in CatalogSchema.migrations.enumerated() where index >= version {
            try database.transaction {
                try database.execute(sql)
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Writes documents in one transaction (all or none).
    public func insert(_ documents: [Document], writerPID: Int32 = getpid()) throws {
        try database.transaction {
            for document in documents { try insertOne(document, writerPID: writerPID) }
        }
    }

    private lazy var eventInsert = try? database.prepare(
        "INSERT OR REPLACE INTO events (descriptor_uid, seq_num, run_uid, uid, time, data, timestamps) VALUES (?, ?, ?, ?, ?, ?, ?)")
    private var descriptorRuns: [String: String] = [:]

    private func insertOne(_ document: Document, writerPID: Int32) throws {
        let body = document.body
        switch document.name {
        case .start:
            let uid = document.uid
            try database.run("INSERT OR REPLACE INTO runs (uid, scan_id, time, plan_name, start, writer_pid) VALUES (?, ?, ?, ?, ?, ?)", [
                .text(uid), body["scan_id"]?.int.map { .integer($0) } ?? .null, .real(body["time"]?.double ?? 0),
                body["plan_name"]?.string.map { .text($0) } ?? .null, .text(JSONValue.object(body).text()), .integer(Int(writerPID)),
            ])
            var words: [String] = []
            for member in body {
                guard let text = CatalogStore.keyText(member.value) else {
                    words += CatalogStore.strings(in: member.value)
                    continue
                }
                try database.run("INSERT INTO run_keys (run_uid, key, value) VALUES (?, ?, ?)", [.text(uid), .text(member.key), .text(text)])
                if case .string = member.value {
                    words.append(text)
                    try database.run("INSERT INTO run_values_trigram (run_uid, key, value) VALUES (?, ?, ?)",
                                     [.text(uid), .text(member.key), .text(text)])
                }
            }
            try database.run("INSERT INTO runs_fts (uid, text) VALUES (?, ?)", [.text(uid), .text(words.joined(separator: " "))])
        case .descriptor:
            let run = body["run_start"]?.string ?? ""
            descriptorRuns[document.uid] = run
            try database.run("INSERT OR REPLACE INTO descriptors (uid, run_uid, name, time, body) VALUES (?, ?, ?, ?, ?)", [
                .text(document.uid), .text(run), .text(body["name"]?.string ?? "primary"), .real(body["time"]?.double ?? 0),
                .text(JSONValue.object(body).text()),
            ])
        case .event:
            let descriptor = body["descriptor"]?.string ?? ""
            let run = try runOf(descriptor: descriptor)
            guard let statement = eventInsert else { throw SQLiteError(code: 1, message: "cannot prepare the event insert") }
            try statement.bind([
                .text(descriptor), .integer(body["seq_num"]?.int ?? 0), .text(run), .text(document.uid),
                .real(body["time"]?.double ?? 0), .text((body["data"] ?? [:]).text()), .text((body["timestamps"] ?? [:]).text()),
            ])
            while try statement.step() {}
            try database.run("UPDATE runs SET num_events = num_events + 1 WHERE uid = ?", [.text(run)])
        case .eventPage:
            for event in CatalogStore.unpack(page: body) { try insertOne(event, writerPID: writerPID) }
        case .stop:
            try database.run("UPDATE runs SET stop = ?, exit_status = ?, stop_time = ?, writer_pid = NULL WHERE uid = ?", [
                .text(JSONValue.object(body).text()), .text(body["exit_status"]?.string ?? ""), .real(body["time"]?.double ?? DocumentClock.now()),
                .text(body["run_start"]?.string ?? ""),
            ])
        case .resource, .datum, .datumPage, .streamResource, .streamDatum:
            var run = body["run_start"]?.string
            if run == nil, let parent = body["resource"]?.string ?? body["stream_resource"]?.string {
                run = try database.query("SELECT run_uid FROM assets WHERE uid = ?", [.text(parent)]).first?.first?.text
            }
            if run == nil, let descriptor = body["descriptor"]?.string { run = try runOf(descriptor: descriptor) }
            let uid = document.name == .datumPage ? (body["datum_id"]?.array?.first?.string ?? DocumentClock.uid()) : document.uid
            try database.run("INSERT OR REPLACE INTO assets (uid, run_uid, kind, body) VALUES (?, ?, ?, ?)", [
                .text(uid), run.map { .text($0) } ?? .null, .text(document.name.rawValue), .text(JSONValue.object(body).text()),
            ])
        }
    }

    private func runOf(descriptor: String) throws -> String {
        if let run = descriptorRuns[descriptor] { return run }
        let run = try database.query("SELECT run_uid FROM descriptors WHERE uid = ?", [.text(descriptor)]).first?.first?.text ?? ""
        descriptorRuns[descriptor] = run
        return run
    }

    /// Gives every run left open by a process that is no longer alive a `fail` stop document.
    func closeAbandonedRuns() throws {
        let open = try database.query("SELECT uid, writer_pid FROM runs WHERE stop IS NULL")
        for row in open {
            guard let uid = row[0].text else { continue }
            let pid = row[1].integer ?? 0
            if pid > 0 && pid != Int(getpid()) && kill(pid_t(pid), 0) == 0 { continue }
            var counts = JSONObject()
            for count in try database.query(
                "SELECT d.name, COUNT(e.seq_num) FROM descriptors d LEFT JOIN events e ON e.descriptor_uid = d.uid WHERE d.run_uid = ? GROUP BY d.name",
                [.text(uid)]) {
                if let name = count[0].text { counts[name] = .int(count[1].integer ?? 0) }
            }
            let stop: JSONObject = [
                "uid": .string(DocumentClock.uid()), "time": .double(DocumentClock.now()), "run_start": .string(uid),
                "exit_status": "fail",
                "reason": .string("the process writing this run (pid \(pid)) died before the run ended; the run was closed when the catalogue was next opened"),
                "num_events": .object(counts),
            ]
            try insert([Document(.stop, stop)])
        }
    }

    /// Records where a run's data product is.
    public func setDataPath(run uid: String, path: String) throws {
        try database.run("UPDATE runs SET data_path = ? WHERE uid = ?", [.text(path), .text(uid)])
    }

    /// Records that frame `index` of `dataKey` in the run's HDF5 file is datum `datumID`.
    public func recordFrame(datumID: String, run uid: String, dataKey: String, index: Int) throws {
        try database.run("INSERT OR REPLACE INTO frames (datum_id, run_uid, data_key, frame_index) VALUES (?, ?, ?, ?)",
                         [.text(datumID), .text(uid), .text(dataKey), .integer(index)])
    }

    /// The largest scan id stored (0 if none).
    public func lastScanID() throws -> Int {
        try database.query("SELECT MAX(scan_id) FROM runs").first?.first?.integer ?? 0
    }

    /// A stored setting.
    public func setting(_ key: String) throws -> String? {
        try database.query("SELECT value FROM settings WHERE key = ?", [.text(key)]).first?.first?.text
    }

    /// Stores a setting.
    public func setSetting(_ key: String, _ value: String) throws {
        try database.run("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [.text(key), .text(value)])
    }
}

/// Helpers shared by stores.
enum CatalogStore {
    /// The text a scalar metadata value is indexed under (strings as themselves, numbers and
    /// booleans as JSON); nil for lists, objects and null.
    static func keyText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .int, .double, .bool: return value.text()
        default: return nil
        }
    }

    /// Every string inside a JSON value (lists and objects searched for full-text search).
    static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items): return items.flatMap(strings(in:))
        case .object(let object): return object.members.flatMap { strings(in: $0.value) }
        default: return []
        }
    }

    /// The events packed in an event page.
    static func unpack(page: JSONObject) -> [Document] {
        let uids = page["uid"]?.array ?? []
        let times = page["time"]?.array ?? []
        let seqNums = page["seq_num"]?.array ?? []
        let data = page["data"]?.object ?? [:]
        let timestamps = page["timestamps"]?.object ?? [:]
        return uids.indices.map { i in
            var d = JSONObject(), t = JSONObject()
            for member in data { if let column = member.value.array, i < column.count { d[member.key] = column[i] } }
            for member in timestamps { if let column = member.value.array, i < column.count { t[member.key] = column[i] } }
            return Document(.event, [
                "uid": uids[i], "time": i < times.count ? times[i] : .null, "seq_num": i < seqNums.count ? seqNums[i] : .null,
                "descriptor": page["descriptor"] ?? .null, "data": .object(d), "timestamps": .object(t), "filled": [:],
            ])
        }
    }
}
