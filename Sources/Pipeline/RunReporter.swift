import Catalog
import JSON
import Notebook
import Platform
import Report

/// Makes the report of one run from a template: executes it with `run_uid` (and `scan_id`,
/// when the template declares it) injected, in a child `beamtime execute` (so a template
/// that crashes or hangs cannot take the caller down), writes the executed notebook, its
/// HTML and Markdown reports to the output directory, and returns the values it glued.
public struct RunReporter: Sendable {
    /// The template notebook (absolute path).
    public let template: String
    /// Where the executed notebooks and reports go.
    public let outputDirectory: String
    /// The `beamtime` executable that runs templates.
    public let executable: String
    /// Seconds a cell may run (`--execution-timeout`); nil: no limit.
    public var executionTimeout: Int?
    /// Whether the template declares `scan_id` among its parameters.
    private let takesScanID: Bool

    /// A reporter for `template` into `outputDirectory`, running templates with `executable`.
    public init(template: String, outputDirectory: String, executable: String = FileSystem.executablePath) throws {
        self.template = FileSystem.absolute(template)
        self.outputDirectory = FileSystem.absolute(outputDirectory)
        self.executable = executable
        let notebook: Notebook
        do { notebook = try Notebook(text: FileSystem.readText(self.template)) } catch {
            throw PipelineError("template \(template): \(error)")
        }
        guard Parameters.firstCell(tagged: "parameters", in: notebook) != nil else {
            throw PipelineError("template \(template) has no cell tagged 'parameters' (it needs run_uid there)")
        }
        let names = Parameters.discover(in: notebook).map(\.name)
        guard names.contains("run_uid") else {
            throw PipelineError("template \(template) does not declare run_uid in its parameters cell")
        }
        takesScanID = names.contains("scan_id")
        try FileSystem.createDirectory(self.outputDirectory)
    }

    /// What one report produced.
    public struct Outcome: Sendable {
        /// `completed` or `failed`.
        public var status: String
        /// The executed notebook, HTML and Markdown report paths (nil if not written).
        public var notebook: String?, html: String?, markdown: String?
        /// Why it failed.
        public var error: String?
        /// The values the notebook glued.
        public var glue: [(name: String, value: JSONValue, mimetype: String)]
        /// Seconds it took.
        public var seconds: Double
    }

    /// The file stem of a run's report: `TEMPLATE-scanN-UID8`.
    public func stem(uid: String, scanID: Int?) -> String {
        let name = template.split(separator: "/").last.map(String.init) ?? "report"
        let base = name.hasSuffix(".ipynb") ? String(name.dropLast(6)) : name
        return "\(base)-scan\(scanID.map(String.init) ?? "none")-\(uid.prefix(8))"
    }

    /// Executes and renders the report of run `uid`.
    public func report(uid: String, scanID: Int?) -> Outcome {
        let started = Monotonic.now()
        let notebookPath = outputDirectory + "/" + stem(uid: uid, scanID: scanID) + ".ipynb"
        var arguments = [executable, "execute", template, notebookPath, "-r", "run_uid", uid,
                         "--no-progress-bar", "--log-level", "ERROR"]
        if takesScanID, let scanID { arguments += ["-p", "scan_id", String(scanID)] }
        if let executionTimeout { arguments += ["--execution-timeout", String(executionTimeout)] }
        var outcome = Outcome(status: "failed", glue: [], seconds: 0)
        let status: Int32
        do { status = try Subprocess(arguments).wait() } catch {
            outcome.error = "cannot run \(executable): \(error)"
            outcome.seconds = Monotonic.now() - started
            return outcome
        }
        guard let text = try? FileSystem.readText(notebookPath), let notebook = try? Notebook(text: text) else {
            outcome.error = "the template did not produce a notebook (beamtime execute exited with \(status))"
            outcome.seconds = Monotonic.now() - started
            return outcome
        }
        outcome.notebook = notebookPath
        outcome.status = status == 0 ? "completed" : "failed"
        if status != 0 { outcome.error = RunReporter.failure(in: notebook) ?? "beamtime execute exited with \(status)" }
        do {
            let html = ReportFiles.path(beside: notebookPath, ext: ".html")
            try ReportFiles.writeHTML(notebook, source: notebookPath, to: html, template: try PageTemplate(text: DefaultPageTemplate.text))
            outcome.html = html
            let markdown = ReportFiles.path(beside: notebookPath, ext: ".md")
            try ReportFiles.writeMarkdown(notebook, to: markdown)
            outcome.markdown = markdown
        } catch {
            outcome.status = "failed"
            outcome.error = "cannot write the report: \(error)"
        }
        outcome.glue = RunReporter.glue(in: notebook)
        outcome.seconds = Monotonic.now() - started
        return outcome
    }

    /// The values a notebook glued (scrapbook's mimetype), in order; a later value of the
    /// same name replaces an earlier one.
    public static func glue(in notebook: Notebook) -> [(name: String, value: JSONValue, mimetype: String)] {
        var out: [(name: String, value: JSONValue, mimetype: String)] = []
        for cell in notebook.cells {
            for output in cell.outputs {
                guard let scrap = output.object?["data"]?.object?["application/scrapbook.scrap.json+json"]?.object,
                      let name = scrap["name"]?.string else { continue }
                let encoder = scrap["encoder"]?.string ?? "json"
                let entry = (name: name, value: scrap["data"] ?? .null, mimetype: encoder == "json" ? "application/json" : encoder)
                if let index = out.firstIndex(where: { $0.name == name }) { out[index] = entry } else { out.append(entry) }
            }
        }
        return out
    }

    /// The first error output of an executed notebook, as `ename: evalue`.
    static func failure(in notebook: Notebook) -> String? {
        for cell in notebook.cells {
            for output in cell.outputs {
                guard let o = output.object, o["output_type"]?.string == "error" else { continue }
                return "\(o["ename"]?.string ?? "Error"): \(o["evalue"]?.string ?? "")"
            }
        }
        return nil
    }
}

/// A pipeline that cannot run, with the reason.
public struct PipelineError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
