/// An insertion-ordered hash map with O(1) insert, lookup and delete, as Python's dict.
public final class DictObject {
    private var keys: [HashKey?] = []
    private var values: [Value] = []
    private var index: [HashKey: Int] = [:]
    private var deleted = 0

    /// Creates an empty dict.
    public init() {}

    /// The number of entries.
    public var count: Int { index.count }

    /// Looks up a key.
    @inline(__always)
    public func get(_ key: HashKey) -> Value? {
        guard let i = index[key] else { return nil }
        return values[i]
    }

    /// Inserts or replaces; a replaced key keeps its position.
    @inline(__always)
    public func set(_ key: HashKey, _ value: Value) {
        if let i = index[key] {
            values[i] = value
        } else {
            index[key] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    /// Removes a key, returning its value.
    @discardableResult
    public func remove(_ key: HashKey) -> Value? {
        guard let i = index.removeValue(forKey: key) else { return nil }
        let v = values[i]
        keys[i] = nil
        values[i] = .unbound
        deleted += 1
        if deleted > 32 && deleted > keys.count / 2 { compact() }
        if index.isEmpty {
            keys.removeAll()
            values.removeAll()
            deleted = 0
        }
        return v
    }

    private func compact() {
        var newKeys: [HashKey?] = []
        var newValues: [Value] = []
        newKeys.reserveCapacity(index.count)
        newValues.reserveCapacity(index.count)
        for i in keys.indices {
            guard let key = keys[i] else { continue }
            index[key] = newKeys.count
            newKeys.append(keys[i])
            newValues.append(values[i])
        }
        keys = newKeys
        values = newValues
        deleted = 0
    }

    /// Removes everything.
    public func removeAll() {
        keys.removeAll()
        values.removeAll()
        index.removeAll()
        deleted = 0
    }

    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(count)
        for i in keys.indices { if let k = keys[i] { out.append((k.value, values[i])) } }
        return out
    }

    /// Keys in insertion order.
    public var orderedKeys: [Value] { keys.compactMap { $0?.value } }

    /// The last entry (for `popitem`).
    public var last: (key: Value, value: Value)? {
        var i = keys.count - 1
        while i >= 0 {
            if let k = keys[i] { return (k.value, values[i]) }
            i -= 1
        }
        return nil
    }

    /// A mutation counter position: iteration raises when the size changes.
    var storageCount: Int { keys.count }

    /// The entry at raw position `i`, skipping deleted ones (nil when deleted).
    func entry(at i: Int) -> (key: Value, value: Value)? {
        guard i < keys.count, let k = keys[i] else { return nil }
        return (k.value, values[i])
    }

    /// A shallow copy.
    public func copy() -> DictObject {
        let d = DictObject()
        for i in keys.indices { if let k = keys[i] { d.set(k, values[i]) } }
        return d
    }

    /// Convenience for hosts: sets a string key.
    public subscript(_ key: String) -> Value? {
        get { get(HashKey(string: key)) }
        set {
            if let newValue { set(HashKey(string: key), newValue) } else { remove(HashKey(string: key)) }
        }
    }
}
