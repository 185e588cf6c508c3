/// Makes untrusted HTML (a cell's `text/html` output, the HTML inside Markdown) safe to
/// put in a report page: only an allowlist of presentational tags and attributes is kept,
/// every `on…` handler, `<script>`, `<style>`, `<iframe>`, forms and embedded objects are
/// dropped, links and image sources keep only http(s), mailto, fragments, relative paths
/// and `data:image/…` (checked after entity decoding, as a browser reads them), attribute
/// values are re-escaped, and tags left open are closed so one output cannot swallow the page.
public enum HTMLSanitizer {
    static let allowedTags: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
        "input",
    ]
    /// Elements dropped together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template",
        "title", "head", "svg", "math", "select", "textarea", "xmp", "plaintext", "noembed", "noframes",
    ]
    static let voidTags: Set<String> = ["br", "hr", "img", "col", "input"]
    static let allowedAttributes: Set<String> = [
        "class", "id", "title", "style", "align", "valign", "colspan", "rowspan", "width", "height", "border",
        "cellpadding", "cellspacing", "href", "src", "alt", "start", "type", "open", "color", "face", "size",
        "scope", "headers", "lang", "dir", "checked", "disabled",
    ]

    /// The safe form of `html`.
    public static func sanitize(_ html: String) -> String {
        var scanner = Scanner(Array(html.unicodeScalars))
        var out = ""
        var open: [String] = []
        while !scanner.atEnd {
            let c = scanner.peek()
            guard c == "<" else {
                if c == ">" { out += "&gt;" } else { out.unicodeScalars.append(c) }
                scanner.advance()
                continue
            }
            if scanner.starts(with: "<!--") {
                scanner.skip(past: "-->")
                continue
            }
            guard let tag = scanner.readTag() else {
                out += "&lt;"
                scanner.advance()
                continue
            }
            let name = tag.name
            if tag.isEnd {
                if let index = open.lastIndex(of: name) {
                    for closing in open[index...].reversed() { out += "</\(closing)>" }
                    open.removeSubrange(index...)
                }
                continue
            }
            if droppedWithContent.contains(name) {
                if !tag.selfClosing { scanner.skip(pastEndTag: name) }
                continue
            }
            guard allowedTags.contains(name) else { continue }
            if name == "input" && tag.attributes.first(where: { $0.0 == "type" })?.1.lowercased() != "checkbox" { continue }
            out += "<" + name
            for (attribute, value) in tag.attributes {
                guard let safe = safeAttribute(attribute, value, tag: name) else { continue }
                out += " \(attribute)=\"\(ANSIText.escape(safe))\""
            }
            if name == "input" { out += " disabled=\"\"" }
            out += ">"
            if !voidTags.contains(name) && !tag.selfClosing { open.append(name) }
        }
        for closing in open.reversed() { out += "</\(closing)>" }
        return out
    }

    /// The attribute's value if it may stay.
    static func safeAttribute(_ name: String, _ value: String, tag: String) -> String? {
        guard allowedAttributes.contains(name) else { return nil }
        switch name {
        case "href": return tag == "a" && isSafeURL(value, images: false) ? value : nil
        case "src": return tag == "img" && isSafeURL(value, images: true) ? value : nil
        case "style":
            let squeezed = String(value.lowercased().unicodeScalars.filter { $0.value > 0x20 })
            // Comments could split a banned word (expr/**/ession), and fixed or absolute
            // positioning could lay fake content over the report.
            for banned in ["url(", "expression", "javascript", "\\", "@import", "behavior", "-moz-binding", "/*",
                           "position:fixed", "position:absolute", "position:sticky"] where squeezed.contains(banned) {
                return nil
            }
            return value
        default: return value
        }
    }

    /// Whether an SVG document is inert when opened on its own: no script, no event
    /// handlers, no foreign HTML, no `javascript:` references (our figures are all inert).
    public static func isInertSVG(_ svg: String) -> Bool {
        let lower = String(svg.lowercased().unicodeScalars.filter { $0.value > 0x20 || $0 == " " })
        for banned in ["<script", "javascript:", "<foreignobject", "<iframe", "<handler", "<set", "<animate"] where lower.contains(banned) {
            return false
        }
        guard let handler = try? Regex(#"\son[a-z]+\s*="#) else { return false }
        return lower.firstMatch(of: handler) == nil
    }

    /// http(s), mailto, fragments and relative references; for images also `data:image/…`
    /// (not SVG, which could carry script when opened directly).
    static func isSafeURL(_ value: String, images: Bool) -> Bool {
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        guard let colon = squeezed.firstIndex(of: ":") else { return true }
        let beforeColon = squeezed[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        switch String(beforeColon) {
        case "http", "https": return true
        case "mailto": return !images
        case "data":
            guard images else { return false }
            return ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { squeezed.hasPrefix($0) }
        default: return false
        }
    }
}

/// A tag as the tokenizer read it, with attribute values entity-decoded.
struct ScannedTag {
    var name: String
    var isEnd: Bool
    var selfClosing: Bool
    var attributes: [(String, String)]
}

/// Walks HTML as a browser's tokenizer would for tags, attributes and raw-text skipping.
struct Scanner {
    let s: [Unicode.Scalar]
    var i = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    var atEnd: Bool { i >= s.count }
    func peek() -> Unicode.Scalar { s[i] }
    mutating func advance() { i += 1 }

    func starts(with text: String, at position: Int? = nil) -> Bool {
        var j = position ?? i
        for c in text.unicodeScalars {
            guard j < s.count, lower(s[j]) == c else { return false }
            j += 1
        }
        return true
    }

    mutating func skip(past text: String) {
        while !atEnd && !starts(with: text) { i += 1 }
        i = min(s.count, i + text.unicodeScalars.count)
    }

    /// Skips raw content up to and including `</name…>` (or to the end).
    mutating func skip(pastEndTag name: String) {
        while !atEnd {
            if starts(with: "</" + name) {
                let after = i + 2 + name.unicodeScalars.count
                if after >= s.count || !isNameScalar(s[after]) {
                    i = after
                    while !atEnd && s[i] != ">" { i += 1 }
                    if !atEnd { i += 1 }
                    return
                }
            }
            i += 1
        }
    }

    /// Reads `<name …>`, `</name>` or `<!…>`/`<?…>` (returned as a tag named "!"); nil when
    /// `<` does not open a tag (then it is text).
    mutating func readTag() -> ScannedTag? {
        let start = i
        var j = i + 1
        guard j < s.count else { return nil }
        if s[j] == "!" || s[j] == "?" {
            i = j
            while !atEnd && s[i] != ">" { i += 1 }
            if !atEnd { i += 1 }
            return ScannedTag(name: "!", isEnd: true, selfClosing: true, attributes: [])
        }
        var isEnd = false
        if s[j] == "/" {
            isEnd = true
            j += 1
        }
        guard j < s.count, isLetter(s[j]) else { return nil }
        var name = ""
        while j < s.count, !isSpace(s[j]), s[j] != "/", s[j] != ">" {
            name.unicodeScalars.append(lower(s[j]))
            j += 1
        }
        i = j
        var attributes: [(String, String)] = []
        var selfClosing = false
        while !atEnd {
            while !atEnd && (isSpace(s[i]) || s[i] == "/") {
                if s[i] == "/" { selfClosing = true }
                i += 1
            }
            if atEnd { break }
            if s[i] == ">" {
                i += 1
                break
            }
            selfClosing = false
            var attribute = ""
            while !atEnd, !isSpace(s[i]), s[i] != "/", s[i] != ">", s[i] != "=" || attribute.isEmpty {
                attribute.unicodeScalars.append(lower(s[i]))
                i += 1
            }
            while !atEnd && isSpace(s[i]) { i += 1 }
            var value = ""
            if !atEnd && s[i] == "=" {
                i += 1
                while !atEnd && isSpace(s[i]) { i += 1 }
                if !atEnd && (s[i] == "\"" || s[i] == "'") {
                    let quote = s[i]
                    i += 1
                    while !atEnd && s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                    if !atEnd { i += 1 }
                } else {
                    while !atEnd && !isSpace(s[i]) && s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                }
            }
            if !attribute.isEmpty { attributes.append((attribute, HTMLEntities.decode(value))) }
        }
        _ = start
        return ScannedTag(name: name, isEnd: isEnd, selfClosing: selfClosing, attributes: attributes)
    }

    private func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32)! : c
    }
    private func isLetter(_ c: Unicode.Scalar) -> Bool { (c.value | 32) >= 97 && (c.value | 32) <= 122 }
    private func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
    private func isNameScalar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || (c.value >= 48 && c.value <= 57) || c == "-" }
}

