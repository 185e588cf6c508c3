// Hand-written tests of the text library: documented examples, API details, limits and
// totality (no input may trap). Expected values were obtained from CPython 3.11.

import XCTest
@testable import Script

/// Runs `body` and returns the thrown error, or nil.
private func textLibThrown<T>(_ body: () throws(TextFormatError) -> T) -> TextFormatError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// A small deterministic generator for the totality fuzz tests.
private struct TextLibXorShift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

final class TextLibFloatReprTests: XCTestCase {
    func testDocumentedExamples() {
        XCTAssertEqual(pythonFloatRepr(1e-5), "1e-05")
        XCTAssertEqual(pythonFloatRepr(1e16), "1e+16")
        XCTAssertEqual(pythonFloatRepr(1.5e300), "1.5e+300")
        XCTAssertEqual(pythonFloatRepr(0.0001), "0.0001")
        XCTAssertEqual(pythonFloatRepr(1234567890123456.0), "1234567890123456.0")
        XCTAssertEqual(pythonFloatRepr(-0.0), "-0.0")
        XCTAssertEqual(pythonFloatRepr(0.0), "0.0")
        XCTAssertEqual(pythonFloatRepr(.nan), "nan")
        XCTAssertEqual(pythonFloatRepr(-.nan), "nan")
        XCTAssertEqual(pythonFloatRepr(.infinity), "inf")
        XCTAssertEqual(pythonFloatRepr(-.infinity), "-inf")
        XCTAssertEqual(pythonFloatRepr(100.0), "100.0")
        XCTAssertEqual(pythonFloatRepr(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(pythonFloatRepr(1e22), "1e+22")
        XCTAssertEqual(pythonFloatRepr(2e16 + 8), "2.000000000000001e+16")
        XCTAssertEqual(pythonFloatRepr(5e-324), "5e-324")
        XCTAssertEqual(pythonFloatRepr(.greatestFiniteMagnitude), "1.7976931348623157e+308")
        XCTAssertEqual(pythonFloatRepr(9007199254740992.0), "9007199254740992.0")
        XCTAssertEqual(pythonFloatRepr(-123.456), "-123.456")
    }

    func testReprRoundTrips() {
        var rng = TextLibXorShift(state: 0x9E3779B97F4A7C15)
        for _ in 0..<20000 {
            let x = Double(bitPattern: rng.next())
            guard x.isFinite else { continue }
            let r = pythonFloatRepr(x)
            XCTAssertEqual(Double(r), x, r)
        }
    }
}

final class TextLibFormatSpecTests: XCTestCase {
    func testParseFields() throws {
        let spec = try FormatSpec.parse("*^+z#012_.3f")
        XCTAssertEqual(spec.fill, "*")
        XCTAssertEqual(spec.align, "^")
        XCTAssertEqual(spec.sign, "+")
        XCTAssertTrue(spec.noNegativeZero)
        XCTAssertTrue(spec.alternate)
        XCTAssertFalse(spec.zeroPadding)   // with an explicit fill, "012" is the width
        XCTAssertEqual(spec.width, 12)
        XCTAssertEqual(spec.grouping, "_")
        XCTAssertEqual(spec.precision, 3)
        XCTAssertEqual(spec.type, "f")
        let zero = try FormatSpec.parse("08,d")
        XCTAssertTrue(zero.zeroPadding)
        XCTAssertEqual(zero.width, 8)
        XCTAssertEqual(zero.grouping, ",")
        XCTAssertEqual(try FormatSpec.parse(""), FormatSpec())
        XCTAssertEqual(FormatSpec(width: 5, type: "x"), try FormatSpec.parse("5x"))
    }

    func testParseErrors() {
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try FormatSpec.parse("abc", typeName: "int") },
                       .valueError("Invalid format specifier 'abc' for object of type 'int'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try FormatSpec.parse(".") },
                       .valueError("Format specifier missing precision"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try FormatSpec.parse(",_d") },
                       .valueError("Cannot specify both ',' and '_'."))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try FormatSpec.parse(",c") },
                       .valueError("Cannot specify ',' with 'c'."))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try FormatSpec.parse(String(repeating: "9", count: 30)) },
                       .valueError("Too many decimal digits in format string"))
    }

    func testFloatExamples() throws {
        XCTAssertEqual(try formatFloat(1.0, ".3"), "1.0")
        XCTAssertEqual(try formatFloat(1234.5, ".3"), "1.23e+03")
        XCTAssertEqual(try formatFloat(0.1, ""), "0.1")
        XCTAssertEqual(try formatFloat(0.1, FormatSpec()), "0.1")
        XCTAssertEqual(try formatFloat(3.14159, ".2f"), "3.14")
        XCTAssertEqual(try formatFloat(1234567.891, ",.2f"), "1,234,567.89")
        XCTAssertEqual(try formatFloat(-1234.5, "012,.1f"), "-0,001,234.5")
        XCTAssertEqual(try formatFloat(0.25, ".1%"), "25.0%")
        XCTAssertEqual(try formatFloat(.infinity, "010"), "0000000inf")
        XCTAssertEqual(try formatFloat(-.nan, "+"), "+nan")
        XCTAssertEqual(try formatFloat(-0.0001, "z.2f"), "0.00")
        XCTAssertEqual(try formatFloat(2.5, ".0f"), "2")
        XCTAssertEqual(try formatFloat(1e-7, "g"), "1e-07")
        XCTAssertEqual(try formatFloat(123.456, "*^12.2e"), "**1.23e+02**")
        XCTAssertEqual(try formatFloat(1.0, "#.0e"), "1.e+00")
        XCTAssertEqual(try formatFloat(1.5, "G"), "1.5")
        XCTAssertEqual(try formatFloat(.nan, "F"), "NAN")
    }

    func testIntExamples() throws {
        XCTAssertEqual(try formatInt(1234567, ","), "1,234,567")
        XCTAssertEqual(try formatInt(255, "#x"), "0xff")
        XCTAssertEqual(try formatInt(255, "#010X"), "0X000000FF")
        XCTAssertEqual(try formatInt(-42, "=+8"), "-     42")
        XCTAssertEqual(try formatInt(65, "c"), "A")
        XCTAssertEqual(try formatInt(0x263A, "^5c"), "  \u{263A}  ")
        XCTAssertEqual(try formatInt(1234, "08,"), "0,001,234")
        XCTAssertEqual(try formatInt(0b1111_0000, "_b"), "1111_0000")
        XCTAssertEqual(try formatInt(5, "%"), "500.000000%")
        XCTAssertEqual(try formatInt(Int.min, "x"), "-8000000000000000")
        XCTAssertEqual(try formatInt(Int.max, "_d"), "9_223_372_036_854_775_807")
        XCTAssertEqual(try formatInt(7, ""), "7")
        XCTAssertEqual(try formatInt(-7, FormatSpec()), "-7")
        // Unicode decimal digits are accepted in widths, as in CPython.
        XCTAssertEqual(try formatInt(5, "\u{661}\u{660}"), "         5")
    }

    func testStringExamples() throws {
        XCTAssertEqual(try formatString("ab", ">5"), "   ab")
        XCTAssertEqual(try formatString("ab", "5"), "ab   ")
        XCTAssertEqual(try formatString("ab", "05"), "ab000")
        XCTAssertEqual(try formatString("abcdef", ".3"), "abc")
        XCTAssertEqual(try formatString("abcdef", "^9.4s"), "  abcd   ")
        // Widths count code points: a decomposed é is two of them.
        XCTAssertEqual(try formatString("e\u{301}", "3").unicodeScalars.count, 3)
        XCTAssertEqual(try formatString("\u{1F600}", "*^3"), "*\u{1F600}*")
        // Precision only truncates; an absurd one allocates nothing and is accepted.
        XCTAssertEqual(try formatString("ab", ".99999999999"), "ab")
    }

    func testErrorMessages() {
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatFloat(1.0, "d") },
                       .valueError("Unknown format code 'd' for object of type 'float'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(1, "s") },
                       .valueError("Unknown format code 's' for object of type 'int'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(1, "s", typeName: "bool") },
                       .valueError("Unknown format code 's' for object of type 'bool'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", "d") },
                       .valueError("Unknown format code 'd' for object of type 'str'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatFloat(1.0, "abc") },
                       .valueError("Invalid format specifier 'abc' for object of type 'float'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", "+") },
                       .valueError("Sign not allowed in string format specifier"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", " ") },
                       .valueError("Space not allowed in string format specifier"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", ",") },
                       .valueError("Cannot specify ',' with 's'."))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", "=5") },
                       .valueError("'=' alignment not allowed in string format specifier"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(1, ".2") },
                       .valueError("Precision not allowed in integer format specifier"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(-1, "c") },
                       .overflowError("%c arg not in range(0x110000)"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(1, "+c") },
                       .valueError("Sign not allowed with integer format specifier 'c'"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(1, "_n") },
                       .valueError("Cannot specify '_' with 'n'."))
        XCTAssertEqual(TextFormatError.valueError("m").pythonExceptionName, "ValueError")
        XCTAssertEqual(TextFormatError.overflowError("m").pythonExceptionName, "OverflowError")
        XCTAssertEqual(TextFormatError.keyError("k").message, "k")
    }

    func testWidthAndPrecisionLimits() {
        let tooMany = TextFormatError.valueError("Too many decimal digits in format string")
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatInt(1, "2000000") }, tooMany)
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", ">2000000") }, tooMany)
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatFloat(1, ".2000000f") }, tooMany)
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatFloat(1, ".3000000000f") },
                       .valueError("precision too big"))
        // Other errors keep CPython's precedence over the limit.
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try formatString("a", "2000000d") },
                       .valueError("Unknown format code 'd' for object of type 'str'"))
        XCTAssertEqual(try formatInt(1, String(textFormatMaxWidth)).count, textFormatMaxWidth)
        XCTAssertEqual(try formatFloat(1, ".1000f").count, 1002)
    }
}

