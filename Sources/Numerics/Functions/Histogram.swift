/// numpy's `histogram`: counts in equal-width bins (or given edges) and the bin edges.
public enum Histogram {
    /// Counts of `a` in `bins` equal bins over `range` (the data's extent by default).
    public static func histogram(_ a: NDArray, bins: Int, range: (Double, Double)? = nil,
                                 weights: NDArray? = nil) throws -> (counts: NDArray, edges: NDArray) {
        guard bins >= 1 else { throw NumericsError.value("`bins` must be positive, when an integer") }
        let values = a.converted(to: .float64).raveled().values
        let w = try weights.map { w throws -> [Double] in
            guard w.count == values.count else { throw NumericsError.value("weights should have the same shape as a.") }
            return w.raveled().values
        }
        var (first, last): (Double, Double)
        if let range {
            (first, last) = range
            guard first <= last else { throw NumericsError.value("max must be larger than min in range parameter.") }
            guard first.isFinite && last.isFinite else { throw NumericsError.value("supplied range of [\(first), \(last)] is not finite") }
        } else if values.isEmpty {
            (first, last) = (0, 1)
        } else {
            first = values.contains(where: \.isNaN) ? .nan : values.min() ?? 0
            last = values.contains(where: \.isNaN) ? .nan : values.max() ?? 1
            guard first.isFinite && last.isFinite else {
                throw NumericsError.value("autodetected range of [\(first), \(last)] is not finite")
            }
        }
        if first == last { first -= 0.5; last += 0.5 }
        let (edges, _) = try Creation.linspace(start: first, stop: last, num: bins + 1)
        let e = edges.values
        var counts = [Double](repeating: 0, count: bins)
        let norm = Double(bins) / (last - first)
        for (i, x) in values.enumerated() where x >= first && x <= last {
            var index = Int((x - first) * norm)
            if index == bins { index -= 1 }
            if x < e[index] { index -= 1 }
            if index != bins - 1 && x >= e[index + 1] { index += 1 }
            counts[index] += w?[i] ?? 1
        }
        return (NDArray(counts, elementType: weights == nil ? .int64 : weights?.elementType ?? .float64), edges)
    }

    /// Counts of `a` between the given monotonic `edges` (the last bin includes its right edge).
    public static func histogram(_ a: NDArray, edges: NDArray, weights: NDArray? = nil) throws -> (counts: NDArray, edges: NDArray) {
        let e = edges.raveled().values
        guard e.count >= 2 else { throw NumericsError.value("`bins` must have at least two edges") }
        for i in 1..<e.count where e[i] < e[i - 1] {
            throw NumericsError.value("`bins` must increase monotonically, when an array")
        }
        let values = a.raveled().values
        let w = weights?.raveled().values
        var counts = [Double](repeating: 0, count: e.count - 1)
        let right = Sorting.searchSorted(edges, NDArray(values), right: true).values
        for (i, x) in values.enumerated() where x >= e[0] && x <= e[e.count - 1] {
            var bin = Int(right[i]) - 1
            if bin == e.count - 1 { bin -= 1 }
            counts[bin] += w?[i] ?? 1
        }
        return (NDArray(counts, elementType: weights == nil ? .int64 : weights?.elementType ?? .float64), edges)
    }
}
