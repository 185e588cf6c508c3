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
