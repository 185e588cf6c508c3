import CScriptSupport
// Python-compatible float -> text conversion.
//
// `pythonFloatRepr` reproduces CPython's `repr(float)` (which is also `str(float)`), and the
// internal `pythonDoubleToString` is a port of CPython's `PyOS_double_to_string` /
// `format_float_short` (Python/pystrtod.c), used by the format-spec mini-language and by
// printf-style `%` formatting. Digit generation: shortest round-trip digits come from Swift's
// `Double.description` (SwiftDtoa, which like CPython's dtoa picks the shortest digit string
// closest to the exact binary value); fixed-count digits come from glibc's `snprintf`, which
// rounds the exact binary value correctly (round-half-even on exact ties) as CPython's dtoa does.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Returns exactly what Python's `repr(x)` (and `str(x)`) returns for a float.
///
/// Shortest round-trip digits; scientific notation when the decimal exponent is below -4 or
/// at least 16 (`1e-05`, `1e+16`, `1.5e+300`), fixed notation otherwise with a trailing `.0`
/// for integral values (`0.0001`, `1234567890123456.0`); `-0.0`, `nan`, `inf`, `-inf`.
public func pythonFloatRepr(_ x: Double) -> String {
    return TextLib.pythonDoubleToString(x, code: "r", precision: 0, flags: .addDot0)
}

extension TextLib {
    /// Flags of CPython's `PyOS_double_to_string` (`Py_DTSF_*`).
    struct DoubleFormatFlags: OptionSet {
        let rawValue: Int
        /// Always emit a sign (`+` for non-negative values).
        static let sign = DoubleFormatFlags(rawValue: 1)
        /// Append `.0` to integral values in fixed notation (repr style).
        static let addDot0 = DoubleFormatFlags(rawValue: 2)
        /// Alternate form (`#`): keep the decimal point and trailing zeros.
        static let alt = DoubleFormatFlags(rawValue: 4)
        /// Drop the sign of a result that is (rounded to) zero (`z` option).
        static let noNegZero = DoubleFormatFlags(rawValue: 8)
    }

    /// A decimal digit string `0.d1d2d3… × 10^decpt` without leading or trailing zeros
    /// (zero itself is `"0"` with `decpt == 1`), as CPython's `_Py_dg_dtoa` returns it.
    struct DecimalDigits {
        var digits: [UInt8]   // ASCII '0'...'9'
        var decpt: Int
    }

