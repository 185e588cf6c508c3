/// Decimal text of an int, written straight into UTF-8 bytes: `String(i)` goes through the
/// generic integer printer, which costs several times more for the short numbers cells
/// print and use as keys.
enum DecimalText {
    /// The most bytes an `Int` needs ("-9223372036854775808").
    static let maxBytes = 20

    /// `i` in decimal.
    @inline(__always)
    static func string(_ i: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxBytes) { buffer in
            let count = write(i, into: buffer.baseAddress.unsafelyUnwrapped)
            return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress, count: count), as: UTF8.self)
        }
    }

    /// Writes `i` in decimal at `out` (room for `maxBytes`), returning the byte count.
    @inline(__always)
    static func write(_ i: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            // Digits are produced last first, from the end of a 24-byte scratch area.
            var end = scratch.count
            repeat {
                end -= 1
                scratch[end] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            var n = 0
            if i < 0 {
                out[0] = 45
                n = 1
            }
            let digitCount = scratch.count - end
            for k in 0..<digitCount { out[n + k] = scratch[end + k] }
            return n + digitCount
        }
    }
}
