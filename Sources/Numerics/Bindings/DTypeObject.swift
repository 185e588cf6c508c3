import Script

/// numpy's dtype objects and scalar types as cells see them: `a.dtype`, `np.float64`,
/// `np.int64`, `np.bool_` (callable to convert a number).
final class DTypeObject: ScriptObject {
    let elementType: ElementType
    /// Whether this is the scalar type (`np.float64`) rather than a dtype (`a.dtype`).
    let isScalarType: Bool

    init(_ elementType: ElementType, scalarType: Bool = false) {
        self.elementType = elementType
        isScalarType = scalarType
    }

    var typeName: String { isScalarType ? "type" : "dtype[\(elementType.name)]" }
    func repr(_ interpreter: Interpreter) throws -> String {
        isScalarType ? "<class 'numpy.\(elementType == .bool ? "bool" : elementType.name)'>" : "dtype('\(elementType.name)')"
    }
    func str(_ interpreter: Interpreter) throws -> String { isScalarType ? try repr(interpreter) : elementType.name }
    var docstring: String? { "numpy element type \(elementType.name)." }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "name": return .str(elementType.name)
        case "kind": return .str(elementType == .float64 ? "f" : (elementType == .int64 ? "i" : "b"))
        case "itemsize": return .int(elementType == .bool ? 1 : 8)
        case "type": return .object(DTypeObject(elementType, scalarType: true))
        default: return nil
        }
    }
    var attributeNames: [String] { ["itemsize", "kind", "name", "type"] }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .eq || op == .ne else { return nil }
        guard let t = try? DTypeObject.elementType(of: other) else { return .bool(op == .ne) }
        return .bool((t == elementType) == (op == .eq))
    }
    func hashKey() -> Int? { elementType.rawValue &+ 0x5eed }
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard isScalarType else { throw ScriptError.typeError("'numpy.dtype' object is not callable") }
        let b = try BoundArguments(elementType.name, arguments, ["x"])
        if case .str(let text)? = b["x"] {
            let trimmed = text.trimmingCharacters(in: " ")
            switch elementType {
            case .float64:
                guard let d = Double(trimmed) else { throw ScriptError.valueError("could not convert string to float: '\(text)'") }
                return .float(d)
            case .int64:
                guard let n = Int(trimmed) else { throw ScriptError.valueError("invalid literal for int() with base 10: '\(text)'") }
                return .int(n)
            case .bool: return .bool(!text.isEmpty)
            }
        }
        let a = try ArrayConversion.array(b["x"] ?? .int(0), interpreter)
        return ArrayConversion.value(a.converted(to: elementType))
    }

    /// The element type a `dtype=` value names: `float`, `int`, `bool`, `"float64"`, `np.int64`, `a.dtype`.
    static func elementType(of v: Value) throws -> ElementType {
        switch v {
        case .object(let d as DTypeObject): return d.elementType
        case .object(let t as TypeObject):
            switch t.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: break
            }
        case .str(let s):
            switch s {
            case "float64", "float", "f8", "d", "double": return .float64
            case "int64", "int", "i8", "int32", "i4", "intp", "uint8", "uint16", "int16", "uint32", "uint64": return .int64
            case "bool", "?", "bool_": return .bool
            default: throw ScriptError.typeError("data type '\(s)' not understood (Beamtime arrays hold float64, int64 or bool)")
            }
        default: break
        }
        throw ScriptError.typeError("Cannot interpret '\(v.typeName)' as a data type")
    }
}
