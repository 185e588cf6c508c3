/// An insertion-ordered hash map with O(1) insert, lookup and delete, as Python's dict.
///
/// Entries live in insertion order in `keys`/`values`; an open-addressing index maps each
/// key's precomputed hash to its entry, so a lookup hashes the key once.
public final class DictObject {
    private var keys: [HashKey?] = []
    private var values: [Value] = []
    /// Open-addressing table of entry positions (-1 empty, -2 deleted); size a power of 2.
    private var table: [Int32] = []
    private var live = 0
    private var deleted = 0

    /// Creates an empty dict.
    public init() {}

    deinit {
        if !values.isEmpty { Trashcan.dispose(&values) }
    }

    /// The number of entries.
    public var count: Int { live }

    @inline(__always)
    private func find(_ key: HashKey) -> (slot: Int, entry: Int) {
        let mask = table.count - 1
        var i = Int(UInt(bitPattern: key.hash) & UInt(mask))
        var perturb = UInt(bitPattern: key.hash)
        var firstFree = -1
        while true {
            let e = Int(table[i])
            if e == -1 { return (firstFree >= 0 ? firstFree : i, -1) }
            if e == -2 {
                if firstFree < 0 { firstFree = i }
            } else if keys[e].unsafelyUnwrapped.hash == key.hash && keysEqual(keys[e].unsafelyUnwrapped.value, key.value) {
                return (i, e)
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(perturb & UInt(mask))) & mask
        }
    }

    private func rebuild(capacity: Int) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (e, key) in keys.enumerated() {
            guard let key else { continue }
            var i = Int(UInt(bitPattern: key.hash) & UInt(mask))
            var perturb = UInt(bitPattern: key.hash)
            while table[i] != -1 {
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ Int(perturb & UInt(mask))) & mask
            }
            table[i] = Int32(e)
        }
    }

    /// Looks up a key.
    @inline(__always)
    public func get(_ key: HashKey) -> Value? {
        if live == 0 { return nil }
        let (_, e) = find(key)
        return e >= 0 ? values[e] : nil
    }

    /// Looks up `key` without wrapping it in a `HashKey` (no copy of the key is made);
    /// raises `TypeError` for an unhashable key.
    @inline(__always)
    public func lookup(_ key: Value) throws -> Value? {
        try withUnsafePointer(to: key) { try lookup($0) }
    }

    /// `lookup` of the key at `key`, which is read in place.
    @inline(__always)
    func lookup(_ key: UnsafePointer<Value>) throws -> Value? {
        guard let hash = key.pointee.keyHash else {
            throw ScriptError.typeError("unhashable type: '\(key.pointee.typeName)'")
        }
        if live == 0 { return nil }
        let e = find(hash: hash, key)
        return e >= 0 ? values[e] : nil
    }

    /// The entry position of a key with `hash`, or -1.
    @inline(__always)
    private func find(hash: Int, _ key: UnsafePointer<Value>) -> Int {
        let mask = table.count - 1
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        while true {
            let e = Int(table[i])
            if e == -1 { return -1 }
            // A live entry's key is never nil (removed entries are -2 in the table); the key
            // is compared in place, not copied.
            if e >= 0 && keys[e].unsafelyUnwrapped.hash == hash && keys[e].unsafelyUnwrapped.value.isSameKey(as: key) { return e }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(perturb & UInt(mask))) & mask
        }
    }

    /// Inserts or replaces; a replaced key keeps its position.
    public func set(_ key: HashKey, _ value: Value) {
        if table.isEmpty || (keys.count + 1) * 3 >= table.count * 2 {
            compactIfNeeded()
            rebuild(capacity: max(live + 1, 4))
        }
        let (slot, e) = find(key)
        if e >= 0 {
            values[e] = value
            return
        }
        table[slot] = Int32(keys.count)
        keys.append(key)
        values.append(value)
        live += 1
    }

    /// Removes a key, returning its value.
    @discardableResult
    public func remove(_ key: HashKey) -> Value? {
        if live == 0 { return nil }
        let (slot, e) = find(key)
        guard e >= 0 else { return nil }
        table[slot] = -2
        let v = values[e]
        keys[e] = nil
        values[e] = .unbound
        live -= 1
        deleted += 1
        if live == 0 {
            removeAll()
        }
        return v
    }

    private func compactIfNeeded() {
        guard deleted > 0 else { return }
        var newKeys: [HashKey?] = []
        var newValues: [Value] = []
        newKeys.reserveCapacity(live)
        newValues.reserveCapacity(live)
        for i in keys.indices {
            guard let key = keys[i] else { continue }
            newKeys.append(key)
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
        table.removeAll()
        live = 0
        deleted = 0
    }

    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(live)
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

    /// The raw entry count including deleted positions (iteration bound).
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
