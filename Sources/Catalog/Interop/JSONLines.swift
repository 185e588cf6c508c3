import Documents
import JSON
import Platform

/// bluesky's JSON Lines format: one `[name, document]` per line, as suitcase-jsonl and
/// bluesky's JSONL serializers write it.
public enum JSONLines {
    /// A line that cannot be imported.
    public struct LineError: Error, CustomStringConvertible, Equatable {
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Reads every document of the file; throws at the first bad line (nothing is stored).
    public static func read(_ path: String) throws -> [Document] {
        let text = try FileSystem.readText(path)
        var documents: [Document] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) { continue }
            let value: JSONValue
            do { value = try JSONValue.parse(String(line)) } catch {
                throw LineError(line: number, reason: "not JSON (\(error))")
            }
            guard let pair = value.array, pair.count == 2, let nameText = pair[0].string, let body = pair[1].object else {
                throw LineError(line: number, reason: "expected [name, document]")
            }
            guard let name = DocumentName(rawValue: nameText) else {
                throw LineError(line: number, reason: "'\(nameText)' is not a document name")
            }
            if let problem = DocumentValidation.problem(name, body) {
                throw LineError(line: number, reason: "invalid \(name.rawValue) document: \(problem)")
            }
            documents.append(Document(name, body))
        }
        return documents
    }

    /// The lines for `documents`.
    public static func text(_ documents: [Document]) -> String {
        documents.map { JSONValue.array([.string($0.name.rawValue), .object($0.body)]).text() + "\n" }.joined()
    }
}

extension SQLiteCatalogStore {
    /// Imports a JSON Lines file in one transaction: all its documents, or none if any line
    /// is bad. Returns the uids of the runs it started.
    public func importJSONLines(_ path: String) throws -> [String] {
        let documents = try JSONLines.read(path)
        try insert(documents, writerPID: 0)
        return documents.filter { $0.name == .start }.map(\.uid)
    }

    /// The documents of run `uid` in order: start, descriptors, resources/datums, events, stop.
    public func documents(run uid: String) throws -> [Document] {
        let reader = CatalogReaderCore(database: database)
        return try reader.documents(run: uid)
    }
}

/// Reads whole runs back as documents (for export).
struct CatalogReaderCore {
    let database: SQLiteDatabase

    func documents(run uid: String) throws -> [Document] {
        guard let startText = try database.query("SELECT start, stop FROM runs WHERE uid = ?", [.text(uid)]).first else {
            throw CatalogError.notFound("no run \(uid)")
        }
        var out: [Document] = []
        if let text = startText[0].text, let start = try JSONValue.parse(text).object { out.append(Document(.start, start)) }
        for row in try database.query("SELECT kind, body FROM assets WHERE run_uid = ? ORDER BY rowid", [.text(uid)]) {
            if let kind = row[0].text.flatMap(DocumentName.init(rawValue:)), let body = try row[1].text.flatMap({ try JSONValue.parse($0).object }) {
                out.append(Document(kind, body))
            }
        }
        let descriptors = try database.query("SELECT uid, body FROM descriptors WHERE run_uid = ? ORDER BY time", [.text(uid)])
        for row in descriptors {
            if let body = try row[1].text.flatMap({ try JSONValue.parse($0).object }) { out.append(Document(.descriptor, body)) }
        }
        for row in try database.query(
            "SELECT descriptor_uid, seq_num, uid, time, data, timestamps FROM events WHERE run_uid = ? ORDER BY time, seq_num", [.text(uid)]) {
            let data = try row[4].text.flatMap { try JSONValue.parse($0) } ?? [:]
            let timestamps = try row[5].text.flatMap { try JSONValue.parse($0) } ?? [:]
            out.append(Document(.event, [
                "uid": .string(row[2].text ?? ""), "time": .double(row[3].real ?? 0), "data": data, "timestamps": timestamps,
                "seq_num": .int(row[1].integer ?? 0), "filled": [:], "descriptor": .string(row[0].text ?? ""),
            ]))
        }
        if let text = startText[1].text, let stop = try JSONValue.parse(text).object { out.append(Document(.stop, stop)) }
        return out
    }
}
