import Script

/// An n-d array as a cell-language value (`numpy.ndarray`): operators broadcast, indexing
/// follows numpy (views for slices, copies for integer and boolean arrays), and the usual
/// attributes and methods (`shape`, `T`, `sum(axis=)`, `reshape`, `tolist` …) are there.
public final class ArrayObject: ScriptObject {
    /// The array.
    public let array: NDArray

    /// Wraps an array.
    public init(_ array: NDArray) {
        self.array = array
    }

    /// An array as a value.
    public static func wrap(_ array: NDArray) -> Value { .object(ArrayObject(array)) }

    public var typeName: String { "ndarray" }
    public var docstring: String? {
        "ndarray(shape=\(ArrayFormatter.pythonShape(array.shape)), dtype=\(array.elementType.name)): an n-dimensional array of numbers. Arithmetic and comparisons work elementwise with broadcasting; index with integers, slices, None, ..., integer arrays or boolean masks."
    }
    public var signature: String? { nil }
    public func repr(_ interpreter: Interpreter) throws -> String { ArrayFormatter.repr(array) }
    public func str(_ interpreter: Interpreter) throws -> String { ArrayFormatter.str(array) }
    public func hashKey() -> Int? { nil }

    public func length(_ interpreter: Interpreter) throws -> Int? {
        guard array.ndim > 0 else { throw ScriptError.typeError("len() of unsized object") }
        return array.shape[0]
    }

    public func truth(_ interpreter: Interpreter) throws -> Bool? {
        if array.count == 1 { return array.scalarValue != 0 }
        if array.count == 0 { throw ScriptError.valueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.") }
        throw ScriptError.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
    }

    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? {
        guard array.ndim > 0 else { throw ScriptError.typeError("iteration over a 0-d array") }
        return ArrayIterator(array)
    }

    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        let other = try ArrayConversion.array(value, interpreter)
        return try numpyCall { try Elementwise.apply(.equal, array, other).reduced(.any).scalarValue != 0 }
    }

