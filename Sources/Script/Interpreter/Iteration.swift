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
        case .dict(let d): return try d.lookup(item) != nil
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
