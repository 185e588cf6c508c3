import Script

/// Conversions between cell-language values and arrays: nested lists to arrays, arrays
/// back to Python scalars and lists, index expressions to ``IndexComponent``s.
public enum ArrayConversion {
    /// `value` as an array: arrays as they are, numbers as 0-d arrays, nested lists, tuples
    /// and ranges as n-d arrays (numpy's `asarray`).
    public static func array(_ value: Value, _ interpreter: Interpreter) throws -> NDArray {
        switch value {
        case .object(let o as ArrayObject): return o.array
        case .int(let i): return .scalar(Double(i), .int64)
        case .float(let d): return .scalar(d, .float64)
        case .bool(let b): return .scalar(b ? 1 : 0, .bool)
        case .object(let o as ArrayConvertible): return try o.asArray(interpreter)
        default: break
        }
        let shape = try probeShape(value, interpreter)
        var values: [Double] = []
        values.reserveCapacity(NDArray.product(shape))
        var type = ElementType.bool
        try fill(value, depth: 0, shape, &values, &type, interpreter)
        return NDArray(values, shape: shape, elementType: values.isEmpty ? .float64 : type)
    }

    /// Like ``array(_:_:)`` but reported as a float64 array.
    public static func floatArray(_ value: Value, _ interpreter: Interpreter) throws -> NDArray {
        let a = try array(value, interpreter)
        return a.elementType == .float64 ? a : a.converted(to: .float64)
    }

    /// The elements of a list, tuple or range (nil for anything else).
    private static func items(_ value: Value, _ interpreter: Interpreter) throws -> [Value]? {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .object(let r as RangeObject):
            var items: [Value] = []
            try interpreter.forEach(.object(r)) { items.append($0) }
            return items
        default: return nil
        }
    }

    /// The shape found by following the first element down.
    private static func probeShape(_ value: Value, _ interpreter: Interpreter) throws -> [Int] {
        if case .object(let o as ArrayObject) = value { return o.array.shape }
        guard let items = try items(value, interpreter) else { return [] }
        guard let first = items.first else { return [0] }
        return [items.count] + (try probeShape(first, interpreter))
    }

    private static func fill(_ value: Value, depth: Int, _ shape: [Int], _ values: inout [Double],
                             _ type: inout ElementType, _ interpreter: Interpreter) throws {
        if case .object(let o as ArrayObject) = value {
            guard Array(shape[depth...]) == o.array.shape else { throw inhomogeneous(depth, shape) }
            values += o.array.values
            type = Swift.max(type, o.array.elementType)
            return
        }
        if let items = try items(value, interpreter) {
            guard depth < shape.count, shape[depth] == items.count else { throw inhomogeneous(depth, shape) }
            for item in items { try fill(item, depth: depth + 1, shape, &values, &type, interpreter) }
            return
        }
        guard depth == shape.count else { throw inhomogeneous(depth, shape) }
        switch value {
        case .int(let i): values.append(Double(i)); type = Swift.max(type, .int64)
        case .float(let d): values.append(d); type = .float64
        case .bool(let b): values.append(b ? 1 : 0)
        case .str: throw ScriptError.valueError("could not convert string to float: \(try interpreter.repr(value))")
        case .none: throw ScriptError.typeError("float() argument must be a string or a real number, not 'NoneType'")
        default: throw ScriptError.typeError("cannot make an array from '\(value.typeName)' (use a list of numbers)")
        }
    }

    private static func inhomogeneous(_ depth: Int, _ shape: [Int]) -> ScriptError {
        ScriptError.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ArrayFormatter.pythonShape(Array(shape.prefix(depth)))) + inhomogeneous part.")
    }

    /// An array result as a value: 0-d arrays become Python scalars, as numpy's do.
    public static func value(_ a: NDArray) -> Value {
        a.ndim == 0 ? scalar(a.scalarValue, a.elementType) : ArrayObject.wrap(a)
    }

    /// One element as a Python number of the array's type.
    public static func scalar(_ x: Double, _ type: ElementType) -> Value {
        switch type {
        case .bool: return .bool(x != 0)
        case .int64: return exactInteger(x).map { .int($0) } ?? .float(x)
        case .float64: return .float(x)
        }
    }

    /// numpy's `tolist()`: nested lists of Python numbers.
    public static func list(_ a: NDArray) -> Value {
        if a.ndim == 0 { return scalar(a.scalarValue, a.elementType) }
        let values = a.values
        var position = 0
        func build(_ axis: Int) -> Value {
            if axis == a.ndim - 1 {
                let items = values[position..<(position + a.shape[axis])].map { scalar($0, a.elementType) }
                position += a.shape[axis]
                return .list(ListObject(Array(items)))
            }
            return .list(ListObject((0..<a.shape[axis]).map { _ in build(axis + 1) }))
        }
        return build(0)
    }

    /// A subscript key as index components: `a[1]`, `a[1:3, None, ...]`, `a[mask]`, `a[[0, 2]]`.
    public static func index(_ key: Value, _ interpreter: Interpreter) throws -> [IndexComponent] {
        if case .tuple(let items) = key { return try items.map { try component($0, interpreter) } }
        return [try component(key, interpreter)]
    }

    private static func component(_ item: Value, _ interpreter: Interpreter) throws -> IndexComponent {
        switch item {
        case .int(let i): return .integer(i)
        case .bool(let b): return .mask(.scalar(b ? 1 : 0, .bool))
        case .none: return .newAxis
        case .object(let s as SliceObject):
            func bound(_ v: Value) throws -> Int? {
                switch v {
                case .none: return nil
                case .int(let i): return i
                case .bool(let b): return b ? 1 : 0
                default: throw ScriptError.typeError("slice indices must be integers or None or have an __index__ method")
                }
            }
            return .slice(start: try bound(s.start), stop: try bound(s.stop), step: try bound(s.step))
        case .object(let o) where o.typeName == "ellipsis": return .ellipsis
        case .object(let o as ArrayObject): return try arrayComponent(o.array)
        case .list:
            let a = try array(item, interpreter)
            return try arrayComponent(a.count == 0 ? a.converted(to: .int64) : a)
        default:
            throw ScriptError.indexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
        }
    }

    private static func arrayComponent(_ a: NDArray) throws -> IndexComponent {
        switch a.elementType {
        case .bool: return .mask(a)
        case .int64: return .positions(a)
        case .float64: throw ScriptError.indexError("arrays used as indices must be of integer (or boolean) type")
        }
    }
}

/// A native object that can stand in for an array (a catalogue column, a detector frame).
public protocol ArrayConvertible: ScriptObject {
    /// The object's data as an array.
    func asArray(_ interpreter: Interpreter) throws -> NDArray
}

extension NumericsError {
    /// The Python exception for this error.
    public var scriptError: ScriptError {
        switch kind {
        case .value: return .valueError(message)
        case .index: return .indexError(message)
        case .type: return .typeError(message)
        case .zeroDivision: return .zeroDivision(message)
        case .overflow: return .overflow(message)
        case .memory: return .memoryError(message)
        }
    }
}

/// Runs array code, turning ``NumericsError`` into the matching Python exception.
@inline(__always)
public func numpyCall<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as NumericsError { throw e.scriptError }
}
