import Documents
import Glibc
import JSON

/// The catalogue's record of reports made for runs and the values their notebooks glued.
/// A worker claims (run, template) before executing; the claim is a row, so two workers
/// (or `--jobs` slots, or a restarted watcher) never report a run twice, and a claim left
/// by a worker that died is taken over instead of being skipped.
public final class ReportLedger {
    private let database: SQLiteDatabase

    /// A ledger in `store`'s database.
    public init(store: SQLiteCatalogStore) {
        database = store.database
    }

    /// A run that stopped and may need a report.
    public struct StoppedRun: Equatable, Sendable {
        /// Its uid.
        public var uid: String
        /// Its scan id, if it has one.
        public var scanID: Int?
        /// When it stopped (epoch seconds).
        public var stopTime: Double
    }

    /// Runs that stopped at or after `since`, match every `equalities` (metadata key =
    /// value, as `search` compares them), and have no report for `template` yet — or only
    /// one claimed by a worker that is no longer alive. Oldest first.
    public func pending(template: String, since: Double, equalities: [(String, JSONValue)] = []) throws -> [StoppedRun] {
        var sql = """
        SELECT r.uid, r.scan_id, r.stop_time FROM runs r
        LEFT JOIN reports p ON p.run_uid = r.uid AND p.template = ?
        WHERE r.stop_time >= ? AND (p.run_uid IS NULL OR (p.status = 'running' AND p.worker_pid IS NOT NULL))
        """
        var values: [SQLiteValue] = [.text(template), .real(since)]
        for (key, value) in equalities {
            guard let text = CatalogStore.keyText(value) else { continue }
            sql += " AND EXISTS (SELECT 1 FROM run_keys k WHERE k.run_uid = r.uid AND k.key = ? AND k.value = ?)"
            values += [.text(key), .text(text)]
        }
        sql += " ORDER BY r.stop_time, r.uid"
        var out: [StoppedRun] = []
        let claims = try claimsByLiveWorkers(template: template)
        for row in try database.query(sql, values) {
            guard let uid = row[0].text, !claims.contains(uid) else { continue }
            out.append(StoppedRun(uid: uid, scanID: row[1].integer, stopTime: row[2].real ?? 0))
        }
        return out
    }

    private func claimsByLiveWorkers(template: String) throws -> Set<String> {
        var live = Set<String>()
        for row in try database.query("SELECT run_uid, worker_pid FROM reports WHERE template = ? AND status = 'running'", [.text(template)]) {
            guard let uid = row[0].text else { continue }
            let pid = row[1].integer ?? 0
            if pid > 0 && kill(pid_t(pid), 0) == 0 { live.insert(uid) }
        }
        return live
    }

    /// Claims (run, template) for the worker `pid`; false if another live worker has it or
    /// it is already done.
    public func claim(run uid: String, template: String, pid: Int32 = getpid()) throws -> Bool {
        try database.transaction {
            let existing = try database.query("SELECT status, worker_pid FROM reports WHERE run_uid = ? AND template = ?",
                                              [.text(uid), .text(template)]).first
            if let existing {
                let holder = existing[1].integer ?? 0
                let abandoned = existing[0].text == "running" && holder > 0 && holder != Int(pid) && kill(pid_t(holder), 0) != 0
                guard abandoned else { return false }
            }
            try database.run("""
                INSERT OR REPLACE INTO reports (run_uid, template, status, worker_pid, time) VALUES (?, ?, 'running', ?, ?)
                """, [.text(uid), .text(template), .integer(Int(pid)), .real(DocumentClock.now())])
            return true
        }
    }

    /// Records how the report of (run, template) ended: `completed` or `failed`, the paths
    /// written and the error, if any.
    public func finish(run uid: String, template: String, status: String, notebook: String?, html: String?,
                       markdown: String?, error: String?) throws {
        func text(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
        try database.run("""
            UPDATE reports SET status = ?, notebook = ?, html = ?, markdown = ?, error = ?, worker_pid = NULL, time = ?
            WHERE run_uid = ? AND template = ?
            """, [.text(status), text(notebook), text(html), text(markdown), text(error), .real(DocumentClock.now()), .text(uid), .text(template)])
    }

    /// Stores the values a notebook glued for a run (replacing earlier ones of that notebook).
    public func recordGlue(run uid: String, notebook: String, values: [(name: String, value: JSONValue, mimetype: String)]) throws {
        try database.transaction {
            try database.run("DELETE FROM glue WHERE run_uid = ? AND notebook = ?", [.text(uid), .text(notebook)])
            for entry in values {
                try database.run("INSERT OR REPLACE INTO glue (run_uid, notebook, name, value, mimetype, time) VALUES (?, ?, ?, ?, ?, ?)", [
                    .text(uid), .text(notebook), .text(entry.name), .text(entry.value.text()), .text(entry.mimetype), .real(DocumentClock.now()),
                ])
            }
        }
    }

    /// A report of a run, as recorded.
    public struct Report: Equatable, Sendable {
        /// The template's path.
        public var template: String
        /// `running`, `completed` or `failed`.
        public var status: String
        /// The executed notebook, HTML and Markdown reports.
        public var notebook: String?, html: String?, markdown: String?
        /// Why it failed, if it did.
        public var error: String?
    }

    /// The reports recorded for a run.
    public func reports(run uid: String) throws -> [Report] {
        try database.query("SELECT template, status, notebook, html, markdown, error FROM reports WHERE run_uid = ? ORDER BY time",
                           [.text(uid)]).map { row in
            Report(template: row[0].text ?? "", status: row[1].text ?? "", notebook: row[2].text, html: row[3].text,
                   markdown: row[4].text, error: row[5].text)
        }
    }

    /// The values glued for a run, by name (the latest notebook's value wins).
    public func glue(run uid: String) throws -> [(name: String, value: JSONValue)] {
        try database.query("SELECT name, value FROM glue WHERE run_uid = ? ORDER BY time", [.text(uid)]).compactMap { row in
            guard let name = row[0].text, let text = row[1].text, let value = try? JSONValue.parse(text) else { return nil }
            return (name, value)
        }
    }

    /// A persistent setting (the watcher's start time per template).
    public func setting(_ key: String) throws -> String? {
        try database.query("SELECT value FROM settings WHERE key = ?", [.text(key)]).first?.first?.text
    }

    /// Sets a persistent setting.
    public func setSetting(_ key: String, _ value: String) throws {
        try database.run("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [.text(key), .text(value)])
    }
}
