import Catalog
import JSON
import Numerics
import Pipeline
import Platform
import Script

/// `auto_report(template, out=None)`: a run-engine subscriber that reports every run of the
/// session when it stops — `RE.subscribe(auto_report("templates/peak-alignment.ipynb"))` —
/// the in-kernel twin of `beamtime watch`: same reports, same records in the catalogue,
/// and the same ledger, so a watcher on the same template does not report the run again.
enum AutoReportBinding {
    static func install(into interpreter: Interpreter, home: String, writer: CatalogWriter) {
        interpreter.setBuiltin("auto_report", .object(NumpyFunction("auto_report(template, out=None, execution_timeout=None)", """
            A subscriber for RE.subscribe: when a run stops, execute template (a notebook whose parameters cell declares
            run_uid) for it, write the executed notebook and its HTML and Markdown reports to out (default
            $BEAMTIME_HOME/reports), record them and the glued values with the run in the catalogue, and print where the
            HTML report is. The report is made before RE(...) returns (about a tenth of a second for a simple template).
            """) { b, _ in
            guard let template = try b.string("template") else { throw ScriptError.typeError("auto_report() needs a template path") }
            let out = try b.string("out", default: home + "/reports") ?? home + "/reports"
            var reporter: RunReporter
            do { reporter = try RunReporter(template: template, outputDirectory: out) } catch {
                throw ScriptError.valueError("auto_report(): \(error)")
            }
            reporter.executionTimeout = try b.int("execution_timeout")
            let store = try openStore(home)
            let ledger = ReportLedger(store: store)
            let finalReporter = reporter
            let callback = NumpyFunction("auto_report_subscriber(name, doc)",
                                         "Reports the run when its stop document arrives (made by auto_report('\(template)')).") { b, interp in
                guard case .str("stop")? = b["name"], case .dict(let doc)? = b["doc"],
                      case .str(let uid)? = doc.get(HashKey(string: "run_start")) else { return .none }
                writer.flush()
                let scanID = try? CatalogReader(store: store).run(uid)?.scanID
                guard try ledger.claim(run: uid, template: finalReporter.template) else {
                    interp.write("auto_report: the run \(uid.prefix(8)) already has a report from this template\n")
                    return .none
                }
                let outcome = finalReporter.report(uid: uid, scanID: scanID ?? nil)
                try ledger.finish(run: uid, template: finalReporter.template, status: outcome.status, notebook: outcome.notebook,
                                  html: outcome.html, markdown: outcome.markdown, error: outcome.error)
                if let notebook = outcome.notebook, !outcome.glue.isEmpty {
                    try ledger.recordGlue(run: uid, notebook: notebook, values: outcome.glue)
                }
                var line = "auto_report: scan \(scanID.flatMap { $0 }.map(String.init) ?? "?") → \(outcome.html ?? "(no report)") (\(outcome.status))"
                if let error = outcome.error { line += ": \(error)" }
                interp.write(line + "\n")
                return .none
            }
            return .object(callback.builtin)
        }.builtin))
    }

    private static func openStore(_ home: String) throws -> SQLiteCatalogStore {
        do { return try SQLiteCatalogStore(path: home + "/catalog.sqlite", recover: false) } catch {
            throw ScriptError.runtimeError("auto_report(): cannot open the catalogue: \(error)")
        }
    }
}
