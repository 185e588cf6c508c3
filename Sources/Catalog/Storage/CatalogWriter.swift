import Documents
import Platform

/// Writes documents as the run engine emits them, on its own thread with its own
/// connection: documents are queued at once (the run engine never waits for the disk) and
/// committed in batches at most 20 ms after they arrive, so a `kill -9` loses at most the
/// last 20 ms or so of a run.
public final class CatalogWriter: @unchecked Sendable {
    private let monitor = Monitor()
    private var queue: [Document] = []
    private var stopping = false
    private var writtenCount = 0
    private var failure: String?
    private var thread: PlatformThread?
    /// Longest time a document waits before its transaction commits, in seconds.
    public static let batchInterval = 0.02

    /// Starts a writer for the catalogue at `path`.
    public init(path: String) throws {
        let store = try SQLiteCatalogStore(path: path)
        thread = try PlatformThread { [self] in self.loop(store) }
    }

    /// Queues a document (the run engine's subscriber).
    public func receive(_ document: Document) throws {
        if let failure = monitor.locked({ self.failure }) { throw CatalogError.writeFailed(failure) }
        monitor.change { queue.append(document) }
    }

    /// Waits until everything queued so far is committed.
    public func flush() {
        let target = monitor.locked { writtenCount + queue.count }
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
