import JSON
import Notebook

/// papermill's bookkeeping in the notebook: `metadata.papermill` for the notebook and each
/// cell, its statuses and times, and the error marker cells it puts in a failed notebook.
enum PapermillMetadata {
    /// The papermill version whose metadata this follows (written as `version`).
    static let version = "2.7.0"
    /// Tag of the marker cells (papermill's `ERROR_MARKER_TAG`).
    static let errorMarkerTag = "papermill-error-cell-tag"
    private static let errorStyle = #"style="color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;""#

    /// papermill's loader: upgrade to nbformat 4.5 (cell ids, `orig_nbformat_minor`), a
    /// `metadata.papermill` block, and `tags`/`papermill` in every cell's metadata.
    static func prepareLoaded(_ notebook: Notebook) -> Notebook {
        var out = notebook
        if notebook.minor < 5 {
            out = out.upgradedToMinor5(id: { Parameters.randomCellID() })
        }
        var metadata = out.metadata
        if metadata["papermill"] == nil {
            metadata["papermill"] = ["default_parameters": .object([:]), "parameters": .object([:]),
                                     "environment_variables": .object([:]), "version": .string(version)]
        }
        out.metadata = metadata
        out.cells = out.cells.map { cell in
            var c = cell
            var m = c.metadata
            if m["tags"] == nil { m["tags"] = .array([]) }
            if m["papermill"] == nil { m["papermill"] = .object([:]) }
            c.metadata = m
            return c
        }
        return out
    }

    /// Drops marker cells left by an earlier failed execution.
    static func removeErrorMarkers(_ notebook: Notebook) -> Notebook {
        var out = notebook
        out.cells = notebook.cells.filter { !$0.tags.contains(errorMarkerTag) }
        return out
    }

    /// Records input and output paths (papermill's `prepare_notebook_metadata`), hiding
    /// code inputs in report mode.
    static func recordPaths(_ notebook: inout Notebook, input: String, output: String, reportMode: Bool) {
        if reportMode {
            notebook.cells = notebook.cells.map { cell in
                guard cell.type == "code" else { return cell }
                var c = cell
                var m = c.metadata
                var jupyter = m["jupyter"]?.object ?? JSONObject()
                jupyter["source_hidden"] = true
                m["jupyter"] = .object(jupyter)
                c.metadata = m
                return c
            }
        }
        notebook.updatePapermill { p in
            p["input_path"] = .string(input)
            p["output_path"] = .string(output)
        }
    }

    /// papermill's `notebook_start`: times cleared, every cell pending, code outputs and counts cleared.
    static func start(_ notebook: inout Notebook, at time: Double) {
        notebook.updatePapermill { p in
            p["start_time"] = .string(UTCTime.isoformat(time))
            p["end_time"] = .null
            p["duration"] = .null
            p["exception"] = .null
        }
        notebook.cells = notebook.cells.map { cell in
            var c = cell
            if c.type == "code" {
                c.set("execution_count", .null)
                c.set("outputs", .array([]))
            }
            var m = c.metadata
            m["papermill"] = ["exception": .null, "start_time": .null, "end_time": .null, "duration": .null, "status": "pending"]
            c.metadata = m
            return c
        }
    }

    /// papermill's `notebook_complete`: end time and duration; cells before a failed one
    /// that are still pending become completed — unless the kernel failed (`kernelFailed`), where papermill would call cells that never ran completed.
    static func complete(_ notebook: inout Notebook, started: Double, at time: Double, kernelFailed: Bool) {
        notebook.updatePapermill { p in
            p["end_time"] = .string(UTCTime.isoformat(time))
            p["duration"] = .double(UTCTime.microseconds(time - started))
        }
        guard !kernelFailed else { return }
        var cells = notebook.cells
        for index in cells.indices {
            let status = cells[index].papermill["status"]?.string
            if status == "failed" { break }
            if status == "pending" { cells[index].updatePapermill { $0["status"] = "completed" } }
        }
        notebook.cells = cells
    }

    /// papermill's marker cells for a failure in `cellIndex` whose execution count is
    /// `executionCount`: a note at the top linking to an anchor just before the cell.
    static func insertErrorMarkers(_ notebook: inout Notebook, cellIndex: Int, executionCount: JSONValue) {
        let count: String
        switch executionCount {
        case .int(let n): count = String(n)
        default: count = "None"
        }
        let message = "<span \(errorStyle)>An Exception was encountered at '<a href=\"#papermill-error-cell\">In [\(count)]</a>'.</span>"
        let anchor = "<span id=\"papermill-error-cell\" \(errorStyle)>Execution using papermill encountered an exception here and stopped:</span>"
        var cells = notebook.cells
        cells.insert(Cell(type: "markdown", source: anchor, id: Parameters.randomCellID(), tags: [errorMarkerTag]),
                     at: min(cellIndex, cells.count))
        cells.insert(Cell(type: "markdown", source: message, id: Parameters.randomCellID(), tags: [errorMarkerTag]), at: 0)
        notebook.cells = cells
    }
}

extension Notebook {
    /// Changes `metadata.papermill` in place.
    mutating func updatePapermill(_ change: (inout JSONObject) -> Void) {
        var m = metadata
        var p = m["papermill"]?.object ?? JSONObject()
        change(&p)
        m["papermill"] = .object(p)
        metadata = m
    }
}

extension Cell {
    /// The cell's `metadata.papermill`.
    var papermill: JSONObject { metadata["papermill"]?.object ?? JSONObject() }

    /// Changes `metadata.papermill` in place.
    mutating func updatePapermill(_ change: (inout JSONObject) -> Void) {
        var m = metadata
        var p = m["papermill"]?.object ?? JSONObject()
        change(&p)
        m["papermill"] = .object(p)
        metadata = m
    }
}
