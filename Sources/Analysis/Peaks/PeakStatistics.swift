import Numerics

/// Peak statistics of a curve y(x) as bluesky's `PeakStats` computes them: the minimum and
/// maximum (first occurrence), the centre of mass interpolated onto x, the crossings of the
/// half-height line, `cen` as their mean and `fwhm` as the distance between the first
/// and the last crossing.
public struct PeakStatistics: Equatable, Sendable {
    /// (x, y) at the smallest y.
    public var min: (x: Double, y: Double)
    /// (x, y) at the largest y.
    public var max: (x: Double, y: Double)
    /// The centre of mass, in x units.
    public var com: Double
    /// The mid-point of the half-height crossings; nil when y never crosses half height.
    public var cen: Double?
    /// Where y crosses the half-height line (linear interpolation between points).
    public var crossings: [Double]
    /// Full width at half maximum; nil with fewer than two crossings.
    public var fwhm: Double?

    public static func == (a: PeakStatistics, b: PeakStatistics) -> Bool {
        a.min == b.min && a.max == b.max && (a.com == b.com || (a.com.isNaN && b.com.isNaN))
            && a.cen == b.cen && a.crossings == b.crossings && a.fwhm == b.fwhm
    }

    /// The statistics of the points, or nil when there are none or the lengths differ.
    public static func compute(x: [Double], y: [Double]) -> PeakStatistics? {
        guard !x.isEmpty, x.count == y.count else { return nil }
        var argmin = 0, argmax = 0
        for i in 1..<y.count {
            if y[i] < y[argmin] || (y[argmin].isNaN) { argmin = i }
            if y[i] > y[argmax] || (y[argmax].isNaN) { argmax = i }
        }
        // numpy's argmin/argmax return the first NaN if there is one.
        if let nan = y.firstIndex(where: \.isNaN) { argmin = nan; argmax = nan }
        // scipy's center_of_mass: numpy (pairwise) sums of y·i and of y.
        let weighted = (try? NDArray(y.enumerated().map { Double($0.offset) * $0.element }).reduced(.sum).scalarValue) ?? .nan
        let total = (try? NDArray(y).reduced(.sum).scalarValue) ?? .nan
        let com = interpolate(weighted / total, x)
        let mid = (y[argmax] + y[argmin]) / 2
        var crossings: [Double] = []
        for i in 0..<(y.count - 1) where (y[i] > mid) != (y[i + 1] > mid) {
            let y0 = y[i] - mid, y1 = y[i + 1] - mid
            let slope = (y1 - y0) / (x[i + 1] - x[i])
            crossings.append(-y0 / slope + x[i])
        }
        let cen = crossings.isEmpty ? nil : crossings.reduce(0, +) / Double(crossings.count)
        let fwhm = crossings.count >= 2 ? abs(crossings[crossings.count - 1] - crossings[0]) : nil
        return PeakStatistics(min: (x[argmin], y[argmin]), max: (x[argmax], y[argmax]), com: com, cen: cen,
                              crossings: crossings, fwhm: fwhm)
    }

    /// `numpy.interp(position, arange(len(x)), x)`: linear between neighbours, clamped at the
    /// ends, NaN for NaN.
    static func interpolate(_ position: Double, _ x: [Double]) -> Double {
        if position.isNaN { return .nan }
        if position <= 0 { return x[0] }
        if position >= Double(x.count - 1) { return x[x.count - 1] }
        let lower = Int(position)
        let fraction = position - Double(lower)
        let slope = x[lower + 1] - x[lower]
        return slope * fraction + x[lower]
    }
}
