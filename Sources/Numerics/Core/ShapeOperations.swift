import Glibc

/// Views and copies that change how elements are arranged: reshape, transpose, ravel,
/// squeeze, concatenate, stack.
extension NDArray {
    /// `axis` counted from the end when negative, checked against `ndim` (numpy's AxisError text).
    public static func normalizeAxis(_ axis: Int, _ ndim: Int) throws -> Int {
        let a = axis < 0 ? axis + ndim : axis
        guard a >= 0 && a < ndim else {
            throw NumericsError.value("axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        return a
    }

    /// The same elements in a new shape; one dimension may be -1. A view when C-ordered.
    public func reshaped(_ newShape: [Int]) throws -> NDArray {
        var shape = newShape
        let unknown = shape.indices.filter { shape[$0] == -1 }
        if unknown.count > 1 { throw NumericsError.value("can only specify one unknown dimension") }
        if let bad = shape.first(where: { $0 < -1 }) { throw NumericsError.value("negative dimensions not allowed (\(bad))") }
        if let u = unknown.first {
            let known = shape.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
            if known == 0 || count % known != 0 {
                throw NumericsError.value("cannot reshape array of size \(count) into shape \(shapeText(newShape))")
            }
            shape[u] = count / known
        }
        guard NDArray.product(shape) == count else {
            throw NumericsError.value("cannot reshape array of size \(count) into shape \(shapeText(newShape))")
        }
        let source = contiguous()
        return NDArray(buffer: source.buffer, shape: shape, strides: NDArray.contiguousStrides(shape),
                       offset: source.offset, elementType: elementType)
    }

    /// The axes permuted (reversed when `axes` is nil); always a view.
    public func transposed(_ axes: [Int]? = nil) throws -> NDArray {
        let order: [Int]
        if let axes {
            guard axes.count == ndim else { throw NumericsError.value("axes don't match array") }
            var seen = Set<Int>()
            var normalized: [Int] = []
            for a in axes {
                let n = try NDArray.normalizeAxis(a, ndim)
                guard seen.insert(n).inserted else { throw NumericsError.value("repeated axis in transpose") }
                normalized.append(n)
            }
            order = normalized
        } else {
            order = Array((0..<ndim).reversed())
        }
        return NDArray(buffer: buffer, shape: order.map { shape[$0] }, strides: order.map { strides[$0] },
                       offset: offset, elementType: elementType)
    }

    /// A view with `axis` moved to the end.
    public func movingAxisToEnd(_ axis: Int) -> NDArray {
        var order = Array(0..<ndim)
        order.remove(at: axis)
        order.append(axis)
        return NDArray(buffer: buffer, shape: order.map { shape[$0] }, strides: order.map { strides[$0] },
                       offset: offset, elementType: elementType)
    }

    /// The elements as one dimension (a view when C-ordered).
    public func raveled() -> NDArray {
        let source = contiguous()
        return NDArray(buffer: source.buffer, shape: [count], strides: [1], offset: source.offset, elementType: elementType)
    }

    /// Dimensions of length one removed (only `axis` when given).
    public func squeezed(axis: Int? = nil) throws -> NDArray {
        var keep = Array(0..<ndim).filter { shape[$0] != 1 }
        if let axis {
            let a = try NDArray.normalizeAxis(axis, ndim)
            guard shape[a] == 1 else { throw NumericsError.value("cannot select an axis to squeeze out which has size not equal to one") }
            keep = Array(0..<ndim).filter { $0 != a }
        }
        return NDArray(buffer: buffer, shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] },
                       offset: offset, elementType: elementType)
    }

    /// A view with a new dimension of length one at `axis`.
    public func expandingDimension(at axis: Int) throws -> NDArray {
        let a = try NDArray.normalizeAxis(axis, ndim + 1)
        var s = shape, st = strides
        s.insert(1, at: a)
        st.insert(0, at: a)
        return NDArray(buffer: buffer, shape: s, strides: st, offset: offset, elementType: elementType)
    }

