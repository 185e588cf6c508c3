/// Sorting along an axis, NaN last as numpy sorts it.
public enum Sorting {
    /// numpy's ordering: numbers ascending, NaN after everything.
    @inline(__always)
    static func before(_ x: Double, _ y: Double) -> Bool {
        if x.isNaN { return false }
        if y.isNaN { return true }
        return x < y
    }

    /// A sorted copy (`axis` nil sorts the flattened array).
    public static func sort(_ a: NDArray, axis: Int? = -1) throws -> NDArray {
        try along(a, axis: axis, type: a.elementType) { row in
            // Numbers sorted with the plain `<` (fast), NaNs appended after them.
            var numbers = row.filter { !$0.isNaN }
            if numbers.count > 512 { radixSort(&numbers) } else { numbers.sort() }
            return numbers + [Double](repeating: .nan, count: row.count - numbers.count)
        }
    }

    /// The positions that would sort the array, stable for equal values.
    public static func argsort(_ a: NDArray, axis: Int? = -1) throws -> NDArray {
        try along(a, axis: axis, type: .int64) { row in
            row.indices.sorted { i, j in
                if before(row[i], row[j]) { return true }
                if before(row[j], row[i]) { return false }
                return i < j
            }.map(Double.init)
        }
    }

    /// Sorts finite and infinite doubles (no NaN) by an LSD radix sort on their bit patterns,
    /// mapped so unsigned order is numeric order: six passes of 11 bits, no comparisons.
    static func radixSort(_ values: inout [Double]) {
        let n = values.count
        var keys = values.map { v -> UInt64 in
            let bits = v.bitPattern
            return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }
        var scratch = [UInt64](repeating: 0, count: n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2048)
        defer { counts.deallocate() }
        keys.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { b in
                var source = a, target = b
                for pass in 0..<6 {
                    let shift = UInt64(pass * 11)
                    for i in 0..<2048 { counts[i] = 0 }
                    for i in 0..<n { counts[Int((source[i] >> shift) & 2047)] += 1 }
                    var total = 0
                    for i in 0..<2048 { let c = counts[i]; counts[i] = total; total += c }
                    for i in 0..<n {
                        let key = source[i]
                        let bucket = Int((key >> shift) & 2047)
                        target[counts[bucket]] = key
                        counts[bucket] += 1
                    }
                    swap(&source, &target)
                }
                // Six passes: the sorted keys are back in the first buffer.
            }
        }
        for i in 0..<n {
            let key = keys[i]
            values[i] = Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
        }
    }

    /// numpy's `searchsorted` with side "left" or "right".
    public static func searchSorted(_ sorted: NDArray, _ values: NDArray, right: Bool = false) -> NDArray {
        let s = sorted.raveled().values
        return values.map(.int64) { v in
            var lo = 0, hi = s.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if right ? !before(v, s[mid]) : before(s[mid], v) { lo = mid + 1 } else { hi = mid }
            }
            return Double(lo)
        }
    }

    /// Applies `transform` to every line along `axis` and reassembles the array.
    static func along(_ a: NDArray, axis: Int?, type: ElementType, _ transform: ([Double]) -> [Double]) throws -> NDArray {
        let source = axis == nil ? a.raveled() : a
        if source.ndim == 0 { throw NumericsError.value("axis \(axis ?? 0) is out of bounds for array of dimension 0") }
        let ax = try NDArray.normalizeAxis(axis ?? 0, source.ndim)
        let result = NDArray(shape: source.shape, elementType: type)
        let movedSource = source.movingAxisToEnd(ax), movedResult = result.movingAxisToEnd(ax)
        let n = movedSource.shape[source.ndim - 1]
        let outer = Array(movedSource.shape.dropLast())
        var sourceOffsets: [Int] = [], resultOffsets: [Int] = []
        NDArray(buffer: source.buffer, shape: outer, strides: Array(movedSource.strides.dropLast()), offset: source.offset,
                elementType: source.elementType).forEachOffset { sourceOffsets.append($0) }
        NDArray(buffer: result.buffer, shape: outer, strides: Array(movedResult.strides.dropLast()), offset: 0,
                elementType: type).forEachOffset { resultOffsets.append($0) }
        let ss = movedSource.strides[source.ndim - 1], rs = movedResult.strides[source.ndim - 1]
        for (so, ro) in zip(sourceOffsets, resultOffsets) {
            let row = (0..<n).map { source.buffer.base[so + $0 * ss] }
            for (i, v) in transform(row).enumerated() { result.buffer.base[ro + i * rs] = v }
        }
        return result
    }
}
