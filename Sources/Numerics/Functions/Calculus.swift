/// Running sums, differences, gradients, integrals and interpolation along an axis.
public enum Calculus {
    /// numpy's `cumsum` (all elements flattened when `axis` is nil).
    public static func cumulative(_ a: NDArray, axis: Int?, product: Bool = false) throws -> NDArray {
        let source = axis == nil || a.ndim == 0 ? a.raveled() : a
        let ax = try NDArray.normalizeAxis(axis ?? 0, source.ndim)
        let type: ElementType = source.elementType == .bool ? .int64 : source.elementType
        let result = source.contiguousCopy().converted(to: type)
        let moved = result.movingAxisToEnd(ax)
        let n = moved.shape[moved.ndim - 1], stride = moved.strides[moved.ndim - 1]
        let outer = NDArray(buffer: result.buffer, shape: Array(moved.shape.dropLast()), strides: Array(moved.strides.dropLast()),
                            offset: 0, elementType: type)
        outer.forEachOffset { o in
            let p = result.buffer.base + o
            var running = product ? 1.0 : 0.0
            for i in 0..<n {
                running = product ? running * p[i * stride] : running + p[i * stride]
                p[i * stride] = running
            }
        }
        return result
    }

    /// numpy's `diff`: the `n`-th difference along `axis`.
    public static func diff(_ a: NDArray, n: Int = 1, axis: Int = -1) throws -> NDArray {
        guard n >= 0 else { throw NumericsError.value("order must be non-negative but got \(n)") }
        guard a.ndim > 0 else { throw NumericsError.value("diff requires input that is at least one dimensional") }
        let ax = try NDArray.normalizeAxis(axis, a.ndim)
        var current = a
        for _ in 0..<n {
            let length = current.shape[ax]
            guard length > 0 else { break }
            let upper = current.slicedAxis(ax, from: 1, count: length - 1)
            let lower = current.slicedAxis(ax, from: 0, count: length - 1)
            current = try Elementwise.apply(current.elementType == .bool ? .notEqual : .subtract, upper, lower)
        }
        return current
    }

    /// numpy's `gradient` of a 1-D array: central differences inside, one-sided (first or
    /// second order) at the edges, with a scalar spacing or coordinates.
    public static func gradient(_ f: NDArray, spacing: NDArray? = nil, edgeOrder: Int = 1) throws -> NDArray {
        guard f.ndim == 1 else { throw NumericsError.value("gradient: only 1-D arrays are supported; use axis-wise slices for images") }
        let y = f.converted(to: .float64).values
        let n = y.count
        guard n >= edgeOrder + 1 else {
            throw NumericsError.value("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.")
        }
        guard edgeOrder == 1 || edgeOrder == 2 else { throw NumericsError.value("'edge_order' greater than 2 not supported") }
        var out = [Double](repeating: 0, count: n)
        var uniformSpacing = spacing?.scalarValue ?? 1
        if let spacing, spacing.count != 1 {
            guard spacing.ndim == 1 && spacing.count == n else {
                throw NumericsError.value("when 1d, distances must match the length of the corresponding dimension")
            }
            let x = spacing.values
            var dx = [Double](repeating: 0, count: n - 1)
            for i in 0..<(n - 1) { dx[i] = x[i + 1] - x[i] }
            if dx.allSatisfy({ $0 == dx[0] }) { uniformSpacing = dx[0] } else {
            for i in 1..<Swift.max(n - 1, 1) where i < n - 1 {
                let d1 = dx[i - 1], d2 = dx[i]
                let a = -(d2) / (d1 * (d1 + d2)), b = (d2 - d1) / (d1 * d2), c = d1 / (d2 * (d1 + d2))
                out[i] = a * y[i - 1] + b * y[i] + c * y[i + 1]
            }
            if edgeOrder == 1 {
                out[0] = (y[1] - y[0]) / dx[0]
                out[n - 1] = (y[n - 1] - y[n - 2]) / dx[n - 2]
            } else {
                var d1 = dx[0], d2 = dx[1]
                var a = -(2 * d1 + d2) / (d1 * (d1 + d2)), b = (d1 + d2) / (d1 * d2), c = -d1 / (d2 * (d1 + d2))
                out[0] = a * y[0] + b * y[1] + c * y[2]
                d1 = dx[n - 3]; d2 = dx[n - 2]
                a = d2 / (d1 * (d1 + d2)); b = -(d2 + d1) / (d1 * d2); c = (2 * d2 + d1) / (d2 * (d1 + d2))
                out[n - 1] = a * y[n - 3] + b * y[n - 2] + c * y[n - 1]
            }
            return NDArray(out)
            }
        }
        let h = uniformSpacing
        for i in 1..<Swift.max(n - 1, 1) where i < n - 1 { out[i] = (y[i + 1] - y[i - 1]) / (2 * h) }
        if edgeOrder == 1 {
            out[0] = (y[1] - y[0]) / h
            out[n - 1] = (y[n - 1] - y[n - 2]) / h
        } else {
            out[0] = (-1.5 / h) * y[0] + (2.0 / h) * y[1] + (-0.5 / h) * y[2]
            out[n - 1] = (0.5 / h) * y[n - 3] + (-2.0 / h) * y[n - 2] + (1.5 / h) * y[n - 1]
        }
        return NDArray(out)
    }

