import Glibc

/// Least-squares polynomial fits and their evaluation (`polyfit`, `polyval`).
public enum Polynomial {
    /// numpy's `polyfit(x, y, deg)`: coefficients, highest power first, minimising the
    /// squared residuals (columns scaled as numpy scales them, solved by Householder QR).
    public static func fit(x: NDArray, y: NDArray, degree: Int, weights: NDArray? = nil) throws -> NDArray {
        guard degree >= 0 else { throw NumericsError.value("expected deg >= 0") }
        guard x.ndim == 1 else { throw NumericsError.type("expected 1D vector for x") }
        guard x.count > 0 else { throw NumericsError.type("expected non-empty vector for x") }
        guard y.ndim == 1 else { throw NumericsError.type("expected 1D vector for y") }
        guard x.count == y.count else { throw NumericsError.type("expected x and y to have same length") }
        let xs = x.values
        var ys = y.values
        let m = xs.count, n = degree + 1
        guard m >= n else { throw NumericsError.value("polyfit: \(m) points cannot determine a degree-\(degree) polynomial (need at least \(n))") }
        // Vandermonde matrix, column-major: column j holds x^(deg - j).
        var a = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            var power = 1.0
            for j in stride(from: n - 1, through: 0, by: -1) {
                a[j * m + i] = power
                power *= xs[i]
            }
        }
        if let weights {
            let w = weights.values
            guard w.count == m else { throw NumericsError.type("expected w and y to have the same length") }
            for i in 0..<m {
                for j in 0..<n { a[j * m + i] *= w[i] }
                ys[i] *= w[i]
            }
        }
        var scale = [Double](repeating: 0, count: n)
        for j in 0..<n {
            var s = 0.0
            for i in 0..<m { s += a[j * m + i] * a[j * m + i] }
            scale[j] = Glibc.sqrt(s)
            if scale[j] == 0 { scale[j] = 1 }
            for i in 0..<m { a[j * m + i] /= scale[j] }
        }
        let solution = try leastSquares(a, rows: m, columns: n, ys)
        return NDArray((0..<n).map { solution[$0] / scale[$0] })
    }

    /// Solves min ‖A c − b‖ for column-major `a` (rows × columns, rows ≥ columns) by QR.
    static func leastSquares(_ matrix: [Double], rows m: Int, columns n: Int, _ rhs: [Double]) throws -> [Double] {
        var a = matrix, b = rhs
        for k in 0..<n {
            var norm = 0.0
            for i in k..<m { norm = Glibc.hypot(norm, a[k * m + i]) }
            if norm == 0 { throw NumericsError.value("polyfit: the fit is singular (the x values do not determine the polynomial)") }
            if a[k * m + k] > 0 { norm = -norm }
            for i in k..<m { a[k * m + i] /= -norm }
            a[k * m + k] += 1
            for j in (k + 1)..<Swift.max(n, k + 1) where j < n {
                var s = 0.0
                for i in k..<m { s += a[k * m + i] * a[j * m + i] }
                s = -s / a[k * m + k]
                for i in k..<m { a[j * m + i] += s * a[k * m + i] }
            }
            var s = 0.0
            for i in k..<m { s += a[k * m + i] * b[i] }
            s = -s / a[k * m + k]
            for i in k..<m { b[i] += s * a[k * m + i] }
            a[k * m + k] = norm
        }
        var c = [Double](repeating: 0, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            var s = b[k]
            for j in (k + 1)..<Swift.max(n, k + 1) where j < n { s -= a[j * m + k] * c[j] }
            c[k] = s / a[k * m + k]
        }
        return c
    }

    /// numpy's `polyval(p, x)` by Horner's rule.
    public static func evaluate(_ coefficients: NDArray, at x: NDArray) throws -> NDArray {
        let p = coefficients.values
        var y = NDArray(shape: x.shape, repeating: 0, elementType: ElementType.promoted(x.elementType, coefficients.elementType))
        for c in p {
            y = try Elementwise.apply(.add, Elementwise.apply(.multiply, y, x), .scalar(c, coefficients.elementType))
        }
        return y
    }
}
