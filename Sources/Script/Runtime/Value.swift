/// A value of the cell language.
///
/// Numbers, strings and the three main containers have their own cases so the
/// interpreter's hot paths avoid dynamic dispatch; everything else — functions, types,
/// exceptions, generators, and every native object a host module adds — is an
/// `.object` conforming to ``ScriptObject``.
public enum Value {
    /// Python's `None`.
    case none
    /// `True` / `False`.
    case bool(Bool)
    /// A 64-bit integer (Python's `int`, without big-integer promotion).
    case int(Int)
    /// A 64-bit float.
    case float(Double)
    /// An immutable Unicode string.
    case str(String)
    /// A mutable list.
    case list(ListObject)
    /// An immutable tuple.
    case tuple([Value])
    /// An insertion-ordered dict.
    case dict(DictObject)
    /// Any other object.
    case object(any ScriptObject)
    /// Marks an unassigned variable slot; never visible to cell code.
    case unbound

    /// Whether this is the `unbound` marker.
    @inline(__always) var isUnbound: Bool {
        if case .unbound = self { return true }
        return false
    }

    /// Whether the value holds no reference (so overwriting it needs no release).
    @inline(__always) var isTrivial: Bool {
        switch self {
        case .none, .bool, .int, .float, .unbound: return true
        default: return false
        }
    }

    /// The identity of the object, for `.object` values.
    @inline(__always) var objectIdentity: ObjectIdentifier? {
        if case .object(let o) = self { return ObjectIdentifier(o) }
        return nil
    }

    /// Moves the value out, leaving `None` behind.
    @inline(__always) mutating func take() -> Value {
        var taken = Value.none
        swap(&self, &taken)
        return taken
    }

    /// Whether this is `None`.
    @inline(__always) public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Python's name for the value's type, as `type(x).__name__` gives it.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .object(let o): return o.typeName
        case .unbound: return "unbound"
        }
    }

    /// Wraps a Swift string array as a list value.
    public static func list(_ items: [Value]) -> Value { .list(ListObject(items)) }
}

/// A mutable list shared by reference, as Python lists are.
public final class ListObject {
    /// The elements.
    public var items: [Value]

    /// Creates a list holding `items`.
    public init(_ items: [Value] = []) {
        self.items = items
    }

    deinit {
        if !items.isEmpty { Trashcan.dispose(&items) }
    }
}

/// A variable captured by a closure (Python's cell).
final class Cell {
    var value: Value

    init(_ value: Value = .unbound) {
        self.value = value
    }

    deinit {
        // Closures capturing closures can chain a million deep: free them iteratively.
        guard value.isContainer else { return }
        var held = [value]
        value = .unbound
        Trashcan.dispose(&held)
    }
}
