import Glibc
import JSON

/// Where the run engine keeps what outlives a session: the last `scan_id` (so it keeps
/// increasing across kernel restarts) and `RE.md` (saved whenever a run opens).
public protocol RunEngineStore: AnyObject {
    /// The last scan id used (0 if none).
    func load() -> Int
    /// Records the last scan id used.
    func save(_ scanID: Int)
    /// The persistent metadata (`RE.md`) saved last.
    func loadMetadata() -> JSONObject
    /// Saves `RE.md`.
    func saveMetadata(_ metadata: JSONObject)
}

/// Keeps the scan id in memory (tests, `beamtime exec` without a home).
public final class MemoryRunEngineStore: RunEngineStore {
    private var last: Int
    /// A store starting at `last`.
    public init(last: Int = 0) { self.last = last }
    private var metadata = JSONObject()
    public func load() -> Int { last }
    public func save(_ scanID: Int) { last = scanID }
    public func loadMetadata() -> JSONObject { metadata }
    public func saveMetadata(_ metadata: JSONObject) { self.metadata = metadata }
}

/// Keeps the scan id in a small text file (`$BEAMTIME_HOME/scan_id`) and `RE.md` as JSON
/// beside it (`run_engine_md.json`) until the catalogue owns them; both written atomically.
public final class FileRunEngineStore: RunEngineStore {
    /// The file's path.
    public let path: String

    /// A store at `path` (its directory is created when first saved).
    public init(path: String) { self.path = path }

    /// `$BEAMTIME_HOME/scan_id`, with BEAMTIME_HOME defaulting to ~/.local/share/beamtime.
    public static func defaultPath() -> String {
        if let home = getenv("BEAMTIME_HOME").map({ String(cString: $0) }), !home.isEmpty { return home + "/scan_id" }
        let user = getenv("HOME").map { String(cString: $0) } ?? "/tmp"
        return user + "/.local/share/beamtime/scan_id"
    }

    public func load() -> Int {
        guard let file = fopen(path, "r") else { return 0 }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, 64, file) != nil else { return 0 }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(text.filter { $0.isNumber }) ?? 0
    }

    /// The metadata file, beside the scan id file.
    public var metadataPath: String {
        guard let slash = path.lastIndex(of: "/") else { return "run_engine_md.json" }
        return String(path[..<slash]) + "/run_engine_md.json"
    }

    public func loadMetadata() -> JSONObject {
        guard let file = fopen(metadataPath, "r") else { return [:] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return (try? JSONValue.parse(bytes))?.object ?? [:]
    }

    public func saveMetadata(_ metadata: JSONObject) {
        write(JSONValue.object(metadata).text(JSONFormat(indent: 1, sortKeys: true)) + "\n", to: metadataPath)
    }

    public func save(_ scanID: Int) { write("\(scanID)\n", to: path) }

    private func write(_ text: String, to path: String) {
        if let slash = path.lastIndex(of: "/") {
            var prefix = ""
            for part in path[..<slash].split(separator: "/") {
                prefix += "/" + part
                mkdir(prefix, 0o755)
            }
        }
        let temporary = path + ".tmp"
        guard let file = fopen(temporary, "w") else { return }
        fputs(text, file)
        fclose(file)
        rename(temporary, path)
    }
}
