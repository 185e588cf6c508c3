// printf-style string formatting: Python's `format % args` for `str`.
//
// A port of CPython 3.11's PyUnicode_Format (Objects/unicodeobject.c): the same parsing of
// `%[(key)][flags][width][.precision][length]type`, the same argument consumption order, the
// same padding rules and the same error messages.

/// One argument of a `%` format operation.
public enum PercentArgument: Equatable, Sendable {
    /// A Python `int`.
    case int(Int)
    /// A Python `float`.
    case float(Double)
    /// A Python `str`: its text and its `repr` (used by `%r` and `%a`).
    case string(str: String, repr: String)
    /// A Python `bool`: `True`/`False` for `%s`/`%r`, `1`/`0` for numeric conversions.
    case bool(Bool)
    /// Any other object, by its `str()`, its `repr()` and its type name (the type name appears
    /// in messages such as `%d format: a real number is required, not list`).
    case object(str: String, repr: String, typeName: String)

    /// A `str` argument whose `repr` is computed with `pythonStringRepr`.
    public static func string(_ s: String) -> PercentArgument {
        return .string(str: s, repr: pythonStringRepr(s))
    }
}

/// Formats `format % args` where `args` is a tuple (or a single non-mapping value, passed as a
/// one-element array).
///
/// Conversions `d i u o x X e E f F g G c r s a %`, flags `- + space # 0`, width and precision
/// (also `*`), length modifiers `h l L` (ignored). Errors as in Python: `TypeError: not enough
/// arguments for format string`, `TypeError: not all arguments converted during string
/// formatting`, `TypeError: %d format: a real number is required, not str`, `TypeError: format
/// requires a mapping`, `ValueError: unsupported format character 'y' (0x79) at index 3`,
/// `ValueError: incomplete format`, `OverflowError: %c arg not in range(0x110000)`.
public func percentFormat(_ format: String, positional: [PercentArgument]) throws(TextFormatError) -> String {
    var source = TextLib.PercentArgumentSource.positional(positional, 0)
    return try TextLib.percentFormatCore(format, &source, hasMapping: false, mapping: { _ throws(TextFormatError) in nil })
}

/// Formats `format % mapping` (the right operand is a mapping, e.g. a dict), resolving
/// `%(name)s` keys through `mapping`; a `nil` result raises `keyError(name)`. The closure may
/// itself throw (e.g. a `TypeError` for a list used as a mapping).
///
/// A conversion without a key consumes the mapping object itself, as Python does
/// (`'%s' % {'a': 1}` is `{'a': 1}`); pass that object as `mappingObject` (without it such a
/// conversion raises `not enough arguments for format string`). Unused mapping entries are
/// not an error.
public func percentFormat(_ format: String,
                          mapping: (String) throws(TextFormatError) -> PercentArgument?,
                          mappingObject: PercentArgument? = nil) throws(TextFormatError) -> String {
    var source = TextLib.PercentArgumentSource.mapping(mappingObject, true)
    return try TextLib.percentFormatCore(format, &source, hasMapping: true, mapping: mapping)
}

/// Python's `ascii()` post-processing of a `repr`: escapes every non-ASCII code point as
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
public func pythonAsciiEscape(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars {
        if c.value < 0x80 {
            out.append(c)
        } else {
            TextLib.appendHexEscape(&out, c.value)
        }
    }
    return String(out)
}

extension TextLib {
    /// Appends `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for `value` (lowercase hex, like CPython).
    static func appendHexEscape(_ out: inout String.UnicodeScalarView, _ value: UInt32) {
        let hex: [Unicode.Scalar] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        let count: Int
        out.append("\\")
        if value <= 0xFF {
            out.append("x"); count = 2
        } else if value <= 0xFFFF {
            out.append("u"); count = 4
        } else {
            out.append("U"); count = 8
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            out.append(hex[Int((value >> (UInt32(i) * 4)) & 0xF)])
        }
    }

