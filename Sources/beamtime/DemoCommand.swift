import ArgumentParser
import BeamtimeKernel
import Catalog
import Pipeline
import Platform

/// `beamtime demo`: the main job on embedded defaults.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a simulated scan, execute the peak-alignment template for it and write its HTML report.",
        discussion: """
        The scan is stored in the catalogue ($BEAMTIME_HOME/catalog.sqlite, default \
        ~/.local/share/beamtime) with its NeXus file; the template (templates/peak-alignment.ipynb, \
        found beside the working directory or the executable, or --template) is executed for it; \
        the executed notebook and its HTML and Markdown reports go to $BEAMTIME_HOME/reports and \
        are recorded with the run. The last line printed is the HTML report's path.
        """
    )

    @Option(help: "The template to execute (default: templates/peak-alignment.ipynb).")
    var template: String?

    func run() throws {
        let code = ScriptRunner.run(source: DemoProgram.source, filename: "<demo>", stepBudget: nil)
        if code != 0 { throw ExitCode(code) }
        do {
            let path = try template ?? TemplateLocator.find("peak-alignment.ipynb")
            let reporter = try RunReporter(template: path, outputDirectory: BeamtimeHome.path + "/reports")
            let store = try SQLiteCatalogStore(path: BeamtimeHome.path + "/catalog.sqlite", recover: false)
            let reader = CatalogReader(store: store)
            guard let uid = try reader.uids(limit: 1).first, let run = try reader.run(uid) else {
                throw PipelineError("the demo scan is not in the catalogue")
            }
            let ledger = ReportLedger(store: store)
            _ = try ledger.claim(run: uid, template: reporter.template)
            let outcome = reporter.report(uid: uid, scanID: run.scanID)
            try ledger.finish(run: uid, template: reporter.template, status: outcome.status, notebook: outcome.notebook,
                              html: outcome.html, markdown: outcome.markdown, error: outcome.error)
            if let notebook = outcome.notebook { try ledger.recordGlue(run: uid, notebook: notebook, values: outcome.glue) }
            let glued = outcome.glue.map { "\($0.name) = \($0.value.text())" }.joined(separator: ", ")
            print("template \(reporter.template) executed for scan \(run.scanID.map(String.init) ?? "?") in \(format3(outcome.seconds)) s: \(outcome.status)")
            if !glued.isEmpty { print("glued: \(glued)") }
            guard let html = outcome.html, outcome.status == "completed" else {
                throw PipelineError(outcome.error ?? "the report was not written")
            }
            print(html)
        } catch {
            StandardStreams.error("beamtime demo: \(error)\n")
            throw ExitCode(1)
        }
    }
}

/// Finds a shipped template: `$BEAMTIME_TEMPLATES`, `./templates`, then `templates/` in a
/// parent of the executable's directory (the repository of a built binary), then
/// `share/beamtime/templates` beside an installed one.
enum TemplateLocator {
    static func find(_ name: String) throws -> String {
        var candidates: [String] = []
        if let dir = FileSystem.environment("BEAMTIME_TEMPLATES"), !dir.isEmpty { candidates.append(dir + "/" + name) }
        candidates.append(FileSystem.currentDirectory + "/templates/" + name)
        var dir = FileSystem.executablePath
        for _ in 0..<6 {
            guard let slash = dir.lastIndex(of: "/"), slash != dir.startIndex else { break }
            dir = String(dir[..<slash])
            candidates.append(dir + "/templates/" + name)
            candidates.append(dir + "/share/beamtime/templates/" + name)
        }
        if let found = candidates.first(where: FileSystem.exists) { return found }
        throw PipelineError("cannot find the template \(name); looked in:\n  " + candidates.joined(separator: "\n  ") + "\n(give --template PATH or set BEAMTIME_TEMPLATES)")
    }
}
