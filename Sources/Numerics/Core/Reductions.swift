import Glibc

/// A reduction of many elements to one (numpy's `sum`, `min`, `argmax`, …).
public enum Reduction: String, Sendable {
    case sum, prod, min, max, mean, argmin, argmax, any, all, ptp

    /// The type of the reduced value for elements of `type`.
    func resultType(_ type: ElementType) -> ElementType {
        switch self {
        case .sum, .prod: return type == .bool ? .int64 : type
        case .mean: return .float64
        case .argmin, .argmax: return .int64
        case .any, .all: return .bool
        case .min, .max, .ptp: return type
        }
    }

    /// numpy's ufunc name in "no identity" errors.
    var ufuncName: String {
        switch self {
        case .min: return "minimum"
        case .max, .ptp: return "maximum"
        default: return rawValue
        }
    }
}

extension NDArray {
    /// Reduces along `axis` (all elements when nil); `keepdims` keeps the axis with length one.
    public func reduced(_ reduction: Reduction, axis: Int? = nil, keepdims: Bool = false) throws -> NDArray {
        if reduction == .mean, ndim == 0, let axis { throw NumericsError.value("axis \(axis) is out of bounds for array of dimension 0") }
        if reduction == .ptp && elementType == .bool {
            throw NumericsError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        var emptyAxis = false
        if let axis, ndim > 0 { emptyAxis = shape[try NDArray.normalizeAxis(axis, ndim)] == 0 }
        if [.min, .max, .ptp].contains(reduction), emptyAxis {
            throw NumericsError.value("zero-size array to reduction operation \(reduction.ufuncName) which has no identity")
        }
        if [.argmin, .argmax].contains(reduction), emptyAxis {
            throw NumericsError.value("attempt to get \(reduction.rawValue) of an empty sequence")
        }
        if let axis, ndim > 1, reduction == .sum || reduction == .mean, isContiguous {
            let ax = try NDArray.normalizeAxis(axis, ndim)
            if ax < ndim - 1 { return try accumulatedRows(reduction, axis: ax, keepdims: keepdims) }
        }
        return try reducedRows(reduction.resultType(elementType), axis: axis, keepdims: keepdims) { (p, n, stride) throws -> Double in
            try NDArray.reduceRow(reduction, p, n, stride)
        }
    }

    /// Applies `row` to every line of elements along `axis` (or to all elements) and returns
    /// the array of results.
    public func reducedRows(_ type: ElementType, axis: Int?, keepdims: Bool,
                            _ row: (UnsafePointer<Double>, Int, Int) throws -> Double) throws -> NDArray {
        guard let axis else {
            let source = contiguous()
            let value = try row(source.buffer.base + source.offset, source.count, 1)
            let shape = keepdims ? [Int](repeating: 1, count: ndim) : []
            return NDArray([value], shape: shape, elementType: type)
        }
        if ndim == 0 {
            // numpy's ufunc reductions accept axis 0 / -1 on a 0-d array (mean, median … do not).
            guard axis == 0 || axis == -1 else { throw NumericsError.value("axis \(axis) is out of bounds for array of dimension 0") }
            return try reducedRows(type, axis: nil, keepdims: keepdims, row)
        }
        let ax = try NDArray.normalizeAxis(axis, ndim)
        let moved = movingAxisToEnd(ax)
        let outer = Array(moved.shape.dropLast())
        let n = moved.shape[ndim - 1], stride = moved.strides[ndim - 1]
        let outerView = NDArray(buffer: buffer, shape: outer, strides: Array(moved.strides.dropLast()),
                                offset: offset, elementType: elementType)
        var results: [Double] = []
        results.reserveCapacity(NDArray.product(outer))
        var failure: Error?
        outerView.forEachOffset { o in
            if failure != nil { return }
            do { results.append(try row(buffer.base + o, n, stride)) } catch { failure = error }
        }
        if let failure { throw failure }
        var shape = outer
        if keepdims { shape.insert(1, at: ax) }
        return NDArray(results, shape: shape, elementType: type)
    }

    /// Sum or mean along a non-innermost axis of a C-ordered array, adding whole slabs in
    /// order (numpy's order for such reductions, and cache-friendly).
    private func accumulatedRows(_ reduction: Reduction, axis: Int, keepdims: Bool) throws -> NDArray {
        let outer = NDArray.product(Array(shape[..<axis]))
        let n = shape[axis]
        let inner = NDArray.product(Array(shape[(axis + 1)...]))
        var outShape = shape
        outShape.remove(at: axis)
        let source = buffer.base + offset
        var result = NDArray.make(shape: outShape, elementType: reduction.resultType(elementType)) { out, _ in
            for o in 0..<outer {
                let target = out + o * inner
                target.initialize(repeating: 0, count: inner)
                for k in 0..<n {
                    let slab = source + (o * n + k) * inner
                    for j in 0..<inner { target[j] += slab[j] }
                }
                if reduction == .mean {
                    let count = Double(n)
                    for j in 0..<inner { target[j] /= count }
                }
            }
        }
        if keepdims { result = try result.expandingDimension(at: axis) }
        return result
    }

    /// One reduction over `n` elements `stride` apart.
    static func reduceRow(_ reduction: Reduction, _ p: UnsafePointer<Double>, _ n: Int, _ stride: Int) throws -> Double {
        switch reduction {
        case .sum:
            if stride == 1 { return 0 + Summation.pairwise(p, n) }
            var s = 0.0
            for i in 0..<n { s += p[i * stride] }
            return s
        case .mean:
            let s = stride == 1 ? 0 + Summation.pairwise(p, n) : (0..<n).reduce(0.0) { $0 + p[$1 * stride] }
            return s / Double(n)
        case .prod:
            var s = 1.0
            for i in 0..<n { s *= p[i * stride] }
            return s
        case .min, .max, .ptp:
            guard n > 0 else { throw NumericsError.value("zero-size array to reduction operation \(reduction.ufuncName) which has no identity") }
            var lo = p[0], hi = p[0]
            for i in 0..<n {
                let v = p[i * stride]
                if v.isNaN { return .nan }
                if v < lo { lo = v }
                if v > hi { hi = v }
            }
            return reduction == .min ? lo : (reduction == .max ? hi : hi - lo)
        case .argmin, .argmax:
            guard n > 0 else { throw NumericsError.value("attempt to get \(reduction.rawValue) of an empty sequence") }
            var best = p[0], index = 0
            if best.isNaN { return 0 }
            for i in 1..<Swift.max(n, 1) where i < n {
                let v = p[i * stride]
                if v.isNaN { return Double(i) }
                if reduction == .argmin ? v < best : v > best { best = v; index = i }
            }
            return Double(index)
        case .any:
            for i in 0..<n where p[i * stride] != 0 { return 1 }
            return 0
        case .all:
            for i in 0..<n where p[i * stride] == 0 { return 0 }
            return 1
        }
    }

    /// numpy's `var`: the mean of squared deviations, divided by `n - ddof`.
    public func variance(axis: Int? = nil, ddof: Double = 0, keepdims: Bool = false) throws -> NDArray {
        if ndim == 0, let axis { throw NumericsError.value("axis \(axis) is out of bounds for array of dimension 0") }
        var n = Double(count)
        if let axis, ndim > 0 { n = Double(shape[try NDArray.normalizeAxis(axis, ndim)]) }
        let mean = try Elementwise.apply(.divide, reduced(.sum, axis: axis, keepdims: true).converted(to: .float64), .scalar(n))
        let deviation = try Elementwise.apply(.subtract, converted(to: .float64), mean)
        let squared = try Elementwise.apply(.multiply, deviation, deviation)
        let total = try squared.reduced(.sum, axis: axis, keepdims: keepdims)
        return try Elementwise.apply(.divide, total, .scalar(Swift.max(n - ddof, 0)))
    }

    /// numpy's `std`: the square root of `variance`.
    public func standardDeviation(axis: Int? = nil, ddof: Double = 0, keepdims: Bool = false) throws -> NDArray {
        try UnaryOperation.sqrt.apply(variance(axis: axis, ddof: ddof, keepdims: keepdims))
    }

    /// numpy's `median` (NaN when any element is NaN).
    public func median(axis: Int? = nil, keepdims: Bool = false) throws -> NDArray {
        if ndim == 0, let axis { throw NumericsError.value("axis \(axis) is out of bounds for array of dimension 0") }
        return try reducedRows(.float64, axis: axis, keepdims: keepdims) { p, n, stride in
            guard n > 0 else { return .nan }
            var row = (0..<n).map { p[$0 * stride] }
            if row.contains(where: \.isNaN) { return .nan }
            row.sort()
            return n % 2 == 1 ? row[n / 2] : (row[n / 2 - 1] + row[n / 2]) / 2
        }
    }

    /// numpy's `quantile` with the default linear method (`fraction` in [0, 1]).
    public func quantile(_ fraction: Double, axis: Int? = nil, keepdims: Bool = false) throws -> NDArray {
        guard fraction >= 0 && fraction <= 1 else { throw NumericsError.value("Quantiles must be in the range [0, 1]") }
        if ndim == 0, let axis { throw NumericsError.value("axis \(axis) is out of bounds for array of dimension 0") }
        if elementType == .bool {
            throw NumericsError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        var empty = count == 0
        if let axis, ndim > 0 { empty = shape[try NDArray.normalizeAxis(axis, ndim)] == 0 }
        if empty {
            throw NumericsError.index("index -1 is out of bounds for axis 0 with size 0")
        }
        return try reducedRows(.float64, axis: axis, keepdims: keepdims) { p, n, stride in
            guard n > 0 else { return .nan }
            var row = (0..<n).map { p[$0 * stride] }
            if row.contains(where: \.isNaN) { return .nan }
            row.sort()
            let virtual = Double(n) * fraction + (1 + fraction * -1) - 1
            let previous = Swift.min(Swift.max(Glibc.floor(virtual), 0), Double(n - 1))
            let next = Swift.min(previous + 1, Double(n - 1))
            let gamma = virtual - Glibc.floor(virtual)
            let a = row[Int(previous)], b = row[Int(next)]
            let diff = b - a
            return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
        }
    }
}
