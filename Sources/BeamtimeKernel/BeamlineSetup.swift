import Acquisition
import Analysis
import Catalog
import Numerics
import Platform
import Plot
import Script

/// Where Beamtime keeps its catalogue and data: `$BEAMTIME_HOME`, by default
/// `~/.local/share/beamtime`.
public enum BeamtimeHome {
    /// The directory.
    public static var path: String {
        if let home = FileSystem.environment("BEAMTIME_HOME"), !home.isEmpty { return home }
        return FileSystem.homeDirectory + "/.local/share/beamtime"
    }
}

/// Binds the simulated beamline into a session and, with a home directory, the catalogue:
/// every document the run engine emits is stored in `HOME/catalog.sqlite`, scan ids come
/// from it, and `catalog` is bound for queries. The kernel and `beamtime exec` both use it.
public final class BeamlineSetup {
    /// The devices, plans and run engine.
    public let namespace: BeamlineNamespace
    /// The catalogue writer (nil without a home).
    public let writer: CatalogWriter?

    /// Sets up `session`: with `home`, a catalogue there; otherwise `store` (or memory) keeps
    /// scan ids and nothing is stored.
    public init(session: Session, home: String?, store: RunEngineStore? = nil) throws {
        NumpyModule.install(into: session.interpreter)
        AnalysisBindings.install(into: session.interpreter)
        PlotBindings.install(into: session.interpreter)
        guard let home, store == nil else {
            namespace = try BeamlineNamespace(into: session, store: store ?? MemoryRunEngineStore())
            writer = nil
            return
        }
        try FileSystem.createDirectory(home)
        let path = home + "/catalog.sqlite"
        // One connection (migrated, abandoned runs closed) serves scan ids and queries on
        // the session's thread; the writer thread has its own and skips the recovery.
        let catalogue = try SQLiteCatalogStore(path: path)
        namespace = try BeamlineNamespace(into: session, store: CatalogRunEngineStore(store: catalogue))
        try FileSystem.createDirectory(home + "/data")
        let writer = try CatalogWriter(path: path, dataDirectory: home + "/data", recover: false)
        self.writer = writer
        namespace.engine.subscribe(.native { try writer.receive($0) })
        for case let detector as SynAreaDetector in namespace.devices { detector.frameSink = writer }
        let reader = CatalogReader(store: catalogue)
        session.interpreter.setBuiltin("catalog", .object(CatalogObject(reader: reader, sync: { writer.flush() })))
        CatalogObject.installQueries(into: session.interpreter)
        AutoReportBinding.install(into: session.interpreter, home: home, writer: writer)
    }

    /// Stores what is queued and stops the writer (at the end of `beamtime exec`).
    public func close() { writer?.close() }
}