    /// numpy's `trapezoid` (formerly `trapz`) along `axis`, with sample points `x` or spacing `dx`.
    public static func trapezoid(_ y: NDArray, x: NDArray? = nil, dx: Double = 1, axis: Int = -1) throws -> NDArray {
        guard y.ndim > 0 else { throw NumericsError.value("axis \(axis) is out of bounds for array of dimension 0") }
        let ax = try NDArray.normalizeAxis(axis, y.ndim)
        let n = y.shape[ax]
        let d: NDArray
        if let x {
            if x.ndim == 1 {
                var shape = [Int](repeating: 1, count: y.ndim)
                shape[ax] = Swift.max(x.count - 1, 0)
                d = try diff(x, axis: 0).reshaped(shape)
            } else {
                d = try diff(x, axis: ax)
            }
        } else {
            d = .scalar(dx)
        }
        let upper = y.slicedAxis(ax, from: Swift.min(1, n), count: Swift.max(n - 1, 0))
        let lower = y.slicedAxis(ax, from: 0, count: Swift.max(n - 1, 0))
        let terms = try Elementwise.apply(.divide, Elementwise.apply(.multiply, d, Elementwise.apply(.add, upper, lower)), .scalar(2.0))
        return try terms.converted(to: .float64).reduced(.sum, axis: ax)
    }

    /// numpy's `interp`: piecewise-linear interpolation of (xp, fp) at `x`.
    public static func interp(_ x: NDArray, _ xp: NDArray, _ fp: NDArray, left: Double? = nil, right: Double? = nil) throws -> NDArray {
        let xs = xp.converted(to: .float64).raveled().values, fs = fp.converted(to: .float64).raveled().values
        guard xs.count == fs.count else { throw NumericsError.value("fp and xp are not of the same length.") }
        guard !xs.isEmpty else { throw NumericsError.value("array of sample points is empty") }
        let leftValue = left ?? fs[0], rightValue = right ?? fs[fs.count - 1]
        let n = xs.count
        return x.map(.float64) { v in
            if v.isNaN { return v }
            if v < xs[0] { return leftValue }
            if v > xs[n - 1] { return rightValue }
            if v == xs[n - 1] { return fs[n - 1] }
            if n == 1 { return fs[0] }
            // binary search for j with xs[j] <= v < xs[j + 1]
            var lo = 0, hi = n - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if xs[mid] <= v { lo = mid } else { hi = mid }
            }
            let slope = (fs[lo + 1] - fs[lo]) / (xs[lo + 1] - xs[lo])
            var result = slope * (v - xs[lo]) + fs[lo]
            if result.isNaN {
                result = slope * (v - xs[lo + 1]) + fs[lo + 1]
                if result.isNaN && fs[lo] == fs[lo + 1] { result = fs[lo] }
            }
            return result
        }
    }
}
