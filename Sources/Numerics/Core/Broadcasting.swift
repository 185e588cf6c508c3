/// numpy's broadcasting rules: shapes are aligned at their ends and a dimension of 1
/// stretches to match the other.
public enum Broadcasting {
    /// The shape two operands broadcast to, or numpy's error.
    public static func shape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else {
                throw NumericsError.value("operands could not be broadcast together with shapes \(shapeText(a)) \(shapeText(b)) ")
            }
        }
        return out
    }

    /// The shape many operands broadcast to.
    public static func shape(_ shapes: [[Int]]) throws -> [Int] {
        var out: [Int] = []
        for s in shapes { out = try shape(out, s) }
        try NDArray.checkAllocatable(out)
        return out
    }

    /// A read-only view of `array` stretched to `shape` (numpy's `broadcast_to`).
    public static func view(_ array: NDArray, as shape: [Int]) throws -> NDArray {
        let lead = shape.count - array.ndim
        guard lead >= 0 else {
            throw NumericsError.value("input operand has more dimensions than allowed by the axis remapping")
        }
        var strides = [Int](repeating: 0, count: shape.count)
        for d in 0..<array.ndim {
            let size = array.shape[d]
            if size == shape[lead + d] {
                strides[lead + d] = size == 1 ? 0 : array.strides[d]
            } else if size == 1 {
                strides[lead + d] = 0
            } else {
                throw NumericsError.value("could not broadcast input array from shape \(shapeText(array.shape)) into shape \(shapeText(shape))")
            }
        }
        return NDArray(buffer: array.buffer, shape: shape, strides: strides, offset: array.offset, elementType: array.elementType)
    }
}

/// Loops over broadcast operands with the innermost dimension as a tight strided loop.
enum StridedLoop {
    /// Calls `row(count, offsetA, strideA, offsetB, strideB, outIndex)` for every innermost
    /// row of two views of the same shape, in C order.
    @inline(__always)
    static func pairs(_ a: NDArray, _ b: NDArray, _ row: (Int, Int, Int, Int, Int, Int) -> Void) {
        let shape = a.shape
        if shape.isEmpty { row(1, a.offset, 0, b.offset, 0, 0); return }
        if shape.contains(0) { return }
        let last = shape.count - 1
        let inner = shape[last]
        var counter = [Int](repeating: 0, count: shape.count)
        var oa = a.offset, ob = b.offset, out = 0
        while true {
            row(inner, oa, a.strides[last], ob, b.strides[last], out)
            out += inner
            var d = last - 1
            while d >= 0 {
                counter[d] += 1
                oa += a.strides[d]
                ob += b.strides[d]
                if counter[d] < shape[d] { break }
                oa -= a.strides[d] * shape[d]
                ob -= b.strides[d] * shape[d]
                counter[d] = 0
                d -= 1
            }
            if d < 0 { return }
        }
    }
}
