import JSON
import Notebook
import Platform

/// The parameters of papermill's command line merged as papermill merges them: base64
/// YAML (`-b`), then files (`-f`), then YAML strings (`-y`), then `-p NAME VALUE` (type
/// inferred), then `-r NAME VALUE` (raw string); a later value replaces an earlier one
/// of the same name where that name first appeared (Python's `dict.update`).
public struct ParameterArguments {
    /// `-p` pairs.
    public var inferred: [(String, String)] = []
    /// `-r` pairs.
    public var raw: [(String, String)] = []
    /// `-y` documents.
    public var yaml: [String] = []
    /// `-f` file paths.
    public var files: [String] = []
    /// `-b` base64 documents.
    public var base64: [String] = []

    /// No parameters yet.
    public init() {}

    /// The merged parameters, in order.
    public func merged() throws -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = []
        func update(_ name: String, _ value: JSONValue) {
            if let i = result.firstIndex(where: { $0.0 == name }) { result[i].1 = value } else { result.append((name, value)) }
        }
        for document in base64 {
            guard let bytes = Base64.decode(document) else { throw ParameterError("-b: not valid base64: \(document)") }
            for (k, v) in try parseYAML(String(decoding: bytes, as: UTF8.self), origin: "-b") { update(k, v) }
        }
        for path in files {
            let text: String
            do { text = try FileSystem.readText(path) } catch { throw ParameterError("-f \(path): cannot read the parameters file: \(error)") }
            for (k, v) in try parseYAML(text, origin: "-f \(path)") { update(k, v) }
        }
        for document in yaml { for (k, v) in try parseYAML(document, origin: "-y") { update(k, v) } }
        for (name, value) in inferred { update(name, ParameterValues.infer(value)) }
        for (name, value) in raw { update(name, .string(value)) }
        return result
    }

    private func parseYAML(_ text: String, origin: String) throws -> [(String, JSONValue)] {
        do { return try YAMLParameters.parse(text) } catch { throw ParameterError("\(origin): \(error)") }
    }
}

/// A parameter argument that cannot be used.
public struct ParameterError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}

/// papermill's `parameterize_path`: `{name}` fields in a path filled from the parameters.
public enum PathTemplate {
    /// `path` with each `{name}` replaced by that parameter (strings as they are, other
    /// values as Python literals); a missing name is an error.
    public static func fill(_ path: String, with parameters: [(String, JSONValue)]) throws -> String {
        guard path.contains("{") else { return path }
        var out = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { throw ParameterError("unclosed { in output path \(path)") }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = parameters.first(where: { $0.0 == name })?.1 else {
                throw ParameterError("Missing parameter '\(name)' (the output path \(path) uses it)")
            }
            out += value.string ?? PythonLiteral.text(value)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

