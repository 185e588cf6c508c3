/// An n-dimensional array of numbers with numpy's layout: a shared buffer, a shape, strides
/// (in elements) and an offset, so slicing and transposing make views without copying.
///
/// `NDArray` is a value that refers to its buffer: copies of the struct share elements,
/// as Python names bound to one numpy array do. Writing through one view is seen by all.
public struct NDArray: @unchecked Sendable {
    /// The elements' memory.
    public let buffer: ArrayBuffer
    /// The length of each dimension.
    public let shape: [Int]
    /// The distance, in elements, between neighbours along each dimension.
    public let strides: [Int]
    /// Where element `[0, 0, …]` lives in the buffer.
    public let offset: Int
    /// The element type numpy would report.
    public var elementType: ElementType

    /// A view of `buffer` (no copy).
    public init(buffer: ArrayBuffer, shape: [Int], strides: [Int], offset: Int, elementType: ElementType) {
        self.buffer = buffer
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.elementType = elementType
    }

    /// A new C-ordered array of `shape` with every element `value`.
    public init(shape: [Int], repeating value: Double = 0, elementType: ElementType = .float64) {
        let n = NDArray.product(shape)
        self.init(buffer: ArrayBuffer(count: n, repeating: value), shape: shape,
                  strides: NDArray.contiguousStrides(shape), offset: 0, elementType: elementType)
    }

    /// A new C-ordered array holding `values` (whose count must be the product of `shape`).
    public init(_ values: [Double], shape: [Int]? = nil, elementType: ElementType = .float64) {
        let shape = shape ?? [values.count]
        precondition(NDArray.product(shape) == values.count, "NDArray: \(values.count) values do not fill shape \(shape)")
        self.init(buffer: ArrayBuffer(values), shape: shape, strides: NDArray.contiguousStrides(shape),
                  offset: 0, elementType: elementType)
    }

    /// A new C-ordered array of `shape` whose elements the caller initialises through `fill`.
    public static func make(shape: [Int], elementType: ElementType = .float64,
                            _ fill: (UnsafeMutablePointer<Double>, Int) throws -> Void) rethrows -> NDArray {
        let n = product(shape)
        let buffer = ArrayBuffer(uninitialisedCount: n)
        try fill(buffer.base, n)
        return NDArray(buffer: buffer, shape: shape, strides: contiguousStrides(shape), offset: 0, elementType: elementType)
    }

    /// A 0-dimensional array holding one value.
    public static func scalar(_ value: Double, _ elementType: ElementType = .float64) -> NDArray {
        NDArray([value], shape: [], elementType: elementType)
    }

    /// The number of dimensions.
    public var ndim: Int { shape.count }
    /// The number of elements.
    public var count: Int { NDArray.product(shape) }
    /// Whether the elements lie in C order, one after another.
    public var isContiguous: Bool {
        var expected = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// The element at a full index (no bounds check beyond the caller's).
    public subscript(index: [Int]) -> Double {
        get { buffer.base[offset + zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }] }
        nonmutating set { buffer.base[offset + zip(index, strides).reduce(0) { $0 + $1.0 * $1.1 }] = newValue }
    }

    /// The single element of a 0-d or one-element array.
    public var scalarValue: Double { buffer.base[offset] }

    /// The elements in C order, as a Swift array.
    public var values: [Double] {
        if isContiguous { return Array(UnsafeBufferPointer(start: buffer.base + offset, count: count)) }
        var out = [Double]()
        out.reserveCapacity(count)
        forEachOffset { out.append(buffer.base[$0]) }
        return out
    }

    /// Calls `body` with the elements in C order: directly when contiguous, else from a copy.
    public func withContiguousElements<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        if isContiguous { return try body(UnsafeBufferPointer(start: buffer.base + offset, count: count)) }
        return try contiguousCopy().withContiguousElements(body)
    }

    /// A C-ordered copy with its own buffer.
    public func contiguousCopy() -> NDArray {
        NDArray.make(shape: shape, elementType: elementType) { out, _ in
            if isContiguous {
                out.initialize(from: buffer.base + offset, count: count)
            } else {
                var i = 0
                forEachOffset { out[i] = buffer.base[$0]; i += 1 }
            }
        }
    }

    /// This array if C-ordered, else a C-ordered copy.
    public func contiguous() -> NDArray { isContiguous ? self : contiguousCopy() }

    /// The same elements reported as another type (values converted as numpy's `astype` does).
    public func converted(to type: ElementType) -> NDArray {
        if type == elementType || type == .float64 {
            var copy = contiguousCopy()
            copy.elementType = type
            return copy
        }
        return map(type) { type == .bool ? ($0 != 0 ? 1 : 0) : $0.rounded(.towardZero) }
    }

    /// Visits the buffer offset of every element in C order.
    public func forEachOffset(_ body: (Int) throws -> Void) rethrows {
        let n = count
        if n == 0 { return }
        if ndim == 0 { try body(offset); return }
        let last = ndim - 1
        let innerCount = shape[last], innerStride = strides[last]
        var counter = [Int](repeating: 0, count: ndim)
        var base = offset
        while true {
            var o = base
            for _ in 0..<innerCount { try body(o); o += innerStride }
            var d = last - 1
            while d >= 0 {
                counter[d] += 1
                base += strides[d]
                if counter[d] < shape[d] { break }
                base -= strides[d] * shape[d]
                counter[d] = 0
                d -= 1
            }
            if d < 0 { return }
        }
    }

    /// A new array of `type` holding `f` of each element, in C order.
    @inline(__always)
    public func map(_ type: ElementType, _ f: (Double) -> Double) -> NDArray {
        NDArray.make(shape: shape, elementType: type) { out, n in
            if isContiguous {
                let source = buffer.base + offset
                for i in 0..<n { out[i] = f(source[i]) }
            } else {
                var i = 0
                forEachOffset { out[i] = f(buffer.base[$0]); i += 1 }
            }
        }
    }

    /// The product of the dimensions (1 for a scalar).
    public static func product(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// C-order strides for `shape`.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = s
            s *= Swift.max(shape[d], 1)
        }
        return strides
    }
}