    /// Arrays joined along an existing axis (numpy's `concatenate`).
    public static func concatenate(_ arrays: [NDArray], axis: Int = 0) throws -> NDArray {
        guard let first = arrays.first else { throw NumericsError.value("need at least one array to concatenate") }
        guard first.ndim > 0 else { throw NumericsError.value("zero-dimensional arrays cannot be concatenated") }
        let ax = try normalizeAxis(axis, first.ndim)
        var total = 0
        for (i, a) in arrays.enumerated() {
            guard a.ndim == first.ndim else {
                throw NumericsError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has \(first.ndim) dimension(s) and the array at index \(i) has \(a.ndim) dimension(s)")
            }
            for d in 0..<a.ndim where d != ax && a.shape[d] != first.shape[d] {
                throw NumericsError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(i) has size \(a.shape[d])")
            }
            total += a.shape[ax]
        }
        var shape = first.shape
        shape[ax] = total
        let type = arrays.map(\.elementType).max() ?? .float64
        let result = NDArray(shape: shape, elementType: type)
        var start = 0
        for a in arrays {
            let view = result.slicedAxis(ax, from: start, count: a.shape[ax])
            view.assign(a)
            start += a.shape[ax]
        }
        return result
    }

    /// Arrays of one shape joined along a new axis (numpy's `stack`).
    public static func stack(_ arrays: [NDArray], axis: Int = 0) throws -> NDArray {
        guard let first = arrays.first else { throw NumericsError.value("need at least one array to stack") }
        for a in arrays where a.shape != first.shape { throw NumericsError.value("all input arrays must have the same shape") }
        let ax = try normalizeAxis(axis, first.ndim + 1)
        return try concatenate(arrays.map { try $0.expandingDimension(at: ax) }, axis: ax)
    }

    /// Without leading dimensions of length one beyond `ndim` (numpy lets `a[0] = [[1, 2]]`
    /// assign a (1, 2) value to a (2,) selection).
    func droppingLeadingOnes(to ndim: Int) -> NDArray {
        var shape = self.shape, strides = self.strides
        while shape.count > ndim, shape.first == 1 {
            shape.removeFirst()
            strides.removeFirst()
        }
        return NDArray(buffer: buffer, shape: shape, strides: strides, offset: offset, elementType: elementType)
    }

    /// Refuses NaN and infinity going into an integer array, as numpy does.
    public func checkStorable(in target: ElementType) throws {
        guard target == .int64, elementType == .float64 else { return }
        var bad: Double?
        forEachOffset { o in if bad == nil, !buffer.base[o].isFinite { bad = buffer.base[o] } }
        if let bad {
            if bad.isNaN { throw NumericsError.value("cannot convert float NaN to integer") }
            throw NumericsError(.overflow, "cannot convert float infinity to integer")
        }
    }

    /// Refuses shapes whose elements would not fit in this machine's memory (numpy's MemoryError).
    public static func checkAllocatable(_ shape: [Int]) throws {
        var count = 1.0
        for d in shape { count *= Double(Swift.max(d, 0)) }
        if count * 8 > ArrayLimits.physicalMemory {
            let gib = count * 8 / Double(1 << 30)
            throw NumericsError.memory("Unable to allocate \(Int(gib.rounded(.up))) GiB for an array with shape \(shapeText(shape).replacingOccurrences(",", ", ")) and data type float64")
        }
    }

    /// A view of `count` positions along `axis` starting at `start`.
    func slicedAxis(_ axis: Int, from start: Int, count: Int) -> NDArray {
        var s = shape
        s[axis] = count
        return NDArray(buffer: buffer, shape: s, strides: strides, offset: offset + start * strides[axis], elementType: elementType)
    }

    /// Copies `source` (broadcast to this view's shape) into this view's elements.
    public func assign(_ source: NDArray) {
        guard let stretched = try? Broadcasting.view(source, as: shape) else { return }
        let target = self
        StridedLoop.pairs(target, stretched) { count, ot, st, os, ss, _ in
            var it = ot, isrc = os
            for _ in 0..<count {
                target.buffer.base[it] = stretched.buffer.base[isrc]
                it += st
                isrc += ss
            }
        }
    }

    /// Copies `source` into this view, or numpy's error when it does not broadcast.
    public func assignChecked(_ source: NDArray) throws {
        try source.checkStorable(in: elementType)
        let stretched = try Broadcasting.view(source.droppingLeadingOnes(to: ndim), as: shape)
        // Copy first when the source shares our buffer (e.g. `a[1:] = a[:-1]`).
        let safe = stretched.buffer === buffer ? stretched.contiguousCopy() : stretched
        assign(elementType == .float64 || safe.elementType == elementType ? safe : safe.converted(to: elementType))
    }
}


/// Limits of this machine that array sizes are checked against.
enum ArrayLimits {
    /// Physical memory in bytes.
    static let physicalMemory: Double = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? Double(pages) * Double(size) : 64 * Double(1 << 30)
    }()
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
