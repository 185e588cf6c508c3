/// An insertion-ordered hash map with O(1) insert, lookup and delete, as Python's dict.
///
/// Entries (hash, key, value) live in insertion order in one array; a removed entry keeps
/// its position with an `.unbound` key until the next compaction. Up to `linearLimit`
/// entries a lookup scans the stored hashes (most dicts in cells, `**kwargs` among them,
/// are that small, and then cost one allocation); above it, an open-addressing index maps
/// each hash to its entry. Either way a lookup hashes the key once, compares stored hashes
/// as plain ints and reads a stored key in place only on a match.
public final class DictObject {
    struct Entry {
        var hash: Int
        var key: Value
        var value: Value
    }

    private var storage: [Entry] = []
    /// Open-addressing table of entry positions (-1 empty, -2 deleted); size a power of 2.
    /// Empty while the dict is small enough to scan.
    private var table: [Int32] = []
    private var live = 0
    private var deleted = 0
    private static let linearLimit = 8

    /// Creates an empty dict.
    public init() {}

    deinit {
        guard !storage.isEmpty else { return }
        var held: [Value] = []
        held.reserveCapacity(storage.count * 2)
        for e in storage where e.key.isContainer || e.value.isContainer {
            held.append(e.key)
            held.append(e.value)
        }
        storage = []
        Trashcan.dispose(&held)
    }

    /// The number of entries.
    public var count: Int { live }

    /// The entry position of `key` (-1 when absent) and, when indexed, the table slot where
    /// it is or would go.
    @inline(__always)
    private func find(hash: Int, _ key: UnsafePointer<Value>) -> (slot: Int, entry: Int) {
        if table.isEmpty {
            for e in storage.indices where storage[e].hash == hash && storage[e].key.isSameKey(as: key) {
                return (-1, e)
            }
            return (-1, -1)
        }
        let mask = table.count - 1
        var i = Int(UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        var firstFree = -1
        while true {
            let e = Int(table[i])
            if e == -1 { return (firstFree >= 0 ? firstFree : i, -1) }
            if e == -2 {
                if firstFree < 0 { firstFree = i }
            } else if storage[e].hash == hash && storage[e].key.isSameKey(as: key) {
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
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for e in storage.indices where !storage[e].key.isUnbound {
            let hash = storage[e].hash
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
        return e >= 0 ? storage[e].value : nil
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
        return e >= 0 ? storage[e].value : nil
    }

    /// Inserts or replaces; a replaced key keeps its position.
    public func set(_ key: HashKey, _ value: Value) {
        if table.isEmpty {
            if storage.count >= DictObject.linearLimit {
                compactIfNeeded()
                if storage.count >= DictObject.linearLimit { rebuild(capacity: storage.count + 1) }
            }
        } else if (storage.count + 1) * 3 >= table.count * 2 {
            compactIfNeeded()
            rebuild(capacity: max(live + 1, DictObject.linearLimit))
        }
        let (slot, e) = find(key)
        if e >= 0 {
            storage[e].value = value
            return
        }
        if slot >= 0 { table[slot] = Int32(storage.count) }
        if storage.isEmpty { storage.reserveCapacity(4) }
        storage.append(Entry(hash: key.hash, key: key.value, value: value))
        live += 1
    }

    /// Removes a key, returning its value.
    @discardableResult
    public func remove(_ key: HashKey) -> Value? {
        if live == 0 { return nil }
        let (slot, e) = find(key)
        guard e >= 0 else { return nil }
        if slot >= 0 { table[slot] = -2 }
        let v = storage[e].value
        storage[e].key = .unbound
        storage[e].value = .unbound
        live -= 1
        deleted += 1
        if live == 0 {
            removeAll()
        }
        return v
    }

    private func compactIfNeeded() {
        guard deleted > 0 else { return }
        storage.removeAll { $0.key.isUnbound }
        deleted = 0
        if !table.isEmpty { rebuild(capacity: max(live, DictObject.linearLimit)) }
    }

    /// Removes everything.
    public func removeAll() {
        storage.removeAll()
        table.removeAll()
        live = 0
        deleted = 0
    }

    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(live)
        for e in storage where !e.key.isUnbound { out.append((e.key, e.value)) }
        return out
    }

    /// Keys in insertion order.
    public var orderedKeys: [Value] {
        var out: [Value] = []
        out.reserveCapacity(live)
        for e in storage where !e.key.isUnbound { out.append(e.key) }
        return out
    }

    /// The last entry (for `popitem`).
    public var last: (key: Value, value: Value)? {
        var i = storage.count - 1
        while i >= 0 {
            if !storage[i].key.isUnbound { return (storage[i].key, storage[i].value) }
            i -= 1
        }
        return nil
    }

    /// The raw entry count including deleted positions (iteration bound).
    var storageCount: Int { storage.count }

    /// The entry at raw position `i`, skipping deleted ones (nil when deleted).
    func entry(at i: Int) -> (key: Value, value: Value)? {
        guard i < storage.count, !storage[i].key.isUnbound else { return nil }
        return (storage[i].key, storage[i].value)
    }

    /// A shallow copy (same order, hashes reused).
    public func copy() -> DictObject {
        let d = DictObject()
        d.storage.reserveCapacity(live)
        for e in storage where !e.key.isUnbound { d.set(HashKey(unchecked: e.key, hash: e.hash), e.value) }
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
