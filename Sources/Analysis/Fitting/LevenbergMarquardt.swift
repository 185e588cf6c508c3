import Glibc

/// Bounded least squares by Levenberg–Marquardt (Nielsen's damping update), with bounds
/// handled by lmfit's (MINUIT's) change of variables so results agree with lmfit's.
public enum CurveFit {
    /// Fits `problem`; throws when the problem is malformed (lengths, too few points).
    public static func fit(_ problem: FitProblem) throws -> FitResult {
        let names = problem.parameterNames
        let x = problem.x, y = problem.y
        guard x.count == y.count else { throw FitError("x and y have different lengths (\(x.count) and \(y.count))") }
        if let w = problem.weights, w.count != y.count { throw FitError("weights have \(w.count) values for \(y.count) points") }
        if problem.background && (problem.shape == .linear || problem.shape == .quadratic) {
            throw FitError("\(problem.shape.rawValue) already has a constant term; fit it without background")
        }
        for name in problem.initial.keys where !names.contains(name) {
            throw FitError("\(problem.shape.rawValue) has no parameter '\(name)' (its parameters: \(names.joined(separator: ", ")))")
        }
        guard !x.isEmpty, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            throw FitError("the data must be finite numbers (found NaN or infinity, or no points)")
        }

        // Starting values: the caller's, else lmfit's guess (on data less the background).
        let background0 = problem.background ? (problem.initial["c"] ?? (y.min() ?? 0)) : 0
        let guess = problem.shape.guess(x: x, y: problem.background ? y.map { $0 - background0 } : y)
        var start = zip(problem.shape.parameterNames, guess).map { problem.initial[$0.0] ?? $0.1 }
        if problem.background { start.append(background0) }
        var bounds = names.map { name -> Bound in
            let (lo, hi) = problem.bounds[name] ?? problem.shape.bounds[name] ?? (nil, nil)
            return Bound(lower: lo ?? -.infinity, upper: hi ?? .infinity)
        }
        for i in bounds.indices { start[i] = bounds[i].clamp(start[i]) }
        let varying = names.indices.filter { !problem.fixed.contains(names[$0]) }
        let nvarys = varying.count
        guard y.count > nvarys else {
            throw FitError("\(y.count) points cannot determine \(nvarys) parameters")
        }

        var evaluator = Evaluator(problem: problem)
        var external = start
        var u = varying.map { bounds[$0].internalValue(start[$0]) }
        func setExternal(_ u: [Double]) {
            for (k, i) in varying.enumerated() { external[i] = bounds[i].externalValue(u[k]) }
        }
        var residual = evaluator.residual(external)
        var chi2 = residual.reduce(0) { $0 + $1 * $1 }
        var lambda = -1.0, nu = 2.0
        var success = false, message = "the fit did not converge in 2000 iterations"
        if nvarys == 0 { success = true; message = "Nothing to fit: every parameter is fixed." }
        iterations: for _ in 0..<(nvarys == 0 ? 0 : 2000) {
            let jac = internalJacobian(&evaluator, external, u, varying, bounds)
            let (a, g) = normalEquations(jac, residual, nvarys)
            if lambda < 0 { lambda = 1e-3 * Swift.max((0..<nvarys).map { a[$0 * nvarys + $0] }.max() ?? 1, 1e-300) }
            while true {
                var damped = a
                for k in 0..<nvarys { damped[k * nvarys + k] += lambda * Swift.max(a[k * nvarys + k], 1e-300) }
                guard let step = LinearSolve.solve(damped, g.map { -$0 }, nvarys) else {
                    lambda *= nu; nu *= 2
                    if lambda > 1e300 { message = "the normal equations are singular"; break iterations }
                    continue
                }
                let trial = zip(u, step).map { $0 + $1 }
                setExternal(trial)
                let trialResidual = evaluator.residual(external)
                let trialChi2 = trialResidual.reduce(0) { $0 + $1 * $1 }
                var predicted = 0.0
                for k in 0..<nvarys { predicted += -step[k] * g[k] + lambda * Swift.max(a[k * nvarys + k], 1e-300) * step[k] * step[k] }
                let smallStep = zip(step, trial).allSatisfy { Swift.abs($0) <= 1e-13 * (Swift.abs($1) + 1e-13) }
                if trialChi2.isFinite && trialChi2 < chi2 {
                    let rho = (chi2 - trialChi2) / Swift.max(predicted, 1e-300)
                    let decrease = chi2 - trialChi2
                    u = trial
                    residual = trialResidual
                    chi2 = trialChi2
                    lambda *= Swift.max(1.0 / 3.0, 1 - Glibc.pow(2 * rho - 1, 3))
                    nu = 2
                    if smallStep || decrease <= 1e-15 * chi2 {
                        success = true
                        message = "Fit succeeded."
                        break iterations
                    }
                    break
                }
                setExternal(u)
                if smallStep || lambda > 1e16 {
                    success = true
                    message = "Fit succeeded."
                    break iterations
                }
                lambda *= nu
                nu *= 2
            }
        }
        setExternal(u)
        residual = evaluator.residual(external)
        chi2 = residual.reduce(0) { $0 + $1 * $1 }
        return Summary.make(problem, evaluator: &evaluator, values: external, start: start, bounds: bounds,
                            varying: varying, residual: residual, chi2: chi2, success: success, message: message)
    }

    /// The Jacobian in internal (unbounded) coordinates: external columns times dExt/dInt.
    private static func internalJacobian(_ evaluator: inout Evaluator, _ external: [Double], _ u: [Double],
                                         _ varying: [Int], _ bounds: [Bound]) -> [Double] {
        var jac = evaluator.jacobian(external, varying)
        let m = evaluator.count
        for (k, i) in varying.enumerated() {
            let d = bounds[i].derivative(u[k])
            for r in 0..<m { jac[k * m + r] *= d }
        }
        return jac
    }

    /// JᵀJ (row-major, n × n) and Jᵀr for a column-major Jacobian of m rows.
    static func normalEquations(_ jac: [Double], _ r: [Double], _ n: Int) -> ([Double], [Double]) {
        let m = r.count
        var a = [Double](repeating: 0, count: n * n), g = [Double](repeating: 0, count: n)
        jac.withUnsafeBufferPointer { j in
            for p in 0..<n {
                var s = 0.0
                for k in 0..<m { s += j[p * m + k] * r[k] }
                g[p] = s
                for q in 0...p {
                    var t = 0.0
                    for k in 0..<m { t += j[p * m + k] * j[q * m + k] }
                    a[p * n + q] = t
                    a[q * n + p] = t
                }
            }
        }
        return (a, g)
    }
}

