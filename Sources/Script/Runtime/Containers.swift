/// Python's `set`: insertion-ordered here (CPython's order for small ints matches when
/// they are inserted ascending).
public final class SetObject: ScriptObject {
    var storage = DictObject()

    /// Creates an empty set.
    public init() {}

    public var typeName: String { "set" }
    public var docstring: String? { BuiltinTypes.set.docstring }

    /// Adds a value (raises `TypeError` if unhashable).
    public func insert(_ v: Value) throws { storage.set(try HashKey(v), .none) }

    /// The members in order.
    public var members: [Value] { storage.orderedKeys }

    public func length(_ interpreter: Interpreter) throws -> Int? { storage.count }
    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        storage.get(try HashKey(value)) != nil
    }
    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? {
        ArrayIterator(members)
    }
    public func repr(_ interpreter: Interpreter) throws -> String {
        if storage.count == 0 { return "set()" }
        return "{" + (try members.map { try interpreter.repr($0) }.joined(separator: ", ")) + "}"
    }
    public func hashKey() -> Int? { nil }
    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .object(let o as SetObject) = other else { return op == .eq ? .bool(false) : nil }
        let a = Set(storage.orderedKeys.compactMap { try? HashKey($0) })
        let b = Set(o.storage.orderedKeys.compactMap { try? HashKey($0) })
        switch op {
        case .eq: return .bool(a == b)
        case .ne: return .bool(a != b)
        case .le: return .bool(a.isSubset(of: b))
        case .lt: return .bool(a.isStrictSubset(of: b))
        case .ge: return .bool(a.isSuperset(of: b))
        case .gt: return .bool(a.isStrictSuperset(of: b))
        default: return nil
        }
    }

    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        guard case .object(let o as SetObject) = other else { return nil }
        let (x, y) = reflected ? (o, self) : (self, o)
        let out = SetObject()
        switch op {
        case .bitOr:
            for m in x.members { try out.insert(m) }
            for m in y.members { try out.insert(m) }
        case .bitAnd:
            for m in x.members where y.storage.get(try HashKey(m)) != nil { try out.insert(m) }
        case .sub:
            for m in x.members where y.storage.get(try HashKey(m)) == nil { try out.insert(m) }
        case .bitXor:
            for m in x.members where y.storage.get(try HashKey(m)) == nil { try out.insert(m) }
            for m in y.members where x.storage.get(try HashKey(m)) == nil { try out.insert(m) }
        default: return nil
        }
        return .object(out)
    }

    /// In-place `|=`, `&=`, `-=`, `^=`.
    func inPlace(_ op: BinaryOperator, _ other: Value, _ interp: Interpreter) throws -> Value? {
        guard let r = try binary(op, other, reflected: false, interp), case .object(let o as SetObject) = r else { return nil }
        storage = o.storage
        return .object(self)
    }

    public var attributeNames: [String] { MethodTables.setMethods }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        MethodTables.setMethods.contains(name) ? .object(BoundMethod(.object(self), name)) : nil
    }
}

/// `range(start, stop, step)`.
public final class RangeObject: ScriptObject, KeyEquatable {
    /// First value.
    public let start: Int
    /// End (exclusive).
    public let stop: Int
    /// Step (never 0).
    public let step: Int

    /// Creates a range.
    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The number of values (saturating at `Int.max` for ranges longer than that).
    public var count: Int {
        let n = exactCount
        return n > UInt(Int.max) ? Int.max : Int(n)
    }

    /// The number of values, computed without overflow.
    var exactCount: UInt {
        if step > 0 {
            guard start < stop else { return 0 }
            return (UInt(bitPattern: stop) &- UInt(bitPattern: start) &- 1) / UInt(step) + 1
        }
        guard start > stop else { return 0 }
        return (UInt(bitPattern: start) &- UInt(bitPattern: stop) &- 1) / step.magnitude + 1
    }

