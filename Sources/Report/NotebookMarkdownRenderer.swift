import JSON
import Notebook
import Platform

/// An executed notebook as Markdown, laid out as nbconvert's markdown exporter does it:
/// Markdown cells as they are, code in ```python fences, text outputs indented four
/// spaces, and images written beside the file as `NAME_files/output_C_O.EXT` and linked.
/// HTML outputs are sanitised like the HTML report's.
public struct NotebookMarkdownRenderer {
    /// Leave out every code input (`--no-input`).
    public var noInput = false

    /// A renderer.
    public init(noInput: Bool = false) { self.noInput = noInput }

    /// The Markdown text and the image files (relative path, bytes) for a report named
    /// `stem` (its images go in `stem_files/`).
    public func render(_ notebook: Notebook, stem: String) -> (text: String, files: [(path: String, bytes: [UInt8])]) {
        var blocks: [String] = []
        var files: [(path: String, bytes: [UInt8])] = []
        for (cellIndex, cell) in notebook.cells.enumerated() {
            let visibility = CellVisibility(tags: cell.tags, metadata: cell.metadata, noInput: noInput)
            guard visibility.showCell else { continue }
            switch cell.type {
            case "markdown":
                blocks.append(cell.source)
            case "code":
                if visibility.showInput && !visibility.collapseInput && !cell.source.isEmpty {
                    blocks.append("```python\n" + cell.source + "\n```")
                }
                guard visibility.showOutputs else { continue }
                for (outputIndex, output) in cell.outputs.enumerated() {
                    guard let o = output.object else { continue }
                    if let block = markdown(of: o, name: "\(stem)_files/output_\(cellIndex)_\(outputIndex)", files: &files) {
                        blocks.append(block)
                    }
                }
            case "raw":
                blocks.append(cell.source)
            default: break
            }
        }
        return (blocks.joined(separator: "\n\n") + "\n", files)
    }

    private func markdown(of output: JSONObject, name: String, files: inout [(path: String, bytes: [UInt8])]) -> String? {
        switch output["output_type"]?.string {
        case "stream":
            return indented(ANSIText.strip(output["text"]?.notebookText ?? ""))
        case "error":
            return indented(ANSIText.strip((output["traceback"]?.array ?? []).compactMap(\.string).joined(separator: "\n")))
        case "execute_result", "display_data":
            guard var data = output["data"]?.object else { return nil }
            // An SVG that could run script when its file is opened is not written out.
            if let svg = data["image/svg+xml"]?.notebookText, !HTMLSanitizer.isInertSVG(svg) { data["image/svg+xml"] = nil }
            guard let (mime, text) = OutputSelection.choose(data, priority: OutputSelection.markdownPriority) else { return nil }
            switch mime {
            case "image/png", "image/jpeg":
                guard let bytes = Base64.decode(text.filter { !$0.isWhitespace }) else { return nil }
                let path = name + (mime == "image/png" ? ".png" : ".jpg")
                files.append((path, bytes))
                return "![\(mime == "image/png" ? "png" : "jpeg")](\(path))"
            case "image/svg+xml":
                let path = name + ".svg"
                files.append((path, Array(text.utf8)))
                return "![svg](\(path))"
            case "text/html":
                return HTMLSanitizer.sanitize(text)
            case "text/markdown", "text/latex":
                return text
            default:
                return indented(ANSIText.strip(text))
            }
        default:
            return nil
        }
    }

    private func indented(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    }
}
