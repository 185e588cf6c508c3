import Glibc

/// Where the last `scan_id` is kept so it keeps increasing across kernel restarts.
public protocol ScanIDStore: AnyObject {
    /// The last scan id used (0 if none).
    func load() -> Int
    /// Records the last scan id used.
    func save(_ scanID: Int)
}

/// Keeps the scan id in memory (tests, `beamtime exec` without a home).
public final class MemoryScanIDStore: ScanIDStore {
    private var last: Int
    /// A store starting at `last`.
    public init(last: Int = 0) { self.last = last }
    public func load() -> Int { last }
    public func save(_ scanID: Int) { last = scanID }
}

/// Keeps the scan id in a small text file (`$BEAMTIME_HOME/scan_id`) until the catalogue
/// owns it; written atomically.
public final class FileScanIDStore: ScanIDStore {
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

    public func save(_ scanID: Int) {
        if let slash = path.lastIndex(of: "/") {
            var prefix = ""
            for part in path[..<slash].split(separator: "/") {
                prefix += "/" + part
                mkdir(prefix, 0o755)
            }
        }
        let temporary = path + ".tmp"
        guard let file = fopen(temporary, "w") else { return }
        fputs("\(scanID)\n", file)
        fclose(file)
        rename(temporary, path)
    }
}
