import Catalog
import Documents
import Glibc
import JSON
import Platform

/// Follows the catalogue and reports every run that stops and matches: polls for stopped
/// runs without a report for the template, claims each in the catalogue's report ledger,
/// runs up to `jobs` reports at once, and records paths and glued values with the run.
/// Its start time is kept per template in the catalogue, so after a restart it reports
/// the runs that stopped while it was down, and the ledger keeps it from repeating any.
public final class CatalogWatcher {
    private let store: SQLiteCatalogStore
    private let ledger: ReportLedger
    private let reporter: RunReporter
    private let equalities: [(String, JSONValue)]
    private let jobs: Int
    private let pollInterval: Double
    private let since: Double
    private let onReport: (ReportLedger.StoppedRun, RunReporter.Outcome) -> Void

    /// A watcher of the catalogue at `catalogPath`. `backfill` also reports runs that
    /// stopped before the watcher first started for this template.
    public init(catalogPath: String, reporter: RunReporter, equalities: [(String, JSONValue)] = [], jobs: Int = 1,
                pollInterval: Double = 0.025, backfill: Bool = false,
                onReport: @escaping (ReportLedger.StoppedRun, RunReporter.Outcome) -> Void) throws {
        store = try SQLiteCatalogStore(path: catalogPath, recover: false)
        ledger = ReportLedger(store: store)
        self.reporter = reporter
        self.equalities = equalities
        self.jobs = max(1, jobs)
        self.pollInterval = pollInterval
        self.onReport = onReport
        let key = "watch.since:" + reporter.template
        if backfill {
            since = 0
        } else if let stored = try ledger.setting(key), let value = Double(stored) {
            since = value
        } else {
            since = DocumentClock.now()
            try ledger.setSetting(key, String(since))
        }
    }

    /// Reports until `shouldStop()` turns true (checked every poll); with `once`, reports
    /// what is pending now and returns. Returns how many reports were made.
    @discardableResult
    public func run(once: Bool = false, shouldStop: () -> Bool = { false }) throws -> Int {
        let monitor = Monitor()
        var finished: [(ReportLedger.StoppedRun, RunReporter.Outcome)] = []
        var running = 0
        var made = 0
        let reporter = self.reporter
        while true {
            let done: [(ReportLedger.StoppedRun, RunReporter.Outcome)] = monitor.locked {
                defer { finished.removeAll() }
                return finished
            }
            for (run, outcome) in done {
                try ledger.finish(run: run.uid, template: reporter.template, status: outcome.status, notebook: outcome.notebook,
                                  html: outcome.html, markdown: outcome.markdown, error: outcome.error)
                if let notebook = outcome.notebook, !outcome.glue.isEmpty {
                    try ledger.recordGlue(run: run.uid, notebook: notebook, values: outcome.glue)
                }
                monitor.change { running -= 1 }
                made += 1
                onReport(run, outcome)
            }
            let busy = monitor.locked { running }
            if busy < jobs && !shouldStop() {
                for run in try ledger.pending(template: reporter.template, since: since, equalities: equalities).prefix(jobs - busy) {
                    guard try ledger.claim(run: run.uid, template: reporter.template) else { continue }
                    monitor.change { running += 1 }
                    let started = try? PlatformThread {
                        let outcome = reporter.report(uid: run.uid, scanID: run.scanID)
                        monitor.change { finished.append((run, outcome)) }
                    }
                    if started == nil {
                        let outcome = reporter.report(uid: run.uid, scanID: run.scanID)
                        monitor.change { finished.append((run, outcome)) }
                    }
                }
            }
            let idle = monitor.locked { running == 0 && finished.isEmpty }
            if idle && (once || shouldStop()) { return made }
            _ = monitor.await(until: { !finished.isEmpty }, timeout: pollInterval) { true }
        }
    }
}
