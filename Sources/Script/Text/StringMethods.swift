import Glibc

// Python `str` methods as pure functions over Swift `String`.
//
// Indices, lengths and widths count Unicode scalars (code points), as Python does, not
// `Character`s. Character properties (case mappings, `isalpha`, `isspace`, printability…)
// follow CPython 3.11, whose Unicode database is version 14.0: code points assigned in later
// Unicode versions are treated as unassigned, as CPython 3.11 treats them.

extension TextLib {
    /// Unicode database version of the emulated Python (CPython 3.11 ships Unicode 14.0.0).
    static let pythonUnicodeVersion = (major: 14, minor: 0)
}

/// Upper bound on the length (in code points) of strings built by padding, replacement and
/// tab expansion. Beyond it the methods throw `overflowError` instead of exhausting memory.
public let textMaxStringLength = 1 << 28

// MARK: - Character properties
extension TextLib {

    /// Whether CPython 3.11's Unicode database knows this code point (assigned in Unicode <= 14.0).
    @inline(__always)
    static func pyAssigned(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return true }
        guard let age = c.properties.age else { return false }
        return age.major < pythonUnicodeVersion.major
            || (age.major == pythonUnicodeVersion.major && age.minor <= pythonUnicodeVersion.minor)
    }

    /// `Py_UNICODE_ISSPACE`: bidirectional class WS, B or S, or category Zs.
    static func pyIsSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Line boundaries recognised by `str.splitlines`.
    static func pyIsLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029:
            return true
        default:
            return false
        }
    }

    /// `Py_UNICODE_ISPRINTABLE`: not in categories Cc Cf Cs Co Cn Zl Zp Zs, except the space.
    static func pyIsPrintable(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x7F { return c.value >= 0x20 }
        if c.value < 0xA0 { return false }
        guard pyAssigned(c) else { return false }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    static func pyIsAlpha(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
        }
        guard pyAssigned(c) else { return false }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    static func pyIsDecimal(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return pyAssigned(c) && c.properties.numericType == .decimal
    }

    static func pyIsDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        guard pyAssigned(c), let t = c.properties.numericType else { return false }
        return t == .decimal || t == .digit
    }

    static func pyIsNumeric(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        switch c.value {
        // Numeric values added to existing characters after Unicode 14.0 (Unihan kOtherNumeric,
        // cuneiform numerals).
        case 0x4E24, 0x4EAC, 0x4FE9, 0x5006, 0x62D0, 0x6D1E, 0x7695, 0x79ED, 0x920E, 0x94A9,
             0x12038, 0x12039, 0x12079, 0x12226, 0x1222B, 0x1230B, 0x1230D, 0x12399:
            return false
        default:
            return pyAssigned(c) && c.properties.numericType != nil
        }
    }

    static func pyIsUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return pyAssigned(c) && c.properties.isUppercase
    }

    static func pyIsLower(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x61 && c.value <= 0x7A }
        switch c.value {
        // Lowercase property changes after Unicode 14.0.
        case 0x0295: return true
        case 0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69: return false
        default: return pyAssigned(c) && c.properties.isLowercase
        }
    }

    static func pyIsTitle(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return false }
        return pyAssigned(c) && c.properties.generalCategory == .titlecaseLetter
    }

    static func pyIsCased(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
        }
        return pyAssigned(c) && c.properties.isCased
    }

    static func pyIsCaseIgnorable(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            // ' . : ^ ` are Case_Ignorable in ASCII.
            return c.value == 0x27 || c.value == 0x2E || c.value == 0x3A || c.value == 0x5E || c.value == 0x60
        }
        return pyAssigned(c) && c.properties.isCaseIgnorable
    }

    static func pyIsXIDStart(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return pyIsAlpha(c) }
        return pyAssigned(c) && c.properties.isXIDStart
    }

    static func pyIsXIDContinue(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return pyIsAlpha(c) || pyIsDecimal(c) || c == "_" }
        switch c.value {
        // Added to XID_Continue in Unicode 15.1 (ZWNJ, ZWJ, katakana middle dots).
        case 0x200C, 0x200D, 0x30FB, 0xFF65: return false
        default: return pyAssigned(c) && c.properties.isXIDContinue
        }
    }

    /// Appends `mapping` of `c`, or `c` itself when the mapping uses code points unknown to
    /// Unicode 14.0 (later Unicode versions gave some existing letters new case partners).
    static func appendMapping(_ c: Unicode.Scalar, _ mapping: String, into out: inout String.UnicodeScalarView) {
        let scalars = mapping.unicodeScalars
        for m in scalars where !pyAssigned(m) {
            out.append(c)
            return
        }
        out.append(contentsOf: scalars)
    }

    /// `_PyUnicode_ToLowerFull`.
    static func pyLowerFull(_ c: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
        if c.value < 0x80 {
            if c.value >= 0x41 && c.value <= 0x5A, let l = Unicode.Scalar(c.value + 32) { out.append(l) } else { out.append(c) }
            return
        }
        guard pyAssigned(c) else { out.append(c); return }
        appendMapping(c, c.properties.lowercaseMapping, into: &out)
    }

    /// `_PyUnicode_ToUpperFull`.
    static func pyUpperFull(_ c: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
        if c.value < 0x80 {
            if c.value >= 0x61 && c.value <= 0x7A, let u = Unicode.Scalar(c.value - 32) { out.append(u) } else { out.append(c) }
            return
        }
        guard pyAssigned(c) else { out.append(c); return }
        appendMapping(c, c.properties.uppercaseMapping, into: &out)
    }

    /// `_PyUnicode_ToTitleFull`.
    static func pyTitleFull(_ c: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
        if c.value < 0x80 { pyUpperFull(c, into: &out); return }
        guard pyAssigned(c) else { out.append(c); return }
        appendMapping(c, c.properties.titlecaseMapping, into: &out)
    }

    /// `_PyUnicode_ToFoldedFull`: the full case folding where it differs from the lowercase mapping.
    static func pyFoldedFull(_ c: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
        if c.value >= 0x80, let folded = pyCaseFoldExceptions[c.value] {
            out.append(contentsOf: folded)
            return
        }
        pyLowerFull(c, into: &out)
    }

    /// `lower_ucs4`: lowercase with the Final_Sigma rule for U+03A3 at index `i` of `s`.
    static func pyLowerInContext(_ s: [Unicode.Scalar], _ i: Int, into out: inout String.UnicodeScalarView) {
        let c = s[i]
        guard c.value == 0x3A3 else { pyLowerFull(c, into: &out); return }
        var j = i - 1
        while j >= 0 && pyIsCaseIgnorable(s[j]) { j -= 1 }
        var finalSigma = j >= 0 && pyIsCased(s[j])
        if finalSigma && i + 1 < s.count {
            j = i + 1
            while j < s.count && pyIsCaseIgnorable(s[j]) { j += 1 }
            finalSigma = j == s.count || !pyIsCased(s[j])
        }
        out.append(finalSigma ? "\u{3C2}" : "\u{3C3}")
    }

    /// Code points whose full case folding differs from their full lowercase mapping
    /// (generated from CPython 3.11: `chr(c).casefold() != chr(c).lower()`), as
    /// `hex:hex hex…;` entries.
    static let pyCaseFoldTable = """
        b5:3bc;df:73 73;149:2bc 6e;17f:73;1f0:6a 30c;345:3b9;390:3b9 308 301;3b0:3c5 308 301;3c2:3c3;
        3d0:3b2;3d1:3b8;3d5:3c6;3d6:3c0;3f0:3ba;3f1:3c1;3f5:3b5;587:565 582;13a0:13a0;13a1:13a1;
        13a2:13a2;13a3:13a3;13a4:13a4;13a5:13a5;13a6:13a6;13a7:13a7;13a8:13a8;13a9:13a9;13aa:13aa;
        13ab:13ab;13ac:13ac;13ad:13ad;13ae:13ae;13af:13af;13b0:13b0;13b1:13b1;13b2:13b2;13b3:13b3;
        13b4:13b4;13b5:13b5;13b6:13b6;13b7:13b7;13b8:13b8;13b9:13b9;13ba:13ba;13bb:13bb;13bc:13bc;
        13bd:13bd;13be:13be;13bf:13bf;13c0:13c0;13c1:13c1;13c2:13c2;13c3:13c3;13c4:13c4;13c5:13c5;
        13c6:13c6;13c7:13c7;13c8:13c8;13c9:13c9;13ca:13ca;13cb:13cb;13cc:13cc;13cd:13cd;13ce:13ce;
        13cf:13cf;13d0:13d0;13d1:13d1;13d2:13d2;13d3:13d3;13d4:13d4;13d5:13d5;13d6:13d6;13d7:13d7;
        13d8:13d8;13d9:13d9;13da:13da;13db:13db;13dc:13dc;13dd:13dd;13de:13de;13df:13df;13e0:13e0;
        13e1:13e1;13e2:13e2;13e3:13e3;13e4:13e4;13e5:13e5;13e6:13e6;13e7:13e7;13e8:13e8;13e9:13e9;
        13ea:13ea;13eb:13eb;13ec:13ec;13ed:13ed;13ee:13ee;13ef:13ef;13f0:13f0;13f1:13f1;13f2:13f2;
        13f3:13f3;13f4:13f4;13f5:13f5;13f8:13f0;13f9:13f1;13fa:13f2;13fb:13f3;13fc:13f4;13fd:13f5;
        1c80:432;1c81:434;1c82:43e;1c83:441;1c84:442;1c85:442;1c86:44a;1c87:463;1c88:a64b;1e96:68 331;
        1e97:74 308;1e98:77 30a;1e99:79 30a;1e9a:61 2be;1e9b:1e61;1e9e:73 73;1f50:3c5 313;
        1f52:3c5 313 300;1f54:3c5 313 301;1f56:3c5 313 342;1f80:1f00 3b9;1f81:1f01 3b9;1f82:1f02 3b9;
        1f83:1f03 3b9;1f84:1f04 3b9;1f85:1f05 3b9;1f86:1f06 3b9;1f87:1f07 3b9;1f88:1f00 3b9;
        1f89:1f01 3b9;1f8a:1f02 3b9;1f8b:1f03 3b9;1f8c:1f04 3b9;1f8d:1f05 3b9;1f8e:1f06 3b9;
        1f8f:1f07 3b9;1f90:1f20 3b9;1f91:1f21 3b9;1f92:1f22 3b9;1f93:1f23 3b9;1f94:1f24 3b9;
        1f95:1f25 3b9;1f96:1f26 3b9;1f97:1f27 3b9;1f98:1f20 3b9;1f99:1f21 3b9;1f9a:1f22 3b9;
        1f9b:1f23 3b9;1f9c:1f24 3b9;1f9d:1f25 3b9;1f9e:1f26 3b9;1f9f:1f27 3b9;1fa0:1f60 3b9;
        1fa1:1f61 3b9;1fa2:1f62 3b9;1fa3:1f63 3b9;1fa4:1f64 3b9;1fa5:1f65 3b9;1fa6:1f66 3b9;
        1fa7:1f67 3b9;1fa8:1f60 3b9;1fa9:1f61 3b9;1faa:1f62 3b9;1fab:1f63 3b9;1fac:1f64 3b9;
        1fad:1f65 3b9;1fae:1f66 3b9;1faf:1f67 3b9;1fb2:1f70 3b9;1fb3:3b1 3b9;1fb4:3ac 3b9;1fb6:3b1 342;
        1fb7:3b1 342 3b9;1fbc:3b1 3b9;1fbe:3b9;1fc2:1f74 3b9;1fc3:3b7 3b9;1fc4:3ae 3b9;1fc6:3b7 342;
        1fc7:3b7 342 3b9;1fcc:3b7 3b9;1fd2:3b9 308 300;1fd3:3b9 308 301;1fd6:3b9 342;1fd7:3b9 308 342;
        1fe2:3c5 308 300;1fe3:3c5 308 301;1fe4:3c1 313;1fe6:3c5 342;1fe7:3c5 308 342;1ff2:1f7c 3b9;
        1ff3:3c9 3b9;1ff4:3ce 3b9;1ff6:3c9 342;1ff7:3c9 342 3b9;1ffc:3c9 3b9;ab70:13a0;ab71:13a1;
        ab72:13a2;ab73:13a3;ab74:13a4;ab75:13a5;ab76:13a6;ab77:13a7;ab78:13a8;ab79:13a9;ab7a:13aa;
        ab7b:13ab;ab7c:13ac;ab7d:13ad;ab7e:13ae;ab7f:13af;ab80:13b0;ab81:13b1;ab82:13b2;ab83:13b3;
        ab84:13b4;ab85:13b5;ab86:13b6;ab87:13b7;ab88:13b8;ab89:13b9;ab8a:13ba;ab8b:13bb;ab8c:13bc;
        ab8d:13bd;ab8e:13be;ab8f:13bf;ab90:13c0;ab91:13c1;ab92:13c2;ab93:13c3;ab94:13c4;ab95:13c5;
        ab96:13c6;ab97:13c7;ab98:13c8;ab99:13c9;ab9a:13ca;ab9b:13cb;ab9c:13cc;ab9d:13cd;ab9e:13ce;
        ab9f:13cf;aba0:13d0;aba1:13d1;aba2:13d2;aba3:13d3;aba4:13d4;aba5:13d5;aba6:13d6;aba7:13d7;
        aba8:13d8;aba9:13d9;abaa:13da;abab:13db;abac:13dc;abad:13dd;abae:13de;abaf:13df;abb0:13e0;
        abb1:13e1;abb2:13e2;abb3:13e3;abb4:13e4;abb5:13e5;abb6:13e6;abb7:13e7;abb8:13e8;abb9:13e9;
        abba:13ea;abbb:13eb;abbc:13ec;abbd:13ed;abbe:13ee;abbf:13ef;fb00:66 66;fb01:66 69;fb02:66 6c;
        fb03:66 66 69;fb04:66 66 6c;fb05:73 74;fb06:73 74;fb13:574 576;fb14:574 565;fb15:574 56b;
        fb16:57e 576;fb17:574 56d;
        """

    static let pyCaseFoldExceptions: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in pyCaseFoldTable.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let key = UInt32(parts[0], radix: 16) else { continue }
            var mapped: [Unicode.Scalar] = []
            for hex in parts[1].split(separator: " ") {
                if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { mapped.append(u) }
            }
            table[key] = mapped
        }
        return table
    }()

    // MARK: - Helpers

    @inline(__always)
    static func makeString<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// CPython's `ADJUST_INDICES`: clamps optional slice bounds against `length`.
    @inline(__always)
    static func adjustIndices(_ start: Int?, _ end: Int?, _ length: Int) -> (Int, Int) {
        var end = end ?? Int.max
        var start = start ?? 0
        if end > length {
            end = length
        } else if end < 0 {
            end += length
            if end < 0 { end = 0 }
        }
        if start < 0 {
            start += length
            if start < 0 { start = 0 }
        }
        return (start, end)
    }

    /// First index `>= from` and `<= limit - needle.count` where `needle` occurs in `hay`, or -1.
    static func searchForward(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], from: Int, limit: Int) -> Int {
        let m = needle.count
        if m == 0 { return from <= limit ? from : -1 }
        if limit - from < m { return -1 }
        let first = needle[0]
        var i = from
        let last = limit - m
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < m && hay[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return -1
    }

    /// Last index `>= from` with the match ending at or before `limit`, or -1.
    static func searchBackward(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], from: Int, limit: Int) -> Int {
        let m = needle.count
        if m == 0 { return from <= limit ? limit : -1 }
        if limit - from < m { return -1 }
        let first = needle[0]
        var i = limit - m
        while i >= from {
            if hay[i] == first {
                var k = 1
                while k < m && hay[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i -= 1
        }
        return -1
    }

    static func fillCharacter(_ fill: String) throws(TextFormatError) -> Unicode.Scalar {
        var it = fill.unicodeScalars.makeIterator()
        guard let c = it.next(), it.next() == nil else {
            throw .typeError("The fill character must be exactly one character long")
        }
        return c
    }

    static func padded(_ s: [Unicode.Scalar], left: Int, right: Int, fill: Unicode.Scalar) throws(TextFormatError) -> String {
        let left = max(0, left), right = max(0, right)
        guard left <= textMaxStringLength, right <= textMaxStringLength,
              s.count + left + right <= textMaxStringLength else {
            throw .overflowError("padded string is too long")
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(fill, count: left))
        out.append(contentsOf: s)
        out.append(contentsOf: repeatElement(fill, count: right))
        return String(out)
    }

}
// MARK: - str methods

/// Python `str` methods with Python's exact semantics; indices and lengths count code points.
///
/// Optional `start`/`end` arguments follow Python's slice clamping (`None` when `nil`).
/// Every function is total: bad arguments throw the Python exception Python raises.
public enum StringMethods {

    // MARK: Splitting

    /// `s.split(sep, maxsplit)`: with `sep == nil` splits on runs of whitespace and drops empty
    /// strings; otherwise splits on every occurrence of `sep`. `maxsplit < 0` means no limit.
    /// Throws `valueError("empty separator")` for `sep == ""`.
    public static func split(_ s: String, sep: String? = nil, maxsplit: Int = -1) throws(TextFormatError) -> [String] {
        let a = Array(s.unicodeScalars)
        let n = a.count
        var maxcount = maxsplit < 0 ? Int.max : maxsplit
        var result: [String] = []
        guard let sep = sep else {
            var i = 0
            while maxcount > 0 {
                maxcount -= 1
                while i < n && TextLib.pyIsSpace(a[i]) { i += 1 }
                if i == n { break }
                let j = i
                i += 1
                while i < n && !TextLib.pyIsSpace(a[i]) { i += 1 }
                result.append(TextLib.makeString(a[j..<i]))
            }
            if i < n {
                while i < n && TextLib.pyIsSpace(a[i]) { i += 1 }
                if i != n { result.append(TextLib.makeString(a[i..<n])) }
            }
            return result
        }
        let b = Array(sep.unicodeScalars)
        if b.isEmpty { throw .valueError("empty separator") }
        var i = 0
        while maxcount > 0 {
            maxcount -= 1
            let pos = TextLib.searchForward(a, b, from: i, limit: n)
            if pos < 0 { break }
            result.append(TextLib.makeString(a[i..<pos]))
            i = pos + b.count
        }
        result.append(TextLib.makeString(a[i..<n]))
        return result
    }

    /// `s.split(sep)` for a one-byte ASCII separator, on the UTF-8 bytes (an ASCII byte never
    /// occurs inside a multi-byte character), as str values.
    static func split(_ s: String, asciiSeparator byte: UInt8) -> [Value] {
        var text = s
        return text.withUTF8 { bytes -> [Value] in
            guard let base = bytes.baseAddress else { return [.str("")] }
            var pieces: [Value] = []
            var start = 0
            let end = bytes.count
            while start <= end {
                let next: Int
                if let hit = memchr(base + start, Int32(byte), end - start) {
                    next = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                } else {
                    next = end
                }
                pieces.append(.str(String(decoding: UnsafeBufferPointer(start: base + start, count: next - start), as: UTF8.self)))
                start = next + 1
            }
            return pieces
        }
    }

    /// `s.rsplit(sep, maxsplit)`: like `split`, but the `maxsplit` splits are made from the right.
    public static func rsplit(_ s: String, sep: String? = nil, maxsplit: Int = -1) throws(TextFormatError) -> [String] {
        let a = Array(s.unicodeScalars)
        let n = a.count
        var maxcount = maxsplit < 0 ? Int.max : maxsplit
        var result: [String] = []
        guard let sep = sep else {
            var i = n - 1
            while maxcount > 0 {
                maxcount -= 1
                while i >= 0 && TextLib.pyIsSpace(a[i]) { i -= 1 }
                if i < 0 { break }
                let j = i
                i -= 1
                while i >= 0 && !TextLib.pyIsSpace(a[i]) { i -= 1 }
                result.append(TextLib.makeString(a[(i + 1)...j]))
            }
            if i >= 0 {
                while i >= 0 && TextLib.pyIsSpace(a[i]) { i -= 1 }
                if i >= 0 { result.append(TextLib.makeString(a[0...i])) }
            }
            result.reverse()
            return result
        }
        let b = Array(sep.unicodeScalars)
        if b.isEmpty { throw .valueError("empty separator") }
        var i = n
        while maxcount > 0 {
            maxcount -= 1
            let pos = TextLib.searchBackward(a, b, from: 0, limit: i)
            if pos < 0 { break }
            result.append(TextLib.makeString(a[(pos + b.count)..<i]))
            i = pos
        }
        result.append(TextLib.makeString(a[0..<i]))
        result.reverse()
        return result
    }

    /// `s.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`, `\x1d`,
    /// `\x1e`, `\x85`, `\u2028`, `\u2029`.
    public static func splitlines(_ s: String, keepends: Bool = false) -> [String] {
        let a = Array(s.unicodeScalars)
        let n = a.count
        var result: [String] = []
        var i = 0
        while i < n {
            let j = i
            while i < n && !TextLib.pyIsLineBreak(a[i]) { i += 1 }
            var eol = i
            if i < n {
                if a[i] == "\r" && i + 1 < n && a[i + 1] == "\n" { i += 2 } else { i += 1 }
                if keepends { eol = i }
            }
            result.append(TextLib.makeString(a[j..<eol]))
        }
        return result
    }

    /// `s.partition(sep)`: `(head, sep, tail)` around the first occurrence, or `(s, "", "")`.
    public static func partition(_ s: String, _ sep: String) throws(TextFormatError) -> (String, String, String) {
        let b = Array(sep.unicodeScalars)
        if b.isEmpty { throw .valueError("empty separator") }
        let a = Array(s.unicodeScalars)
        let pos = TextLib.searchForward(a, b, from: 0, limit: a.count)
        if pos < 0 { return (s, "", "") }
        return (TextLib.makeString(a[0..<pos]), sep, TextLib.makeString(a[(pos + b.count)...]))
    }

    /// `s.rpartition(sep)`: `(head, sep, tail)` around the last occurrence, or `("", "", s)`.
    public static func rpartition(_ s: String, _ sep: String) throws(TextFormatError) -> (String, String, String) {
        let b = Array(sep.unicodeScalars)
        if b.isEmpty { throw .valueError("empty separator") }
        let a = Array(s.unicodeScalars)
        let pos = TextLib.searchBackward(a, b, from: 0, limit: a.count)
        if pos < 0 { return ("", "", s) }
        return (TextLib.makeString(a[0..<pos]), sep, TextLib.makeString(a[(pos + b.count)...]))
    }

    // MARK: Stripping

    /// `s.strip(chars)`: removes leading and trailing whitespace (`chars == nil`) or any of `chars`.
    public static func strip(_ s: String, chars: String? = nil) -> String {
        return stripImpl(s, chars, left: true, right: true)
    }

    /// `s.lstrip(chars)`.
    public static func lstrip(_ s: String, chars: String? = nil) -> String {
        return stripImpl(s, chars, left: true, right: false)
    }

    /// `s.rstrip(chars)`.
    public static func rstrip(_ s: String, chars: String? = nil) -> String {
        return stripImpl(s, chars, left: false, right: true)
    }

    private static func stripImpl(_ s: String, _ chars: String?, left: Bool, right: Bool) -> String {
        let a = Array(s.unicodeScalars)
        let set: Set<Unicode.Scalar>? = chars.map { Set($0.unicodeScalars) }
        func strippable(_ c: Unicode.Scalar) -> Bool {
            if let set = set { return set.contains(c) }
            return TextLib.pyIsSpace(c)
        }
        var i = 0
        var j = a.count
        if left { while i < j && strippable(a[i]) { i += 1 } }
        if right { while j > i && strippable(a[j - 1]) { j -= 1 } }
        if i == 0 && j == a.count { return s }
        return TextLib.makeString(a[i..<j])
    }

    /// `s.removeprefix(prefix)`.
    public static func removeprefix(_ s: String, _ prefix: String) -> String {
        let a = Array(s.unicodeScalars), p = Array(prefix.unicodeScalars)
        if !p.isEmpty && a.count >= p.count && Array(a[0..<p.count]) == p { return TextLib.makeString(a[p.count...]) }
        return s
    }

    /// `s.removesuffix(suffix)`.
    public static func removesuffix(_ s: String, _ suffix: String) -> String {
        let a = Array(s.unicodeScalars), p = Array(suffix.unicodeScalars)
        if !p.isEmpty && a.count >= p.count && Array(a[(a.count - p.count)...]) == p {
            return TextLib.makeString(a[0..<(a.count - p.count)])
        }
        return s
    }

    // MARK: Searching

    /// `s.find(sub, start, end)`: lowest index of `sub` within `s[start:end]`, or -1.
    public static func find(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
        let a = Array(s.unicodeScalars), b = Array(sub.unicodeScalars)
        let (lo, hi) = TextLib.adjustIndices(start, end, a.count)
        if hi - lo < b.count { return -1 }
        return TextLib.searchForward(a, b, from: lo, limit: hi)
    }

    /// `s.rfind(sub, start, end)`: highest index of `sub` within `s[start:end]`, or -1.
    public static func rfind(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
        let a = Array(s.unicodeScalars), b = Array(sub.unicodeScalars)
        let (lo, hi) = TextLib.adjustIndices(start, end, a.count)
        if hi - lo < b.count { return -1 }
        return TextLib.searchBackward(a, b, from: lo, limit: hi)
    }

    /// `s.index(sub, start, end)`: like `find` but throws `valueError("substring not found")`.
    public static func index(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(TextFormatError) -> Int {
        let r = find(s, sub, start: start, end: end)
        if r < 0 { throw .valueError("substring not found") }
        return r
    }

    /// `s.rindex(sub, start, end)`: like `rfind` but throws `valueError("substring not found")`.
    public static func rindex(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) throws(TextFormatError) -> Int {
        let r = rfind(s, sub, start: start, end: end)
        if r < 0 { throw .valueError("substring not found") }
        return r
    }

    /// `s.count(sub, start, end)`: number of non-overlapping occurrences of `sub` in `s[start:end]`.
    public static func count(_ s: String, _ sub: String, start: Int? = nil, end: Int? = nil) -> Int {
        let a = Array(s.unicodeScalars), b = Array(sub.unicodeScalars)
        let (lo, hi) = TextLib.adjustIndices(start, end, a.count)
        if hi - lo < b.count { return 0 }
        if b.isEmpty { return hi - lo + 1 }
        var total = 0
        var i = lo
        while true {
            let pos = TextLib.searchForward(a, b, from: i, limit: hi)
            if pos < 0 { break }
            total += 1
            i = pos + b.count
        }
        return total
    }

    /// `s.startswith(prefix, start, end)`.
    public static func startswith(_ s: String, _ prefix: String, start: Int? = nil, end: Int? = nil) -> Bool {
        return tailMatch(s, prefix, start, end, fromEnd: false)
    }

    /// `s.endswith(suffix, start, end)`.
    public static func endswith(_ s: String, _ suffix: String, start: Int? = nil, end: Int? = nil) -> Bool {
        return tailMatch(s, suffix, start, end, fromEnd: true)
    }

    private static func tailMatch(_ s: String, _ sub: String, _ start: Int?, _ end: Int?, fromEnd: Bool) -> Bool {
        let a = Array(s.unicodeScalars), b = Array(sub.unicodeScalars)
        var (lo, hi) = TextLib.adjustIndices(start, end, a.count)
        hi -= b.count
        if hi < lo { return false }
        if b.isEmpty { return true }
        let base = fromEnd ? hi : lo
        for k in 0..<b.count where a[base + k] != b[k] { return false }
        return true
    }

    // MARK: Replacing and padding

    /// `s.replace(old, new, count)`: replaces the first `count` occurrences (all when `count < 0`).
    /// An empty `old` inserts `new` before every code point and at the end.
    public static func replace(_ s: String, _ old: String, _ new: String, count: Int = -1) throws(TextFormatError) -> String {
        if count == 0 { return s }
        let a = Array(s.unicodeScalars), o = Array(old.unicodeScalars), r = Array(new.unicodeScalars)
        let maxcount = count < 0 ? Int.max : count
        if o.isEmpty {
            let inserts = min(a.count + 1, maxcount)
            let (product, overflow) = inserts.multipliedReportingOverflow(by: r.count)
            guard !overflow, product <= textMaxStringLength - a.count else {
                throw .overflowError("replace string is too long")
            }
            var out = String.UnicodeScalarView()
            var done = 0
            var i = 0
            while true {
                out.append(contentsOf: r)
                done += 1
                if done >= inserts || i >= a.count { break }
                out.append(a[i])
                i += 1
            }
            if i < a.count { out.append(contentsOf: a[i...]) }
            return String(out)
        }
        var positions: [Int] = []
        var i = 0
        while positions.count < maxcount {
            let pos = TextLib.searchForward(a, o, from: i, limit: a.count)
            if pos < 0 { break }
            positions.append(pos)
            i = pos + o.count
        }
        if positions.isEmpty { return s }
        if r.count > o.count {
            let (extra, overflow) = positions.count.multipliedReportingOverflow(by: r.count - o.count)
            guard !overflow, extra <= textMaxStringLength - a.count else {
                throw .overflowError("replace string is too long")
            }
        }
        var out = String.UnicodeScalarView()
        var last = 0
        for p in positions {
            out.append(contentsOf: a[last..<p])
            out.append(contentsOf: r)
            last = p + o.count
        }
        out.append(contentsOf: a[last...])
        return String(out)
    }

    /// `s.center(width, fillchar)`; `fill` must be exactly one code point (else `typeError`).
    public static func center(_ s: String, _ width: Int, fill: String = " ") throws(TextFormatError) -> String {
        let f = try TextLib.fillCharacter(fill)
        let a = Array(s.unicodeScalars)
        if a.count >= width { return s }
        let marg = width - a.count
        let left = marg / 2 + (marg & width & 1)
        return try TextLib.padded(a, left: left, right: marg - left, fill: f)
    }

    /// `s.ljust(width, fillchar)`.
    public static func ljust(_ s: String, _ width: Int, fill: String = " ") throws(TextFormatError) -> String {
        let f = try TextLib.fillCharacter(fill)
        let a = Array(s.unicodeScalars)
        if a.count >= width { return s }
        return try TextLib.padded(a, left: 0, right: width - a.count, fill: f)
    }

    /// `s.rjust(width, fillchar)`.
    public static func rjust(_ s: String, _ width: Int, fill: String = " ") throws(TextFormatError) -> String {
        let f = try TextLib.fillCharacter(fill)
        let a = Array(s.unicodeScalars)
        if a.count >= width { return s }
        return try TextLib.padded(a, left: width - a.count, right: 0, fill: f)
    }

    /// `s.zfill(width)`: pads with zeros on the left, after a leading `+` or `-`.
    public static func zfill(_ s: String, _ width: Int) throws(TextFormatError) -> String {
        let a = Array(s.unicodeScalars)
        if a.count >= width { return s }
        let fill = width - a.count
        var u = Array(try TextLib.padded(a, left: fill, right: 0, fill: "0").unicodeScalars)
        if fill < u.count && (u[fill] == "+" || u[fill] == "-") {
            u[0] = u[fill]
            u[fill] = "0"
        }
        return TextLib.makeString(u)
    }

    /// `s.expandtabs(tabsize)`: replaces tabs by spaces up to the next multiple of `tabsize`;
    /// columns restart after `\n` and `\r`; `tabsize <= 0` removes tabs.
    public static func expandtabs(_ s: String, tabsize: Int = 8) throws(TextFormatError) -> String {
        let a = Array(s.unicodeScalars)
        var total = 0
        var linePos = 0
        for c in a {
            if c == "\t" {
                if tabsize > 0 {
                    let incr = tabsize - (linePos % tabsize)
                    guard incr <= textMaxStringLength - total else {
                        throw .overflowError("new string is too long")
                    }
                    linePos += incr
                    total += incr
                }
            } else {
                guard total < textMaxStringLength else {
                    throw .overflowError("new string is too long")
                }
                linePos += 1
                total += 1
                if c == "\n" || c == "\r" { linePos = 0 }
            }
        }
        var out = String.UnicodeScalarView()
        linePos = 0
        for c in a {
            if c == "\t" {
                if tabsize > 0 {
                    let incr = tabsize - (linePos % tabsize)
                    linePos += incr
                    out.append(contentsOf: repeatElement(" ", count: incr))
                }
            } else {
                linePos += 1
                out.append(c)
                if c == "\n" || c == "\r" { linePos = 0 }
            }
        }
        return String(out)
    }

    // MARK: Case conversion

    /// `s.upper()` with full case mappings (`'ß'.upper() == 'SS'`).
    public static func upper(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { TextLib.pyUpperFull(c, into: &out) }
        return String(out)
    }

    /// `s.lower()` with full case mappings and the final-sigma rule.
    public static func lower(_ s: String) -> String {
        let a = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in a.indices { TextLib.pyLowerInContext(a, i, into: &out) }
        return String(out)
    }

    /// `s.casefold()`: full Unicode case folding (`'ß'.casefold() == 'ss'`).
    public static func casefold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars { TextLib.pyFoldedFull(c, into: &out) }
        return String(out)
    }

    /// `s.swapcase()`: lowercases uppercase code points and uppercases lowercase ones.
    public static func swapcase(_ s: String) -> String {
        let a = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in a.indices {
            let c = a[i]
            if TextLib.pyIsUpper(c) {
                TextLib.pyLowerInContext(a, i, into: &out)
            } else if TextLib.pyIsLower(c) {
                TextLib.pyUpperFull(c, into: &out)
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// `s.title()`: titlecases the first cased code point of every run of cased code points
    /// and lowercases the rest (`"they're".title() == "They'Re"`).
    public static func title(_ s: String) -> String {
        let a = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var previousIsCased = false
        for i in a.indices {
            let c = a[i]
            if previousIsCased {
                TextLib.pyLowerInContext(a, i, into: &out)
            } else {
                TextLib.pyTitleFull(c, into: &out)
            }
            previousIsCased = TextLib.pyIsCased(c)
        }
        return String(out)
    }

    /// `s.capitalize()`: titlecases the first code point and lowercases the rest.
    public static func capitalize(_ s: String) -> String {
        let a = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in a.indices {
            if i == 0 { TextLib.pyTitleFull(a[0], into: &out) } else { TextLib.pyLowerInContext(a, i, into: &out) }
        }
        return String(out)
    }

    // MARK: Predicates

    /// `s.isdigit()`: non-empty and every code point has numeric type Digit or Decimal.
    public static func isdigit(_ s: String) -> Bool { allScalars(s, TextLib.pyIsDigit) }

    /// `s.isdecimal()`: non-empty and every code point is a decimal digit (category Nd).
    public static func isdecimal(_ s: String) -> Bool { allScalars(s, TextLib.pyIsDecimal) }

    /// `s.isnumeric()`: non-empty and every code point has a numeric value.
    public static func isnumeric(_ s: String) -> Bool { allScalars(s, TextLib.pyIsNumeric) }

    /// `s.isalpha()`: non-empty and every code point is a letter (categories Lu Ll Lt Lm Lo).
    public static func isalpha(_ s: String) -> Bool { allScalars(s, TextLib.pyIsAlpha) }

    /// `s.isalnum()`: non-empty and every code point is alphabetic, decimal, digit or numeric.
    public static func isalnum(_ s: String) -> Bool {
        allScalars(s) { TextLib.pyIsAlpha($0) || TextLib.pyIsDecimal($0) || TextLib.pyIsDigit($0) || TextLib.pyIsNumeric($0) }
    }

    /// `s.isspace()`: non-empty and every code point is whitespace.
    public static func isspace(_ s: String) -> Bool { allScalars(s, TextLib.pyIsSpace) }

    /// `s.isprintable()`: every code point is printable (true for the empty string).
    public static func isprintable(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(TextLib.pyIsPrintable) }

    /// `s.isascii()`: every code point is below U+0080 (true for the empty string).
    public static func isascii(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0.value < 0x80 } }

    /// `s.isupper()`: has a cased code point and no lowercase or titlecase ones.
    public static func isupper(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if TextLib.pyIsLower(c) || TextLib.pyIsTitle(c) { return false }
            if !cased && TextLib.pyIsUpper(c) { cased = true }
        }
        return cased
    }

    /// `s.islower()`: has a cased code point and no uppercase or titlecase ones.
    public static func islower(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if TextLib.pyIsUpper(c) || TextLib.pyIsTitle(c) { return false }
            if !cased && TextLib.pyIsLower(c) { cased = true }
        }
        return cased
    }

    /// `s.istitle()`: uppercase/titlecase code points only follow uncased ones and lowercase
    /// code points only follow cased ones; at least one cased code point.
    public static func istitle(_ s: String) -> Bool {
        var cased = false
        var previousIsCased = false
        for c in s.unicodeScalars {
            if TextLib.pyIsUpper(c) || TextLib.pyIsTitle(c) {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if TextLib.pyIsLower(c) {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }

    /// `s.isidentifier()`: XID_Start or `_` followed by XID_Continue code points.
    public static func isidentifier(_ s: String) -> Bool {
        var first = true
        for c in s.unicodeScalars {
            if first {
                if !(TextLib.pyIsXIDStart(c) || c == "_") { return false }
                first = false
            } else if !TextLib.pyIsXIDContinue(c) {
                return false
            }
        }
        return !first
    }

    private static func allScalars(_ s: String, _ predicate: (Unicode.Scalar) -> Bool) -> Bool {
        var any = false
        for c in s.unicodeScalars {
            if !predicate(c) { return false }
            any = true
        }
        return any
    }
}

// MARK: - repr

/// Exactly Python's `repr(s)` for a `str`.
///
/// Uses single quotes unless the text contains `'` and no `"`; escapes the quote in use and
/// backslashes; writes `\t`, `\n`, `\r`; `\xhh` for other control characters and `\x7f`;
/// non-printable non-ASCII code points as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`; printable
/// non-ASCII text is kept as is.
public func pythonStringRepr(_ s: String) -> String {
    var hasSingle = false, hasDouble = false
    for c in s.unicodeScalars {
        if c == "'" { hasSingle = true } else if c == "\"" { hasDouble = true }
    }
    let quote: Unicode.Scalar = (hasSingle && !hasDouble) ? "\"" : "'"
    var out = String.UnicodeScalarView()
    out.append(quote)
    for c in s.unicodeScalars {
        if c == quote || c == "\\" {
            out.append("\\")
            out.append(c)
        } else if c == "\t" {
            out.append("\\"); out.append("t")
        } else if c == "\n" {
            out.append("\\"); out.append("n")
        } else if c == "\r" {
            out.append("\\"); out.append("r")
        } else if c.value < 0x20 || c.value == 0x7F {
            TextLib.appendHexEscape(&out, c.value)
        } else if c.value < 0x7F {
            out.append(c)
        } else if TextLib.pyIsPrintable(c) {
            out.append(c)
        } else {
            TextLib.appendHexEscape(&out, c.value)
        }
    }
    out.append(quote)
    return String(out)
}