    enum PercentArgumentSource {
        /// Tuple arguments and the index of the next one.
        case positional([PercentArgument], Int)
        /// Mapping mode: the current "args" object (the mapping itself, or the value of the last
        /// `%(key)`) and whether it is still available (CPython's `argidx < arglen` with -1/-2).
        case mapping(PercentArgument?, Bool)

        mutating func next() throws(TextFormatError) -> PercentArgument {
            switch self {
            case .positional(let args, let index):
                if index < args.count {
                    self = .positional(args, index + 1)
                    return args[index]
                }
            case .mapping(let current, let available):
                if available, let value = current {
                    self = .mapping(current, false)
                    return value
                }
            }
            throw .typeError("not enough arguments for format string")
        }
    }

    struct PercentFlags {
        var leftJustify = false
        var sign = false
        var blank = false
        var alternate = false
        var zero = false
    }

    static func percentFormatCore(_ format: String, _ source: inout PercentArgumentSource, hasMapping: Bool,
                                   mapping: (String) throws(TextFormatError) -> PercentArgument?) throws(TextFormatError) -> String {
        let fmt = Array(format.unicodeScalars)
        let n = fmt.count
        var out = String.UnicodeScalarView()
        var i = 0
        while i < n {
            if fmt[i] != "%" {
                let start = i
                while i < n && fmt[i] != "%" { i += 1 }
                out.append(contentsOf: fmt[start..<i])
                continue
            }
            i += 1
            if i < n && fmt[i] == "%" {
                out.append("%")
                i += 1
                continue
            }
            var exhausted = false
            func nextChar() -> Unicode.Scalar? {
                if i < n {
                    let c = fmt[i]
                    i += 1
                    return c
                }
                exhausted = true
                return nil
            }
            // %(key)
            if i < n && fmt[i] == "(" {
                guard hasMapping else {
                    throw .typeError("format requires a mapping")
                }
                i += 1
                let keyStart = i
                var depth = 1
                while depth > 0 && i < n {
                    if fmt[i] == ")" { depth -= 1 } else if fmt[i] == "(" { depth += 1 }
                    i += 1
                }
                if depth > 0 { throw .valueError("incomplete format key") }
                var keyView = String.UnicodeScalarView()
                keyView.append(contentsOf: fmt[keyStart..<(i - 1)])
                let key = String(keyView)
                guard let value = try mapping(key) else { throw .keyError(key) }
                source = .mapping(value, true)
            }
            // Flags.
            var flags = PercentFlags()
            var ch: Unicode.Scalar? = nil
            flagLoop: while true {
                ch = nextChar()
                switch ch {
                case "-": flags.leftJustify = true
                case "+": flags.sign = true
                case " ": flags.blank = true
                case "#": flags.alternate = true
                case "0": flags.zero = true
                default: break flagLoop
                }
            }
            // Width.
            var width = -1
            if ch == "*" {
                let w = try source.next()
                guard let value = percentStarInt(w) else { throw .typeError("* wants int") }
                if value < 0 { flags.leftJustify = true }
                width = value == Int.min ? Int.max : abs(value)
                ch = nextChar()
            } else if let c = ch, let d = asciiDigit(c) {
                width = d
                while true {
                    ch = nextChar()
                    guard let c2 = ch, let d2 = asciiDigit(c2) else { break }
                    if width > (Int.max - d2) / 10 { throw .valueError("width too big") }
                    width = width * 10 + d2
                }
            }
            // Precision.
            var precision = -1
            if ch == "." {
                precision = 0
                ch = nextChar()
                if ch == "*" {
                    let p = try source.next()
                    guard let value = percentStarInt(p) else { throw .typeError("* wants int") }
                    if value > Int(Int32.max) || value < Int(Int32.min) {
                        throw .overflowError("Python int too large to convert to C int")
                    }
                    precision = max(0, value)
                    ch = nextChar()
                } else if let c = ch, let d = asciiDigit(c) {
                    precision = d
                    while true {
                        ch = nextChar()
                        guard let c2 = ch, let d2 = asciiDigit(c2) else { break }
                        if precision > (Int(Int32.max) - d2) / 10 { throw .valueError("precision too big") }
                        precision = precision * 10 + d2
                    }
                }
            }
            // Length modifiers are ignored.
            if !exhausted, ch == "h" || ch == "l" || ch == "L" {
                ch = nextChar()
            }
            guard !exhausted, let conversion = ch else {
                throw .valueError("incomplete format")
            }
            let arg = try source.next()
            var numeric = false
            let body: [Unicode.Scalar]
            switch conversion {
            case "s", "r", "a":
                body = Array(percentText(arg, conversion).unicodeScalars)
            case "d", "i", "u", "o", "x", "X":
                body = try percentInteger(arg, conversion, alternate: flags.alternate, precision: precision)
                numeric = true
            case "e", "E", "f", "F", "g", "G":
                let x: Double
                switch arg {
                case .int(let v): x = Double(v)
                case .bool(let b): x = b ? 1 : 0
                case .float(let v): x = v
                case .string: throw .typeError("must be real number, not str")
                case .object(_, _, let typeName): throw .typeError("must be real number, not \(typeName)")
                }
                if precision > textFormatMaxWidth { throw .valueError("precision too big") }
                let text = pythonDoubleToString(x, code: Character(conversion), precision: precision < 0 ? 6 : precision,
                                                flags: flags.alternate ? .alt : [])
                body = Array(text.unicodeScalars)
                numeric = true
            case "c":
                switch arg {
                case .string(let s, _):
                    let scalars = Array(s.unicodeScalars)
                    guard scalars.count == 1 else { throw .typeError("%c requires int or char") }
                    body = scalars
                case .int(let v):
                    guard v >= 0, v <= 0x10FFFF else { throw .overflowError("%c arg not in range(0x110000)") }
                    body = [Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}"]
                case .bool(let b):
                    body = [b ? "\u{1}" : "\u{0}"]
                case .float, .object:
                    throw .typeError("%c requires int or char")
                }
            default:
                let shown: String = (conversion.value >= 31 && conversion.value <= 126) ? String(conversion) : "?"
                throw .valueError("unsupported format character '\(shown)' (0x\(String(conversion.value, radix: 16))) at index \(i - 1)")
            }
            if width > textFormatMaxWidth && width > body.count { throw .valueError("width too big") }
            percentOutput(&out, body, conversion: conversion, flags: flags, width: width,
                          precision: precision, numeric: numeric)
        }
        if case .positional(let args, let index) = source, index < args.count {
            throw .typeError("not all arguments converted during string formatting")
        }
        return String(out)
    }

