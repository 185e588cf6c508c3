import Glibc

/// Times and ids as bluesky makes them: Unix time in seconds as a double, uuid4 strings.
public enum DocumentClock {
    /// Seconds since the Unix epoch (Python's `time.time()`).
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A new random uid, `str(uuid.uuid4())`.
    public static func uid() -> String {
        var generator = SystemRandomNumberGenerator()
        var high = generator.next() as UInt64
        var low = generator.next() as UInt64
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for i in 0..<32 {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            let word = i < 16 ? high : low
            let shift = UInt64((15 - i % 16) * 4)
            out.append(hex[Int((word >> shift) & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