    /// Runs `snprintf` with a `%.*e` / `%.*f` style format and returns the produced text.
    static func cFormatDouble(_ conversion: Character, precision: Int, _ x: Double) -> String {
        let code: CChar = conversion == "e" ? 101 : 102
        let prec = Int32(clamping: max(0, precision))
        // One call into a stack buffer covers nearly every value; huge ones retry on the heap.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buf -> String in
            guard let base = buf.baseAddress else { return "" }
            let written = Int(bt_format_double(base, 128, code, prec, x))
            if written <= 0 { return "" }
            if written < 128 {
                return String(decoding: UnsafeRawBufferPointer(start: base, count: written), as: UTF8.self)
            }
            var heap = [CChar](repeating: 0, count: written + 1)
            let again = heap.withUnsafeMutableBufferPointer { h in
                bt_format_double(h.baseAddress, h.count, code, prec, x)
            }
            guard again > 0 else { return "" }
            return String(decoding: heap.prefix(Int(again)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Strips leading/trailing zeros from raw digits with a decimal-point position.
    static func normalize(_ raw: [UInt8], decpt: Int, isZero: Bool) -> DecimalDigits {
        if isZero { return DecimalDigits(digits: [UInt8(ascii: "0")], decpt: 1) }
        var start = 0
        var point = decpt
        while start < raw.count && raw[start] == UInt8(ascii: "0") {
            start += 1
            point -= 1
        }
        var end = raw.count
        while end > start && raw[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return DecimalDigits(digits: Array(raw[start..<end]), decpt: point)
    }

    /// Shortest round-trip digits of a finite `x` (sign ignored), from `Double.description`.
    static func shortestDigits(_ x: Double) -> DecimalDigits {
        let v = x.magnitude
        if v == 0 { return DecimalDigits(digits: [UInt8(ascii: "0")], decpt: 1) }
        let text = Array(v.description.utf8)
        var mantissa: [UInt8] = []
        var pointIndex: Int? = nil
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var j = i + 1
                var negative = false
                if j < text.count && (text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: "+")) {
                    negative = text[j] == UInt8(ascii: "-")
                    j += 1
                }
                var e = 0
                while j < text.count, text[j] >= UInt8(ascii: "0"), text[j] <= UInt8(ascii: "9") {
                    e = e &* 10 &+ Int(text[j] - UInt8(ascii: "0"))
                    j += 1
                }
                exponent = negative ? -e : e
                break
            } else if c == UInt8(ascii: ".") {
                pointIndex = mantissa.count
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                mantissa.append(c)
            }
            i += 1
        }
        let decpt = (pointIndex ?? mantissa.count) + exponent
        return normalize(mantissa, decpt: decpt, isZero: false)
    }

    /// Correctly rounded digits of a finite `x` (sign ignored): `mode 2` gives `ndigits`
    /// significant digits, `mode 3` gives `ndigits` digits after the decimal point
    /// (CPython `_Py_dg_dtoa` modes 2 and 3, trailing zeros removed).
    static func roundedDigits(_ x: Double, mode: Int, ndigits: Int) -> DecimalDigits {
        let v = x.magnitude
        if v == 0 { return DecimalDigits(digits: [UInt8(ascii: "0")], decpt: 1) }
        if mode == 2 {
            let text = Array(cFormatDouble("e", precision: max(1, ndigits) - 1, v).utf8)
            var mantissa: [UInt8] = []
            var exponent = 0
            var i = 0
            while i < text.count {
                let c = text[i]
                if c == UInt8(ascii: "e") {
                    var j = i + 1
                    var negative = false
                    if j < text.count && (text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: "+")) {
                        negative = text[j] == UInt8(ascii: "-")
                        j += 1
                    }
                    var e = 0
                    while j < text.count, text[j] >= UInt8(ascii: "0"), text[j] <= UInt8(ascii: "9") {
                        e = e &* 10 &+ Int(text[j] - UInt8(ascii: "0"))
                        j += 1
                    }
                    exponent = negative ? -e : e
                    break
                } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                    mantissa.append(c)
                }
                i += 1
            }
            return normalize(mantissa, decpt: exponent + 1, isZero: false)
        } else {
            let text = Array(cFormatDouble("f", precision: ndigits, v).utf8)
            var mantissa: [UInt8] = []
            var pointIndex: Int? = nil
            for c in text {
                if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                    mantissa.append(c)
                } else if pointIndex == nil {
                    // The radix character: "." in the C locale, but whatever the process
                    // locale says (e.g. ",") if the host application called setlocale.
                    pointIndex = mantissa.count
                }
            }
            let decpt = pointIndex ?? mantissa.count
            var d = normalize(mantissa, decpt: decpt, isZero: false)
            if d.digits.isEmpty { d.decpt = -max(0, ndigits) }
            return d
        }
    }

    /// Port of CPython's `PyOS_double_to_string`: `code` is one of `e E f F g G r`;
    /// `precision` is ignored for `r`. Returns e.g. `-1.500000e+00`, `inf`, `NAN`.
    static func pythonDoubleToString(_ x: Double, code: Character, precision: Int,
                              flags: DoubleFormatFlags) -> String {
        var upper = false
        var formatCode = code
        var precision = max(0, precision)
        let mode: Int
        switch code {
        case "E": upper = true; formatCode = "e"; mode = 2; precision += 1
        case "e": mode = 2; precision += 1
        case "F": upper = true; formatCode = "f"; mode = 3
        case "f": mode = 3
        case "G": upper = true; formatCode = "g"; mode = 2; if precision == 0 { precision = 1 }
        case "g": mode = 2; if precision == 0 { precision = 1 }
        default: formatCode = "r"; mode = 0; precision = 0
        }
        var negative = x.sign == .minus
        var out = ""
        if x.isNaN || x.isInfinite {
            if x.isNaN { negative = false }
            if negative { out = "-" } else if flags.contains(.sign) { out = "+" }
            let word = x.isNaN ? "nan" : "inf"
            out += upper ? word.uppercased() : word
            return out
        }
        let d: DecimalDigits
        switch mode {
        case 0: d = shortestDigits(x)
        case 2: d = roundedDigits(x, mode: 2, ndigits: precision)
        default: d = roundedDigits(x, mode: 3, ndigits: precision)
        }
        let digits = d.digits
        let digitsLen = digits.count
        var decpt = d.decpt
        if flags.contains(.noNegZero) && negative && digits.allSatisfy({ $0 == UInt8(ascii: "0") }) {
            negative = false
        }
        let addDot0 = flags.contains(.addDot0)
        let alt = flags.contains(.alt)
        var useExp = false
        var exp = 0
        var vdigitsEnd = digitsLen
        switch formatCode {
        case "e":
            useExp = true
            vdigitsEnd = precision
        case "f":
            vdigitsEnd = decpt + precision
        case "g":
            if decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision) { useExp = true }
            if alt { vdigitsEnd = precision }
        default:
            if decpt <= -4 || decpt > 16 { useExp = true }
        }
        if useExp {
            exp = decpt - 1
            decpt = 1
        }
        let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
        if !useExp && addDot0 {
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1
        } else {
            vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt
        }
        var buf: [UInt8] = []
        buf.reserveCapacity(max(0, vdigitsEnd - vdigitsStart) + 8)
        if negative {
            buf.append(UInt8(ascii: "-"))
        } else if flags.contains(.sign) {
            buf.append(UInt8(ascii: "+"))
        }
        let zero = UInt8(ascii: "0")
        let dot = UInt8(ascii: ".")
        // Zero padding on the left of the digit string.
        if decpt <= 0 {
            buf.append(contentsOf: repeatElement(zero, count: max(0, decpt - vdigitsStart)))
            buf.append(dot)
            buf.append(contentsOf: repeatElement(zero, count: max(0, -decpt)))
        } else {
            buf.append(contentsOf: repeatElement(zero, count: max(0, -vdigitsStart)))
        }
        // Digits, with the decimal point included.
        if decpt > 0 && decpt <= digitsLen {
            buf.append(contentsOf: digits[0..<decpt])
            buf.append(dot)
            buf.append(contentsOf: digits[decpt...])
        } else {
            buf.append(contentsOf: digits)
        }
        // Zeros on the right.
        if digitsLen < decpt {
            buf.append(contentsOf: repeatElement(zero, count: decpt - digitsLen))
            buf.append(dot)
            buf.append(contentsOf: repeatElement(zero, count: max(0, vdigitsEnd - decpt)))
        } else {
            buf.append(contentsOf: repeatElement(zero, count: max(0, vdigitsEnd - digitsLen)))
        }
        // Delete a trailing decimal point unless using the alternative form.
        if buf.last == dot && !alt { buf.removeLast() }
        if useExp {
            buf.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            buf.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = exp.magnitude
            if magnitude < 10 { buf.append(zero) }
            buf.append(contentsOf: String(magnitude).utf8)
        }
        return String(decoding: buf, as: UTF8.self)
    }
}

/// Namespace for the library's internal helpers (kept out of the module's top level so they
/// cannot clash with names of the module that embeds these files).
enum TextLib {}
