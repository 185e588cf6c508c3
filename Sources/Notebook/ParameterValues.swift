import JSON

/// `-p NAME VALUE` values typed as papermill types them: `True`/`False`/`None`, then an int
/// if Python's `int()` accepts the text, then a float if `float()` does, else the text.
public enum ParameterValues {
    /// The value papermill's `_resolve_type` gives `text`. Integers beyond 64 bits stay text
    /// (documented difference: papermill would inject a Python big int).
    public static func infer(_ text: String) -> JSONValue {
        switch text {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .null
        default: break
        }
        let body = text.trimmingPythonWhitespace
        if isInteger(body) {
            if let i = Int(body.filter { $0 != "_" }) { return .int(i) }
            return .string(text)
        }
        if let d = float(body) { return .double(d) }
        return .string(text)
    }

    /// Python's `int(text)` grammar: sign, decimal digits with single underscores between.
    static func isInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        return digitPart(body)
    }

    /// Digits with single underscores between them.
    static func digitPart(_ s: Substring) -> Bool {
        guard let first = s.first, let last = s.last, first.isASCIIDigit, last.isASCIIDigit else { return false }
        var previousUnderscore = false
        for c in s {
            if c == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if c.isASCIIDigit {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    /// Python's `float(text)`: inf/infinity/nan in any case, or a decimal literal with an
    /// optional exponent (underscores between digits allowed).
    static func float(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = 1.0
        if body.first == "+" || body.first == "-" {
            if body.first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        var mantissa = body, exponent: Substring?
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        switch parts.count {
        case 1: guard digitPart(parts[0]) else { return nil }
        case 2:
            let (whole, fraction) = (parts[0], parts[1])
            guard (whole.isEmpty || digitPart(whole)) && (fraction.isEmpty || digitPart(fraction)),
                  !(whole.isEmpty && fraction.isEmpty) else { return nil }
        default: return nil
        }
        if var exponent {
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard digitPart(exponent) else { return nil }
        }
        return Double(String(body.filter { $0 != "_" })).map { sign * $0 }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Without the leading and trailing whitespace Python's `int()`/`float()` ignore.
    var trimmingPythonWhitespace: String {
        let space: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
        var s = Substring(self)
        while let f = s.first, space.contains(f) { s.removeFirst() }
        while let l = s.last, space.contains(l) { s.removeLast() }
        return String(s)
    }
}
