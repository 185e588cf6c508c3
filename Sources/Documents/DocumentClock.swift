import Glibc
import Platform

/// Times and ids as bluesky makes them: Unix time in seconds as a double, uuid4 strings.
public enum DocumentClock {
    /// Seconds since the Unix epoch (Python's `time.time()`).
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A new random uid, `str(uuid.uuid4())`, from the system's generator.
    public static func uid() -> String {
        var generator = SystemRandomNumberGenerator()
        return uid(high: generator.next(), low: generator.next())
    }

    /// A uuid4 string from 128 random bits.
    static func uid(high: UInt64, low: UInt64) -> String {
        var high = high
        var low = low
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

/// Makes uuid4 strings quickly for one run: a xoshiro256** generator seeded once from the
/// system, so a million events do not cost two system calls each.
public struct UIDGenerator {
    private var generator = Xoshiro256()

    /// A generator seeded from the system's random source.
    public init() {}

    /// The next uid.
    public mutating func uid() -> String { DocumentClock.uid(high: generator.next(), low: generator.next()) }
}
