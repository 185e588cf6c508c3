import JSON

/// An nbformat 4 notebook (4.0–4.5), kept as its JSON so keys this model does not know
/// survive a read and a write unchanged.
public struct Notebook: Equatable, Sendable {
    /// The whole document.
    public private(set) var root: JSONObject

    /// Reads a notebook from its text, checking it is nbformat 4 with well-formed cells.
    public init(text: String) throws {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            let hint = text.trimmingTrailingWhitespace.hasSuffix("}") ? "" : " (the file looks truncated)"
            throw NotebookError("not a notebook: the file is not valid JSON\(hint): \(error)")
        }
        guard let root = value.object else { throw NotebookError("not a notebook: the top level is not a JSON object") }
        try NotebookValidation.check(root)
        self.root = root
    }

    /// A notebook from its parts.
    public init(cells: [Cell], metadata: JSONObject = JSONObject(), minor: Int = 5) {
        root = ["cells": .array(cells.map { .object($0.json) }), "metadata": .object(metadata),
                "nbformat": 4, "nbformat_minor": .int(minor)]
    }

    /// nbformat's minor version.
    public var minor: Int { root["nbformat_minor"]?.int ?? 0 }

    /// The notebook's metadata (kernelspec, language_info, papermill …).
    public var metadata: JSONObject {
        get { root["metadata"]?.object ?? JSONObject() }
        set { root["metadata"] = .object(newValue) }
    }

    /// The cells, in order.
    public var cells: [Cell] {
        get { (root["cells"]?.array ?? []).compactMap { $0.object.map(Cell.init(json:)) } }
        set { root["cells"] = .array(newValue.map { .object($0.json) }) }
    }

    /// The text Jupyter writes: one-space indent, sorted keys, sources split into lines, a
    /// final newline (nbformat's `writes`).
    public var text: String {
        var out = root
        out["cells"] = .array(cells.map { .object($0.forWriting) })
        return JSONValue.object(out).text(.notebook) + "\n"
    }

    /// Every cell with a `metadata.tags` list (empty where there was none), as papermill's
    /// loader leaves a notebook before parameterising and executing it.
    public func withTagLists() -> Notebook {
        var out = self
        out.cells = cells.map { cell in
            var c = cell
            if c.metadata["tags"] == nil { c.tags = [] }
            return c
        }
        return out
    }

    /// The kernelspec name the notebook asks for, if any.
    public var kernelName: String? { metadata["kernelspec"]?.object?["name"]?.string }

    /// nbformat's `v4.upgrade` to 4.5: every cell gets an id from `id`, and the old minor
    /// version is kept as `metadata.orig_nbformat_minor`. A 4.5 notebook is returned as is.
    public func upgradedToMinor5(id: () -> String) -> Notebook {
        guard minor < 5 else { return self }
        var out = self
        out.cells = cells.map { cell in
            var c = cell
            c.set("id", .string(id()))
            return c
        }
        var m = out.metadata
        m["orig_nbformat_minor"] = .int(minor)
        out.metadata = m
        out.root["nbformat_minor"] = 5
        return out
    }
}

/// One cell: code, markdown or raw.
public struct Cell: Equatable, Sendable {
    /// The cell's JSON.
    public private(set) var json: JSONObject

    /// Wraps a cell's JSON (validated by the notebook).
    public init(json: JSONObject) {
        self.json = json
    }

    /// A new cell of `type` with `source`, an id, and empty outputs for code.
    public init(type: String, source: String, id: String, tags: [String] = []) {
        var cell: JSONObject = ["cell_type": .string(type), "id": .string(id), "metadata": .object(JSONObject()),
                                "source": .string(source)]
        if type == "code" {
            cell["execution_count"] = .null
            cell["outputs"] = .array([])
        }
        json = cell
        if !tags.isEmpty { self.tags = tags }
    }

    /// `code`, `markdown` or `raw`.
    public var type: String { json["cell_type"]?.string ?? "" }

    /// The source as one string (nbformat stores it as a string or a list of lines).
    public var source: String {
        get {
            if let s = json["source"]?.string { return s }
            return (json["source"]?.array ?? []).compactMap(\.string).joined()
        }
        set { json["source"] = .string(newValue) }
    }

    /// Sets a top-level key of the cell (`outputs`, `execution_count`, `id` …).
    public mutating func set(_ key: String, _ value: JSONValue) { json[key] = value }

    /// A code cell's outputs (empty for other cells).
    public var outputs: [JSONValue] { json["outputs"]?.array ?? [] }

    /// A code cell's execution count (null when it has not run).
    public var executionCount: JSONValue { json["execution_count"] ?? .null }

    /// The cell id (nbformat 4.5).
    public var id: String? { json["id"]?.string }

    /// The cell's metadata.
    public var metadata: JSONObject {
        get { json["metadata"]?.object ?? JSONObject() }
        set { json["metadata"] = .object(newValue) }
    }

    /// `metadata.tags`.
    public var tags: [String] {
        get { (metadata["tags"]?.array ?? []).compactMap(\.string) }
        set {
            var m = metadata
            m["tags"] = .array(newValue.map { .string($0) })
            metadata = m
        }
    }

    /// The cell as nbformat writes it: source as a list of lines, each but the last with its newline.
    var forWriting: JSONObject {
        var out = json
        out["source"] = .array(Cell.lines(source).map { .string($0) })
        if var outputs = out["outputs"]?.array {
            for (i, output) in outputs.enumerated() {
                guard var o = output.object else { continue }
                if let text = o["text"]?.string { o["text"] = .array(Cell.lines(text).map { .string($0) }) }
                outputs[i] = .object(o)
            }
            out["outputs"] = .array(outputs)
        }
        return out
    }

    /// nbformat's `splitlines(keepends=True)` of multiline strings.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if c == "\n" {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\n" || last == "\r" || last == "\t" { s.removeLast() }
        return String(s)
    }
}
