/// One component of an index expression `a[i, 1:5, None, ..., mask]`.
public enum IndexComponent {
    /// A single position (negative counts from the end).
    case integer(Int)
    /// `start:stop:step`, each optional as in Python.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `None` / `np.newaxis`: a new dimension of length one.
    case newAxis
    /// `...`: as many full slices as needed.
    case ellipsis
    /// An integer array selecting positions (fancy indexing).
    case positions(NDArray)
    /// A boolean array selecting where it is true.
    case mask(NDArray)
}

extension NDArray {
    /// `self[components]`: a view for integers, slices, `None` and `...`; a copy when any
    /// integer or boolean array takes part (numpy's advanced indexing).
    public func indexed(_ components: [IndexComponent]) throws -> NDArray {
        if components.count == 1, case .mask(let mask) = components[0], mask.shape == shape {
            // A 0-d array indexed by a 0-d mask: one element or none, as numpy gives it.
            if ndim == 0 { return NDArray(mask.scalarValue != 0 ? [scalarValue] : [], elementType: elementType) }
            return selecting(mask)
        }
        let plan = try IndexPlan(self, components)
        guard let advanced = plan.advanced else { return plan.view }
        let (shape, offsets) = try advanced.offsets(plan.view)
        return NDArray.make(shape: shape, elementType: elementType) { out, _ in
            for (i, o) in offsets.enumerated() { out[i] = buffer.base[o] }
        }
    }

    /// `self[components] = value`, broadcasting `value` to the selection.
    public func assign(_ value: NDArray, at components: [IndexComponent]) throws {
        let plan = try IndexPlan(self, components)
        guard let advanced = plan.advanced else {
            try plan.view.assignChecked(value)
            return
        }
        let (shape, offsets) = try advanced.offsets(plan.view)
        let source = try Broadcasting.view(value.droppingLeadingOnes(to: shape.count), as: shape).contiguousCopy()
        try source.checkStorable(in: elementType)
        let cast = elementType == .float64 || source.elementType == elementType ? source : source.converted(to: elementType)
        for (i, o) in offsets.enumerated() { buffer.base[o] = cast.buffer.base[i] }
    }
}

extension NDArray {
    /// `self[mask]` for a mask of the array's own shape: the selected elements in C order.
    func selecting(_ mask: NDArray) -> NDArray {
        if isContiguous && mask.isContiguous && mask.elementType == .bool {
            let m = mask.buffer.base + mask.offset, source = buffer.base + offset
            // Branch-free: random masks would make every branch a coin toss. Mask elements
            // are exactly 0.0 or 1.0 (a bool array), so bit 52 of the pattern is the truth.
            var selected = 0
            for i in 0..<count { selected &+= Int(truncatingIfNeeded: (m[i].bitPattern >> 52) & 1) }
            // One spare slot lets every element be written unconditionally.
            let storage = ArrayBuffer(uninitialisedCount: selected + 1)
            let out = storage.base
            var k = 0
            for i in 0..<count {
                out[k] = source[i]
                k &+= Int(truncatingIfNeeded: (m[i].bitPattern >> 52) & 1)
            }
            return NDArray(buffer: storage, shape: [selected], strides: [1], offset: 0, elementType: elementType)
        }
        var selected: [Double] = []
        let source = self
        StridedLoop.pairs(source, mask) { count, os, ss, om, sm, _ in
            var i = os, j = om
            for _ in 0..<count {
                if mask.buffer.base[j] != 0 { selected.append(source.buffer.base[i]) }
                i += ss
                j += sm
            }
        }
        return NDArray(selected, elementType: elementType)
    }
}

/// An index expression resolved against an array: the basic view, plus the advanced part.
private struct IndexPlan {
    /// The view after integers, slices and new axes (advanced axes kept whole).
    var view: NDArray
    /// The integer arrays and the view axes they index, when any.
    var advanced: AdvancedIndex?

