import Acquisition
import JSON

/// Keeps the run engine's `scan_id` and `RE.md` in the catalogue: the next scan id follows
/// the largest stored one (and the last one handed out), so it keeps increasing across
/// sessions and processes sharing the catalogue.
public final class CatalogRunEngineStore: RunEngineStore {
    let store: SQLiteCatalogStore

    /// A store over the catalogue at `path`.
    public init(path: String) throws { store = try SQLiteCatalogStore(path: path) }

    /// A store over an open catalogue connection.
    public init(store: SQLiteCatalogStore) { self.store = store }

    public func load() -> Int {
        let stored = (try? store.lastScanID()) ?? 0
        let handed = (try? store.setting("scan_id")).flatMap { $0.flatMap { Int($0) } } ?? 0
        return max(stored, handed)
    }

    public func save(_ scanID: Int) { try? store.setSetting("scan_id", String(scanID)) }

    public func loadMetadata() -> JSONObject {
        guard let text = (try? store.setting("run_engine_md")) ?? nil else { return [:] }
        return (try? JSONValue.parse(text))?.object ?? [:]
    }

    public func saveMetadata(_ metadata: JSONObject) { try? store.setSetting("run_engine_md", JSONValue.object(metadata).text()) }
}
