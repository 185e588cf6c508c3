import XCTest
@testable import JSON

final class JSONParserTests: XCTestCase {
    func testReadsEveryKindOfValue() throws {
        let value = try JSONValue.parse(#"{"a": [1, -2.5, 1e3, true, false, null], "b": {"c": "d\n\u00e9\ud83d\ude00"}, "n": -0}"#)
        XCTAssertEqual(value["a"], [1, -2.5, 1000.0, true, false, nil])
        XCTAssertEqual(value["b"]?["c"], "d\né😀")
        XCTAssertEqual(value["n"], .int(0))
        XCTAssertEqual(value.object?.keys, ["a", "b", "n"])
    }

    func testKeepsKeyOrderAndLastDuplicate() throws {
        let value = try JSONValue.parse(#"{"z": 1, "a": 2, "z": 3}"#)
        XCTAssertEqual(value.object?.keys, ["z", "a"])
        XCTAssertEqual(value["z"], 3)
    }

    func testPythonSpecialNumbers() throws {
        let value = try JSONValue.parse("[NaN, Infinity, -Infinity]")
        guard let items = value.array, case .double(let nan) = items[0] else { return XCTFail("expected an array") }
        XCTAssertTrue(nan.isNaN)
        XCTAssertEqual(items[1], .double(.infinity))
        XCTAssertEqual(items[2], .double(-.infinity))
    }

    func testHugeIntegersBecomeDoubles() throws {
        XCTAssertEqual(try JSONValue.parse("123456789012345678901234567890"), .double(1.2345678901234568e29))
    }

    func testRejectsMalformedText() {
        let bad = ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "tru", "[1] x", "{1: 2}", "\"\u{01}\"", "\"\\q\"", "-", "1e"]
        for text in bad {
            XCTAssertThrowsError(try JSONValue.parse(text), "accepted \(text.debugDescription)")
        }
    }

    func testRejectsInvalidUTF8() {
        XCTAssertThrowsError(try JSONValue.parse([0x22, 0xff, 0xfe, 0x22]))
    }

    func testLimitsNesting() {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        XCTAssertThrowsError(try JSONValue.parse(deep, maximumDepth: 512))
        XCTAssertNoThrow(try JSONValue.parse(deep, maximumDepth: 1000))
    }

    func testLoneSurrogateBecomesReplacementCharacter() throws {
        XCTAssertEqual(try JSONValue.parse(#""\ud800x""#), "\u{FFFD}x")
    }

    func testByteAtATimePrefixesNeverParseAsTheWhole() throws {
        let text = Array(#"{"header": {"msg_id": "1", "list": [1, 2.5, "x"]}, "z": null}"#.utf8)
        let whole = try JSONValue.parse(text)
        for cut in 1..<text.count {
            XCTAssertThrowsError(try JSONValue.parse(Array(text[0..<cut])), "prefix of \(cut) bytes parsed")
        }
        XCTAssertEqual(try JSONValue.parse(whole.serialized()), whole)
    }
}
