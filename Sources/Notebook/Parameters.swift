import JSON

/// A parameter of a template, as papermill's `inspect_notebook` reports it.
public struct TemplateParameter: Equatable, Sendable {
    /// The variable name.
    public var name: String
    /// The annotation or `# type:` comment, "None" when there is neither.
    public var inferredType: String
    /// The default, as written in the parameters cell.
    public var defaultValue: String
    /// The trailing comment.
    public var help: String
}

/// Finding a template's parameters and injecting values, exactly as papermill does for
/// Python-language kernels (our cell language is Python syntax).
public enum Parameters {
    /// The first cell tagged `tag`, if any.
    public static func firstCell(tagged tag: String, in notebook: Notebook) -> Int? {
        notebook.cells.firstIndex { $0.tags.contains(tag) }
    }

    /// The parameters declared in the cell tagged `parameters` (papermill's
    /// `PythonTranslator.inspect`: one assignment per definition, multi-line values joined,
    /// help from the trailing comment).
    public static func discover(in notebook: Notebook) -> [TemplateParameter] {
        guard let index = firstCell(tagged: "parameters", in: notebook) else { return [] }
        var groups: [String] = []
        var accumulator: [String] = []
        func flatten(_ lines: [String]) -> String {
            var flat = ""
            for line in lines.dropLast() {
                if let hash = line.firstIndex(of: "#") { flat += String(line[..<hash]).trimmed } else { flat += line.trimmed }
            }
            if let last = lines.last { flat += last.trimmed }
            return flat
        }
        for line in notebook.cells[index].source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init) {
            let stripped = line.trimmed
            if stripped.isEmpty || stripped.hasPrefix("#") { continue }
            let equals = line.filter { $0 == "=" }.count
            if equals > 0 {
                groups.append(flatten(accumulator))
                accumulator = []
                if equals > 1 { continue }
            }
            accumulator.append(line)
        }
        groups.append(flatten(accumulator))
        return groups.compactMap(parse)
    }

    /// papermill's PARAMETER_PATTERN (named groups in Swift's spelling), compiled once.
    nonisolated(unsafe) private static let parameterPattern = try? Regex(
        #"^(?<target>\w[\w_]*)\s*(:\s*["']?(?<annotation>\w[\w_\[\],\s]*)["']?\s*)?=\s*(?<value>.*?)(\s*#\s*(type:\s*(?<typecomment>[^\s]*)\s*)?(?<help>.*))?$"#)

    /// papermill's PARAMETER_PATTERN applied to one definition.
    static func parse(_ definition: String) -> TemplateParameter? {
        guard !definition.isEmpty else { return nil }
        guard let regex = parameterPattern, let match = try? regex.wholeMatch(in: definition) else { return nil }
        func group(_ name: String) -> String? { match.output[name]?.substring.map(String.init) }
        guard let target = group("target") else { return nil }
        return TemplateParameter(name: target.trimmed, inferredType: (group("annotation") ?? group("typecomment") ?? "None").trimmed,
                                 defaultValue: (group("value") ?? "").trimmed, help: (group("help") ?? "").trimmed)
    }

    /// The notebook with an `injected-parameters` cell assigning `values` (in order): it
    /// replaces an earlier injected cell, else follows the `parameters` cell, else goes
    /// first (then `warning` says so). `metadata.papermill.parameters` records the values.
    public static func inject(_ values: [(String, JSONValue)], into notebook: Notebook,
                              cellID: String = randomCellID()) -> (notebook: Notebook, warning: String?) {
        var source = "# Parameters\n"
        for (name, value) in values { source += "\(name) = \(PythonLiteral.text(value))\n" }
        let cell = Cell(type: "code", source: source, id: cellID, tags: ["injected-parameters"])
        var cells = notebook.cells
        var warning: String?
        if let injected = firstCell(tagged: "injected-parameters", in: notebook) {
            cells[injected] = cell
        } else if let parameters = firstCell(tagged: "parameters", in: notebook) {
            cells.insert(cell, at: parameters + 1)
        } else {
            warning = "Input notebook does not contain a cell with tag 'parameters'"
            cells.insert(cell, at: 0)
        }
        var out = notebook
        out.cells = cells
        var metadata = out.metadata
        var papermill = metadata["papermill"]?.object ?? JSONObject()
        papermill["parameters"] = .object(JSONObject(values))
        metadata["papermill"] = .object(papermill)
        out.metadata = metadata
        return (out, warning)
    }

    /// nbformat's cell id: 8 random hexadecimal digits.
    public static func randomCellID() -> String {
        let digits = Array("0123456789abcdef")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in digits[Int(generator.next() % 16)] })
    }
}

/// Python source for a JSON value, as papermill's PythonTranslator writes it.
public enum PythonLiteral {
    /// `None`, `True`, `42`, `0.5`, `float('nan')`, `"text"`, `[…]`, `{"k": …}`.
    public static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "float('nan')" }
            if d.isInfinite { return d < 0 ? "float('-inf')" : "float('inf')" }
            return JSONValue.double(d).text()
        case .string(let s): return string(s)
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.map { "\(string($0.key)): \(text($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// papermill's `translate_escaped_str`: Python's `unicode_escape`, then `"` escaped.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x22: out += "\\\""
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0..<0x100: out += "\\x" + hex(v, 2)
            case 0x100..<0x10000: out += "\\u" + hex(v, 4)
            default: out += "\\U" + hex(v, 8)
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
