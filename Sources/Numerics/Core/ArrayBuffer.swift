import Glibc

/// The memory behind one or more arrays: views share a buffer, as numpy's views do.
public final class ArrayBuffer: @unchecked Sendable {
    /// The elements.
    public let base: UnsafeMutablePointer<Double>
    /// How many elements the buffer holds.
    public let count: Int

    /// Whether the memory came from ``LargeBufferPool``.
    private let pooled: Bool

    /// An uninitialised buffer of `count` elements (large ones from ``LargeBufferPool``).
    public init(uninitialisedCount count: Int) {
        self.count = count
        let bytes = Swift.max(count, 1) * MemoryLayout<Double>.stride
        if bytes >= LargeBufferPool.threshold, let raw = LargeBufferPool.take(bytes) {
            base = raw.bindMemory(to: Double.self, capacity: Swift.max(count, 1))
            pooled = true
            return
        }
        base = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(count, 1))
        pooled = false
    }

    /// A buffer with every element set to `value`.
    public convenience init(count: Int, repeating value: Double) {
        self.init(uninitialisedCount: count)
        base.initialize(repeating: value, count: count)
    }

    /// A buffer holding a copy of `values`.
    public convenience init(_ values: [Double]) {
        self.init(uninitialisedCount: values.count)
        values.withUnsafeBufferPointer { source in
            if let s = source.baseAddress { base.initialize(from: s, count: values.count) }
        }
    }

    deinit {
        if pooled {
            LargeBufferPool.give(UnsafeMutableRawPointer(base), requested: Swift.max(count, 1) * MemoryLayout<Double>.stride)
        } else {
            base.deallocate()
        }
    }
}
