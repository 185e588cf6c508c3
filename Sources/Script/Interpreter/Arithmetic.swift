import Glibc

/// Binary and unary operators with Python's numeric rules (64-bit ints that raise
/// `OverflowError` instead of growing).
extension Interpreter {
    /// `a op b`.
    /// `a op b`; with `inPlace` (`a op= b`) errors name the augmented operator, as CPython's do.
    public func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, inPlace: Bool = false) throws -> Value {
        do { return try binaryOperation(op, a, b) } catch let e as ScriptError where inPlace {
            let prefix = "unsupported operand type(s) for \(op.rawValue):"
            guard e.exception.type === BuiltinTypes.typeError, case .str(let message)? = e.exception.args.first,
                  message.hasPrefix(prefix) else { throw e }
            throw ScriptError.typeError("unsupported operand type(s) for \(op.rawValue)=:" + message.dropFirst(prefix.count))
        }
    }

    private func binaryOperation(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)): return try intBinary(op, x, y)
        case (.float(let x), .float(let y)): return try floatBinary(op, x, y)
        case (.int(let x), .float(let y)): return try floatBinary(op, Double(x), y, intOperands: op == .pow)
        case (.float(let x), .int(let y)): return try floatBinary(op, x, Double(y), integralExponent: true)
        case (.bool(let x), .bool(let y)) where op == .bitAnd || op == .bitOr || op == .bitXor:
            switch op {
            case .bitAnd: return .bool(x && y)
            case .bitOr: return .bool(x || y)
            default: return .bool(x != y)
            }
        case (.bool(let x), _) where b.isNumber: return try binary(op, .int(x ? 1 : 0), b)
        case (_, .bool(let y)) where a.isNumber: return try binary(op, a, .int(y ? 1 : 0))
        default: break
        }
        return try sequenceBinary(op, a, b)
    }

    private func sequenceBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)): return .str(x + y)
        case (.add, .list(let x), .list(let y)): return .list(ListObject(x.items + y.items))
        case (.add, .tuple(let x), .tuple(let y)): return .tuple(x + y)
        case (.mul, .str(let s), _), (.mul, _, .str(let s)):
            guard let n = (a.isString ? b : a).asRepeatCount else { break }
            if n <= 0 || s.isEmpty { return .str("") }
            try checkAllocation(n, s.codePointCount)
            return .str(String(repeating: s, count: n))
        case (.mul, .list(let l), _), (.mul, _, .list(let l)):
            guard let n = (a.isList ? b : a).asRepeatCount else { break }
            if n <= 0 { return .list(ListObject()) }
            try checkAllocation(n, l.items.count)
            var out: [Value] = []
            out.reserveCapacity(n * l.items.count)
            for _ in 0..<n { out += l.items }
            return .list(ListObject(out))
        case (.mul, .tuple(let t), _), (.mul, _, .tuple(let t)):
            guard let n = (a.isTuple ? b : a).asRepeatCount else { break }
            if n <= 0 { return .tuple([]) }
            try checkAllocation(n, t.count)
            var out: [Value] = []
            for _ in 0..<n { out += t }
            return .tuple(out)
        case (.mod, .str(let format), _):
            return .str(try percentFormatValue(format, b))
        case (.bitOr, .dict(let x), .dict(let y)):
            let d = x.copy()
            for (k, v) in y.entries { d.set(try HashKey(k), v) }
            return .dict(d)
        default:
            break
        }
        if case .object(let o) = a, let r = try o.binary(op, b, reflected: false, self) { return r }
        if case .object(let o) = b, let r = try o.binary(op, a, reflected: true, self) { return r }
        if op == .mul && (a.isSequence || b.isSequence) {
            throw ScriptError.typeError("can't multiply sequence by non-int of type '\((a.isSequence ? b : a).typeName)'")
        }
        throw ScriptError.typeError("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    func checkAllocation(_ n: Int, _ each: Int) throws {
        let (total, overflow) = n.multipliedReportingOverflow(by: max(each, 1))
        if overflow || total > allocationLimit {
            throw ScriptError.memoryError("cannot allocate \(n) × \(each) elements (limit \(allocationLimit))")
        }
    }

    @inline(__always)
    func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw ScriptError.overflow() }
            return .int(r)
        case .sub:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw ScriptError.overflow() }
            return .int(r)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw ScriptError.overflow() }
            return .int(r)
        case .div:
            if y == 0 { throw ScriptError.zeroDivision("division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDiv:
            if y == 0 { throw ScriptError.zeroDivision("integer division or modulo by zero") }
            if x == Int.min && y == -1 { throw ScriptError.overflow() }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return .int(q)
        case .mod:
            if y == 0 { throw ScriptError.zeroDivision("integer modulo by zero") }
            if y == -1 { return .int(0) }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return .int(r)
        case .pow:
            if y < 0 {
                if x == 0 { throw ScriptError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(Glibc.pow(Double(x), Double(y)))
            }
            return .int(try intPower(x, y))
        case .lshift:
            if y < 0 { throw ScriptError.valueError("negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 64 { throw ScriptError.overflow() }
            let r = x << y
            if r >> y != x { throw ScriptError.overflow() }
            return .int(r)
        case .rshift:
            if y < 0 { throw ScriptError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matMul:
            throw ScriptError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func intPower(_ base: Int, _ exponent: Int) throws -> Int {
        var result = 1
        var b = base
        var e = exponent
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                if o { throw ScriptError.overflow() }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = b.multipliedReportingOverflow(by: b)
                if o { throw ScriptError.overflow() }
                b = sq
            }
        }
        return result
    }

    @inline(__always)
    func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double, intOperands: Bool = false,
                     integralExponent: Bool = false) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .div:
            if y == 0 { throw ScriptError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floorDiv:
            if y == 0 { throw ScriptError.zeroDivision("float floor division by zero") }
            return .float(pythonFloorDiv(x, y))
        case .mod:
            if y == 0 { throw ScriptError.zeroDivision("float modulo") }
            return .float(pythonFloatMod(x, y))
        case .pow:
            return .float(try floatPower(x, y))
        default:
            throw ScriptError.typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    func floatPower(_ x: Double, _ y: Double) throws -> Double {
        if x == 0 && y < 0 { throw ScriptError.zeroDivision("0.0 cannot be raised to a negative power") }
        if x < 0 && y != y.rounded() && y.isFinite {
            throw ScriptError.valueError("negative number cannot be raised to a fractional power (complex results are not supported)")
        }
        let r = Glibc.pow(x, y)
        if r.isInfinite && x.isFinite && y.isFinite {
            throw ScriptError.overflow("(34, 'Numerical result out of range')")
        }
        return r
    }

    /// Unary `-`, `+`, `~` and `not`.
    public func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.not, _): return .bool(!(try truthy(v)))
        case (.neg, .int(let i)):
            if i == Int.min { throw ScriptError.overflow() }
            return .int(-i)
        case (.neg, .float(let d)): return .float(-d)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (_, .object(let o)):
            if let r = try o.unary(op, self) { return r }
        default: break
        }
        throw ScriptError.typeError("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }
}

func pythonFloatMod(_ x: Double, _ y: Double) -> Double {
    var m = fmod(x, y)
    if m != 0 {
        if (y < 0) != (m < 0) { m += y }
    } else {
        m = copysign(0, y)
    }
    return m
}

func pythonFloorDiv(_ x: Double, _ y: Double) -> Double {
    let m = fmod(x, y)
    var div = (x - m) / y
    if m != 0 && ((y < 0) != (m < 0)) { div -= 1 }
    if div != 0 {
        var floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1 }
        return floordiv
    }
    return copysign(0, x / y)
}

extension Value {
    var isNumber: Bool {
        switch self {
        case .int, .float, .bool: return true
        default: return false
        }
    }
    var isString: Bool {
        if case .str = self { return true }
        return false
    }
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }
    /// Whether this is a str, list or tuple (the types `*` repeats).
    var isSequence: Bool {
        switch self {
        case .str, .list, .tuple: return true
        default: return false
        }
    }

    var asRepeatCount: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
}
