import Glibc

/// The curve models `fit` knows, with lmfit's formulas, parameter names, hints and guesses.
public enum LineShape: String, CaseIterable, Sendable {
    case gaussian, lorentzian
    case pseudoVoigt = "pseudo_voigt"
    case linear, quadratic, exponential, step

    /// lmfit's parameter names, in order.
    public var parameterNames: [String] {
        switch self {
        case .gaussian, .lorentzian, .step: return ["amplitude", "center", "sigma"]
        case .pseudoVoigt: return ["amplitude", "center", "sigma", "fraction"]
        case .linear: return ["slope", "intercept"]
        case .quadratic: return ["a", "b", "c"]
        case .exponential: return ["amplitude", "decay"]
        }
    }

    /// lmfit's default values (`make_params()` without a guess).
    public var defaults: [Double] {
        switch self {
        case .gaussian, .lorentzian, .step: return [1, 0, 1]
        case .pseudoVoigt: return [1, 0, 1, 0.5]
        case .linear: return [1, 0]
        case .quadratic: return [0, 0, 0]
        case .exponential: return [1, 1]
        }
    }

    /// lmfit's parameter hints: bounds that hold unless the caller overrides them.
    public var bounds: [String: (Double?, Double?)] {
        switch self {
        case .gaussian, .lorentzian: return ["sigma": (0, nil)]
        case .pseudoVoigt: return ["sigma": (0, nil), "fraction": (0, 1)]
        case .step: return ["sigma": (0, nil)]
        default: return [:]
        }
    }

    /// The formula, for reports and docstrings.
    public var formula: String {
        switch self {
        case .gaussian: return "amplitude/(sigma*sqrt(2*pi)) * exp(-(x-center)**2/(2*sigma**2))"
        case .lorentzian: return "amplitude/(pi*sigma) / (1 + ((x-center)/sigma)**2)"
        case .pseudoVoigt: return "(1-fraction)*gaussian(x, amplitude, center, sigma/sqrt(2*ln 2)) + fraction*lorentzian(x, amplitude, center, sigma)"
        case .linear: return "slope*x + intercept"
        case .quadratic: return "a*x**2 + b*x + c"
        case .exponential: return "amplitude * exp(-x/decay)"
        case .step: return "amplitude * (1 + erf((x-center)/sigma))/2"
        }
    }

    private static let tiny = 1.0e-15
    private static let s2pi = (2 * Double.pi).squareRoot()
    private static let voigtScale = (2 * Glibc.log(2.0)).squareRoot()

    /// The model at `x` for parameters `p`.
    public func value(_ x: Double, _ p: [Double]) -> Double {
        switch self {
        case .gaussian: return LineShape.gaussian(x, p[0], p[1], p[2])
        case .lorentzian: return LineShape.lorentzian(x, p[0], p[1], p[2])
        case .pseudoVoigt:
            return (1 - p[3]) * LineShape.gaussian(x, p[0], p[1], p[2] / LineShape.voigtScale) + p[3] * LineShape.lorentzian(x, p[0], p[1], p[2])
        case .linear: return p[0] * x + p[1]
        case .quadratic: return p[0] * x * x + p[1] * x + p[2]
        case .exponential: return p[0] * Glibc.exp(-x / LineShape.notZero(p[1]))
        case .step: return p[0] * (1 + Glibc.erf((x - p[1]) / p[2])) / 2.0
        }
    }

    /// ∂value/∂p at `x`, written into `gradient` (one entry per parameter).
    public func gradient(_ x: Double, _ p: [Double], into gradient: inout [Double]) {
        switch self {
        case .gaussian: LineShape.gaussianGradient(x, p[0], p[1], p[2], &gradient, scale: 1, sigmaScale: 1)
        case .lorentzian: LineShape.lorentzianGradient(x, p[0], p[1], p[2], &gradient, scale: 1)
        case .pseudoVoigt:
            let k = LineShape.voigtScale
            var g = [0.0, 0.0, 0.0], l = [0.0, 0.0, 0.0]
            LineShape.gaussianGradient(x, p[0], p[1], p[2] / k, &g, scale: 1 - p[3], sigmaScale: 1 / k)
            LineShape.lorentzianGradient(x, p[0], p[1], p[2], &l, scale: p[3])
            for i in 0..<3 { gradient[i] = g[i] + l[i] }
            gradient[3] = -LineShape.gaussian(x, p[0], p[1], p[2] / k) + LineShape.lorentzian(x, p[0], p[1], p[2])
        case .linear: gradient[0] = x; gradient[1] = 1
        case .quadratic: gradient[0] = x * x; gradient[1] = x; gradient[2] = 1
        case .exponential:
            let d = LineShape.notZero(p[1])
            let e = Glibc.exp(-x / d)
            gradient[0] = e
            gradient[1] = p[0] * e * x / (d * d)
        case .step:
            let u = (x - p[1]) / p[2]
            let bump = p[0] * Glibc.exp(-u * u) / Double.pi.squareRoot()
            gradient[0] = (1 + Glibc.erf(u)) / 2
            gradient[1] = -bump / p[2]
            gradient[2] = -bump * u / p[2]
        }
    }

    static func gaussian(_ x: Double, _ a: Double, _ c: Double, _ s: Double) -> Double {
        (a / Swift.max(tiny, s2pi * s)) * Glibc.exp(-(x - c) * (x - c) / Swift.max(tiny, 2 * s * s))
    }

