import JSON

/// Which representation of a display or result a report shows: the first of nbconvert's
/// priority that the output has. JavaScript and widget views are never chosen.
public enum OutputSelection {
    /// HTML reports: html > markdown > svg > latex > png > jpeg > plain.
    public static let htmlPriority = ["text/html", "text/markdown", "image/svg+xml", "text/latex", "image/png", "image/jpeg", "text/plain"]
    /// Markdown reports: images first (written beside the file), then text forms.
    public static let markdownPriority = ["image/png", "image/jpeg", "image/svg+xml", "text/markdown", "text/html", "text/latex", "text/plain"]

    /// The chosen mimetype and its text (lists of lines joined), or nil if none is shown.
    public static func choose(_ data: JSONObject, priority: [String]) -> (mime: String, text: String)? {
        for mime in priority {
            guard let value = data[mime] else { continue }
            if let text = value.string { return (mime, text) }
            if let lines = value.array { return (mime, lines.compactMap(\.string).joined()) }
        }
        return nil
    }
}

/// nbconvert's cell tags and papermill's hidden inputs, decided once per cell.
struct CellVisibility {
    let showCell: Bool
    let showInput: Bool
    let collapseInput: Bool
    let showOutputs: Bool

    init(tags: [String], metadata: JSONObject, noInput: Bool) {
        showCell = !tags.contains("remove-cell")
        let hidden = metadata["jupyter"]?.object?["source_hidden"]?.bool == true
        showInput = !noInput && !tags.contains("remove-input")
        collapseInput = tags.contains("hide-input") || hidden
        showOutputs = !tags.contains("remove-output")
    }
}

extension JSONValue {
    /// A notebook text field, stored as a string or a list of lines.
    var notebookText: String {
        if let s = string { return s }
        return (array ?? []).compactMap(\.string).joined()
    }
}
