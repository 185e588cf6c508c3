import Glibc

/// Turns a converged fit into lmfit's result: covariance scaled by the reduced chi-square,
/// standard errors, derived parameters with propagated errors, and the statistics.
enum Summary {
    static func make(_ problem: FitProblem, evaluator: inout Evaluator, values: [Double], start: [Double], bounds: [Bound],
                     varying: [Int], residual: [Double], chi2: Double, success: Bool, message: String) -> FitResult {
        let names = problem.parameterNames
        let ndata = problem.y.count, nvarys = varying.count
        let nfree = ndata - nvarys
        let redchi = chi2 / Double(Swift.max(nfree, 1))
        var covariance: [Double]?
        if nvarys > 0 {
            let jac = evaluator.jacobian(values, varying)
            let (a, _) = CurveFit.normalEquations(jac, residual, nvarys)
            covariance = LinearSolve.inverse(a, nvarys).map { $0.map { $0 * redchi } }
        }
        var parameters: [FitParameter] = names.indices.map { i in
            let k = varying.firstIndex(of: i)
            let stderr: Double? = k.flatMap { k in covariance.map { $0[k * nvarys + k].squareRoot() } }
            return FitParameter(name: names[i], value: values[i], standardError: stderr, initialValue: start[i],
                                minimum: bounds[i].lower, maximum: bounds[i].upper, varies: k != nil, expression: nil)
        }
        let shapeValues = Array(values.prefix(problem.shape.parameterNames.count))
        for (name, f) in problem.shape.derived {
            let value = f(shapeValues)
            var stderr: Double?
            if let covariance {
                // Propagate through the covariance with a central-difference gradient.
                var gradient = [Double](repeating: 0, count: nvarys)
                for (k, i) in varying.enumerated() where i < shapeValues.count {
                    let h = 1e-7 * Swift.max(Swift.abs(shapeValues[i]), 1e-7)
                    var up = shapeValues, down = shapeValues
                    up[i] += h
                    down[i] -= h
                    gradient[k] = (f(up) - f(down)) / (2 * h)
                }
                var variance = 0.0
                for p in 0..<nvarys { for q in 0..<nvarys { variance += gradient[p] * covariance[p * nvarys + q] * gradient[q] } }
                stderr = variance >= 0 ? variance.squareRoot() : nil
            }
            parameters.append(FitParameter(name: name, value: value, standardError: stderr, initialValue: nil,
                                           minimum: -.infinity, maximum: .infinity, varies: false, expression: expression(problem.shape, name)))
        }
        let fitted = zip(residual, problem.y).enumerated().map { i, pair -> Double in
            let w = problem.weights?[i] ?? 1
            return pair.0 / w + pair.1
        }
        let mean = problem.y.reduce(0, +) / Double(ndata)
        let total = problem.y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let n = Double(ndata)
        let chi2Floor = Swift.max(chi2, 1e-250 * n)
        return FitResult(problem: problem, parameters: parameters, bestFit: fitted, residual: residual, chiSquare: chi2,
                         reducedChiSquare: redchi, rSquared: 1 - chi2 / total,
                         aic: n * Glibc.log(chi2Floor / n) + 2 * Double(nvarys),
                         bic: n * Glibc.log(chi2Floor / n) + Glibc.log(n) * Double(nvarys),
                         ndata: ndata, nvarys: nvarys, nfev: evaluator.evaluations, success: success, message: message,
                         covariance: covariance)
    }

    private static func expression(_ shape: LineShape, _ name: String) -> String {
        switch (shape, name) {
        case (.gaussian, "fwhm"): return "2.3548200*sigma"
        case (.gaussian, "height"): return "0.3989423*amplitude/max(1e-15, sigma)"
        case (.lorentzian, "fwhm"), (.pseudoVoigt, "fwhm"): return "2.0000000*sigma"
        case (.lorentzian, "height"): return "0.3183099*amplitude/max(1e-15, sigma)"
        case (.pseudoVoigt, "height"): return "(((1-fraction)*amplitude)/max(1e-15, (sigma*sqrt(pi/log(2))))+(fraction*amplitude)/max(1e-15, (pi*sigma)))"
        default: return name
        }
    }
}
