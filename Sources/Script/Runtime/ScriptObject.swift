/// Rich output for a value: mimetype → data (e.g. `text/plain`, `text/html`, `image/svg+xml`).
public typealias MimeBundle = [String: String]

/// The arguments of a call: positional values and keyword pairs in call order.
public struct Arguments {
    /// Positional arguments.
    public var positional: [Value]
    /// Keyword arguments in the order given.
    public var keywords: [(name: String, value: Value)]

    /// Creates an argument list.
    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        keywords.first { $0.name == name }?.value
    }
}

/// An iterator over values (Python's iterator protocol, with `nil` for `StopIteration`).
public protocol ValueIterator: AnyObject {
    /// The next value, or nil when exhausted.
    func next(_ interpreter: Interpreter) throws -> Value?
}

/// The protocol through which every non-primitive value — and every native object a host
/// module adds (arrays, devices, runs, plots) — plugs into the interpreter.
///
/// Each requirement has a default meaning "not supported", which the interpreter turns
/// into the `TypeError` or `AttributeError` Python would raise. Conformers override only
/// what their object supports.
public protocol ScriptObject: AnyObject {
    /// The type name shown by `type(x)`, `repr` and error messages.
    var typeName: String { get }
    /// The attribute `name`, or nil when there is none (→ `AttributeError`).
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value?
    /// Assigns the attribute `name`; the default raises `AttributeError`.
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws
    /// Calls the object; the default raises `TypeError: … object is not callable`.
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value
    /// Calls the object with one positional argument without building `Arguments`
    /// (`len(x)`, `str(i)`); nil means "not specialised": `call` is used instead. Must give
    /// what `call(Arguments([argument]))` gives.
    func call(single argument: Value, _ interpreter: Interpreter) throws -> Value?
    /// `self op other` (or `other op self` when `reflected`); nil means unsupported.
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value?
    /// `self op= other` in place (Python's `__iadd__` …), returning the value to bind; nil
    /// means "not in place": the interpreter computes `self op other` instead.
    func inPlaceBinary(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value?
    /// A unary operator; nil means unsupported.
    func unary(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value?
    /// A rich comparison (`==`, `<`, …); nil means unsupported (identity for `==`).
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value?
    /// `self[key]`; nil means the object is not subscriptable.
    func item(_ key: Value, _ interpreter: Interpreter) throws -> Value?
    /// `self[key] = value`; returns false when unsupported.
    func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws -> Bool
    /// `del self[key]`; returns false when unsupported.
    func deleteItem(_ key: Value, _ interpreter: Interpreter) throws -> Bool
    /// `value in self`; nil falls back to iteration.
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool?
    /// An iterator over the object; nil means not iterable.
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)?
    /// `len(self)`; nil means no length.
    func length(_ interpreter: Interpreter) throws -> Int?
    /// Truthiness; nil means "use length, else True".
    func truth(_ interpreter: Interpreter) throws -> Bool?
    /// `repr(self)`.
    func repr(_ interpreter: Interpreter) throws -> String
    /// `str(self)`; defaults to `repr`.
    func str(_ interpreter: Interpreter) throws -> String
    /// Rich display data; `text/plain` is added from `repr` when missing.
    func displayData(_ interpreter: Interpreter) throws -> MimeBundle?
    /// The docstring shown by `help()` and inspection.
    var docstring: String? { get }
    /// The call signature shown by inspection, e.g. `scan(detectors, motor, start, stop, num)`.
    var signature: String? { get }
    /// Attribute names offered by completion and `dir()`.
    var attributeNames: [String] { get }
    /// The hash for use as a dict key or set member; nil means unhashable.
    func hashKey() -> Int?
}

extension ScriptObject {
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? { nil }
    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        throw ScriptError.attributeError("'\(typeName)' object has no attribute '\(name)'")
    }
    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        throw ScriptError.typeError("'\(typeName)' object is not callable")
    }
    public func call(single argument: Value, _ interpreter: Interpreter) throws -> Value? { nil }
    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? { nil }
    public func inPlaceBinary(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? { nil }
    public func unary(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? { nil }
    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? { nil }
    public func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? { nil }
    public func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws -> Bool { false }
    public func deleteItem(_ key: Value, _ interpreter: Interpreter) throws -> Bool { false }
    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? { nil }
    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { nil }
    public func length(_ interpreter: Interpreter) throws -> Int? { nil }
    public func truth(_ interpreter: Interpreter) throws -> Bool? { nil }
    public func repr(_ interpreter: Interpreter) throws -> String { "<\(typeName) object>" }
    public func str(_ interpreter: Interpreter) throws -> String { try repr(interpreter) }
    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? { nil }
    public var docstring: String? { nil }
    public var signature: String? { nil }
    public var attributeNames: [String] { [] }
    public func hashKey() -> Int? { ObjectIdentifier(self).hashValue }
}

/// A native object that acts as a type for `isinstance` (e.g. `np.ndarray`).
public protocol HostType: ScriptObject {
    /// Whether `value` is an instance of this type.
    func hasInstance(_ value: Value) -> Bool
}
