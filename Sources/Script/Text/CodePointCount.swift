extension String {
    /// The number of code points (Python's `len`), counted on the UTF-8 bytes: every byte
    /// that is not a continuation byte starts a code point. Several times faster than
    /// walking `unicodeScalars`, which decodes each one.
    var codePointCount: Int {
        if let n = utf8.withContiguousStorageIfAvailable({ String.countCodePoints($0) }) { return n }
        return unicodeScalars.count
    }

    private static func countCodePoints(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var continuation = 0
        for b in bytes { continuation &+= Int((b & 0xC0) == 0x80 ? 1 : 0) }
        return bytes.count - continuation
    }
}
