import Glibc
import Script

/// How the live view writes numbers: six significant digits (`format(v, 'z.6g')`, the
/// precision of a `%g` column), after rounding to a millionth of the range the quantity
/// covers when that range is known. So a peak centre of 5.551115123125783e-17 on a scan from
/// -1 to 1 (the rounding noise of the half-height crossings) reads `0`, like the positions
/// in the table, and not `5.55112e-17`.
enum FigureFormat {
    /// Significant digits shown.
    static let significantDigits = 6

    /// `value` in six significant digits, first rounded to `resolution(ofRange: range)`.
    static func text(_ value: Double, range: Double? = nil) -> String {
        var rounded = value
        // Beyond 2^52 steps a Double has no fraction left to round.
        if let range, let step = resolution(ofRange: range), abs(value / step) < 0x1p52 {
            rounded = (value / step).rounded() * step
        }
        return (try? formatFloat(rounded, "z.\(significantDigits)g")) ?? "\(rounded)"
    }

    /// The smallest step worth showing for a quantity spread over `range`: the power of ten
    /// of its sixth significant digit (1e-5 for a range of 2); nil for an empty or
    /// non-finite range.
    static func resolution(ofRange range: Double) -> Double? {
        let span = abs(range)
        guard span.isFinite, span > 0 else { return nil }
        let step = Glibc.pow(10, Glibc.floor(Glibc.log10(span)) - Double(significantDigits - 1))
        return step > 0 ? step : nil
    }

    /// The spread of `values` (largest minus smallest, ignoring NaN); nil when empty.
    static func range(of values: [Double]) -> Double? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return high - low
    }

    /// Seconds as `12 s` or `3 min 4 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return "\(Int(seconds.rounded())) s" }
        let minutes = Int(seconds / 60)
        return "\(minutes) min \(Int(seconds) - minutes * 60) s"
    }
}