final class TextLibPercentFormatTests: XCTestCase {
    func testExamples() throws {
        XCTAssertEqual(try percentFormat("%d items at %.2f (%s)", positional: [.int(3), .float(9.5), .string("ok")]),
                       "3 items at 9.50 (ok)")
        XCTAssertEqual(try percentFormat("%s %d %r", positional: [.bool(true), .bool(true), .bool(false)]), "True 1 False")
        XCTAssertEqual(try percentFormat("%r", positional: [.string("it's")]), "\"it's\"")
        XCTAssertEqual(try percentFormat("%a", positional: [.string("\u{E9}")]), "'\\xe9'")
        XCTAssertEqual(try percentFormat("%5.1f%%", positional: [.float(99.44)]), " 99.4%")
        XCTAssertEqual(try percentFormat("%-*d|", positional: [.int(4), .int(7)]), "7   |")
        XCTAssertEqual(try percentFormat("%#08x", positional: [.int(255)]), "0x0000ff")
        XCTAssertEqual(try percentFormat("%c%c", positional: [.int(72), .string("i")]), "Hi")
        XCTAssertEqual(try percentFormat("%d", positional: [.float(1e20)]), "100000000000000000000")
        XCTAssertEqual(try percentFormat("%s", positional: [.object(str: "[1, 2]", repr: "[1, 2]", typeName: "list")]), "[1, 2]")
        XCTAssertEqual(try percentFormat("no args", positional: []), "no args")
    }

