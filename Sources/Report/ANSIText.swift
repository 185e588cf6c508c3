/// Terminal colour codes in cell output (tracebacks, coloured logs) turned into HTML exactly
/// as nbconvert's `ansi2html` filter does: the text escaped as markupsafe escapes it, colours
/// as nbconvert's `ansi-*-fg` / `ansi-*-bg` span classes (24-bit and 256-colour codes as
/// inline `rgb()` styles), and every other escape sequence dropped.
public enum ANSIText {
    private static let colours = ["ansi-black", "ansi-red", "ansi-green", "ansi-yellow", "ansi-blue", "ansi-magenta", "ansi-cyan", "ansi-white",
                                  "ansi-black-intense", "ansi-red-intense", "ansi-green-intense", "ansi-yellow-intense",
                                  "ansi-blue-intense", "ansi-magenta-intense", "ansi-cyan-intense", "ansi-white-intense"]

    /// A colour: one of the 16 named ones, or red/green/blue.
    enum Colour: Equatable {
        case named(Int)
        case rgb(Int, Int, Int)
    }

    /// The HTML for `text`.
    public static func html(_ text: String) -> String {
        let escaped = Array(escape(text).unicodeScalars)
        var foreground: Colour?, background: Colour?
        var bold = false, underline = false, inverse = false
        var numbers: [Int] = []
        var out = ""
        var position = 0
        while position < escaped.count {
            // The next `ESC [ … final` with the shortest parameter part (nbconvert's regex).
            var match: (start: Int, end: Int, parameters: String, final: Unicode.Scalar)?
            var i = position
            while i + 1 < escaped.count, match == nil {
                if escaped[i] == "\u{1B}" && escaped[i + 1] == "[" {
                    var j = i + 2
                    while j < escaped.count, !(0x40...0x7E).contains(escaped[j].value) { j += 1 }
                    if j < escaped.count {
                        var parameters = ""
                        parameters.unicodeScalars.append(contentsOf: escaped[(i + 2)..<j])
                        match = (i, j + 1, parameters, escaped[j])
                    }
                }
                i += 1
            }
            var chunk = ""
            if let match {
                if match.final == "m", let parsed = parse(match.parameters) { numbers = parsed }
                chunk.unicodeScalars.append(contentsOf: escaped[position..<match.start])
                position = match.end
            } else {
                chunk.unicodeScalars.append(contentsOf: escaped[position...])
                position = escaped.count
            }
            if !chunk.isEmpty {
                var shown = foreground
                if bold, case .named(let n)? = foreground, n < 8 { shown = .named(n + 8) }
                let (start, end) = tags(shown, background, bold, underline, inverse)
                out += start + chunk + end
            }
            while !numbers.isEmpty {
                let n = numbers.removeFirst()
                switch n {
                case 0: foreground = nil; background = nil; bold = false; underline = false; inverse = false
                case 1, 5: bold = true
                case 4: underline = true
                case 7: inverse = true
                case 21, 22: bold = false
                case 24: underline = false
                case 27: inverse = false
                case 30...37: foreground = .named(n - 30)
                case 38: if let c = extended(&numbers) { foreground = c } else { numbers.removeAll() }
                case 39: foreground = nil
                case 40...47: background = .named(n - 40)
                case 48: if let c = extended(&numbers) { background = c } else { numbers.removeAll() }
                case 49: background = nil
                case 90...97: foreground = .named(n - 90 + 8)
                case 100...107: background = .named(n - 100 + 8)
                default: break
                }
            }
        }
        return out
    }

    /// The codes of `1;31`, or nil when one is not an integer (Python's `int`, "" meaning 0).
    static func parse(_ parameters: String) -> [Int]? {
        var out: [Int] = []
        for part in parameters.split(separator: ";", omittingEmptySubsequences: false) {
            let trimmed = part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            let text = String(trimmed)
            if text.isEmpty { out.append(0); continue }
            var body = Substring(text)
            var sign = 1
            if body.first == "+" || body.first == "-" {
                if body.first == "-" { sign = -1 }
                body = body.dropFirst()
            }
            guard !body.isEmpty, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__"),
                  body.allSatisfy({ $0 == "_" || ("0"..."9").contains($0) }),
                  let value = Int(body.filter { $0 != "_" }) else { return nil }
            out.append(sign * value)
        }
        return out
    }

    /// A 256-colour (`5;n`) or 24-bit (`2;r;g;b`) colour taken from the front of `numbers`.
    static func extended(_ numbers: inout [Int]) -> Colour? {
        guard !numbers.isEmpty else { return nil }
        let kind = numbers.removeFirst()
        if kind == 2 && numbers.count >= 3 {
            let r = numbers.removeFirst(), g = numbers.removeFirst(), b = numbers.removeFirst()
            guard [r, g, b].allSatisfy({ (0...255).contains($0) }) else { return nil }
            return .rgb(r, g, b)
        }
        if kind == 5 && numbers.count >= 1 {
            let index = numbers.removeFirst()
            switch index {
            case ..<0: return nil
            case 0..<16: return .named(index)
            case 16..<232:
                func level(_ v: Int) -> Int { v > 0 ? 55 + v * 40 : 0 }
                return .rgb(level((index - 16) / 36), level(((index - 16) % 36) / 6), level((index - 16) % 6))
            case 232..<256:
                let grey = (index - 232) * 10 + 8
                return .rgb(grey, grey, grey)
            default: return nil
            }
        }
        return nil
    }

    private static func tags(_ fg: Colour?, _ bg: Colour?, _ bold: Bool, _ underline: Bool, _ inverse: Bool) -> (String, String) {
        if fg == nil && bg == nil && !bold && !underline && !inverse { return ("", "") }
        var classes: [String] = [], styles: [String] = []
        let (f, b) = inverse ? (bg, fg) : (fg, bg)
        switch f {
        case .named(let n)?: classes.append(colours[n] + "-fg")
        case .rgb(let r, let g, let b)?: styles.append("color: rgb(\(r),\(g),\(b))")
        case nil: if inverse { classes.append("ansi-default-inverse-fg") }
        }
        switch b {
        case .named(let n)?: classes.append(colours[n] + "-bg")
        case .rgb(let r, let g, let b)?: styles.append("background-color: rgb(\(r),\(g),\(b))")
        case nil: if inverse { classes.append("ansi-default-inverse-bg") }
        }
        if bold { classes.append("ansi-bold") }
        if underline { classes.append("ansi-underline") }
        var start = "<span"
        if !classes.isEmpty { start += " class=\"" + classes.joined(separator: " ") + "\"" }
        if !styles.isEmpty { start += " style=\"" + styles.joined(separator: "; ") + "\"" }
        return (start + ">", "</span>")
    }

    /// markupsafe's escape: `&`, `<`, `>`, `"` (as &#34;) and `'` (as &#39;).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` without ANSI escape sequences (nbconvert's `strip_ansi`).
    public static func strip(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "\u{1B}", i + 1 < s.count, s[i + 1] == "[" {
                var j = i + 2
                while j < s.count, !(s[j].value >= 0x40 && s[j].value <= 0x7E) { j += 1 }
                i = j + 1
            } else if s[i] == "\u{1B}", i + 1 < s.count, s[i + 1] == "]" {
                var j = i + 2
                while j < s.count, s[j] != "\u{07}" { j += 1 }
                i = j + 1
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }
}
