/// The report page: a Mustache-style template with `{{name}}` (HTML-escaped) and
/// `{{{name}}}` (inserted as is) fields. Beamtime's default is `templates/report.html`;
/// `--template FILE` takes a copy a facility has changed.
public struct PageTemplate {
    /// The template text.
    public let text: String
    /// The fields a template may use.
    public static let fields = ["title", "body", "source", "generated", "generator", "kernel", "status"]

    /// A template from its text; unknown or unclosed fields are errors that name them.
    public init(text: String) throws {
        self.text = text
        _ = try render([:], check: true)
    }

    /// The page with `values` filled in (missing values are empty).
    public func render(_ values: [String: String]) -> String {
        (try? render(values, check: false)) ?? ""
    }

    private func render(_ values: [String: String], check: Bool) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            let raw = rest[open.upperBound...].hasPrefix("{")
            let start = raw ? rest.index(after: open.upperBound) : open.upperBound
            let closer = raw ? "}}}" : "}}"
            guard let close = rest[start...].firstRange(of: closer) else {
                throw ReportError("the page template has an unclosed {{ near: \(rest[open.lowerBound...].prefix(40))")
            }
            let name = String(rest[start..<close.lowerBound]).trimmingSpaces
            if check && !PageTemplate.fields.contains(name) {
                throw ReportError("the page template uses an unknown field {{\(name)}}; known fields: \(PageTemplate.fields.joined(separator: ", "))")
            }
            let value = values[name] ?? ""
            out += raw ? value : ANSIText.escape(value)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// A report that cannot be made, with the reason.
public struct ReportError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" { s.removeLast() }
        return String(s)
    }
}
