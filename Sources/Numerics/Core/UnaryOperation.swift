import Glibc

/// An elementwise function of one array (numpy's unary ufuncs).
public enum UnaryOperation: String, CaseIterable, Sendable {
    case sqrt, exp, expm1, exp2, log, log10, log2, log1p
    case sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, arcsinh, arccosh, arctanh
    case degrees, radians, deg2rad, rad2deg
    case absolute, negative, positive, sign, square, reciprocal, floor, ceil, trunc, rint
    case isnan, isfinite, isinf, logicalNot = "logical_not", invert

    /// The result's element type for an operand of `type`, or numpy's refusal.
    func resultType(_ type: ElementType) throws -> ElementType {
        switch self {
        case .isnan, .isfinite, .isinf, .logicalNot: return .bool
        case .positive where type == .bool:
            throw NumericsError.type("ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
        case .absolute, .floor, .ceil, .trunc, .positive: return type
        case .negative:
            if type == .bool {
                throw NumericsError.type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            }
            return type
        case .square, .sign:
            if type == .bool && self == .sign {
                throw NumericsError.type("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
            }
            return type == .bool ? .int64 : type
        case .reciprocal: return type == .float64 ? .float64 : .int64
        case .invert:
            if type == .float64 {
                throw NumericsError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return type
        default: return .float64
        }
    }

    /// The function on one element of `type`.
    func function(for type: ElementType) -> (Double) -> Double {
        switch self {
        case .sqrt: return Glibc.sqrt
        case .exp: return Glibc.exp
        case .expm1: return Glibc.expm1
        case .exp2: return Glibc.exp2
        case .log: return Glibc.log
        case .log10: return Glibc.log10
        case .log2: return Glibc.log2
        case .log1p: return Glibc.log1p
        case .sin: return Glibc.sin
        case .cos: return Glibc.cos
        case .tan: return Glibc.tan
        case .arcsin: return Glibc.asin
        case .arccos: return Glibc.acos
        case .arctan: return Glibc.atan
        case .sinh: return Glibc.sinh
        case .cosh: return Glibc.cosh
        case .tanh: return Glibc.tanh
        case .arcsinh: return Glibc.asinh
        case .arccosh: return Glibc.acosh
        case .arctanh: return Glibc.atanh
        case .degrees, .rad2deg: return { $0 * (180 / Double.pi) }
        case .radians, .deg2rad: return { $0 * (Double.pi / 180) }
        case .absolute: return { Swift.abs($0) }
        case .negative: return { -$0 }
        case .positive: return { $0 }
        case .sign: return { $0.isNaN ? .nan : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }
        case .square: return { $0 * $0 }
        case .reciprocal:
            if type == .float64 { return { 1 / $0 } }
            return { $0 == 0 ? Double(Int64.min) : (Swift.abs($0) == 1 ? $0 : 0) }
        case .floor: return Glibc.floor
        case .ceil: return Glibc.ceil
        case .trunc: return Glibc.trunc
        case .rint: return Glibc.rint
        case .isnan: return { $0.isNaN ? 1 : 0 }
        case .isfinite: return { $0.isFinite ? 1 : 0 }
        case .isinf: return { $0.isInfinite ? 1 : 0 }
        case .logicalNot: return { $0 == 0 ? 1 : 0 }
        case .invert:
            if type == .bool { return { $0 == 0 ? 1 : 0 } }
            return { Double(~wrappingInteger($0)) }
        }
    }

    /// Applies the function to every element.
    public func apply(_ a: NDArray) throws -> NDArray {
        let type = try resultType(a.elementType)
        // The common ones spelled out so the loop is inlined and vectorised.
        switch self {
        case .negative: return a.map(type) { -$0 }
        case .absolute: return a.map(type) { Swift.abs($0) }
        case .square: return a.map(type) { $0 * $0 }
        case .sqrt: return a.map(type) { $0.squareRoot() }
        case .isnan: return a.map(type) { $0.isNaN ? 1 : 0 }
        case .isfinite: return a.map(type) { $0.isFinite ? 1 : 0 }
        default: return a.map(type, function(for: a.elementType))
        }
    }
}