    static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
        return nil
    }

    /// An argument for `*` must be an int (a bool is one).
    static func percentStarInt(_ a: PercentArgument) -> Int? {
        switch a {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// `str()`, `repr()` or `ascii()` of an argument.
    static func percentText(_ a: PercentArgument, _ conversion: Unicode.Scalar) -> String {
        switch a {
        case .int(let v): return String(v)
        case .bool(let b): return b ? "True" : "False"
        case .float(let x): return pythonFloatRepr(x)
        case .string(let s, let r):
            if conversion == "s" { return s }
            return conversion == "r" ? r : pythonAsciiEscape(r)
        case .object(let s, let r, _):
            if conversion == "s" { return s }
            return conversion == "r" ? r : pythonAsciiEscape(r)
        }
    }

    /// `mainformatlong` + `_PyUnicode_FormatLong`: sign, `0x`/`0o` prefix with `#`, zeros up to
    /// the precision, digits (upper case for `X`).
    static func percentInteger(_ a: PercentArgument, _ conversion: Unicode.Scalar, alternate: Bool,
                                precision: Int) throws(TextFormatError) -> [Unicode.Scalar] {
        let integerOnly = conversion == "o" || conversion == "x" || conversion == "X"
        var negative = false
        var digits: String
        let base = conversion == "o" ? 8 : (integerOnly ? 16 : 10)
        switch a {
        case .int(let v):
            negative = v < 0
            digits = String(v.magnitude, radix: base)
        case .bool(let b):
            digits = b ? "1" : "0"
        case .float(let x):
            if integerOnly {
                throw .typeError("%\(conversion) format: an integer is required, not float")
            }
            if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
            if x.isInfinite { throw .overflowError("cannot convert float infinity to integer") }
            let t = x.rounded(.towardZero)
            negative = t < 0
            if t.magnitude < 9.0e18 {
                digits = String(Int(t).magnitude)
            } else {
                digits = cFormatDouble("f", precision: 0, t.magnitude)
            }
        case .string:
            throw .typeError(integerOnly ? "%\(conversion) format: an integer is required, not str"
                                         : "%\(conversion) format: a real number is required, not str")
        case .object(_, _, let typeName):
            throw .typeError(integerOnly ? "%\(conversion) format: an integer is required, not \(typeName)"
                                         : "%\(conversion) format: a real number is required, not \(typeName)")
        }
        if precision > textFormatMaxWidth { throw .valueError("precision too big") }
        var out: [Unicode.Scalar] = []
        if negative { out.append("-") }
        if alternate && integerOnly {
            out.append("0")
            out.append(conversion == "o" ? "o" : "x")
        }
        let digitScalars = Array(digits.unicodeScalars)
        if precision > digitScalars.count {
            out.append(contentsOf: repeatElement("0", count: precision - digitScalars.count))
        }
        out.append(contentsOf: digitScalars)
        if conversion == "X" {
            out = out.map { c in
                (c.value >= 0x61 && c.value <= 0x78) ? (Unicode.Scalar(c.value - 32) ?? c) : c
            }
        }
        return out
    }

    /// `unicode_format_arg_output`: truncation for `s r a`, sign handling, zero or space padding.
    static func percentOutput(_ out: inout String.UnicodeScalarView, _ str: [Unicode.Scalar],
                               conversion: Unicode.Scalar, flags: PercentFlags, width: Int,
                               precision: Int, numeric: Bool) {
        let fill: Unicode.Scalar = (numeric && flags.zero) ? "0" : " "
        var len = str.count
        if conversion == "s" || conversion == "r" || conversion == "a" {
            if precision >= 0 && len > precision { len = precision }
        }
        var pindex = 0
        var signChar: Unicode.Scalar = " "
        var hasSign = numeric
        if hasSign {
            if len > 0 && (str[0] == "-" || str[0] == "+") {
                signChar = str[0]
                len -= 1
                pindex = 1
            } else if flags.sign {
                signChar = "+"
            } else if flags.blank {
                signChar = " "
            } else {
                hasSign = false
            }
        }
        var width = width
        if width < len { width = len }
        if hasSign {
            if fill != " " { out.append(signChar) }
            if width > len { width -= 1 }
        }
        let hasPrefix = flags.alternate && (conversion == "x" || conversion == "X" || conversion == "o")
            && len >= 2
        if hasPrefix {
            if fill != " " {
                out.append(str[pindex])
                out.append(str[pindex + 1])
                pindex += 2
            }
            width -= 2
            if width < 0 { width = 0 }
            len -= 2
        }
        if width > len && !flags.leftJustify {
            out.append(contentsOf: repeatElement(fill, count: width - len))
            width = len
        }
        if fill == " " {
            if hasSign { out.append(signChar) }
            if hasPrefix {
                out.append(str[pindex])
                out.append(str[pindex + 1])
                pindex += 2
            }
        }
        if len > 0 { out.append(contentsOf: str[pindex..<(pindex + len)]) }
        if width > len { out.append(contentsOf: repeatElement(" ", count: width - len)) }
    }
}
