import XCTest
@testable import Script

final class StringHashingTests: XCTestCase {
    func testEqualCodePointsHashEqualAndCompareEqual() {
        let samples = ["", "a", "key_12345", "k-3", "exactly8", "nine_byte", String(repeating: "long", count: 40),
                       "\u{e9}", "日本語", "🙂 emoji"]
        for s in samples {
            // A copy built byte by byte is a different String instance with the same code points.
            let copy = String(decoding: Array(s.utf8), as: UTF8.self)
            XCTAssertEqual(StringHashing.hash(s), StringHashing.hash(copy), s)
            XCTAssertTrue(StringHashing.equal(s, copy), s)
        }
    }

    func testCanonicallyEquivalentStringsAreDifferentKeys() {
        let precomposed = "\u{e9}"
        let decomposed = "e\u{301}"
        XCTAssertTrue(precomposed == decomposed, "Swift equates them")
        XCTAssertFalse(StringHashing.equal(precomposed, decomposed), "Python does not")
    }

    func testDifferentStringsOfEveryLengthHashApart() {
        // Every length around the 8-byte chunking, differing in one byte at every position.
        var seen = Set<Int>()
        var count = 0
        for length in 0...20 {
            let base = Array(repeating: UInt8(ascii: "a"), count: length)
            seen.insert(StringHashing.hash(String(decoding: base, as: UTF8.self)))
            count += 1
            for position in 0..<length {
                var changed = base
                changed[position] = UInt8(ascii: "b")
                seen.insert(StringHashing.hash(String(decoding: changed, as: UTF8.self)))
                count += 1
            }
        }
        XCTAssertEqual(seen.count, count, "no collisions among \(count) near-identical strings")
    }

    func testLowBitsSpreadForSequentialKeys() {
        // Dict slots come from the low bits first: sequential keys must not pile up.
        var buckets = [Int](repeating: 0, count: 1024)
        for i in 0..<10_000 { buckets[StringHashing.hash("key_\(i)") & 1023] += 1 }
        XCTAssertLessThan(buckets.max() ?? 0, 30)
    }
}