    static func lorentzian(_ x: Double, _ a: Double, _ c: Double, _ s: Double) -> Double {
        let u = (x - c) / Swift.max(tiny, s)
        return (a / (1 + u * u)) / Swift.max(tiny, Double.pi * s)
    }

    private static func gaussianGradient(_ x: Double, _ a: Double, _ c: Double, _ s: Double, _ g: inout [Double],
                                         scale: Double, sigmaScale: Double) {
        let e = Glibc.exp(-(x - c) * (x - c) / Swift.max(tiny, 2 * s * s))
        let norm = 1 / Swift.max(tiny, s2pi * s)
        let value = a * norm * e
        g[0] = scale * norm * e
        g[1] = scale * value * (x - c) / (s * s)
        g[2] = scale * sigmaScale * value * ((x - c) * (x - c) / (s * s * s) - 1 / s)
    }

    private static func lorentzianGradient(_ x: Double, _ a: Double, _ c: Double, _ s: Double, _ g: inout [Double], scale: Double) {
        let u = (x - c) / s
        let d = 1 + u * u
        let value = a / (d * Double.pi * s)
        g[0] = scale / (d * Double.pi * s)
        g[1] = scale * value * 2 * u / (s * d)
        g[2] = scale * value * (-1 / s + 2 * u * u / (s * d))
    }

    private static func notZero(_ v: Double) -> Double {
        Swift.abs(v) < tiny ? (v < 0 ? -tiny : tiny) : v
    }

    /// lmfit's derived parameters (`fwhm`, `height`) as functions of the fitted ones.
    public var derived: [(name: String, value: ([Double]) -> Double)] {
        switch self {
        case .gaussian:
            return [("fwhm", { 2.3548200 * $0[2] }), ("height", { 0.3989423 * $0[0] / Swift.max(LineShape.tiny, $0[2]) })]
        case .lorentzian:
            return [("fwhm", { 2.0000000 * $0[2] }), ("height", { 0.3183099 * $0[0] / Swift.max(LineShape.tiny, $0[2]) })]
        case .pseudoVoigt:
            return [("fwhm", { 2.0000000 * $0[2] }),
                    ("height", { p in ((1 - p[3]) * p[0]) / Swift.max(LineShape.tiny, p[2] * (Double.pi / Glibc.log(2.0)).squareRoot())
                        + (p[3] * p[0]) / Swift.max(LineShape.tiny, Double.pi * p[2]) })]
        default: return []
        }
    }

    /// lmfit's automatic starting values from the data (`Model.guess`).
    public func guess(x: [Double], y: [Double]) -> [Double] {
        switch self {
        case .gaussian: return LineShape.guessPeak(x, y, amplitudeScale: 1)
        case .lorentzian: return LineShape.guessPeak(x, y, amplitudeScale: 1.25)
        case .pseudoVoigt: return LineShape.guessPeak(x, y, amplitudeScale: 1.25) + [0.5]
        case .linear: return LineShape.polyfit(x, y, 1)
        case .quadratic: return LineShape.polyfit(x, y, 2)
        case .exponential:
            let logs = y.map { Glibc.log(Swift.abs($0) + 1e-15) }
            let line = LineShape.polyfit(x, logs, 1)
            return [Glibc.exp(line[1]), -1 / line[0]]
        case .step:
            let (ymin, ymax) = (y.min() ?? 0, y.max() ?? 1), (xmin, xmax) = (x.min() ?? 0, x.max() ?? 1)
            return [ymax - ymin, (xmax + xmin) / 2, (xmax - xmin) / 7]
        }
    }

    /// lmfit's `guess_from_peak` for a positive peak.
    static func guessPeak(_ xs: [Double], _ ys: [Double], amplitudeScale: Double) -> [Double] {
        let order = xs.indices.sorted { xs[$0] < xs[$1] }
        let x = order.map { xs[$0] }, y = order.map { ys[$0] }
        guard let maxy = y.max(), let miny = y.min(), let maxx = x.max(), let minx = x.min(),
              let top = y.firstIndex(of: maxy) else { return [1, 0, 1] }
        var center = x[top]
        let height = (maxy - miny) * 3
        var sigma = (maxx - minx) / 6
        let half = zip(x, y).filter { $0.1 > (maxy + miny) / 2 }.map(\.0)
        if half.count > 2, let hi = half.max(), let lo = half.min() {
            sigma = (hi - lo) / 2
            center = half.reduce(0, +) / Double(half.count)
        }
        return [height * sigma * amplitudeScale, center, sigma]
    }

    private static func polyfit(_ x: [Double], _ y: [Double], _ degree: Int) -> [Double] {
        // Normal equations are plenty for a starting point.
        let n = degree + 1
        var a = [Double](repeating: 0, count: n * n), b = [Double](repeating: 0, count: n)
        for (xi, yi) in zip(x, y) {
            var powers = [Double](repeating: 1, count: n)
            for j in stride(from: n - 2, through: 0, by: -1) { powers[j] = powers[j + 1] * xi }
            for r in 0..<n {
                b[r] += powers[r] * yi
                for c in 0..<n { a[r * n + c] += powers[r] * powers[c] }
            }
        }
        return LinearSolve.solve(a, b, n) ?? [Double](repeating: 0, count: n)
    }
}
