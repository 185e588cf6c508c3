/// Decodes the backslash escapes of a Python string literal body.
///
/// Handles `\\`, `\'`, `\"`, `\a \b \f \n \r \t \v`, octal `\ooo`, `\xhh`, `\uXXXX`,
/// `\UXXXXXXXX` and line continuation; unknown escapes keep the backslash, as Python does.
func decodeEscapes(_ body: String, at start: SourcePosition) throws(ScriptSyntaxError) -> String {
    let s = Array(body.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    func bad(_ what: String) -> ScriptSyntaxError {
        ScriptSyntaxError("(unicode error) 'unicodeescape' codec can't decode bytes: \(what)", at: start)
    }
    while i < s.count {
        let c = s[i]
        guard c == "\\", i + 1 < s.count else {
            out.append(c)
            i += 1
            continue
        }
        let n = s[i + 1]
        i += 2
        switch n {
        case "\n": break
        case "\\": out.append("\\")
        case "'": out.append("'")
        case "\"": out.append("\"")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            var value = Int(n.value - 48)
            var count = 1
            while count < 3, i < s.count, s[i].value >= 48, s[i].value <= 55 {
                value = value * 8 + Int(s[i].value - 48)
                i += 1
                count += 1
            }
            guard let scalar = Unicode.Scalar(UInt32(value)) else { throw bad("invalid octal escape") }
            out.append(scalar)
        case "x", "u", "U":
            let width = n == "x" ? 2 : n == "u" ? 4 : 8
            guard i + width <= s.count else { throw bad("truncated \\\(n) escape") }
            var hex = ""
            for k in 0..<width { hex.unicodeScalars.append(s[i + k]) }
            guard let value = UInt32(hex, radix: 16), hex.allSatisfy({ $0.isHexDigit }) else {
                throw bad("truncated \\\(n) escape")
            }
            guard let scalar = Unicode.Scalar(value) else { throw bad("illegal Unicode character") }
            out.append(scalar)
            i += width
        case "N":
            throw bad("\\N{...} escapes are not supported")
        default:
            out.append("\\")
            out.append(n)
        }
    }
    return String(out)
}
