import ArgumentParser
import BeamtimeKernel
import Catalog
import Glibc
import JSON
import Pipeline
import Platform

/// `beamtime watch --template T --out DIR`: a report for every run that stops.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow the catalogue and report every run that stops, from a template.",
        discussion: """
        For each run that stops (and matches every --where KEY=VALUE), executes the template with \
        run_uid (and scan_id, if the template declares it) injected, writes the executed notebook and \
        its HTML and Markdown reports to --out, and records the report paths and the notebook's glued \
        values with the run in the catalogue ($BEAMTIME_HOME/catalog.sqlite). Runs that stopped while \
        the watcher was not running are reported when it starts again; no run is reported twice. \
        SIGTERM or Ctrl-C stops it after the reports under way.
        """
    )

    @Option(help: "The template notebook (it must declare run_uid in its parameters cell).")
    var template: String

    @Option(help: "Where executed notebooks and reports go.")
    var out: String

    @Option(help: "Only runs whose start document has KEY equal to VALUE (repeatable; numbers as numbers).")
    var `where`: [String] = []

    @Option(help: "How many reports may run at once.")
    var jobs = 1

    @Option(help: "Seconds a template cell may run.")
    var executionTimeout: Int?

    @Flag(help: "Also report runs that stopped before this template was first watched.")
    var backfill = false

    @Flag(help: "Report what is pending now, then exit.")
    var once = false

    func run() throws {
        let equalities = try MetadataConditions.parse(`where`, option: "--where")
        if !once { StandardStreams.error("watch: reporting runs that stop with \(template) into \(out)\n") }
        let signals = SignalPipe.install()
        var stopping = false
        do {
            _ = try CatalogReports.run(template: template, out: out, equalities: equalities, jobs: jobs, backfill: backfill,
                                       once: once, executionTimeout: executionTimeout) {
                if signals >= 0, !SignalPipe.drain().isEmpty { stopping = true }
                return stopping
            }
        } catch {
            StandardStreams.error("beamtime watch: \(error)\n")
            throw ExitCode(1)
        }
    }
}

/// Reports runs from a template through the catalogue's ledger: `watch` and `execute --runs`.
enum CatalogReports {
    /// Runs a watcher over `$BEAMTIME_HOME/catalog.sqlite`, printing a line per report;
    /// returns how many reports failed.
    static func run(template: String, out: String, equalities: [(String, JSONValue)], jobs: Int, backfill: Bool, once: Bool,
                    executionTimeout: Int?, shouldStop: () -> Bool = { false }) throws -> Int {
        try FileSystem.createDirectory(BeamtimeHome.path)
        var reporter = try RunReporter(template: template, outputDirectory: out)
        reporter.executionTimeout = executionTimeout
        var failed = 0
        let watcher = try CatalogWatcher(catalogPath: BeamtimeHome.path + "/catalog.sqlite", reporter: reporter,
                                         equalities: equalities, jobs: jobs, backfill: backfill) { run, outcome in
            if outcome.status != "completed" { failed += 1 }
            StandardStreams.output(ReportLine.text(run, outcome) + "\n")
        }
        try watcher.run(once: once, shouldStop: shouldStop)
        return failed
    }
}

/// `KEY=VALUE` conditions on a run's start document (numbers compare as numbers).
enum MetadataConditions {
    static func parse(_ conditions: [String], option: String) throws -> [(String, JSONValue)] {
        try conditions.map { condition in
            guard let eq = condition.firstIndex(of: "=") else { throw ValidationError("\(option) takes KEY=VALUE, got '\(condition)'") }
            let text = String(condition[condition.index(after: eq)...])
            return (String(condition[..<eq]), Int(text).map { .int($0) } ?? Double(text).map { .double($0) } ?? .string(text))
        }
    }
}

/// The line `watch` and `execute --runs` print per report.
enum ReportLine {
    static func text(_ run: ReportLedger.StoppedRun, _ outcome: RunReporter.Outcome) -> String {
        let scan = run.scanID.map { "scan \($0)" } ?? "run"
        var line = "\(scan) (\(run.uid.prefix(8))): \(outcome.status) in \(format3(outcome.seconds)) s"
        if let html = outcome.html { line += " → \(html)" }
        if let error = outcome.error { line += " — \(error)" }
        return line
    }
}

func format3(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return String(r)
}
