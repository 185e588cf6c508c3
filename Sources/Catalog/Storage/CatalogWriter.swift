import Acquisition
import Documents
import Platform

/// Writes documents as the run engine emits them, on its own thread with its own
/// connection: documents are queued at once (the run engine never waits for the disk) and
/// committed in batches at most 20 ms after they arrive, so a `kill -9` loses at most the
/// last 20 ms or so of a run.
public final class CatalogWriter: FrameSink, @unchecked Sendable {
    private let monitor = Monitor()
    private var queue: [Document] = []
    private var stopping = false
    private var writtenCount = 0
    private var receivedCount = 0
    private var failure: String?
    private var thread: PlatformThread?
    /// Longest time a document waits before its transaction commits, in seconds.
    public static let batchInterval = 0.02

    private let dataDirectory: String?
    private var products: [String: NexusRunWriter] = [:]
    private var frames: [String: (dataKey: String, pixels: [Double])] = [:]
    private var productRuns: [String: String] = [:]

    /// Starts a writer for the catalogue at `path`; with `dataDirectory`, every run also
    /// gets its NeXus data product there (`<uid>.h5`), written as the run goes. `recover`
    /// as for `SQLiteCatalogStore`.
    public init(path: String, dataDirectory: String? = nil, recover: Bool = true) throws {
        self.dataDirectory = dataDirectory
        let store = try SQLiteCatalogStore(path: path, recover: recover)
        thread = try PlatformThread { [self] in self.loop(store) }
    }

    /// Feeds the data products (on the writer thread). A failing product is reported on
    /// standard error and dropped; the documents are in the catalogue regardless.
    private func writeProducts(_ batch: [Document], _ store: SQLiteCatalogStore) {
        guard let dataDirectory else { return }
        for document in batch {
            do {
                switch document.name {
                case .start:
                    let path = "\(dataDirectory)/\(document.uid).h5"
                    products[document.uid] = try NexusRunWriter(path: path, start: document.body)
                    try store.setDataPath(run: document.uid, path: path)
                case .descriptor:
                    let run = document.body["run_start"]?.string ?? ""
                    productRuns[document.uid] = run
                    for (datum, key, index) in try products[run]?.describe(document.body) ?? [] {
                        try store.recordFrame(datumID: datum, run: run, dataKey: key, index: index)
                    }
                case .event:
                    products[productRuns[document.body["descriptor"]?.string ?? ""] ?? ""]?.add(document.body)
                case .eventPage:
                    for event in CatalogStore.unpack(page: document.body) {
                        products[productRuns[event.body["descriptor"]?.string ?? ""] ?? ""]?.add(event.body)
                    }
                case .datum:
                    let id = document.uid
                    guard let frame = monitor.locked({ frames.removeValue(forKey: id) }),
                          let resource = document.body["resource"]?.string else { break }
                    let run = try store.database.query("SELECT run_uid FROM assets WHERE uid = ?", [.text(resource)]).first?.first?.text ?? ""
                    if let index = try products[run]?.appendFrame(frame.pixels, dataKey: frame.dataKey, datumID: id) {
                        try store.recordFrame(datumID: id, run: run, dataKey: frame.dataKey, index: index)
                    }
                case .stop:
                    let run = document.body["run_start"]?.string ?? ""
                    try products.removeValue(forKey: run)?.close()
                default:
                    break
                }
            } catch {
                StandardStreams.error("[beamtime] the data product of a run failed and was dropped: \(error)\n")
                if document.name == .start { products[document.uid] = nil }
            }
        }
        for (run, product) in products {
            do { try product.flush() } catch {
                StandardStreams.error("[beamtime] the data product of run \(run) failed and was dropped: \(error)\n")
                products[run] = nil
            }
        }
    }

    /// Keeps a frame until its datum document comes by (then it goes into the HDF5 file).
    public func store(dataKey: String, datumID: String, frame: [Double], rows: Int, columns: Int) {
        guard dataDirectory != nil else { return }
        monitor.change { frames[datumID] = (dataKey, frame) }
    }

    /// Queues a document (the run engine's subscriber).
    public func receive(_ document: Document) throws {
        if let failure = monitor.locked({ self.failure }) { throw CatalogError.writeFailed(failure) }
        monitor.change {
            queue.append(document)
            receivedCount += 1
        }
    }

    /// Waits until everything received so far is committed (including a batch the writer
    /// thread has taken but not yet finished).
    public func flush() {
        let target = monitor.locked { receivedCount }
        _ = monitor.await(until: { writtenCount >= target || failure != nil }) { () }
    }

    /// Commits what is queued and stops the thread.
    public func close() {
        monitor.change { stopping = true }
        thread?.join()
        thread = nil
    }

    deinit { close() }

    private func loop(_ store: SQLiteCatalogStore) {
        while true {
            let stop = monitor.await(until: { stopping || !queue.isEmpty }) { stopping && queue.isEmpty }
            if stop { return }
            usleep(useconds_t(CatalogWriter.batchInterval * 1e6))
            let batch: [Document] = monitor.locked {
                let b = queue
                queue.removeAll(keepingCapacity: true)
                return b
            }
            do {
                try store.insert(batch)
                writeProducts(batch, store)
                monitor.change { writtenCount += batch.count }
            } catch {
                monitor.change {
                    failure = "\(error)"
                    writtenCount += batch.count
                }
            }
        }
    }
}

/// What went wrong with the catalogue.
public enum CatalogError: Error, CustomStringConvertible, Equatable {
    /// Writing documents failed (disk full, permissions …).
    case writeFailed(String)
    /// No run matches.
    case notFound(String)
    /// A query that cannot be answered.
    case badQuery(String)

    public var description: String {
        switch self {
        case .writeFailed(let why): return "the catalogue could not store documents: \(why)"
        case .notFound(let what): return what
        case .badQuery(let why): return why
        }
    }
}

import Glibc
