import Glibc

/// Local date-times for the command line.
public enum LocalTime {
    /// `YYYY-MM-DD[ HH:MM[:SS]]` (or with T) in local time, as Unix seconds.
    public static func parse(_ text: String) -> Double? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" || $0 == "T" }).map { Int($0) }
        guard parts.count >= 3, parts.count <= 6, !parts.contains(nil) else { return nil }
        let p = parts.compactMap { $0 }
        var t = tm()
        t.tm_year = Int32(p[0] - 1900); t.tm_mon = Int32(p[1] - 1); t.tm_mday = Int32(p[2])
        t.tm_hour = Int32(p.count > 3 ? p[3] : 0); t.tm_min = Int32(p.count > 4 ? p[4] : 0); t.tm_sec = Int32(p.count > 5 ? p[5] : 0)
        t.tm_isdst = -1
        return Double(mktime(&t))
    }

    /// Unix seconds as `YYYY-MM-DD HH:MM:SS` local time.
    public static func text(_ seconds: Double) -> String {
        var t = time_t(seconds)
        var parts = tm()
        localtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