    public var typeName: String { "range" }
    public var docstring: String? { BuiltinTypes.range.docstring }
    public func length(_ interpreter: Interpreter) throws -> Int? {
        if exactCount > UInt(Int.max) { throw ScriptError.overflow("Python int too large to convert to C ssize_t") }
        return count
    }
    public func repr(_ interpreter: Interpreter) throws -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }
    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { RangeIterator(self) }
    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        guard case .int(let v) = value else {
            if case .float(let d) = value, d == d.rounded(), abs(d) < 9e18 { return try contains(.int(Int(d)), interpreter) }
            return false
        }
        if step > 0 ? (v < start || v >= stop) : (v > start || v <= stop) { return false }
        let distance = step > 0 ? UInt(bitPattern: v) &- UInt(bitPattern: start) : UInt(bitPattern: start) &- UInt(bitPattern: v)
        return distance % step.magnitude == 0
    }
    public func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        switch key {
        case .int(let i):
            let n = count
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw ScriptError.indexError("range object index out of range") }
            return .int(start &+ j &* step)
        case .object(let s as SliceObject):
            let (a, _, st, n) = try s.indices(length: count, interpreter)
            let (offset, o1) = a.multipliedReportingOverflow(by: step)
            let (newStart, o2) = start.addingReportingOverflow(offset)
            let (newStep, o3) = step.multipliedReportingOverflow(by: st)
            let (span, o4) = n.multipliedReportingOverflow(by: newStep)
            let (newStop, o5) = newStart.addingReportingOverflow(span)
            if o1 || o2 || o3 || o4 || o5 { throw ScriptError.overflow() }
            return .object(RangeObject(start: newStart, stop: newStop, step: newStep))
        default:
            throw ScriptError.typeError("range indices must be integers or slices, not \(key.typeName)")
        }
    }
    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .eq || op == .ne else { return nil }
        guard case .object(let o) = other else { return .bool(op == .ne) }
        return .bool(keyEquals(o) == (op == .eq))
    }
    public func keyEquals(_ other: any ScriptObject) -> Bool {
        guard let r = other as? RangeObject else { return false }
        if count != r.count { return false }
        if count == 0 { return true }
        return start == r.start && (count == 1 || step == r.step)
    }
    public func hashKey() -> Int? { count == 0 ? 0 : start &* 31 &+ step &* 7 &+ count }
    public var attributeNames: [String] { ["start", "stop", "step", "count", "index"] }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        case "index", "count":
            return .object(BuiltinFunction(name, signature: "range.\(name)(value, /)") { [self] args, interp in
                try ArgumentReader(name, args, interp).count(1)
                let found = try self.contains(args.positional[0], interp) ?? false
                if name == "count" { return .int(found ? 1 : 0) }
                guard found, case .int(let v) = args.positional[0] else {
                    throw ScriptError.valueError("\((try? interp.repr(args.positional[0])) ?? "value") is not in range")
                }
                return .int((v - start) / step)
            })
        default: return nil
        }
    }
}

/// `slice(start, stop, step)`, as made by `a[1:5:2]`.
public final class SliceObject: ScriptObject {
    /// Start bound (None when omitted).
    public let start: Value
    /// Stop bound.
    public let stop: Value
    /// Step.
    public let step: Value

    /// Creates a slice.
    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var typeName: String { "slice" }
    public func repr(_ interpreter: Interpreter) throws -> String {
        "slice(\(try interpreter.repr(start)), \(try interpreter.repr(stop)), \(try interpreter.repr(step)))"
    }
    public func hashKey() -> Int? { nil }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "start": return start
        case "stop": return stop
        case "step": return step
        default: return nil
        }
    }

    /// Python's `slice.indices(length)` plus the number of selected items.
    public func indices(length: Int, _ interpreter: Interpreter) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        func intValue(_ v: Value) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: throw ScriptError.typeError("slice indices must be integers or None or have an __index__ method")
            }
        }
        // A step beyond ±(2**63 - 1) selects the same items as ±(2**63 - 1).
        let st = max(try intValue(step) ?? 1, -Int.max)
        if st == 0 { throw ScriptError.valueError("slice step cannot be zero") }
        var a: Int, b: Int
        if st > 0 {
            a = try intValue(start).map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? 0
            b = try intValue(stop).map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? length
            let n = b > a ? (b - a - 1) / st + 1 : 0
            return (a, b, st, n)
        }
        a = try intValue(start).map { $0 < 0 ? max(-1, $0 + length) : min($0, length - 1) } ?? (length - 1)
        b = try intValue(stop).map { $0 < 0 ? max(-1, $0 + length) : min($0, length - 1) } ?? -1
        let n = a > b ? (a - b - 1) / (-st) + 1 : 0
        return (a, b, st, n)
    }
}

/// A view of a dict's keys, values or items.
final class DictView: ScriptObject {
    enum Kind: String { case keys = "dict_keys", values = "dict_values", items = "dict_items" }
    let dict: DictObject
    let kind: Kind
    init(_ dict: DictObject, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }
    var typeName: String { kind.rawValue }
    var values: [Value] {
        switch kind {
        case .keys: return dict.orderedKeys
        case .values: return dict.entries.map(\.value)
        case .items: return dict.entries.map { .tuple([$0.key, $0.value]) }
        }
    }
    func length(_ interpreter: Interpreter) throws -> Int? { dict.count }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { DictIterator(dict, kind) }
    func repr(_ interpreter: Interpreter) throws -> String {
        "\(kind.rawValue)([" + (try values.map { try interpreter.repr($0) }.joined(separator: ", ")) + "])"
    }
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        switch kind {
        case .keys: return dict.get(try HashKey(value)) != nil
        default:
            for v in values where try interpreter.equal(v, value) { return true }
            return false
        }
    }
    func hashKey() -> Int? { nil }
}

/// Iterates a snapshot array.
final class ArrayIterator: ValueIterator {
    let items: [Value]
    var index = 0
    init(_ items: [Value]) {
        self.items = items
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        guard index < items.count else { return nil }
        index += 1
        return items[index - 1]
    }
}

/// Iterates a list live, as Python's list iterator does (sees appends).
final class ListIterator: ValueIterator {
    let list: ListObject
    var index = 0
    init(_ list: ListObject) {
        self.list = list
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        guard index < list.items.count else { return nil }
        index += 1
        return list.items[index - 1]
    }
}

