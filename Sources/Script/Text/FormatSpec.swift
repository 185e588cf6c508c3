// Python's format-spec mini-language (`format(value, spec)`, f-string `{x:spec}`, `str.format`).
//
// A port of CPython 3.11's Python/formatter_unicode.c for `int`, `float` and `str`:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// with the same defaults, padding rules, digit grouping and error messages.

/// An error raised by the text library, carrying the Python exception it stands for and its
/// message (`str(exception)`).
public enum TextFormatError: Error, Equatable {
    /// Python `ValueError` with this message.
    case valueError(String)
    /// Python `TypeError` with this message.
    case typeError(String)
    /// Python `KeyError`; the payload is the missing key itself (unquoted), as the argument of
    /// `KeyError(key)`.
    case keyError(String)
    /// Python `OverflowError` with this message (e.g. `%c arg not in range(0x110000)`,
    /// `cannot convert float infinity to integer`, or a result string that would be too long).
    case overflowError(String)

    /// The Python exception class name: `ValueError`, `TypeError`, `KeyError` or `OverflowError`.
    public var pythonExceptionName: String {
        switch self {
        case .valueError: return "ValueError"
        case .typeError: return "TypeError"
        case .keyError: return "KeyError"
        case .overflowError: return "OverflowError"
        }
    }

    /// The message (for `keyError`, the missing key).
    public var message: String {
        switch self {
        case .valueError(let m), .typeError(let m), .keyError(let m), .overflowError(let m):
            return m
        }
    }
}

/// Largest field width, and largest float precision, that formatting will honour.
///
/// CPython accepts widths up to `sys.maxsize` and then tries to allocate the result (and
/// usually fails with `MemoryError`). This library parses such widths like CPython (so every
/// other error is reported in CPython's order) but, when a result would actually need more
/// than this many padding characters or digits, throws `valueError("Too many decimal digits in
/// format string")` (`format`) or `valueError("width too big")` / `valueError("precision too
/// big")` (`%` formatting) instead of allocating, so formatting never traps.
public let textFormatMaxWidth = 1 << 20

/// A parsed format specification: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Fields that were not written in the specification are `nil` / `false`; the effective
/// defaults depend on the formatted type and are applied by `formatInt`, `formatFloat` and
/// `formatString`, exactly as CPython does.
public struct FormatSpec: Equatable, Sendable {
    /// Explicit fill character (only present together with an explicit `align`).
    public var fill: Unicode.Scalar?
    /// Explicit alignment: `<`, `>`, `^` or `=`.
    public var align: Unicode.Scalar?
    /// Sign option: `+`, `-` or space.
    public var sign: Unicode.Scalar?
    /// The `z` option: coerce negative zero to positive zero (floats only).
    public var noNegativeZero: Bool
    /// The `#` option: alternate form.
    public var alternate: Bool
    /// The `0` option before the width (only recognised when no explicit fill was given):
    /// fill with `0` and, for numbers without explicit alignment, pad after the sign.
    public var zeroPadding: Bool
    /// Minimum field width.
    public var width: Int?
    /// Thousands separator: `,` or `_`.
    public var grouping: Unicode.Scalar?
    /// Precision (digits after the point, significant digits, or maximum string length).
    public var precision: Int?
    /// Presentation type, e.g. `d`, `x`, `f`, `g`, `%`, `s`; `nil` when omitted.
    public var type: Unicode.Scalar?

    /// Creates a specification from its parts; every part defaults to "not specified".
    public init(fill: Unicode.Scalar? = nil, align: Unicode.Scalar? = nil, sign: Unicode.Scalar? = nil,
                noNegativeZero: Bool = false, alternate: Bool = false, zeroPadding: Bool = false,
                width: Int? = nil, grouping: Unicode.Scalar? = nil, precision: Int? = nil,
                type: Unicode.Scalar? = nil) {
        self.fill = fill
        self.align = align
        self.sign = sign
        self.noNegativeZero = noNegativeZero
        self.alternate = alternate
        self.zeroPadding = zeroPadding
        self.width = width
        self.grouping = grouping
        self.precision = precision
        self.type = type
    }

