import Glibc

/// lmfit's `fit_report()` text for a result.
public enum FitReport {
    /// The report: model, fit statistics, variables with errors, correlations above 0.1.
    public static func text(_ r: FitResult) -> String {
        var lines = ["[[Model]]", "    " + modelName(r.problem), "[[Fit Statistics]]",
                     "    # fitting method   = leastsq",
                     "    # function evals   = \(r.nfev)",
                     "    # data points      = \(r.ndata)",
                     "    # variables        = \(r.nvarys)",
                     "    chi-square         = \(g(r.chiSquare))",
                     "    reduced chi-square = \(g(r.reducedChiSquare))",
                     "    Akaike info crit   = \(g(r.aic))",
                     "    Bayesian info crit = \(g(r.bic))",
                     "    R-squared          = \(g(r.rSquared))",
                     "[[Variables]]"]
        let width = (r.parameters.map(\.name.count).max() ?? 0) + 1
        for p in r.parameters {
            var line = "    " + (p.name + ":").padding(width + 1) + " " + g(p.value)
            if let e = p.standardError {
                line += " +/- " + g(e)
                if p.value != 0 { line += " (" + fixed(Swift.abs(e / p.value) * 100, 2) + "%)" }
            } else if !p.varies && p.expression == nil {
                line += " (fixed)"
            }
            if let expression = p.expression { line += " == '\(expression)'" } else if let i = p.initialValue { line += " (init = \(g(i, digits: 7)))" }
            lines.append(line)
        }
        let varied = r.parameters.filter(\.varies).map(\.name)
        if let c = r.covariance, varied.count > 1 {
            var pairs: [(String, Double)] = []
            let n = varied.count
            for i in 0..<n { for j in (i + 1)..<n {
                let corr = c[i * n + j] / (c[i * n + i] * c[j * n + j]).squareRoot()
                if Swift.abs(corr) > 0.1 { pairs.append(("C(\(varied[i]), \(varied[j]))", corr)) }
            } }
            if !pairs.isEmpty {
                lines.append("[[Correlations]] (unreported correlations are < 0.100)")
                let w = pairs.map(\.0.count).max() ?? 0
                for (name, corr) in pairs.sorted(by: { Swift.abs($0.1) > Swift.abs($1.1) }) {
                    lines.append("    " + name.padding(w) + " = " + (corr >= 0 ? "+" : "") + fixed(corr, 4))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func modelName(_ p: FitProblem) -> String {
        "Model(\(p.shape.rawValue))" + (p.background ? " + Model(constant)" : "")
    }

    /// A number to about `digits` significant figures, as lmfit's reports print them.
    static func g(_ v: Double, digits: Int = 8) -> String {
        if !v.isFinite { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        let magnitude = v == 0 ? 0 : Int(Glibc.floor(Glibc.log10(Swift.abs(v))))
        if magnitude < -4 || magnitude >= 15 { return c("%.\(digits - 1)e", v) }
        return c("%.\(Swift.max(0, digits - 1 - magnitude))f", v)
    }

    static func fixed(_ v: Double, _ decimals: Int) -> String { c("%.\(decimals)f", v) }

    private static func c(_ format: String, _ v: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([v]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(cString: buffer)
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