/// Iterates a dict, raising if its size changes.
final class DictIterator: ValueIterator {
    let dict: DictObject
    let kind: DictView.Kind
    var position = 0
    let initialCount: Int
    init(_ dict: DictObject, _ kind: DictView.Kind) {
        self.dict = dict
        self.kind = kind
        initialCount = dict.count
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        if dict.count != initialCount {
            throw ScriptError.runtimeError("dictionary changed size during iteration")
        }
        while position < dict.storageCount {
            defer { position += 1 }
            if let e = dict.entry(at: position) {
                switch kind {
                case .keys: return e.key
                case .values: return e.value
                case .items: return .tuple([e.key, e.value])
                }
            }
        }
        return nil
    }
}

final class RangeIterator: ValueIterator {
    var current: Int
    let stop: Int
    let step: Int
    var done = false
    init(_ r: RangeObject) {
        current = r.start
        stop = r.stop
        step = r.step
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        if done || (step > 0 ? current >= stop : current <= stop) { return nil }
        let v = current
        let (n, o) = current.addingReportingOverflow(step)
        if o { done = true } else { current = n }
        return .int(v)
    }
}

final class StringIterator: ValueIterator {
    var iterator: String.UnicodeScalarView.Iterator
    init(_ s: String) {
        iterator = s.unicodeScalars.makeIterator()
    }
    func next(_ interpreter: Interpreter) throws -> Value? {
        iterator.next().map { .str(String($0)) }
    }
}

/// An iterator object visible to cells (what `iter(x)` returns).
final class IteratorObject: ScriptObject, ValueIterator {
    let inner: any ValueIterator
    let name: String
    init(_ inner: any ValueIterator, name: String) {
        self.inner = inner
        self.name = name
    }
    var typeName: String { name }
    func next(_ interpreter: Interpreter) throws -> Value? { try inner.next(interpreter) }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { self }
    func repr(_ interpreter: Interpreter) throws -> String { "<\(name) object>" }
}

/// Iteration helpers.
extension Interpreter {
    /// An iterator over `v`, or `TypeError: '…' object is not iterable`.
    public func iterator(_ v: Value) throws -> any ValueIterator {
        switch v {
        case .list(let l): return ListIterator(l)
        case .tuple(let t): return ArrayIterator(t)
        case .str(let s): return StringIterator(s)
        case .dict(let d): return DictIterator(d, .keys)
        case .object(let o):
            if let it = try o.makeIterator(self) { return it }
        default: break
        }
        throw ScriptError.typeError("'\(v.typeName)' object is not iterable")
    }

    /// `iter(v)` as a value.
    func iteratorValue(_ v: Value) throws -> Value {
        if case .object(let o) = v, o is GeneratorObject || o is IteratorObject { return v }
        let name: String
        switch v {
        case .list: name = "list_iterator"
        case .tuple: name = "tuple_iterator"
        case .str: name = "str_ascii_iterator"
        case .dict: name = "dict_keyiterator"
        case .object(let o as RangeObject): name = o.typeName + "_iterator"
        default: name = "iterator"
        }
        return .object(IteratorObject(try iterator(v), name: name))
    }

    /// Calls `body` for every item of `v`, polling the interrupt flag as it goes.
    public func forEach(_ v: Value, ticking: Bool = false, _ body: (Value) throws -> Void) throws {
        switch v {
        case .list(let l):
            var i = 0
            while i < l.items.count {
                if ticking { try tick() } else if i & 4095 == 4095 { try checkInterrupt() }
                try body(l.items[i])
                i += 1
            }
        case .tuple(let t):
            for item in t {
                if ticking { try tick() }
                try body(item)
            }
        default:
            let it = try iterator(v)
            var n = 0
            while let item = try it.next(self) {
                n += 1
                if ticking { try tick() } else if n & 4095 == 0 { try checkInterrupt() }
                try body(item)
            }
        }
    }

    /// All items of `v` as an array.
    public func collect(_ v: Value) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default:
            if case .object(let r as RangeObject) = v { try checkAllocation(r.count, 1) }
            var out: [Value] = []
            try forEach(v) {
                out.append($0)
                if out.count > allocationLimit { throw ScriptError.memoryError("too many items (limit \(allocationLimit))") }
            }
            return out
        }
    }

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw ScriptError.typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .dict(let d): return d.get(try HashKey(item)) != nil
        case .list(let l):
            for x in l.items where try identical(x, item) || equal(x, item) { return true }
            return false
        case .tuple(let t):
            for x in t where try identical(x, item) || equal(x, item) { return true }
            return false
        case .object(let o):
            if let r = try o.contains(item, self) { return r }
            guard let it = try o.makeIterator(self) else {
                throw ScriptError.typeError("argument of type '\(container.typeName)' is not iterable")
            }
            while let x = try it.next(self) {
                if try identical(x, item) || equal(x, item) { return true }
            }
            return false
        default:
            throw ScriptError.typeError("argument of type '\(container.typeName)' is not iterable")
        }
    }
}
