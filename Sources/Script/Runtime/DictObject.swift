/// An insertion-ordered hash map with O(1) insert, lookup and delete, as Python's dict.
///
/// Entries live in insertion order in three parallel arrays (hash, key, value); a removed
/// entry keeps its position with an `.unbound` key until the next compaction. An
/// open-addressing index maps each hash to its entry, so a lookup hashes the key once,
/// compares stored hashes as plain ints and reads a stored key in place only on a match.
public final class DictObject {
    private var hashes: [Int] = []
    private var keys: [Value] = []
    private var values: [Value] = []
    /// Open-addressing table of entry positions (-1 empty, -2 deleted); size a power of 2.
    private var table: [Int32] = []
    private var live = 0
    private var deleted = 0

    /// Creates an empty dict.
    public init() {}

    deinit {
        if !keys.isEmpty { Trashcan.dispose(&keys) }
        if !values.isEmpty { Trashcan.dispose(&values) }
    }

    /// The number of entries.
    public var count: Int { live }

    /// The table slot for `key` (where it is, or where it would go) and its entry position
    /// (-1 when absent).
    @inline(__always)
    private func find(hash: Int, _ key: UnsafePointer<Value>) -> (slot: Int, entry: Int) {
        let mask = table.count - 1
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        var firstFree = -1
        while true {
            let e = Int(table[i])
            if e == -1 { return (firstFree >= 0 ? firstFree : i, -1) }
            if e == -2 {
                if firstFree < 0 { firstFree = i }
            } else if hashes[e] == hash && keys[e].isSameKey(as: key) {
                return (i, e)
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(perturb & UInt(mask))) & mask
        }
    }

    @inline(__always)
    private func find(_ key: HashKey) -> (slot: Int, entry: Int) {
        withUnsafePointer(to: key.value) { find(hash: key.hash, $0) }
    }

    private func rebuild(capacity: Int) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for e in hashes.indices where !keys[e].isUnbound {
            let hash = hashes[e]
            var i = Int(UInt(bitPattern: hash) & UInt(mask))
            var perturb = UInt(bitPattern: hash)
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
        let (_, e) = find(hash: hash, key)
        return e >= 0 ? values[e] : nil
    }

    /// Inserts or replaces; a replaced key keeps its position.
    public func set(_ key: HashKey, _ value: Value) {
        if table.isEmpty || (hashes.count + 1) * 3 >= table.count * 2 {
            compactIfNeeded()
            rebuild(capacity: max(live + 1, 4))
        }
        let (slot, e) = find(key)
        if e >= 0 {
            values[e] = value
            return
        }
        table[slot] = Int32(hashes.count)
        hashes.append(key.hash)
        keys.append(key.value)
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
        keys[e] = .unbound
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
        var newHashes: [Int] = []
        var newKeys: [Value] = []
        var newValues: [Value] = []
        newHashes.reserveCapacity(live)
        newKeys.reserveCapacity(live)
        newValues.reserveCapacity(live)
        for i in keys.indices where !keys[i].isUnbound {
            newHashes.append(hashes[i])
            newKeys.append(keys[i])
            newValues.append(values[i])
        }
        hashes = newHashes
        keys = newKeys
        values = newValues
        deleted = 0
    }

    /// Removes everything.
    public func removeAll() {
        hashes.removeAll()
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
        for i in keys.indices where !keys[i].isUnbound { out.append((keys[i], values[i])) }
        return out
    }

    /// Keys in insertion order.
    public var orderedKeys: [Value] {
        deleted == 0 ? keys : keys.filter { !$0.isUnbound }
    }

    /// The last entry (for `popitem`).
    public var last: (key: Value, value: Value)? {
        var i = keys.count - 1
        while i >= 0 {
            if !keys[i].isUnbound { return (keys[i], values[i]) }
            i -= 1
        }
        return nil
    }

    /// The raw entry count including deleted positions (iteration bound).
    var storageCount: Int { keys.count }

    /// The entry at raw position `i`, skipping deleted ones (nil when deleted).
    func entry(at i: Int) -> (key: Value, value: Value)? {
        guard i < keys.count, !keys[i].isUnbound else { return nil }
        return (keys[i], values[i])
    }

    /// A shallow copy (same order, hashes reused).
    public func copy() -> DictObject {
        let d = DictObject()
        for i in keys.indices where !keys[i].isUnbound { d.set(HashKey(unchecked: keys[i], hash: hashes[i]), values[i]) }
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