    init(_ array: NDArray, _ components: [IndexComponent]) throws {
        var items = components
        let ellipses = items.filter { if case .ellipsis = $0 { return true } else { return false } }.count
        if ellipses > 1 { throw NumericsError.index("an index can only have a single ellipsis ('...')") }
        let consumed = items.reduce(0) { total, item in
            switch item {
            case .integer, .slice, .positions: return total + 1
            case .mask(let m): return total + Swift.max(m.ndim, 1)
            case .newAxis, .ellipsis: return total
            }
        }
        if consumed > array.ndim {
            throw NumericsError.index("too many indices for array: array is \(array.ndim)-dimensional, but \(consumed) were indexed")
        }
        let fill = [IndexComponent](repeating: .slice(start: nil, stop: nil, step: nil), count: array.ndim - consumed)
        if let e = items.firstIndex(where: { if case .ellipsis = $0 { return true } else { return false } }) {
            // The ellipsis stays as a marker (it consumes no axis) so it still separates.
            items.replaceSubrange(e...e, with: [.ellipsis] + fill)
        } else {
            items += fill
        }
        // Masks become the integer positions of their true elements, one array per axis.
        var expanded: [IndexComponent] = []
        var axis = 0
        for item in items {
            if case .mask(let mask) = item {
                let dims = Swift.max(mask.ndim, 1)
                let covered = Array(array.shape[axis..<(axis + dims)])
                if mask.ndim > 0 && mask.shape != covered {
                    let bad = (0..<dims).first { mask.shape[$0] != covered[$0] } ?? 0
                    throw NumericsError.index("boolean index did not match indexed array along axis \(axis + bad); size of axis is \(covered[bad]) but size of corresponding boolean axis is \(mask.shape[bad])")
                }
                expanded += Selection.nonzero(mask).map { .positions($0) }
                axis += dims
            } else {
                expanded.append(item)
                switch item {
                case .newAxis, .ellipsis: break
                default: axis += 1
                }
            }
        }
        let hasArrays = expanded.contains { if case .positions = $0 { return true } else { return false } }
        var shape: [Int] = [], strides: [Int] = []
        var offset = array.offset
        var source = 0
        var arrays: [(axis: Int, positions: NDArray)] = []
        var arrayItems: [Int] = []
        for (itemIndex, item) in expanded.enumerated() {
            switch item {
            case .integer(let i) where !hasArrays:
                let size = array.shape[source]
                let p = i < 0 ? i + size : i
                guard p >= 0 && p < size else {
                    throw NumericsError.index("index \(i) is out of bounds for axis \(source) with size \(size)")
                }
                offset += p * array.strides[source]
                source += 1
            case .integer(let i):
                let size = array.shape[source]
                guard i >= -size && i < size else {
                    throw NumericsError.index("index \(i) is out of bounds for axis \(source) with size \(size)")
                }
                arrayItems.append(itemIndex)
                arrays.append((shape.count, .scalar(Double(i), .int64)))
                shape.append(array.shape[source]); strides.append(array.strides[source])
                source += 1
            case .positions(let p):
                arrayItems.append(itemIndex)
                arrays.append((shape.count, p))
                shape.append(array.shape[source]); strides.append(array.strides[source])
                source += 1
            case .slice(let start, let stop, let step):
                let (first, step, length) = try IndexPlan.resolve(start, stop, step, size: array.shape[source])
                offset += first * array.strides[source]
                shape.append(length)
                strides.append(array.strides[source] * step)
                source += 1
            case .newAxis:
                shape.append(1); strides.append(0)
            case .ellipsis, .mask:
                break
            }
        }
        view = NDArray(buffer: array.buffer, shape: shape, strides: strides, offset: offset, elementType: array.elementType)
        let adjacent = zip(arrayItems, arrayItems.dropFirst()).allSatisfy { $1 == $0 + 1 }
        advanced = arrays.isEmpty ? nil : AdvancedIndex(arrays: arrays, adjacent: adjacent)
    }

    /// Python's `slice.indices`: the first position, the step and the number of positions.
    static func resolve(_ start: Int?, _ stop: Int?, _ step: Int?, size: Int) throws -> (Int, Int, Int) {
        let step = step ?? 1
        if step == 0 { throw NumericsError.value("slice step cannot be zero") }
        func clamp(_ v: Int?, _ defaultValue: Int) -> Int {
            guard var v else { return defaultValue }
            if v < 0 { v += size }
            if step > 0 { return Swift.min(Swift.max(v, 0), size) }
            return Swift.min(Swift.max(v, -1), size - 1)
        }
        let first = clamp(start, step > 0 ? 0 : size - 1)
        let end = clamp(stop, step > 0 ? size : -1)
        let length = step > 0 ? Swift.max(0, (end - first + step - 1) / step) : Swift.max(0, (first - end - step - 1) / -step)
        return (first, step, length)
    }
}

/// The integer-array part of an index: broadcast together and applied to their view axes.
private struct AdvancedIndex {
    let arrays: [(axis: Int, positions: NDArray)]
    /// Whether the integer arrays stood next to each other in the index expression (an
    /// `...` or `None` between them separates them, even when `...` covers no axis).
    let adjacent: Bool

    /// The selection's shape and the buffer offset of each selected element, in C order.
    func offsets(_ view: NDArray) throws -> ([Int], [Int]) {
        for (_, p) in arrays where p.elementType == .float64 {
            throw NumericsError.index("arrays used as indices must be of integer (or boolean) type")
        }
        let broadcastShape: [Int]
        do {
            broadcastShape = try Broadcasting.shape(arrays.map { $0.positions.shape })
        } catch {
            throw NumericsError.index("shape mismatch: indexing arrays could not be broadcast together with shapes "
                + arrays.map { shapeText($0.positions.shape) }.joined(separator: " ") + " ")
        }
        let stretched = try arrays.map { try Broadcasting.view($0.positions, as: broadcastShape).contiguousCopy() }
        let count = NDArray.product(broadcastShape)
        var selected = [Int](repeating: 0, count: count)
        for (j, (axis, _)) in arrays.enumerated() {
            let size = view.shape[axis], stride = view.strides[axis]
            let p = stretched[j].buffer.base
            for k in 0..<count {
                guard var i = exactInteger(p[k]) else {
                    throw NumericsError.index("index \(p[k]) is out of bounds for axis \(axis) with size \(size)")
                }
                let given = i
                if i < 0 { i += size }
                guard i >= 0 && i < size else {
                    throw NumericsError.index("index \(given) is out of bounds for axis \(axis) with size \(size)")
                }
                selected[k] += i * stride
            }
        }
        let axes = arrays.map(\.axis)
        let lowest = axes.min() ?? 0
        let rest = (0..<view.ndim).filter { !axes.contains($0) }
        let before = adjacent ? rest.filter { $0 < lowest } : []
        let after = adjacent ? rest.filter { $0 > lowest } : rest
        func offsets(_ dims: [Int]) -> [Int] {
            var out: [Int] = []
            NDArray(buffer: view.buffer, shape: dims.map { view.shape[$0] }, strides: dims.map { view.strides[$0] },
                    offset: 0, elementType: view.elementType).forEachOffset { out.append($0) }
            return out
        }
        let outerOffsets = offsets(before), innerOffsets = offsets(after)
        var result: [Int] = []
        result.reserveCapacity(outerOffsets.count * count * innerOffsets.count)
        for o in outerOffsets { for s in selected { for i in innerOffsets { result.append(view.offset + o + s + i) } } }
        let shape = before.map { view.shape[$0] } + broadcastShape + after.map { view.shape[$0] }
        return (shape, result)
    }
}