    /// Parses a format specification such as `>10`, `+,.2f`, `#010x` or `*^20s`.
    ///
    /// Throws `valueError` with Python's messages: `Invalid format specifier '<spec>' for object
    /// of type '<typeName>'`, `Format specifier missing precision`, `Cannot specify both ',' and
    /// '_'.`, `Cannot specify ',' with 'c'.`, `Too many decimal digits in format string`.
    /// `typeName` only appears in the first message; prefer the `formatInt(_:_:)`-style overloads
    /// taking a `String` spec, which pass the right type name.
    public static func parse(_ spec: String, typeName: String = "object") throws(TextFormatError) -> FormatSpec {
        let s = Array(spec.unicodeScalars)
        let end = s.count
        var pos = 0
        var result = FormatSpec()

        func isAlign(_ c: Unicode.Scalar) -> Bool {
            return c == "<" || c == ">" || c == "=" || c == "^"
        }
        if end - pos >= 2 && isAlign(s[pos + 1]) {
            result.align = s[pos + 1]
            result.fill = s[pos]
            pos += 2
        } else if end - pos >= 1 && isAlign(s[pos]) {
            result.align = s[pos]
            pos += 1
        }
        if end - pos >= 1 && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
            result.sign = s[pos]
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "z" {
            result.noNegativeZero = true
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "#" {
            result.alternate = true
            pos += 1
        }
        if result.fill == nil && end - pos >= 1 && s[pos] == "0" {
            result.zeroPadding = true
            pos += 1
        }
        let width = try TextLib.parseSpecInteger(s, &pos)
        result.width = width
        if end - pos >= 1 && s[pos] == "," {
            result.grouping = ","
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "_" {
            if result.grouping != nil {
                throw .valueError("Cannot specify both ',' and '_'.")
            }
            result.grouping = "_"
            pos += 1
        }
        if end - pos >= 1 && s[pos] == "," {
            if result.grouping == "_" {
                throw .valueError("Cannot specify both ',' and '_'.")
            }
        }
        if end - pos >= 1 && s[pos] == "." {
            pos += 1
            guard let precision = try TextLib.parseSpecInteger(s, &pos) else {
                throw .valueError("Format specifier missing precision")
            }
            result.precision = precision
        }
        if end - pos > 1 {
            throw .valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if end - pos == 1 {
            result.type = s[pos]
            pos += 1
        }
        if let type = result.type {
            try TextLib.validateGrouping(result.grouping, type: type)
        }
        return result
    }
}

extension TextLib {
    /// Reads a run of Unicode decimal digits (CPython `get_integer`); `nil` when there are none.
    static func parseSpecInteger(_ s: [Unicode.Scalar], _ pos: inout Int) throws(TextFormatError) -> Int? {
        var value = 0
        var consumed = 0
        while pos < s.count {
            let p = s[pos].properties
            guard p.numericType == .decimal, let nv = p.numericValue, nv >= 0, nv <= 9 else { break }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(nv))
            if overflow1 || overflow2 {
                throw .valueError("Too many decimal digits in format string")
            }
            value = sum
            consumed += 1
            pos += 1
        }
        return consumed == 0 ? nil : value
    }

    /// `invalid_thousands_separator_type` in CPython.
    static func validateGrouping(_ grouping: Unicode.Scalar?, type: Unicode.Scalar) throws(TextFormatError) {
        guard let grouping = grouping else { return }
        switch type {
        case "d", "e", "f", "g", "E", "G", "%", "F":
            return
        case "b", "o", "x", "X":
            if grouping == "_" { return }
        default:
            break
        }
        if type.value > 32 && type.value < 128 {
            throw .valueError("Cannot specify '\(grouping)' with '\(type)'.")
        }
        throw .valueError("Cannot specify '\(grouping)' with '\\x\(String(type.value, radix: 16))'.")
    }

    /// `unknown_presentation_type` in CPython.
    static func unknownFormatCode(_ type: Unicode.Scalar, _ typeName: String) -> TextFormatError {
        if type.value > 32 && type.value < 128 {
            return .valueError("Unknown format code '\(type)' for object of type '\(typeName)'")
        }
        return .valueError("Unknown format code '\\x\(String(type.value, radix: 16))' for object of type '\(typeName)'")
    }

    // MARK: - Number layout (calc_number_widths / fill_number / _PyUnicode_InsertThousandsGrouping)

    /// Inserts thousands separators into `digits` (ASCII), left-padding with zeros up to
    /// `minWidth` characters (separators included), exactly like CPython's grouping code.
    /// `groupSize == 0` means no grouping.
    static func groupDigits(_ digits: ArraySlice<Unicode.Scalar>, minWidth: Int, groupSize: Int,
                             separator: Unicode.Scalar?) -> [Unicode.Scalar] {
        var minWidth = max(0, minWidth)
        var remaining = digits.count
        let sepLen = (groupSize > 0 && separator != nil) ? 1 : 0
        var pieces: [ArraySlice<Unicode.Scalar>] = []   // right to left
        var zeroCounts: [Int] = []
        var loopBroken = false
        if groupSize > 0 {
            while true {
                let len = min(groupSize, max(max(remaining, minWidth), 1))
                let nZeros = max(0, len - remaining)
                let nChars = max(0, min(remaining, len))
                let hi = digits.startIndex + remaining
                pieces.append(digits[(hi - nChars)..<hi])
                zeroCounts.append(nZeros)
                remaining -= nChars
                minWidth -= len
                if remaining <= 0 && minWidth <= 0 {
                    loopBroken = true
                    break
                }
                minWidth -= sepLen
            }
        }
        if !loopBroken {
            let len = max(max(remaining, minWidth), 1)
            let nZeros = max(0, len - remaining)
            let nChars = max(0, min(remaining, len))
            let hi = digits.startIndex + remaining
            pieces.append(digits[(hi - nChars)..<hi])
            zeroCounts.append(nZeros)
        }
        var out: [Unicode.Scalar] = []
        for index in stride(from: pieces.count - 1, through: 0, by: -1) {
            if index != pieces.count - 1, sepLen == 1, let sep = separator { out.append(sep) }
            out.append(contentsOf: repeatElement("0", count: zeroCounts[index]))
            out.append(contentsOf: pieces[index])
        }
        return out
    }

    /// Lays out a formatted number: `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`.
    static func layoutNumber(negative: Bool, prefix: [Unicode.Scalar], digits: ArraySlice<Unicode.Scalar>,
                              hasDecimal: Bool, remainder: ArraySlice<Unicode.Scalar>,
                              spec: FormatSpec, groupSize: Int, separator: Unicode.Scalar?,
                              upper: Bool) throws(TextFormatError) -> String {
        let fill: Unicode.Scalar = spec.fill ?? (spec.zeroPadding ? "0" : " ")
        let align: Unicode.Scalar = spec.align ?? (spec.zeroPadding ? "=" : ">")
        let width = spec.width ?? -1
        if width > textFormatMaxWidth {
            throw .valueError("Too many decimal digits in format string")
        }
        var signChar: Unicode.Scalar? = nil
        switch spec.sign {
        case "+": signChar = negative ? "-" : "+"
        case " ": signChar = negative ? "-" : " "
        default: signChar = negative ? "-" : nil
        }
        let nSign = signChar == nil ? 0 : 1
        let nNonDigit = nSign + prefix.count + (hasDecimal ? 1 : 0) + remainder.count
        let minWidth = (fill == "0" && align == "=") ? width - nNonDigit : 0
        let grouped: [Unicode.Scalar] = digits.isEmpty
            ? [] : groupDigits(digits, minWidth: minWidth, groupSize: groupSize, separator: separator)
        let nPadding = width - (nNonDigit + grouped.count)
        var lpad = 0, spad = 0, rpad = 0
        if nPadding > 0 {
            switch align {
            case "<": rpad = nPadding
            case "^": lpad = nPadding / 2; rpad = nPadding - lpad
            case "=": spad = nPadding
            default: lpad = nPadding
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(fill, count: lpad))
        if let s = signChar { out.append(s) }
        for c in prefix { out.append(upper ? asciiUpper(c) : c) }
        out.append(contentsOf: repeatElement(fill, count: spad))
        for c in grouped { out.append(upper ? asciiUpper(c) : c) }
        if hasDecimal { out.append(".") }
        out.append(contentsOf: remainder)
        out.append(contentsOf: repeatElement(fill, count: rpad))
        return String(out)
    }

    static func asciiUpper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value >= 0x61 && c.value <= 0x7A, let u = Unicode.Scalar(c.value - 32) { return u }
        return c
    }
}

// MARK: - int

/// Formats an integer like Python's `format(v, spec)` for an `int`.
///
/// Types `b c d o x X n` (default `d`) format the integer; `e E f F g G %` convert it to
/// float first. Errors: `Unknown format code 's' for object of type 'int'`, `Precision not
/// allowed in integer format specifier`, `Sign not allowed with integer format specifier 'c'`,
/// `OverflowError: %c arg not in range(0x110000)` … `typeName` names the type in messages
/// (pass `"bool"` when formatting a bool with a non-empty spec).
public func formatInt(_ v: Int, _ spec: FormatSpec, typeName: String = "int") throws(TextFormatError) -> String {
    let type = spec.type ?? "d"
    if spec.type == nil { try TextLib.validateGrouping(spec.grouping, type: type) }
    switch type {
    case "b", "c", "d", "o", "x", "X", "n":
        return try TextLib.formatIntInternal(v, spec, type: type)
    case "e", "E", "f", "F", "g", "G", "%":
        return try TextLib.formatFloatInternal(Double(v), spec)
    default:
        throw TextLib.unknownFormatCode(type, typeName)
    }
}

/// Parses `spec` and formats `v` as an `int` (see `formatInt(_:_:typeName:)`).
public func formatInt(_ v: Int, _ spec: String, typeName: String = "int") throws(TextFormatError) -> String {
    if spec.isEmpty { return String(v) }
    return try formatInt(v, FormatSpec.parse(spec, typeName: typeName), typeName: typeName)
}

extension TextLib {
    static func formatIntInternal(_ v: Int, _ spec: FormatSpec, type: Unicode.Scalar) throws(TextFormatError) -> String {
        if spec.precision != nil {
            throw .valueError("Precision not allowed in integer format specifier")
        }
        if spec.noNegativeZero {
            throw .valueError("Negative zero coercion (z) not allowed in integer format specifier")
        }
        if type == "c" {
            if spec.sign != nil {
                throw .valueError("Sign not allowed with integer format specifier 'c'")
            }
            if spec.alternate {
                throw .valueError("Alternate form (#) not allowed with integer format specifier 'c'")
            }
            guard v >= 0, v <= 0x10FFFF else {
                throw .overflowError("%c arg not in range(0x110000)")
            }
            // Lone surrogates cannot live in a Swift String; U+FFFD stands in for them.
            let ch = Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}"
            return try layoutNumber(negative: false, prefix: [], digits: [], hasDecimal: false,
                                remainder: [ch][...], spec: spec, groupSize: 0, separator: nil, upper: false)
        }
        let base: Int
        var prefix: [Unicode.Scalar] = []
        switch type {
        case "b": base = 2; prefix = ["0", "b"]
        case "o": base = 8; prefix = ["0", "o"]
        case "x", "X": base = 16; prefix = ["0", "x"]
        default: base = 10
        }
        if !spec.alternate { prefix = [] }
        let digits = Array(String(v.magnitude, radix: base).unicodeScalars)
        var groupSize = 0
        var separator: Unicode.Scalar? = nil
        if type != "n", let g = spec.grouping {
            separator = g
            groupSize = (g == "_" && base != 10) ? 4 : 3
        }
        return try layoutNumber(negative: v < 0, prefix: prefix, digits: digits[...], hasDecimal: false,
                            remainder: [], spec: spec, groupSize: groupSize, separator: separator,
                            upper: type == "X")
    }
}

// MARK: - float

/// Formats a float like Python's `format(v, spec)` for a `float`.
///
/// Types `e E f F g G n %` and none. With no type and no precision the result is `repr(v)`;
/// with a precision and no type it behaves like `g` but keeps at least one digit after the
/// point (`format(1.0, '.3')` is `1.0`, `format(1234.5, '.3')` is `1.23e+03`). Handles `nan`
/// and `inf` (zero padding included), the `z` option, `#`, grouping and sign options.
/// Error: `Unknown format code 'd' for object of type 'float'`.
public func formatFloat(_ v: Double, _ spec: FormatSpec, typeName: String = "float") throws(TextFormatError) -> String {
    if let type = spec.type {
        switch type {
        case "e", "E", "f", "F", "g", "G", "n", "%":
            break
        default:
            throw TextLib.unknownFormatCode(type, typeName)
        }
    }
    return try TextLib.formatFloatInternal(v, spec)
}

/// Parses `spec` and formats `v` as a `float` (see `formatFloat(_:_:typeName:)`).
public func formatFloat(_ v: Double, _ spec: String, typeName: String = "float") throws(TextFormatError) -> String {
    if spec.isEmpty { return pythonFloatRepr(v) }
    return try formatFloat(v, FormatSpec.parse(spec, typeName: typeName), typeName: typeName)
}

extension TextLib {
    static func formatFloatInternal(_ value: Double, _ spec: FormatSpec) throws(TextFormatError) -> String {
        var flags: DoubleFormatFlags = []
        if spec.alternate { flags.insert(.alt) }
        if spec.noNegativeZero { flags.insert(.noNegZero) }
        var val = value
        var code: Character
        var defaultPrecision = 6
        var addPercent = false
        let rawType = spec.type
        if let t = rawType {
            code = Character(t)
        } else {
            flags.insert(.addDot0)
            code = "r"
            defaultPrecision = 0
        }
        if code == "n" { code = "g" }
        if code == "%" {
            code = "f"
            val *= 100
            addPercent = true
        }
        if let p = spec.precision, p > Int(Int32.max) {
            throw .valueError("precision too big")
        }
        var precision = defaultPrecision
        if let p = spec.precision {
            precision = p
            if code == "r" { code = "g" }
        }
        if precision > textFormatMaxWidth {
            throw .valueError("Too many decimal digits in format string")
        }
        var text = Array(pythonDoubleToString(val, code: code, precision: precision, flags: flags).unicodeScalars)
        if addPercent { text.append("%") }
        var index = 0
        var negative = false
        if text.first == "-" {
            negative = true
            index = 1
        }
        var pos = index
        while pos < text.count, text[pos].value >= 0x30, text[pos].value <= 0x39 { pos += 1 }
        let digits = text[index..<pos]
        let hasDecimal = pos < text.count && text[pos] == "."
        let remainderStart = hasDecimal ? pos + 1 : pos
        let remainder = text[remainderStart...]
        var groupSize = 0
        var separator: Unicode.Scalar? = nil
        if rawType != "n", let g = spec.grouping {
            separator = g
            groupSize = 3
        }
        return try layoutNumber(negative: negative, prefix: [], digits: digits, hasDecimal: hasDecimal,
                            remainder: remainder, spec: spec, groupSize: groupSize, separator: separator,
                            upper: false)
    }
}

// MARK: - str

/// Formats a string like Python's `format(s, spec)` for a `str`.
///
/// Type `s` or none; the precision truncates (counting code points); default alignment is
/// left. Errors: `Sign not allowed in string format specifier`, `Space not allowed in string
/// format specifier`, `Alternate form (#) not allowed in string format specifier`, `'='
/// alignment not allowed in string format specifier`, `Cannot specify ',' with 's'.`,
/// `Unknown format code 'd' for object of type 'str'`.
public func formatString(_ s: String, _ spec: FormatSpec, typeName: String = "str") throws(TextFormatError) -> String {
    let type = spec.type ?? "s"
    if spec.type == nil { try TextLib.validateGrouping(spec.grouping, type: type) }
    if type != "s" { throw TextLib.unknownFormatCode(type, typeName) }
    if let sign = spec.sign {
        if sign == " " { throw .valueError("Space not allowed in string format specifier") }
        throw .valueError("Sign not allowed in string format specifier")
    }
    if spec.noNegativeZero {
        throw .valueError("Negative zero coercion (z) not allowed in string format specifier")
    }
    if spec.alternate {
        throw .valueError("Alternate form (#) not allowed in string format specifier")
    }
    if spec.align == "=" {
        throw .valueError("'=' alignment not allowed in string format specifier")
    }
    let width = spec.width ?? -1
    let scalars = s.unicodeScalars
    var len = scalars.count
    if let p = spec.precision, len > p { len = p }
    if width <= len && len == scalars.count { return s }
    if width > textFormatMaxWidth {
        throw .valueError("Too many decimal digits in format string")
    }
    let fill: Unicode.Scalar = spec.fill ?? (spec.zeroPadding ? "0" : " ")
    let align: Unicode.Scalar = spec.align ?? "<"
    let total = max(width, len)
    let lpad: Int
    switch align {
    case ">": lpad = total - len
    case "^": lpad = (total - len) / 2
    default: lpad = 0
    }
    let rpad = total - len - lpad
    var out = String.UnicodeScalarView()
    out.append(contentsOf: repeatElement(fill, count: lpad))
    out.append(contentsOf: scalars.prefix(len))
    out.append(contentsOf: repeatElement(fill, count: rpad))
    return String(out)
}

/// Parses `spec` and formats `s` as a `str` (see `formatString(_:_:typeName:)`).
public func formatString(_ s: String, _ spec: String, typeName: String = "str") throws(TextFormatError) -> String {
    if spec.isEmpty { return s }
    return try formatString(s, FormatSpec.parse(spec, typeName: typeName), typeName: typeName)
}
