/// Choosing and limiting elements: `where`, `clip`, `nan_to_num`, `nonzero`.
public enum Selection {
    /// numpy's three-argument `where(condition, x, y)` with broadcasting.
    public static func choose(_ condition: NDArray, _ x: NDArray, _ y: NDArray) throws -> NDArray {
        let shape = try Broadcasting.shape([condition.shape, x.shape, y.shape])
        let c = try Broadcasting.view(condition, as: shape).values
        let xv = try Broadcasting.view(x, as: shape).values, yv = try Broadcasting.view(y, as: shape).values
        return NDArray.make(shape: shape, elementType: ElementType.promoted(x.elementType, y.elementType)) { out, n in
            for i in 0..<n { out[i] = c[i] != 0 ? xv[i] : yv[i] }
        }
    }

    /// numpy's `clip`: values limited to [low, high] (either may be absent); NaN stays NaN.
    public static func clip(_ a: NDArray, low: NDArray?, high: NDArray?) throws -> NDArray {
        var result = a.contiguousCopy()
        if let low { result = try Elementwise.apply(.maximum, result, low) }
        if let high { result = try Elementwise.apply(.minimum, result, high) }
        return result
    }

    /// numpy's `nan_to_num`: NaN → `nan`, ±inf → `posinf`/`neginf` (the largest finite floats by default).
    public static func nanToNumber(_ a: NDArray, nan: Double = 0, posinf: Double? = nil, neginf: Double? = nil) -> NDArray {
        let high = posinf ?? Double.greatestFiniteMagnitude, low = neginf ?? -Double.greatestFiniteMagnitude
        return a.map(a.elementType) { $0.isNaN ? nan : ($0 == .infinity ? high : ($0 == -.infinity ? low : $0)) }
    }

    /// numpy's `nonzero`: one integer array of positions per dimension.
    public static func nonzero(_ a: NDArray) -> [NDArray] {
        // (A 0-d mask, used by indexing, selects its one element or none.)
        if a.ndim == 0 { return [NDArray(a.scalarValue != 0 ? [0] : [], elementType: .int64)] }
        var coordinates = [[Double]](repeating: [], count: a.ndim)
        var index = [Int](repeating: 0, count: a.ndim)
        a.forEachOffset { o in
            if a.buffer.base[o] != 0 { for d in 0..<a.ndim { coordinates[d].append(Double(index[d])) } }
            var d = a.ndim - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < a.shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return coordinates.map { NDArray($0, elementType: .int64) }
    }

    /// numpy's `unique`: the sorted distinct values (NaN once, last).
    public static func unique(_ a: NDArray) -> NDArray {
        let sorted = a.raveled().values.sorted(by: Sorting.before)
        var out: [Double] = []
        for v in sorted where out.last.map({ !($0 == v || ($0.isNaN && v.isNaN)) }) ?? true { out.append(v) }
        return NDArray(out, elementType: a.elementType)
    }
}
