import Glibc

/// Hashing and equality of `str` values as dict keys and set members, on their UTF-8 bytes.
///
/// Python compares strings by code points, so equal code points (and so equal UTF-8 bytes)
/// are the only equality; Swift's `==` would also equate canonically equivalent strings
/// ("é" and "e\u{301}"), which Python keeps apart. Hashing the bytes with a multiply–xorshift
/// mix is several times cheaper than `Hasher` (SipHash) for the short keys cells use, and
/// the seed, drawn once per process, keeps the order of collisions unpredictable, as
/// Python's randomised `str` hash does.
enum StringHashing {
    private static let seed = UInt64.random(in: .min ... .max) | 1

    /// The hash of `s` (equal for strings with equal code points).
    @inline(__always)
    static func hash(_ s: String) -> Int {
        if let h = s.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return h }
        var copy = s
        return copy.withUTF8 { hash(bytes: $0) }
    }

    /// Whether `a` and `b` have the same code points.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        if let r = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in bytesEqual(x, y, count) }
        }), let r { return r }
        return a.utf8.elementsEqual(b.utf8)
    }

    @inline(__always)
    private static func bytesEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
        guard count > 0, let p = x.baseAddress, let q = y.baseAddress else { return true }
        return memcmp(p, q, count) == 0
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var h = seed ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress, n > 0 else { return Int(bitPattern: UInt(finish(h))) }
        let raw = UnsafeRawPointer(base)
        if n < 8 {
            // 1–7 bytes as one word: two overlapping 4-byte loads, or the bytes one by one.
            var word: UInt64
            if n >= 4 {
                word = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                word |= UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))) << 32
            } else {
                word = UInt64(base[0]) | UInt64(base[n / 2]) << 8 | UInt64(base[n - 1]) << 16
            }
            return Int(bitPattern: UInt(finish(mix(h ^ word))))
        }
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        if i < n {
            // The last 8 bytes, overlapping the previous word.
            h = mix(h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) ^ 0xFF)
        }
        return Int(bitPattern: UInt(finish(h)))
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return h
    }

    @inline(__always)
    private static func finish(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 29
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return h
    }
}