    func testErrors() {
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%s %s", positional: [.int(1)]) },
                       .typeError("not enough arguments for format string"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%s", positional: [.int(1), .int(2)]) },
                       .typeError("not all arguments converted during string formatting"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%d", positional: [.string("x")]) },
                       .typeError("%d format: a real number is required, not str"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in
            try percentFormat("%x", positional: [.object(str: "None", repr: "None", typeName: "NoneType")])
        }, .typeError("%x format: an integer is required, not NoneType"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("ab %y", positional: [.int(1)]) },
                       .valueError("unsupported format character 'y' (0x79) at index 4"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%(a)s", positional: [.int(1)]) },
                       .typeError("format requires a mapping"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%d", positional: [.float(.infinity)]) },
                       .overflowError("cannot convert float infinity to integer"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%c", positional: [.int(Int.max)]) },
                       .overflowError("%c arg not in range(0x110000)"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("50%", positional: []) },
                       .valueError("incomplete format"))
    }

    func testMapping() throws {
        let values: [String: PercentArgument] = ["name": .string("beam"), "e": .float(12.4), "n": .int(3)]
        XCTAssertEqual(try percentFormat("%(name)s at %(e).1f keV x%(n)03d", mapping: { values[$0] }),
                       "beam at 12.4 keV x003")
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%(missing)s", mapping: { values[$0] }) },
                       .keyError("missing"))
        // The closure may raise its own error (e.g. a list used as a mapping).
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in
            try percentFormat("%(a)s", mapping: { (_: String) throws(TextFormatError) -> PercentArgument? in
                throw .typeError("list indices must be integers or slices, not str")
            })
        }, .typeError("list indices must be integers or slices, not str"))
        // A conversion without a key formats the mapping itself.
        let dict = PercentArgument.object(str: "{'n': 3}", repr: "{'n': 3}", typeName: "dict")
        XCTAssertEqual(try percentFormat("%s / %(n)s", mapping: { values[$0] }, mappingObject: dict), "{'n': 3} / 3")
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%s", mapping: { values[$0] }) },
                       .typeError("not enough arguments for format string"))
        // Unused keys are fine.
        XCTAssertEqual(try percentFormat("plain", mapping: { values[$0] }), "plain")
    }

