/// `repr`, `str`, truthiness, equality and ordering with Python's rules.
extension Interpreter {
    /// `repr(v)`.
    public func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return DecimalText.string(i)
        case .float(let d): return pythonFloatRepr(d)
        case .str(let s): return pythonStringRepr(s)
        case .list(let l):
            return try withReprGuard(l) { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" } ?? "[...]"
        case .tuple(let t):
            if t.count == 1 { return "(" + (try repr(t[0])) + ",)" }
            return "(" + (try t.map { try repr($0) }.joined(separator: ", ")) + ")"
        case .dict(let d):
            return try withReprGuard(d) {
                "{" + (try d.entries.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")) + "}"
            } ?? "{...}"
        case .object(let o): return try o.repr(self)
        case .unbound: return "<unbound>"
        }
    }

    private func withReprGuard(_ object: AnyObject, _ body: () throws -> String) throws -> String? {
        let id = ObjectIdentifier(object)
        if reprInProgress.contains(id) { return nil }
        if reprInProgress.count > 200 { throw ScriptError(BuiltinTypes.recursionError, "maximum recursion depth exceeded while getting the repr of an object") }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try body()
    }

    /// `str(v)`.
    public func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let o): return try o.str(self)
        default: return try repr(v)
        }
    }

    /// Python truthiness.
    @inline(__always)
    public func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .none: return false
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count != 0
        case .object(let o):
            if let t = try o.truth(self) { return t }
            if let n = try o.length(self) { return n != 0 }
            return true
        case .unbound: return false
        }
    }

    /// `a == b`.
    public func equal(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return StringHashing.equal(x, y)
        case (.float(let x), .float(let y)): return x == y
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)):
            if x === y { return true }
            return try sequencesEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequencesEqual(x, y)
        case (.dict(let x), .dict(let y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for (k, v) in x.entries {
                guard let w = y.get(try HashKey(k)), try equal(v, w) else { return false }
            }
            return true
        case (.object(let x), _):
            if case .object(let y) = b, x === y { return true }
            if let r = try x.compare(.eq, b, self) { return try truthy(r) }
            if case .object(let y) = b, let r = try y.compare(.eq, a, self) { return try truthy(r) }
            return false
        case (_, .object(let y)):
            if let r = try y.compare(.eq, a, self) { return try truthy(r) }
            return false
        default:
            if let x = a.numericValue, let y = b.numericValue {
                if case .int(let i) = a, case .float(let d) = b { return intFloatEqual(i, d) }
                if case .float(let d) = a, case .int(let i) = b { return intFloatEqual(i, d) }
                return x == y
            }
            return false
        }
    }

    private func intFloatEqual(_ i: Int, _ d: Double) -> Bool {
        guard d.isFinite, d.rounded() == d, d >= -9223372036854775808.0, d < 9223372036854775808.0 else { return false }
        return Int(d) == i
    }

    private func sequencesEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        for i in x.indices where !(try identical(x[i], y[i]) || equal(x[i], y[i])) { return false }
        return true
    }

    /// `a is b`.
    public func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && x >= -5 && x <= 256
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return x.utf8.count <= 1 && StringHashing.equal(x, y)
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    /// An ordering comparison (`<`, `<=`, `>`, `>=`).
    public func less(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return ordered(op, x, y)
        case (.float(let x), .float(let y)): return ordered(op, x, y)
        case (.str(let x), .str(let y)): return ordered(op, StringOrder(x), StringOrder(y))
        case (.list(let x), .list(let y)): return try sequenceOrder(op, x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrder(op, x, y)
        case (.object(let o), _):
            if let r = try o.compare(op, b, self) { return try truthy(r) }
        case (_, .object(let o)):
            if let r = try o.compare(op.swapped, a, self) { return try truthy(r) }
        default:
            if case .int(let i) = a, case .float(let d) = b { return compareIntFloat(op, i, d) }
            if case .float(let d) = a, case .int(let i) = b { return compareIntFloat(op.swapped, i, d) }
            if let x = a.numericValue, let y = b.numericValue { return ordered(op, x, y) }
        }
        throw ScriptError.typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    private func compareIntFloat(_ op: CompareOperator, _ i: Int, _ d: Double) -> Bool {
        if d.isNaN { return false }
        if abs(d) < 9.0e15 || !d.isFinite { return ordered(op, Double(i), d) }
        // Exact comparison for large magnitudes.
        let di = Double(i)
        if di != d { return ordered(op, di, d) }
        let back = d >= 9223372036854775808.0 ? Int.max : Int(d)
        if d >= 9223372036854775808.0 { return ordered(op, 0, 1) }
        return ordered(op, i, back)
    }

    private func sequenceOrder(_ op: CompareOperator, _ x: [Value], _ y: [Value]) throws -> Bool {
        for i in 0..<min(x.count, y.count) where !(try equal(x[i], y[i])) {
            return try less(op, x[i], y[i])
        }
        return ordered(op, x.count, y.count)
    }

    /// A comparison whose result a native object may choose (a query, an array of
    /// booleans …): `==`, `!=`, `<`, `<=`, `>`, `>=` ask the objects first; everything else,
    /// and objects that decline, give a bool.
    public func richCompare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .eq, .ne, .lt, .le, .gt, .ge:
            if case .object(let o) = a, let r = try o.compare(op, b, self) { return r }
            if case .object(let o) = b, let r = try o.compare(op.swapped, a, self) { return r }
        default: break
        }
        return .bool(try compare(op, a, b))
    }

    /// Applies any comparison operator.
    public func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .eq: return try equal(a, b)
        case .ne:
            if case .object(let o) = a, let r = try o.compare(.ne, b, self) { return try truthy(r) }
            return !(try equal(a, b))
        case .lt, .le, .gt, .ge: return try less(op, a, b)
        case .in: return try contains(b, a)
        case .notIn: return !(try contains(b, a))
        case .is: return identical(a, b)
        case .isNot: return !identical(a, b)
        }
    }
}

@inline(__always)
func ordered<T: Comparable>(_ op: CompareOperator, _ x: T, _ y: T) -> Bool {
    switch op {
    case .lt: return x < y
    case .le: return x <= y
    case .gt: return x > y
    case .ge: return x >= y
    case .eq: return x == y
    default: return x != y
    }
}

/// Orders strings by code points, as Python does (Swift's `<` uses Unicode canonical order).
struct StringOrder: Comparable {
    let s: String
    init(_ s: String) { self.s = s }
    static func < (a: StringOrder, b: StringOrder) -> Bool {
        a.s.unicodeScalars.lexicographicallyPrecedes(b.s.unicodeScalars)
    }
    static func == (a: StringOrder, b: StringOrder) -> Bool { a.s.unicodeScalars.elementsEqual(b.s.unicodeScalars) }
}

extension CompareOperator {
    var swapped: CompareOperator {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}
