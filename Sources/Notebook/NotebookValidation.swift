import JSON

/// The structural checks a notebook must pass before it is executed: nbformat 4, a list of
/// cells, each with a known type, a source and (for code) outputs. Errors name the cell.
enum NotebookValidation {
    static func check(_ root: JSONObject) throws {
        guard let major = root["nbformat"]?.int else { throw NotebookError("not a notebook: 'nbformat' is missing") }
        guard major == 4 else {
            throw NotebookError("nbformat \(major) is not supported: only nbformat 4 notebooks can be read (open and save it in a current Jupyter to upgrade)")
        }
        guard let minor = root["nbformat_minor"]?.int, (0...5).contains(minor) else {
            throw NotebookError("'nbformat_minor' must be 0 to 5 for nbformat 4, not \(root["nbformat_minor"].map { $0.text() } ?? "missing")")
        }
        guard root["metadata"]?.object != nil else { throw NotebookError("not a notebook: 'metadata' is missing or not an object") }
        guard let cells = root["cells"]?.array else { throw NotebookError("not a notebook: 'cells' is missing or not a list") }
        for (index, value) in cells.enumerated() {
            let name = "cell \(index + 1)"
            guard let cell = value.object else { throw NotebookError("\(name) is not a JSON object") }
            guard let type = cell["cell_type"]?.string else { throw NotebookError("\(name) has no 'cell_type'") }
            guard ["code", "markdown", "raw"].contains(type) else {
                throw NotebookError("\(name) has an unknown cell_type '\(type)' (code, markdown or raw)")
            }
            guard let source = cell["source"] else { throw NotebookError("\(name) (\(type)) has no 'source'") }
            let sourceIsText = source.string != nil || (source.array.map { $0.allSatisfy { $0.string != nil } } ?? false)
            guard sourceIsText else { throw NotebookError("\(name) (\(type)): 'source' must be a string or a list of strings") }
            guard cell["metadata"]?.object != nil else { throw NotebookError("\(name) (\(type)) has no 'metadata' object") }
            if type == "code" {
                guard cell["outputs"]?.array != nil else { throw NotebookError("\(name) (code) has no 'outputs' list") }
            }
            if minor >= 5, cell["id"]?.string == nil {
                throw NotebookError("\(name) has no 'id' (nbformat 4.5 requires cell ids)")
            }
        }
    }
}