    func testLimits() {
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%2000000d", positional: [.int(1)]) },
                       .valueError("width too big"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%.2000000f", positional: [.float(1)]) },
                       .valueError("precision too big"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%*d", positional: [.int(Int.min), .int(1)]) },
                       .valueError("width too big"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%.*d", positional: [.int(1 << 40), .int(1)]) },
                       .overflowError("Python int too large to convert to C int"))
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try percentFormat("%99999999999999999999d", positional: [.int(1)]) },
                       .valueError("width too big"))
        XCTAssertEqual(try percentFormat("%.9999999s", positional: [.string("ab")]), "ab")
    }
}

final class TextLibStringMethodsTests: XCTestCase {
    func testExamples() throws {
        XCTAssertEqual(try StringMethods.split("  a  b c "), ["a", "b", "c"])
        XCTAssertEqual(try StringMethods.split("a,b,,c", sep: ","), ["a", "b", "", "c"])
        XCTAssertEqual(try StringMethods.split("a b c", maxsplit: 1), ["a", "b c"])
        XCTAssertEqual(try StringMethods.rsplit("a b c", maxsplit: 1), ["a b", "c"])
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try StringMethods.split("a", sep: "") },
                       .valueError("empty separator"))
        XCTAssertEqual(StringMethods.splitlines("a\r\nb\n"), ["a", "b"])
        XCTAssertEqual(StringMethods.splitlines("a\r\nb\n", keepends: true), ["a\r\n", "b\n"])
        XCTAssertEqual(StringMethods.strip("  x \n"), "x")
        XCTAssertEqual(StringMethods.strip("xxaxx", chars: "x"), "a")
        XCTAssertEqual(StringMethods.find("\u{1F600}ab", "a"), 1)
        XCTAssertEqual(StringMethods.find("abc", "", start: 5), -1)
        XCTAssertEqual(StringMethods.rfind("abcabc", "abc"), 3)
        XCTAssertEqual(StringMethods.count("aaaa", "aa"), 2)
        XCTAssertEqual(StringMethods.count("abc", ""), 4)
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try StringMethods.index("abc", "d") },
                       .valueError("substring not found"))
        XCTAssertEqual(try StringMethods.replace("abc", "", "-"), "-a-b-c-")
        XCTAssertEqual(try StringMethods.replace("aaa", "a", "b", count: 2), "bba")
        XCTAssertTrue(StringMethods.startswith("hello", "ell", start: 1))
        XCTAssertFalse(StringMethods.endswith("hello", "lo", start: 0, end: -1))
        XCTAssertEqual(StringMethods.upper("stra\u{DF}e"), "STRASSE")
        XCTAssertEqual(StringMethods.lower("\u{3A3}\u{391}\u{3A3}"), "\u{3C3}\u{3B1}\u{3C2}")
        XCTAssertEqual(StringMethods.casefold("Stra\u{DF}e"), "strasse")
        XCTAssertEqual(StringMethods.title("they're bill's"), "They'Re Bill'S")
        XCTAssertEqual(StringMethods.capitalize("hELLO wORLD"), "Hello world")
        XCTAssertEqual(StringMethods.swapcase("Hello"), "hELLO")
        XCTAssertEqual(try StringMethods.center("abc", 6), " abc  ")
        XCTAssertEqual(try StringMethods.center("ab", 5, fill: "*"), "**ab*")
        XCTAssertEqual(try StringMethods.ljust("ab", 4, fill: "."), "ab..")
        XCTAssertEqual(try StringMethods.rjust("ab", 4), "  ab")
        XCTAssertEqual(textLibThrown { () throws(TextFormatError) in try StringMethods.center("a", 4, fill: "xy") },
                       .typeError("The fill character must be exactly one character long"))
        XCTAssertEqual(try StringMethods.zfill("-42", 6), "-00042")
        XCTAssertEqual(try StringMethods.zfill("", 3), "000")
        XCTAssertTrue(try StringMethods.partition("a=b=c", "=") == ("a", "=", "b=c"))
        XCTAssertTrue(try StringMethods.rpartition("a=b=c", "=") == ("a=b", "=", "c"))
        XCTAssertTrue(try StringMethods.rpartition("abc", "=") == ("", "", "abc"))
        XCTAssertEqual(try StringMethods.expandtabs("a\tbc\td"), "a       bc      d")
        XCTAssertEqual(try StringMethods.expandtabs("a\tb", tabsize: 4), "a   b")
        XCTAssertEqual(StringMethods.removeprefix("prefix_x", "prefix_"), "x")
        XCTAssertEqual(StringMethods.removesuffix("x.py", ".py"), "x")
        XCTAssertTrue(StringMethods.isdigit("\u{B2}3"))
        XCTAssertFalse(StringMethods.isdecimal("\u{B2}3"))
        XCTAssertTrue(StringMethods.isnumeric("\u{BD}\u{4E00}"))
        XCTAssertTrue(StringMethods.isalpha("\u{E9}t\u{E9}"))
        XCTAssertFalse(StringMethods.isalpha(""))
        XCTAssertTrue(StringMethods.isspace(" \t\u{1C}\u{3000}"))
        XCTAssertTrue(StringMethods.istitle("Hello World"))
        XCTAssertTrue(StringMethods.isidentifier("_x1"))
        XCTAssertFalse(StringMethods.isidentifier("1x"))
        XCTAssertTrue(StringMethods.isupper("ABC1"))
        XCTAssertTrue(StringMethods.islower("abc1"))
        XCTAssertTrue(StringMethods.isalnum("a1\u{BD}"))
    }

    func testCodePointSemantics() throws {
        // "é" written as e + combining accent is two code points in Python.
        let decomposed = "e\u{301}"
        XCTAssertEqual(StringMethods.find(decomposed + "x", "x"), 2)
        XCTAssertEqual(StringMethods.count(decomposed, "e"), 1)
        XCTAssertEqual(try StringMethods.ljust(decomposed, 3, fill: "."), "e\u{301}.")
        XCTAssertEqual(StringMethods.strip(decomposed, chars: "\u{301}"), "e")
        XCTAssertEqual(try StringMethods.split("e\u{301}e", sep: "e"), ["", "\u{301}", ""])
        XCTAssertEqual(StringMethods.removeprefix("\u{E9}x", "e\u{301}"), "\u{E9}x")
    }

    func testHugeSizesThrowInsteadOfAllocating() {
        let tooLong: (TextFormatError?) -> Bool = { error in
            if case .overflowError = error { return true }
            return false
        }
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in try StringMethods.center("a", Int.max) }))
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in try StringMethods.ljust("a", textMaxStringLength + 1) }))
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in try StringMethods.zfill("1", Int.max) }))
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in try StringMethods.expandtabs("\t\t", tabsize: Int.max) }))
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in
            try StringMethods.expandtabs(String(repeating: "a", count: 100) + "\na\t", tabsize: Int.max)
        }))
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in
            try StringMethods.expandtabs("a\tb\tc", tabsize: Int.max / 2 + 7)
        }))
        let big = String(repeating: "a", count: 1 << 16)
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in try StringMethods.replace(big, "", big) }))
        XCTAssertTrue(tooLong(textLibThrown { () throws(TextFormatError) in try StringMethods.replace(big, "a", big) }))
        XCTAssertEqual(try StringMethods.ljust("a", Int.min), "a")
        XCTAssertEqual(StringMethods.find("abc", "b", start: Int.min, end: Int.max), 1)
        XCTAssertEqual(StringMethods.rfind("abc", "b", start: Int.max, end: Int.min), -1)
        XCTAssertEqual(StringMethods.count("abc", "", start: Int.max), 0)
        XCTAssertFalse(StringMethods.startswith("abc", "", start: Int.max, end: Int.min))
        XCTAssertEqual(try StringMethods.split("a b", maxsplit: Int.max), ["a", "b"])
        XCTAssertEqual(try StringMethods.replace("aa", "a", "b", count: Int.min), "bb")
    }

    func testRepr() {
        XCTAssertEqual(pythonStringRepr("abc"), "'abc'")
        XCTAssertEqual(pythonStringRepr("it's"), "\"it's\"")
        XCTAssertEqual(pythonStringRepr("'\""), "'\\'\"'")
        XCTAssertEqual(pythonStringRepr("a\\b\n\t\r\u{0}\u{7F}"), "'a\\\\b\\n\\t\\r\\x00\\x7f'")
        XCTAssertEqual(pythonStringRepr("\u{E9}\u{A0}\u{AD}"), "'\u{E9}\\xa0\\xad'")
        XCTAssertEqual(pythonStringRepr("\u{2028}\u{1F600}\u{E0001}"), "'\\u2028\u{1F600}\\U000e0001'")
        XCTAssertEqual(pythonAsciiEscape(pythonStringRepr("\u{E9}\u{1F600}")), "'\\xe9\\U0001f600'")
    }
}