/// A parameter's bounds and lmfit's change of variables for them.
struct Bound {
    var lower: Double
    var upper: Double

    func clamp(_ v: Double) -> Double { Swift.min(Swift.max(v, lower), upper) }

    func internalValue(_ v: Double) -> Double {
        switch (lower.isFinite, upper.isFinite) {
        case (true, true): return Glibc.asin(Swift.min(Swift.max(2 * (v - lower) / (upper - lower) - 1, -1), 1))
        case (true, false): return ((v - lower + 1) * (v - lower + 1) - 1).squareRoot()
        case (false, true): return ((upper - v + 1) * (upper - v + 1) - 1).squareRoot()
        case (false, false): return v
        }
    }

    func externalValue(_ u: Double) -> Double {
        switch (lower.isFinite, upper.isFinite) {
        case (true, true): return lower + (Glibc.sin(u) + 1) * (upper - lower) / 2
        case (true, false): return lower - 1 + (u * u + 1).squareRoot()
        case (false, true): return upper + 1 - (u * u + 1).squareRoot()
        case (false, false): return u
        }
    }

    func derivative(_ u: Double) -> Double {
        switch (lower.isFinite, upper.isFinite) {
        case (true, true): return Glibc.cos(u) * (upper - lower) / 2
        case (true, false): return u / (u * u + 1).squareRoot()
        case (false, true): return -u / (u * u + 1).squareRoot()
        case (false, false): return 1
        }
    }
}

/// Evaluates the model, residuals and Jacobian of a problem, counting evaluations.
struct Evaluator {
    let problem: FitProblem
    private(set) var evaluations = 0
    var count: Int { problem.x.count }

    init(problem: FitProblem) {
        self.problem = problem
    }

    /// (model − y) × w.
    mutating func residual(_ p: [Double]) -> [Double] {
        evaluations += 1
        let shape = problem.shape, n = shape.parameterNames.count
        let c = problem.background ? p[n] : 0
        let sp = Array(p.prefix(n))
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            var r = shape.value(problem.x[i], sp) + c - problem.y[i]
            if let w = problem.weights { r *= w[i] }
            out[i] = r
        }
        return out
    }

    /// Column-major ∂residual/∂p for the `columns` parameters.
    func jacobian(_ p: [Double], _ columns: [Int]) -> [Double] {
        let shape = problem.shape, n = shape.parameterNames.count
        let sp = Array(p.prefix(n))
        var jac = [Double](repeating: 0, count: count * columns.count)
        var gradient = [Double](repeating: 0, count: n)
        for i in 0..<count {
            shape.gradient(problem.x[i], sp, into: &gradient)
            let w = problem.weights?[i] ?? 1
            for (k, column) in columns.enumerated() {
                jac[k * count + i] = (column < n ? gradient[column] : 1) * w
            }
        }
        return jac
    }
}
