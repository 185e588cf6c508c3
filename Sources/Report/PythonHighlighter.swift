/// Code cells coloured with Pygments' CSS classes (`k` keyword, `nb` builtin, `s` string,
/// `c` comment, `m` number, `o` operator, `nf` function name, `nd` decorator), as nbconvert
/// marks them up, escaped for HTML.
public enum PythonHighlighter {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let builtins: Set<String> = [
        "abs", "all", "any", "bool", "dict", "enumerate", "filter", "float", "format", "getattr", "hasattr", "help",
        "int", "isinstance", "len", "list", "map", "max", "min", "print", "range", "repr", "reversed", "round", "set",
        "sorted", "str", "sum", "tuple", "type", "zip", "open", "input", "iter", "next",
    ]

    /// The HTML of `code`: escaped text with spans around tokens.
    public static func html(_ code: String) -> String {
        let s = Array(code.unicodeScalars)
        var out = ""
        var i = 0
        var previousWord = ""
        func span(_ cls: String, _ from: Int, _ to: Int) {
            out += "<span class=\"\(cls)\">" + ANSIText.escape(String(String.UnicodeScalarView(s[from..<to]))) + "</span>"
        }
        while i < s.count {
            let c = s[i]
            if c == "#" {
                var j = i
                while j < s.count, s[j] != "\n" { j += 1 }
                span("c1", i, j)
                i = j
            } else if c == "\"" || c == "'" || ((c == "f" || c == "r" || c == "b") && i + 1 < s.count && (s[i + 1] == "\"" || s[i + 1] == "'") && !isWordScalar(i > 0 ? s[i - 1] : " ")) {
                var j = c == "\"" || c == "'" ? i : i + 1
                let quote = s[j]
                let triple = j + 2 < s.count && s[j + 1] == quote && s[j + 2] == quote
                j += triple ? 3 : 1
                while j < s.count {
                    if s[j] == "\\" { j += 2; continue }
                    if triple {
                        if s[j] == quote, j + 2 < s.count, s[j + 1] == quote, s[j + 2] == quote { j += 3; break }
                    } else if s[j] == quote || s[j] == "\n" { j += 1; break }
                    j += 1
                }
                j = min(j, s.count)
                span(triple ? "sd" : "s", i, j)
                i = j
            } else if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
                var j = i
                while j < s.count, isWordScalar(s[j]) || s[j] == "." { j += 1 }
                span("m", i, j)
                i = j
            } else if isWordScalar(c) {
                var j = i
                while j < s.count, isWordScalar(s[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(s[i..<j]))
                if keywords.contains(word) {
                    span(["and", "or", "not", "in", "is"].contains(word) ? "ow" : "k", i, j)
                } else if previousWord == "def" || previousWord == "class" {
                    span(previousWord == "def" ? "nf" : "nc", i, j)
                } else if builtins.contains(word) {
                    span("nb", i, j)
                } else {
                    span("n", i, j)
                }
                previousWord = word
                i = j
                continue
            } else if c == "@" && (i == 0 || s[i - 1] == "\n") {
                var j = i + 1
                while j < s.count, isWordScalar(s[j]) || s[j] == "." { j += 1 }
                span("nd", i, j)
                i = j
            } else if "+-*/%=<>!&|^~@".unicodeScalars.contains(c) {
                span("o", i, i + 1)
                i += 1
            } else {
                out += ANSIText.escape(String(c))
                i += 1
            }
            if !(c == " " || c == "\t") { previousWord = "" }
        }
        return out
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || c == "_" || (c.value | 32 >= 97 && c.value | 32 <= 122) || c.value > 127
    }
}
