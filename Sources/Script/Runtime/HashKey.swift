/// A value usable as a dict key or set member, hashed and compared as Python does
/// (`1`, `1.0` and `True` are the same key).
public struct HashKey: Hashable {
    /// The value.
    public let value: Value
    /// The Python-compatible hash, computed once.
    let hash: Int

    /// Wraps a value, raising `TypeError` when it is unhashable.
    public init(_ value: Value) throws {
        self.value = value
        guard let h = HashKey.hash(of: value) else {
            throw ScriptError.typeError("unhashable type: '\(value.typeName)'")
        }
        self.hash = h
    }

    /// A key whose hash is already known (a dict's stored entry).
    init(unchecked value: Value, hash: Int) {
        self.value = value
        self.hash = hash
    }

    /// The key for a string (never fails: strings are hashable).
    @inline(__always)
    public init(string: String) {
        value = .str(string)
        hash = StringHashing.hash(string)
    }

    /// Python-compatible hash, or nil for unhashable values.
    static func hash(of value: Value) -> Int? {
        switch value {
        case .none: return 0x5EED_0000
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .float(let d):
            if d.rounded(.towardZero) == d, abs(d) < 9.2e18 { return Int(d) }
            return d.hashValue
        case .str(let s): return StringHashing.hash(s)
        case .tuple(let items):
            var hasher = Hasher()
            for item in items {
                guard let h = hash(of: item) else { return nil }
                hasher.combine(h)
            }
            return hasher.finalize()
        case .list, .dict, .unbound: return nil
        case .object(let o): return o.hashKey()
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    public static func == (a: HashKey, b: HashKey) -> Bool {
        a.hash == b.hash && keysEqual(a.value, b.value)
    }
}

/// Equality for keys: numeric across int/float/bool, structural for str and tuple, identity otherwise.
func keysEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.str(let x), .str(let y)): return StringHashing.equal(x, y)
    case (.int(let x), .int(let y)): return x == y
    case (.none, .none): return true
    case (.tuple(let x), .tuple(let y)):
        guard x.count == y.count else { return false }
        for i in x.indices where !keysEqual(x[i], y[i]) { return false }
        return true
    case (.object(let x), .object(let y)):
        if x === y { return true }
        if let ex = x as? KeyEquatable { return ex.keyEquals(y) }
        return false
    default:
        if let x = a.numericValue, let y = b.numericValue { return x == y }
        return false
    }
}

/// Objects with structural equality as keys (e.g. ranges, frozen values of native modules).
public protocol KeyEquatable {
    /// Whether `other` is the same key.
    func keyEquals(_ other: any ScriptObject) -> Bool
}

extension Value {
    /// The Python-compatible hash, or nil when unhashable (computed on the value in place).
    @inline(__always)
    var keyHash: Int? { HashKey.hash(of: self) }

    /// `keysEqual(self, other)` with `other` read in place.
    @inline(__always)
    func isSameKey(as other: UnsafePointer<Value>) -> Bool {
        if case .str(let x) = self { return other.pointee.isString(x) }
        return keysEqual(self, other.pointee)
    }

    @inline(__always)
    private func isString(_ x: String) -> Bool {
        if case .str(let y) = self { return StringHashing.equal(x, y) }
        return false
    }

    /// The value as a Double when it is a bool, int or float.
    public var numericValue: Double? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }
}