/// Character references in attribute values, decoded as a browser decodes them.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "colon": ":", "tab": "\t",
        "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "period": ".", "comma": ",", "semi": ";", "equals": "=",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else { out.append(s[i]); i += 1; continue }
            var j = i + 1
            var reference = ""
            while j < s.count, j - i < 32, s[j] != ";", s[j] != "&", !(s[j] == " " || s[j] == "<") {
                reference.unicodeScalars.append(s[j])
                j += 1
            }
            let terminated = j < s.count && s[j] == ";"
            var decoded: String?
            if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                let digits = reference.dropFirst(2).prefix { $0.isHexDigit }
                if let v = UInt32(digits, radix: 16) { decoded = Unicode.Scalar(v).map { String($0) } ?? "\u{FFFD}" }
                j = i + 3 + digits.count
            } else if reference.hasPrefix("#") {
                let digits = reference.dropFirst().prefix { $0.isNumber }
                if let v = UInt32(digits) { decoded = Unicode.Scalar(v).map { String($0) } ?? "\u{FFFD}" }
                j = i + 2 + digits.count
            } else if let value = named[reference.lowercased()] {
                decoded = value
                j = i + 1 + reference.unicodeScalars.count
            }
            if let decoded {
                out.append(contentsOf: decoded.unicodeScalars)
                i = (j < s.count && s[j] == ";") ? j + 1 : j
                _ = terminated
            } else {
                out.append("&")
                i += 1
            }
        }
        return String(out)
    }
}
