import Glibc

/// Wall-clock instants as papermill and nbclient write them.
public enum UTCTime {
    /// Seconds since the epoch, with microseconds.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec / 1000) / 1e6
    }

    /// A duration rounded to microseconds, as Python's `timedelta.total_seconds()` gives it.
    public static func microseconds(_ seconds: Double) -> Double { (seconds * 1e6).rounded() / 1e6 }

    /// `2026-11-23T07:05:11.123456+00:00`, Python's `datetime.isoformat()` of an aware UTC time.
    public static func isoformat(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        let micros = Int(((seconds - Double(whole)) * 1e6).rounded())
        var parts = tm()
        gmtime_r(&whole, &parts)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let date = "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
        let time = "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
        return date + "T" + time + (micros > 0 ? "." + pad(min(micros, 999_999), 6) : "") + "+00:00"
    }

    /// A message header's `date` as nbclient records it (the kernel's own text), or now
    /// in nbclient's fallback form (`…Z`) for a header without one.
    public static func fromHeader(_ date: String?) -> String {
        guard let date else { return String(isoformat(now()).dropLast(6)) + "Z" }
        return date
    }
}
