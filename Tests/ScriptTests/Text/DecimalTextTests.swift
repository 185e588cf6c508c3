import XCTest
@testable import Script

final class DecimalTextTests: XCTestCase {
    func testMatchesSwiftsDecimalText() {
        let values = [0, 1, -1, 9, 10, -10, 99, 100, 12345, -9876543210, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for v in values { XCTAssertEqual(DecimalText.string(v), String(v)) }
        var x = 1
        for _ in 0..<18 {
            for d in [x - 1, x, x + 1, -x] { XCTAssertEqual(DecimalText.string(d), String(d)) }
            x *= 10
        }
    }

    func testAccumulatorSpillsPastItsBuffer() {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            var out = TextAccumulator(buffer)
            var expected = ""
            for i in 0..<50 {
                out.append("é\(i)|")
                out.append(decimal: -i)
                expected += "é\(i)|\(-i)"
            }
            XCTAssertEqual(out.text, expected)
        }
    }
}
