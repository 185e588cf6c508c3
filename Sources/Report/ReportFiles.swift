import Notebook
import Platform

/// Writes reports of an executed notebook to files, atomically.
public enum ReportFiles {
    /// `path` with its `.ipynb` replaced by `ext` (`.html`, `.md`).
    public static func path(beside notebookPath: String, ext: String) -> String {
        (notebookPath.hasSuffix(".ipynb") ? String(notebookPath.dropLast(6)) : notebookPath) + ext
    }

    /// Writes the HTML report of `notebook` (read from `source`) to `path`.
    public static func writeHTML(_ notebook: Notebook, source: String, to path: String, template: PageTemplate,
                                 noInput: Bool = false) throws {
        let html = NotebookHTMLRenderer(template: template, noInput: noInput).render(notebook, source: source)
        try FileSystem.writeAtomically(html, to: path)
    }

    /// Writes the Markdown report of `notebook` to `path`, its images in `STEM_files/` beside it.
    public static func writeMarkdown(_ notebook: Notebook, to path: String, noInput: Bool = false) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let (text, files) = NotebookMarkdownRenderer(noInput: noInput).render(notebook, stem: stem)
        for file in files {
            let full = (directory.isEmpty ? "" : directory + "/") + file.path
            if let end = full.lastIndex(of: "/") { try FileSystem.createDirectory(String(full[..<end])) }
            try FileSystem.writeAtomically(file.bytes, to: full)
        }
        try FileSystem.writeAtomically(text, to: path)
    }
}
