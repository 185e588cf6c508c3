/// Small dense symmetric systems, as the fitter needs them (a handful of parameters).
enum LinearSolve {
    /// Solves `a x = b` for a symmetric positive-definite `n × n` row-major `a` by Cholesky;
    /// nil when `a` is not positive definite.
    static func solve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        guard let l = cholesky(a, n) else { return nil }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<Swift.max(n, i + 1) where k < n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }

    /// The inverse of a symmetric positive-definite matrix, or nil when singular.
    static func inverse(_ a: [Double], _ n: Int) -> [Double]? {
        var out = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            guard let column = solve(a, e, n) else { return nil }
            for i in 0..<n { out[i * n + j] = column[i] }
        }
        return out
    }

    private static func cholesky(_ a: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        return l
    }
}
