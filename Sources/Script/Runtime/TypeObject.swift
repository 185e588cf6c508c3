/// A type, as `type(x)` returns it and `isinstance` tests it: the builtin types, the
/// exception classes and the types of native objects.
public final class TypeObject: ScriptObject {
    /// The type's name, e.g. `int` or `ValueError`.
    public let name: String
    /// The base type (exceptions and `bool` have one).
    public let base: TypeObject?
    /// Whether instances are exceptions.
    public let isException: Bool
    private let doc: String?
    private let constructor: ((Arguments, Interpreter) throws -> Value)?
    let signatureText: String?

    /// Creates a type; `constructor` makes instances when the type is called.
    public init(name: String, base: TypeObject? = nil, doc: String? = nil, signature: String? = nil,
                constructor: ((Arguments, Interpreter) throws -> Value)? = nil) {
        self.name = name
        self.base = base
        self.isException = base?.isException ?? (name == "BaseException")
        self.doc = doc
        self.signatureText = signature
        self.constructor = constructor
    }

    /// Whether this type is `other` or derives from it.
    public func isSubtype(of other: TypeObject) -> Bool {
        var t: TypeObject? = self
        while let current = t {
            if current === other { return true }
            t = current.base
        }
        return false
    }

    public var typeName: String { "type" }
    public var docstring: String? { doc }
    public var signature: String? { signatureText ?? "\(name)(...)" }

    public func repr(_ interpreter: Interpreter) throws -> String { "<class '\(name)'>" }

    /// The constructor for one positional argument (`str(x)`, `int(x)`), when it has one.
    var singleArgumentConstructor: ((Value, Interpreter) throws -> Value)?

    public func call(single argument: Value, _ interpreter: Interpreter) throws -> Value? {
        try singleArgumentConstructor?(argument, interpreter)
    }

    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        if let constructor { return try constructor(arguments, interpreter) }
        if isException {
            return .object(ExceptionObject(type: self, args: arguments.positional))
        }
        throw ScriptError.typeError("cannot create '\(name)' instances")
    }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__name__", "__qualname__": return .str(self.name)
        case "__doc__": return doc.map { .str($0) } ?? Value.none
        case "__base__": return base.map { .object($0) } ?? Value.none
        default: return try interpreter.typeAttribute(self, name)
        }
    }

    public var attributeNames: [String] { ["__name__", "__doc__"] }
}

/// The builtin types, shared by every interpreter (they hold no mutable state).
public enum BuiltinTypes {
    /// `object`.
    public static let object = TypeObject(name: "object")
    /// `NoneType`.
    public static let noneType = TypeObject(name: "NoneType")
    /// `int`.
    public static let int: TypeObject = {
        let type = TypeObject(name: "int", doc: "int(x=0) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to a 64-bit integer.", signature: "int(x=0, base=10)", constructor: Constructors.int)
        type.singleArgumentConstructor = Constructors.intOf
        return type
    }()
    /// `bool`, a subtype of `int`.
    public static let bool = TypeObject(name: "bool", base: int, doc: "bool(x) -> True when the argument is true, False otherwise.", signature: "bool(x=False)", constructor: Constructors.bool)
    /// `float`.
    public static let float: TypeObject = {
        let type = TypeObject(name: "float", doc: "Convert a string or number to a 64-bit floating point number, if possible.", signature: "float(x=0.0)", constructor: Constructors.float)
        type.singleArgumentConstructor = Constructors.floatOf
        return type
    }()
    /// `str`.
    public static let str: TypeObject = {
        let type = TypeObject(name: "str", doc: "str(object='') -> str\n\nCreate a string from the given object (its str() form).", signature: "str(object='')", constructor: Constructors.str)
        type.singleArgumentConstructor = Constructors.strOf
        return type
    }()
    /// `list`.
    public static let list = TypeObject(name: "list", doc: "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.", signature: "list(iterable=(), /)", constructor: Constructors.list)
    /// `tuple`.
    public static let tuple = TypeObject(name: "tuple", doc: "Built-in immutable sequence.", signature: "tuple(iterable=(), /)", constructor: Constructors.tuple)
    /// `dict`.
    public static let dict = TypeObject(name: "dict", doc: "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's (key, value) pairs\ndict(iterable) -> from (key, value) pairs\ndict(**kwargs) -> from the keyword arguments", signature: "dict(**kwargs)", constructor: Constructors.dict)
    /// `set`.
    public static let set = TypeObject(name: "set", doc: "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.", signature: "set(iterable=(), /)", constructor: Constructors.set)
    /// `range`.
    public static let range = TypeObject(name: "range", doc: "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.", signature: "range(start, stop[, step])", constructor: Constructors.range)
    /// `slice`.
    public static let slice = TypeObject(name: "slice", signature: "slice(start, stop[, step])")
    /// `function`.
    public static let function = TypeObject(name: "function")
    /// `builtin_function_or_method`.
    public static let builtinFunction = TypeObject(name: "builtin_function_or_method")
    /// `generator`.
    public static let generator = TypeObject(name: "generator")
    /// `module`.
    public static let module = TypeObject(name: "module")
    /// `type`.
    public static let type = TypeObject(name: "type", doc: "type(object) -> the object's type", signature: "type(object)", constructor: Constructors.type)
}