/// No input may trap: random specifications, format strings and arguments.
final class TextLibTotalityTests: XCTestCase {
    private let alphabet: [Unicode.Scalar] = Array("%()<>=^+- z#0123456789,_.*eEfFgGnsdxXcboairuhlLy\u{E9}\u{661}\u{1F600}".unicodeScalars)

    private func randomText(_ rng: inout TextLibXorShift, maxLength: Int) -> String {
        var view = String.UnicodeScalarView()
        let n = Int(rng.next() % UInt64(maxLength + 1))
        for _ in 0..<n { view.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        return String(view)
    }

    private func randomInt(_ rng: inout TextLibXorShift) -> Int {
        switch rng.next() % 6 {
        case 0: return Int.min
        case 1: return Int.max
        case 2: return Int(truncatingIfNeeded: rng.next())
        default: return Int(rng.next() % 40) - 20
        }
    }

    private func randomDouble(_ rng: inout TextLibXorShift) -> Double {
        switch rng.next() % 4 {
        case 0: return [Double.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude][Int(rng.next() % 6)]
        case 1: return Double(bitPattern: rng.next())
        default: return Double(Int(rng.next() % 2000) - 1000) / 8
        }
    }

    func testFormatSpecFunctionsAreTotal() {
        var rng = TextLibXorShift(state: 0xDEADBEEF12345678)
        for _ in 0..<20000 {
            let spec = randomText(&rng, maxLength: 9)
            _ = try? formatInt(randomInt(&rng), spec)
            _ = try? formatFloat(randomDouble(&rng), spec)
            _ = try? formatString(randomText(&rng, maxLength: 4), spec)
        }
    }

    func testPercentFormatIsTotal() {
        var rng = TextLibXorShift(state: 0x0123456789ABCDEF)
        for _ in 0..<20000 {
            let format = randomText(&rng, maxLength: 10)
            var args: [PercentArgument] = []
            for _ in 0..<Int(rng.next() % 4) {
                switch rng.next() % 5 {
                case 0: args.append(.int(randomInt(&rng)))
                case 1: args.append(.float(randomDouble(&rng)))
                case 2: args.append(.bool(rng.next() % 2 == 0))
                case 3: args.append(.string(randomText(&rng, maxLength: 3)))
                default: args.append(.object(str: "None", repr: "None", typeName: "NoneType"))
                }
            }
            _ = try? percentFormat(format, positional: args)
            let captured = args
            _ = try? percentFormat(format, mapping: { key in key.isEmpty ? nil : captured.first },
                                   mappingObject: captured.last)
        }
    }

    func testStringMethodsAreTotal() {
        var rng = TextLibXorShift(state: 0xA5A5A5A55A5A5A5A)
        for _ in 0..<5000 {
            let s = randomText(&rng, maxLength: 12)
            let t = randomText(&rng, maxLength: 2)
            let i = randomInt(&rng), j = randomInt(&rng)
            _ = try? StringMethods.split(s, sep: rng.next() % 2 == 0 ? nil : t, maxsplit: i)
            _ = try? StringMethods.rsplit(s, sep: rng.next() % 2 == 0 ? nil : t, maxsplit: i)
            _ = StringMethods.find(s, t, start: i, end: j)
            _ = StringMethods.rfind(s, t, start: i, end: j)
            _ = StringMethods.count(s, t, start: i, end: j)
            _ = StringMethods.startswith(s, t, start: i, end: j)
            _ = StringMethods.endswith(s, t, start: i, end: j)
            _ = try? StringMethods.replace(s, t, s, count: i)
            _ = try? StringMethods.center(s, i % 100, fill: t)
            _ = try? StringMethods.zfill(s, j % 100)
            _ = try? StringMethods.expandtabs(s, tabsize: i % 50)
            _ = try? StringMethods.partition(s, t)
            _ = try? StringMethods.rpartition(s, t)
            _ = StringMethods.strip(s, chars: t)
            _ = StringMethods.title(s)
            _ = StringMethods.swapcase(s)
            _ = pythonStringRepr(s)
        }
    }
}
