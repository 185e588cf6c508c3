import ArgumentParser
import Notebook
import Platform
import Report

/// `beamtime report NOTEBOOK --to html|markdown`: an executed notebook as a report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render an executed notebook as a self-contained HTML page or as Markdown.",
        discussion: """
        HTML: one file with CSS inline and images embedded, Markdown cells through cmark-gfm, outputs \
        by nbconvert's priority (html, markdown, svg, latex, png, plain), ANSI colours kept, and every \
        output sanitised so nothing in the notebook can run script in the page. Markdown: the notebook \
        as Markdown with its images written to NAME_files/ beside it. Cell tags remove-cell, \
        remove-input, remove-output and hide-input are honoured. The page template is \
        templates/report.html; copy it and pass --template FILE to change the page.
        """
    )

    @ArgumentParser.Argument(help: "The executed notebook.")
    var notebook: String

    @Option(help: "html or markdown.")
    var to: String = "html"

    @Option(name: [.customShort("o"), .customLong("output")], help: "The report's path (default: the notebook's, with .html or .md).")
    var output: String?

    @Flag(help: "Leave out code inputs and prompts.")
    var noInput = false

    @Option(help: "A page template file (HTML only; see templates/report.html).")
    var template: String?

    func run() throws {
        do {
            let path = try ReportWriter(noInput: noInput, templatePath: template).write(notebookAt: notebook, to: to, output: output)
            StandardStreams.output(path + "\n")
        } catch {
            StandardStreams.error("beamtime report: \(error)\n")
            throw ExitCode(1)
        }
    }
}

/// Reads a notebook and writes its report, for `report`.
struct ReportWriter {
    var noInput = false
    var templatePath: String?

    /// Writes the report of the notebook at `path` in `format`; returns the report's path.
    func write(notebookAt path: String, to format: String, output: String? = nil) throws -> String {
        let notebook: Notebook
        do { notebook = try Notebook(text: FileSystem.readText(path)) } catch { throw ReportError("\(path): \(error)") }
        switch format {
        case "html":
            let template: PageTemplate
            if let templatePath {
                do { template = try PageTemplate(text: FileSystem.readText(templatePath)) } catch { throw ReportError("\(templatePath): \(error)") }
            } else {
                template = try PageTemplate(text: DefaultPageTemplate.text)
            }
            let target = output ?? ReportFiles.path(beside: path, ext: ".html")
            try ReportFiles.writeHTML(notebook, source: path, to: target, template: template, noInput: noInput)
            return target
        case "markdown", "md":
            let target = output ?? ReportFiles.path(beside: path, ext: ".md")
            try ReportFiles.writeMarkdown(notebook, to: target, noInput: noInput)
            return target
        default:
            throw ReportError("--to must be html or markdown, not '\(format)'")
        }
    }
}
