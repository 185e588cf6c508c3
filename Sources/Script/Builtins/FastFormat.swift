import Glibc

/// Fast paths for the format specs cells use most (`{i:>6}`, `{x:.3f}`, `{x:8.2f}`), which
/// skip the general format-spec machinery. Anything else returns nil and takes the general
/// path, so results are identical.
enum FastFormat {
    struct SimpleSpec {
        var align: Unicode.Scalar?
        var width = 0
        var precision: Int?
        var type: Unicode.Scalar?
    }

    /// Parses `[<>^][width][.precision][d|f]` and nothing more.
    static func parse(_ spec: String) -> SimpleSpec? {
        var s = SimpleSpec()
        var it = spec.unicodeScalars.makeIterator()
        var c = it.next()
        if let a = c, a == "<" || a == ">" || a == "^" {
            s.align = a
            c = it.next()
        }
        if c == "0" { return nil }
        while let d = c, d.value >= 48, d.value <= 57 {
            s.width = s.width * 10 + Int(d.value - 48)
            if s.width > 1000 { return nil }
            c = it.next()
        }
        if c == "." {
            var p = 0
            c = it.next()
            var any = false
            while let d = c, d.value >= 48, d.value <= 57 {
                p = p * 10 + Int(d.value - 48)
                if p > 100 { return nil }
                any = true
                c = it.next()
            }
            if !any { return nil }
            s.precision = p
        }
        if let t = c {
            guard t == "d" || t == "f" else { return nil }
            s.type = t
            if it.next() != nil { return nil }
        }
        return s
    }

    static func pad(_ text: String, _ spec: SimpleSpec, defaultRight: Bool) -> String {
        let n = text.codePointCount
        guard spec.width > n else { return text }
        let fill = spec.width - n
        switch spec.align ?? (defaultRight ? ">" : "<") {
        case "<": return text + String(repeating: " ", count: fill)
        case "^": return String(repeating: " ", count: fill / 2) + text + String(repeating: " ", count: fill - fill / 2)
        default: return String(repeating: " ", count: fill) + text
        }
    }

    static func format(_ v: Value, _ specText: String) -> String? {
        guard let spec = parse(specText) else { return nil }
        switch v {
        case .int(let i):
            guard spec.precision == nil, spec.type == nil || spec.type == "d" else { return nil }
            return pad(DecimalText.string(i), spec, defaultRight: true)
        case .float(let d):
            guard spec.type == "f", let p = spec.precision, d.isFinite else { return nil }
            return pad(fixed(d, p), spec, defaultRight: true)
        case .str(let s):
            guard spec.precision == nil, spec.type == nil else { return nil }
            return pad(s, spec, defaultRight: false)
        default:
            return nil
        }
    }

    /// C's `%.*f`, which is what Python's `f` format produces for finite values.
    static func fixed(_ d: Double, _ precision: Int) -> String {
        TextLib.cFormatDouble("f", precision: precision, d)
    }
}
