import JSON
import Notebook
import Platform

/// An executed notebook as one self-contained HTML page (CSS inline, images embedded as
/// data URIs), laid out like nbconvert's lab template: Markdown cells through cmark-gfm,
/// highlighted inputs with `In [n]:` prompts, outputs by mimetype priority, ANSI colours as
/// nbconvert's classes, cell tags honoured, and every piece of cell content escaped or
/// sanitised so nothing in the notebook can run script in the page.
public struct NotebookHTMLRenderer {
    /// The page template.
    public var template: PageTemplate
    /// Leave out every code input and prompt (`--no-input`).
    public var noInput = false

    /// A renderer with `template`.
    public init(template: PageTemplate, noInput: Bool = false) {
        self.template = template
        self.noInput = noInput
    }

    /// The page for `notebook`, read from `source`.
    public func render(_ notebook: Notebook, source: String) -> String {
        var body = ""
        for cell in notebook.cells { body += html(of: cell) }
        let papermill = notebook.metadata["papermill"]?.object
        let status: String
        switch papermill?["exception"] {
        case .bool(true): status = "failed"
        case .some(.bool(false)), .some(.null): status = papermill?["end_time"]?.string == nil ? "" : "completed"
        default: status = ""
        }
        return template.render([
            "title": NotebookHTMLRenderer.title(of: notebook, source: source),
            "body": body,
            "source": source,
            "generated": papermill?["end_time"]?.string ?? "",
            "generator": "Beamtime",
            "kernel": notebook.metadata["kernelspec"]?.object?["display_name"]?.string ?? notebook.kernelName ?? "",
            "status": status,
        ])
    }

    /// The first Markdown heading's text, else the file name without its extension.
    public static func title(of notebook: Notebook, source: String) -> String {
        for cell in notebook.cells where cell.type == "markdown" {
            for line in cell.source.split(separator: "\n") where line.hasPrefix("# ") {
                return String(line.dropFirst(2)).trimmingSpaces
            }
        }
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return name.hasSuffix(".ipynb") ? String(name.dropLast(6)) : name
    }

    private func html(of cell: Cell) -> String {
        let visibility = CellVisibility(tags: cell.tags, metadata: cell.metadata, noInput: noInput)
        guard visibility.showCell else { return "" }
        switch cell.type {
        case "markdown":
            let source = NotebookHTMLRenderer.inlineAttachments(cell)
            return "<div class=\"jp-Cell jp-MarkdownCell\"><div class=\"jp-RenderedMarkdown\">\n"
                + MarkdownRenderer.html(source, keepingSafeHTML: true) + "</div></div>\n"
        case "code":
            var out = "<div class=\"jp-Cell jp-CodeCell\">\n"
            let count = cell.executionCount.int.map(String.init) ?? " "
            if visibility.showInput {
                let input = "<div class=\"jp-InputArea\"><div class=\"jp-InputPrompt\">In&nbsp;[\(count)]:</div>"
                    + "<div class=\"highlight\"><pre>" + PythonHighlighter.html(cell.source) + "</pre></div></div>\n"
                out += visibility.collapseInput ? "<details class=\"jp-HiddenInput\"><summary>Show code</summary>\(input)</details>\n" : input
            }
            if visibility.showOutputs {
                for output in cell.outputs {
                    guard let o = output.object else { continue }
                    out += html(of: o, count: count)
                }
            }
            return out + "</div>\n"
        default:
            return ""
        }
    }

    private func html(of output: JSONObject, count: String) -> String {
        switch output["output_type"]?.string {
        case "stream":
            let name = output["name"]?.string == "stderr" ? "stderr" : "stdout"
            return area(prompt: "", "<div class=\"jp-RenderedText jp-\(name)\" data-mime-type=\"application/vnd.jupyter.\(name)\"><pre>"
                        + ANSIText.html(output["text"]?.notebookText ?? "") + "</pre></div>")
        case "error":
            let traceback = (output["traceback"]?.array ?? []).compactMap(\.string).joined(separator: "\n")
            return area(prompt: "", "<div class=\"jp-RenderedText jp-error\" data-mime-type=\"application/vnd.jupyter.stderr\"><pre>"
                        + ANSIText.html(traceback) + "</pre></div>")
        case "execute_result", "display_data":
            guard let data = output["data"]?.object,
                  let (mime, text) = OutputSelection.choose(data, priority: OutputSelection.htmlPriority) else { return "" }
            let prompt = output["output_type"]?.string == "execute_result" && !noInput ? "Out[\(count)]:" : ""
            return area(prompt: prompt, NotebookHTMLRenderer.rendered(mime: mime, text: text))
        default:
            return ""
        }
    }

    private func area(prompt: String, _ content: String) -> String {
        "<div class=\"jp-OutputArea\"><div class=\"jp-OutputPrompt\">\(prompt)</div>\(content)</div>\n"
    }

    /// One representation as safe HTML.
    static func rendered(mime: String, text: String) -> String {
        switch mime {
        case "text/html":
            return "<div class=\"jp-RenderedHTML\" data-mime-type=\"text/html\">" + HTMLSanitizer.sanitize(text) + "</div>"
        case "text/markdown":
            return "<div class=\"jp-RenderedMarkdown\" data-mime-type=\"text/markdown\">" + MarkdownRenderer.html(text, keepingSafeHTML: true) + "</div>"
        case "image/svg+xml":
            return "<div class=\"jp-RenderedImage\" data-mime-type=\"image/svg+xml\"><img src=\"data:image/svg+xml;base64,"
                + Base64.encode(Array(text.utf8)) + "\" alt=\"figure\"></div>"
        case "image/png", "image/jpeg":
            let squeezed = text.filter { !$0.isWhitespace }
            guard Base64.decode(squeezed) != nil else { return "<pre>(an image that is not valid base64 was left out)</pre>" }
            return "<div class=\"jp-RenderedImage\" data-mime-type=\"\(mime)\"><img src=\"data:\(mime);base64,\(squeezed)\" alt=\"figure\"></div>"
        case "text/latex":
            return "<div class=\"jp-RenderedLatex\" data-mime-type=\"text/latex\">" + ANSIText.escape(text) + "</div>"
        default:
            return "<div class=\"jp-RenderedText\" data-mime-type=\"text/plain\"><pre>" + ANSIText.html(text) + "</pre></div>"
        }
    }

    /// The Markdown source with `attachment:NAME` references replaced by data URIs.
    static func inlineAttachments(_ cell: Cell) -> String {
        guard let attachments = cell.json["attachments"]?.object, !attachments.members.isEmpty else { return cell.source }
        var source = cell.source
        for (name, bundle) in attachments {
            guard let data = bundle.object, let (mime, text) = OutputSelection.choose(data, priority: ["image/png", "image/jpeg", "image/gif"]) else { continue }
            source = source.replacing("attachment:" + name, with: "data:\(mime);base64," + text.filter { !$0.isWhitespace })
        }
        return source
    }
}
