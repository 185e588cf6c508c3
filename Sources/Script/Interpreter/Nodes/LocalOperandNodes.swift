/// Operators whose operands are a local variable and a number constant (`n < 2`, `i - 1`,
/// `i % 3`) or two local variables (`a + b`): the commonest shapes in loops and recursive
/// functions. They read the slots in place, without copying values or dispatching to
/// child nodes, and hand anything but ints and floats to the general node they replace,
/// which also raises the errors (an unbound local, an unsupported type) with its span.

/// `local OP constant` for an int constant, comparing in place.
final class LocalConstantCompareNode: ExprNode {
    let slot: Int
    let op: CompareOperator
    let constant: Int
    let general: CompareOneNode

    init(slot: Int, constant: Int, general: CompareOneNode) {
        self.slot = slot
        self.op = general.op
        self.constant = constant
        self.general = general
        super.init(general.span)
    }

    override func eval(_ f: Frame) throws -> Value {
        if case .int(let x) = f.slots[slot] { return .bool(ordered(op, x, constant)) }
        return try general.eval(f)
    }

    override func evalBool(_ f: Frame) throws -> Bool {
        if case .int(let x) = f.slots[slot] { return ordered(op, x, constant) }
        return try general.evalBool(f)
    }
}

/// `local OP constant` for an int or float constant: `+ - *`, `// %` by a positive int and
/// `/` by a non-zero float (`i - 1`, `i % 3`, `i * 0.5`).
final class LocalConstantArithmeticNode: ExprNode {
    let slot: Int
    let op: BinaryOperator
    let constant: Value
    let general: BinaryNode

    init(slot: Int, constant: Value, general: BinaryNode) {
        self.slot = slot
        self.op = general.op
        self.constant = constant
        self.general = general
        super.init(general.span)
    }

    /// Whether the node handles `op` with `constant` (never a division that could raise).
    static func handles(_ op: BinaryOperator, _ constant: Value) -> Bool {
        switch (op, constant) {
        case (.add, .int), (.sub, .int), (.mul, .int), (.add, .float), (.sub, .float), (.mul, .float): return true
        case (.floorDiv, .int(let c)), (.mod, .int(let c)): return c > 0
        case (.div, .float(let c)): return c != 0
        default: return false
        }
    }

    override func eval(_ f: Frame) throws -> Value {
        if let r = numberArithmetic(op, f.slots[slot], constant) { return r }
        return try general.eval(f)
    }
}

/// `local OP local` for `+ - * / // %`.
final class LocalsArithmeticNode: ExprNode {
    let left: Int
    let right: Int
    let op: BinaryOperator
    let general: BinaryNode

    init(left: Int, right: Int, general: BinaryNode) {
        self.left = left
        self.right = right
        self.op = general.op
        self.general = general
        super.init(general.span)
    }

    override func eval(_ f: Frame) throws -> Value {
        if let r = numberArithmetic(op, f.slots[left], f.slots[right]) { return r }
        return try general.eval(f)
    }
}

/// `local OP local` for an ordering or equality comparison.
final class LocalsCompareNode: ExprNode {
    let left: Int
    let right: Int
    let op: CompareOperator
    let general: CompareOneNode

    init(left: Int, right: Int, general: CompareOneNode) {
        self.left = left
        self.right = right
        self.op = general.op
        self.general = general
        super.init(general.span)
    }

    override func eval(_ f: Frame) throws -> Value {
        if let r = quickCompareSlots(f) { return .bool(r) }
        return try general.eval(f)
    }

    override func evalBool(_ f: Frame) throws -> Bool {
        if let r = quickCompareSlots(f) { return r }
        return try general.evalBool(f)
    }

    @inline(__always)
    private func quickCompareSlots(_ f: Frame) -> Bool? {
        let slots = f.slots
        switch (slots[left], slots[right]) {
        case (.int(let x), .int(let y)): return ordered(op, x, y)
        case (.float(let x), .float(let y)): return ordered(op, x, y)
        default: return nil
        }
    }
}

/// `a op b` when both are ints or floats and the result needs no error (no overflow, no
/// division by zero); nil otherwise.
@inline(__always)
func numberArithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value? {
    switch (a, b) {
    case (.int(let x), .int(let y)):
        if let r = intArithmetic(op, x, y) { return .int(r) }
    case (.float(let x), .float(let y)):
        return quickFloat(op, x, y)
    case (.int(let x), .float(let y)):
        return quickFloat(op, Double(x), y)
    case (.float(let x), .int(let y)):
        return quickFloat(op, x, Double(y))
    default: break
    }
    return nil
}

/// `x op y` on two ints without overflow, Python's floor semantics for `//` and `%`;
/// nil when it overflows, divides by zero or is another operator.
@inline(__always)
func intArithmetic(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Int? {
    switch op {
    case .add:
        let (r, o) = x.addingReportingOverflow(y)
        return o ? nil : r
    case .sub:
        let (r, o) = x.subtractingReportingOverflow(y)
        return o ? nil : r
    case .mul:
        let (r, o) = x.multipliedReportingOverflow(by: y)
        return o ? nil : r
    case .mod:
        guard y > 0 else { return nil }
        let r = x % y
        return r < 0 ? r + y : r
    case .floorDiv:
        guard y > 0 else { return nil }
        let q = x / y
        return (x % y != 0 && x < 0) ? q - 1 : q
    default:
        return nil
    }
}
