import CCMark
import Glibc

/// Markdown cells rendered to HTML by cmark-gfm with GitHub's extensions (tables,
/// strikethrough, autolinks, task lists). Raw HTML in the Markdown is omitted and
/// `javascript:`-style links are dropped (cmark-gfm's safe mode), so a Markdown cell
/// cannot put script into a report.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// The HTML of `markdown`.
    public static func html(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { _ = cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) } }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
