/// Builds a string from pieces in a caller's (stack) buffer, so a short result such as an
/// f-string's costs one string creation instead of one per piece; once the buffer is full
/// the rest goes to an ordinary `String`.
struct TextAccumulator {
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var spilled: String?

    /// An accumulator writing into `buffer` (which must outlive it).
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer.baseAddress.unsafelyUnwrapped
        capacity = buffer.count
    }

    /// Appends a string's text.
    @inline(__always)
    mutating func append(_ s: String) {
        if spilled == nil {
            let n = s.utf8.count
            if count + n <= capacity {
                let start = buffer + count
                let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                    if let base = bytes.baseAddress { start.update(from: base, count: n) }
                    return true
                }
                if copied != nil {
                    count += n
                    return
                }
            }
            spill()
        }
        spilled?.append(s)
    }

    /// Appends an int in decimal.
    @inline(__always)
    mutating func append(decimal i: Int) {
        if spilled == nil && count + DecimalText.maxBytes <= capacity {
            count += DecimalText.write(i, into: buffer + count)
        } else {
            append(DecimalText.string(i))
        }
    }

    private mutating func spill() {
        spilled = String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }

    /// The text built so far.
    var text: String {
        spilled ?? String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }
}