    public func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        let components = try ArrayConversion.index(key, interpreter)
        let result = try numpyCall { try array.indexed(components) }
        // numpy gives a 0-d array, not a scalar, whenever the index holds `...`.
        if components.contains(where: { if case .ellipsis = $0 { return true } else { return false } }) {
            return ArrayObject.wrap(result)
        }
        return ArrayConversion.value(result)
    }

    public func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        let components = try ArrayConversion.index(key, interpreter)
        let source = try ArrayConversion.array(value, interpreter)
        try numpyCall { try array.assign(source, at: components) }
        return true
    }

    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        guard let operand = try? ArrayConversion.array(other, interpreter) else { return nil }
        let (a, b) = reflected ? (operand, array) : (array, operand)
        if op == .matMul { return ArrayConversion.value(try numpyCall { try LinearAlgebra.matmul(a, b) }) }
        guard let operation = ArrayObject.elementwise(op) else { return nil }
        return ArrayConversion.value(try numpyCall { try Elementwise.apply(operation, a, b) })
    }

    /// The elementwise operation behind a Python operator (nil for `@`, `<<`, `>>`).
    static func elementwise(_ op: BinaryOperator) -> BinaryOperation? {
        switch op {
        case .add: return .add
        case .sub: return .subtract
        case .mul: return .multiply
        case .div: return .divide
        case .floorDiv: return .floorDivide
        case .mod: return .remainder
        case .pow: return .power
        case .bitAnd: return .bitwiseAnd
        case .bitOr: return .bitwiseOr
        case .bitXor: return .bitwiseXor
        case .matMul, .lshift, .rshift: return nil
        }
    }

    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard let operand = try? ArrayConversion.array(other, interpreter) else {
            if op == .eq || op == .ne { return ArrayConversion.value(NDArray(shape: array.shape, repeating: op == .ne ? 1 : 0, elementType: .bool)) }
            return nil
        }
        let operation: BinaryOperation
        switch op {
        case .eq: operation = .equal
        case .ne: operation = .notEqual
        case .lt: operation = .less
        case .le: operation = .lessEqual
        case .gt: operation = .greater
        case .ge: operation = .greaterEqual
        default: return nil
        }
        return ArrayConversion.value(try numpyCall { try Elementwise.apply(operation, array, operand) })
    }

    public func inPlaceBinary(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard let operand = try? ArrayConversion.array(other, interpreter) else { return nil }
        guard let operation = ArrayObject.elementwise(op) else { return nil }
        let target = array
        let result = try numpyCall { try Elementwise.apply(operation, target, operand) }
        guard result.shape == target.shape else {
            throw ScriptError.valueError("non-broadcastable output operand with shape \(shapeText(target.shape)) doesn't match the broadcast shape \(shapeText(result.shape))")
        }
        if result.elementType > target.elementType {
            throw ScriptError.typeError("Cannot cast ufunc '\(operation.rawValue)' output from dtype('\(result.elementType.name)') to dtype('\(target.elementType.name)') with casting rule 'same_kind'")
        }
        target.assign(result)
        return .object(self)
    }

    public func unary(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        let operation: UnaryOperation
        switch op {
        case .neg: operation = .negative
        case .pos: operation = .positive
        case .invert: operation = .invert
        case .not: return nil
        }
        return ArrayConversion.value(try numpyCall { try operation.apply(array) })
    }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "shape": return .tuple(array.shape.map { .int($0) })
        case "ndim": return .int(array.ndim)
        case "size": return .int(array.count)
        case "dtype": return .object(DTypeObject(array.elementType))
        case "T": return ArrayObject.wrap(try numpyCall { try array.transposed() })
        case "__abs__":
            return .object(BuiltinFunction("__abs__", signature: "__abs__()", doc: "abs(a)") { [array] _, _ in
                ArrayConversion.value(try numpyCall { try UnaryOperation.absolute.apply(array) })
            })
        case "__float__", "__int__":
            return .object(BuiltinFunction(name, signature: "\(name)()", doc: "float(a) / int(a) of a one-element array") { [array] _, _ in
                guard array.count == 1 else { throw ScriptError.typeError("only length-1 arrays can be converted to Python scalars") }
                let v = array.scalarValue
                if name == "__float__" { return .float(v) }
                if v.isNaN { throw ScriptError.valueError("cannot convert float NaN to integer") }
                guard let i = exactInteger(v.rounded(.towardZero)) else { throw ScriptError.overflow("cannot convert float infinity to integer") }
                return .int(i)
            })
        case "itemsize": return .int(array.elementType == .bool ? 1 : 8)
        case "nbytes": return .int(array.count * (array.elementType == .bool ? 1 : 8))
        case "real": return .object(self)
        case "flat": return ArrayObject.wrap(array.raveled())
        default:
            guard let method = ArrayMethods.method(name, self) else { return nil }
            return .object(method)
        }
    }

    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        throw ScriptError.attributeError(name == "shape"
            ? "setting an array's shape in place is not supported; use a = a.reshape(...)"
            : "'numpy.ndarray' object attribute '\(name)' is read-only")
    }

    public var attributeNames: [String] {
        (["T", "dtype", "flat", "itemsize", "nbytes", "ndim", "real", "shape", "size"] + ArrayMethods.names).sorted()
    }

    /// numpy's text, plus an HTML table for 1-D and 2-D arrays (first 50 rows and 20 columns).
    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        let text = ArrayFormatter.repr(array)
        guard array.ndim == 1 || array.ndim == 2, array.count > 0 else { return ["text/plain": text] }
        let rows = array.ndim == 1 ? array.shape[0] : array.shape[0], columns = array.ndim == 1 ? 1 : array.shape[1]
        let shownRows = Swift.min(rows, 50), shownColumns = Swift.min(columns, 20)
        let format = ArrayFormatter.elementFormatter(array, values: array.count <= 10_000 ? array.values : [])
        var html = "<table><thead><tr><th></th>"
        for c in 0..<shownColumns { html += "<th>\(c)</th>" }
        if shownColumns < columns { html += "<th>…</th>" }
        html += "</tr></thead><tbody>"
        for r in 0..<shownRows {
            html += "<tr><th>\(r)</th>"
            for c in 0..<shownColumns {
                let v = array.ndim == 1 ? array[[r]] : array[[r, c]]
                html += "<td>\(escapeHTML(format(v).trimmingCharacters(in: " ")))</td>"
            }
            if shownColumns < columns { html += "<td>…</td>" }
            html += "</tr>"
        }
        if shownRows < rows { html += "<tr><th>…</th>" + String(repeating: "<td>…</td>", count: shownColumns + (shownColumns < columns ? 1 : 0)) + "</tr>" }
        html += "</tbody></table><p>ndarray \(escapeHTML(ArrayFormatter.pythonShape(array.shape))) \(array.elementType.name)</p>"
        return ["text/plain": text, "text/html": html]
    }
}

/// Iterates over the first axis: scalars for 1-d arrays, sub-arrays (views) otherwise.
final class ArrayIterator: ValueIterator {
    private let array: NDArray
    private var position = 0

    init(_ array: NDArray) {
        self.array = array
    }

    func next(_ interpreter: Interpreter) throws -> Value? {
        guard position < array.shape[0] else { return nil }
        defer { position += 1 }
        return ArrayConversion.value(try numpyCall { try array.indexed([.integer(position)]) })
    }
}
