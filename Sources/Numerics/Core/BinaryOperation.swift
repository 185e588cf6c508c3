import Glibc

/// An elementwise operation of two arrays (numpy's binary ufuncs).
public enum BinaryOperation: String, CaseIterable, Sendable {
    case add, subtract, multiply, divide, floorDivide = "floor_divide", remainder, power
    case equal, notEqual = "not_equal", less, lessEqual = "less_equal", greater, greaterEqual = "greater_equal"
    case bitwiseAnd = "bitwise_and", bitwiseOr = "bitwise_or", bitwiseXor = "bitwise_xor"
    case logicalAnd = "logical_and", logicalOr = "logical_or", logicalXor = "logical_xor"
    case maximum, minimum, fmax, fmin, arctan2, hypot, copysign

    /// Whether the result is a boolean array.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .logicalAnd, .logicalOr, .logicalXor: return true
        default: return false
        }
    }

    /// The result's element type for operands of types `a` and `b`, or numpy's refusal.
    func resultType(_ a: ElementType, _ b: ElementType) throws -> ElementType {
        let promoted = ElementType.promoted(a, b)
        switch self {
        case _ where isComparison: return .bool
        case .divide, .arctan2, .hypot, .copysign: return .float64
        case .add, .multiply, .maximum, .minimum, .fmax, .fmin: return promoted
        case .subtract:
            if promoted == .bool {
                throw NumericsError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            }
            return promoted
        case .floorDivide, .remainder, .power: return promoted == .bool ? .int64 : promoted
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            if promoted == .float64 {
                throw NumericsError.type("ufunc '\(rawValue)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return promoted
        default: return promoted
        }
    }
}

/// Elementwise arithmetic and comparison with broadcasting.
public enum Elementwise {
    /// `op(a, b)` elementwise, broadcasting the operands to a common shape.
    public static func apply(_ op: BinaryOperation, _ a: NDArray, _ b: NDArray) throws -> NDArray {
        let type = try op.resultType(a.elementType, b.elementType)
        let integral = type != .float64 && a.elementType != .float64 && b.elementType != .float64
        switch op {
        case .add where type == .bool: return try loop(a, b, type) { $0 != 0 || $1 != 0 ? 1 : 0 }
        case .multiply where type == .bool: return try loop(a, b, type) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .maximum where type == .bool, .minimum where type == .bool:
            return try loop(a, b, type) { op == .maximum ? Swift.max($0, $1) : Swift.min($0, $1) }
        case .add: return try loop(a, b, type) { $0 + $1 }
        case .subtract: return try loop(a, b, type) { $0 - $1 }
        case .multiply: return try loop(a, b, type) { $0 * $1 }
        case .divide: return try loop(a, b, type) { $0 / $1 }
        case .floorDivide:
            if integral { return try loop(a, b, type) { $1 == 0 ? 0 : Glibc.floor($0 / $1) } }
            return try loop(a, b, type) { floorDivide($0, $1).quotient }
        case .remainder:
            if integral { return try loop(a, b, type) { $1 == 0 ? 0 : floorDivide($0, $1).remainder } }
            return try loop(a, b, type) { floorDivide($0, $1).remainder }
        case .power:
            if integral {
                if try anyNegative(b) { throw NumericsError.value("Integers to negative integer powers are not allowed.") }
            }
            return try loop(a, b, type) { Glibc.pow($0, $1) }
        case .equal: return try loop(a, b, type) { $0 == $1 ? 1 : 0 }
        case .notEqual: return try loop(a, b, type) { $0 != $1 ? 1 : 0 }
        case .less: return try loop(a, b, type) { $0 < $1 ? 1 : 0 }
        case .lessEqual: return try loop(a, b, type) { $0 <= $1 ? 1 : 0 }
        case .greater: return try loop(a, b, type) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: return try loop(a, b, type) { $0 >= $1 ? 1 : 0 }
        case .logicalAnd: return try loop(a, b, type) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .logicalOr: return try loop(a, b, type) { $0 != 0 || $1 != 0 ? 1 : 0 }
        case .logicalXor: return try loop(a, b, type) { ($0 != 0) != ($1 != 0) ? 1 : 0 }
        case .bitwiseAnd: return try loop(a, b, type) { Double(wrappingInteger($0) & wrappingInteger($1)) }
        case .bitwiseOr: return try loop(a, b, type) { Double(wrappingInteger($0) | wrappingInteger($1)) }
        case .bitwiseXor: return try loop(a, b, type) { Double(wrappingInteger($0) ^ wrappingInteger($1)) }
        case .maximum: return try loop(a, b, type) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
        case .minimum: return try loop(a, b, type) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
        case .fmax: return try loop(a, b, type) { $0.isNaN ? $1 : ($1.isNaN ? $0 : Swift.max($0, $1)) }
        case .fmin: return try loop(a, b, type) { $0.isNaN ? $1 : ($1.isNaN ? $0 : Swift.min($0, $1)) }
        case .arctan2: return try loop(a, b, type) { Glibc.atan2($0, $1) }
        case .hypot: return try loop(a, b, type) { Glibc.hypot($0, $1) }
        case .copysign: return try loop(a, b, type) { Glibc.copysign($0, $1) }
        }
    }

    /// numpy's `divmod` for floats: a floored quotient and a remainder with the divisor's sign.
    public static func floorDivide(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var mod = Glibc.fmod(a, b)
        if b == 0 { return (a / b, mod) }
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b; div -= 1 }
        } else {
            mod = Glibc.copysign(0, b)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = Glibc.floor(div)
            if div - floorDiv > 0.5 { floorDiv += 1 }
        } else {
            floorDiv = Glibc.copysign(0, a / b)
        }
        return (floorDiv, mod)
    }

    private static func anyNegative(_ a: NDArray) throws -> Bool {
        var negative = false
        a.forEachOffset { if a.buffer.base[$0] < 0 { negative = true } }
        return negative
    }

    /// Applies `f` over broadcast operands into a new C-ordered array of `type`.
    @inline(__always)
    static func loop(_ a: NDArray, _ b: NDArray, _ type: ElementType, _ f: (Double, Double) -> Double) throws -> NDArray {
        if a.shape == b.shape && a.isContiguous && b.isContiguous {
            return NDArray.make(shape: a.shape, elementType: type) { out, n in
                let pa = a.buffer.base + a.offset, pb = b.buffer.base + b.offset
                for i in 0..<n { out[i] = f(pa[i], pb[i]) }
            }
        }
        if b.count == 1 && b.ndim <= a.ndim && a.isContiguous {
            let s = b.scalarValue
            let shape = try Broadcasting.shape(a.shape, b.shape)
            return NDArray.make(shape: shape, elementType: type) { out, n in
                let pa = a.buffer.base + a.offset
                for i in 0..<n { out[i] = f(pa[i], s) }
            }
        }
        if a.count == 1 && a.ndim <= b.ndim && b.isContiguous {
            let s = a.scalarValue
            let shape = try Broadcasting.shape(a.shape, b.shape)
            return NDArray.make(shape: shape, elementType: type) { out, n in
                let pb = b.buffer.base + b.offset
                for i in 0..<n { out[i] = f(s, pb[i]) }
            }
        }
        let shape = try Broadcasting.shape(a.shape, b.shape)
        try NDArray.checkAllocatable(shape)
        let va = try Broadcasting.view(a, as: shape), vb = try Broadcasting.view(b, as: shape)
        return NDArray.make(shape: shape, elementType: type) { out, _ in
            let ba = va.buffer.base, bb = vb.buffer.base
            StridedLoop.pairs(va, vb) { count, oa, sa, ob, sb, start in
                var ia = oa, ib = ob
                for i in start..<(start + count) {
                    out[i] = f(ba[ia], bb[ib])
                    ia += sa
                    ib += sb
                }
            }
        }
    }
}
