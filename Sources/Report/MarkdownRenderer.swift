import CCMark
import Glibc

/// Markdown cells rendered to HTML by cmark-gfm with GitHub's extensions (tables,
/// strikethrough, autolinks, task lists). Raw HTML in the Markdown is omitted and
/// `javascript:`-style links are dropped (cmark-gfm's safe mode), so a Markdown cell
/// cannot put script into a report.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// The HTML of `markdown`. With `keepingSafeHTML`, raw HTML in the Markdown is kept
    /// but passed through `HTMLSanitizer` (as Jupyter shows a Markdown cell's `<span
    /// style=…>`), instead of being omitted.
    public static func html(_ markdown: String, keepingSafeHTML: Bool = false) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | (keepingSafeHTML ? CMARK_OPT_UNSAFE : 0)
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
        let html = String(cString: rendered)
        return keepingSafeHTML ? HTMLSanitizer.sanitize(html) : html
    }
}
