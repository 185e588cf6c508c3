final class UnaryNode: ExprNode {
    let op: UnaryOperator
    let operand: ExprNode
    init(_ op: UnaryOperator, _ operand: ExprNode, _ span: SourceSpan) {
        self.op = op
        self.operand = operand
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = try operand.eval(f)
        switch (op, v) {
        case (.not, .bool(let b)): return .bool(!b)
        case (.neg, .float(let d)): return .float(-d)
        default:
            do { return try f.interpreter.unary(op, v) } catch let e as ScriptError { throw e.locate(span, f) }
        }
    }

    override func evalBool(_ f: Frame) throws -> Bool {
        if op == .not { return !(try operand.evalBool(f)) }
        return try super.evalBool(f)
    }
}

final class BinaryNode: ExprNode {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode
    init(_ op: BinaryOperator, _ left: ExprNode, _ right: ExprNode, _ span: SourceSpan) {
        self.op = op
        self.left = left
        self.right = right
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let a = try left.eval(f)
        let b = try right.eval(f)
        switch (a, b) {
        case (.int(let x), .int(let y)):
            switch op {
            case .add:
                let (r, o) = x.addingReportingOverflow(y)
                if !o { return .int(r) }
            case .sub:
                let (r, o) = x.subtractingReportingOverflow(y)
                if !o { return .int(r) }
            case .mul:
                let (r, o) = x.multipliedReportingOverflow(by: y)
                if !o { return .int(r) }
            default: break
            }
        case (.float(let x), .float(let y)):
            if let r = quickFloat(op, x, y) { return r }
        case (.int(let i), .float(let y)):
            if let r = quickFloat(op, Double(i), y) { return r }
        case (.float(let x), .int(let j)):
            if let r = quickFloat(op, x, Double(j)) { return r }
        default: break
        }
        do { return try f.interpreter.binary(op, a, b) } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

final class BooleanNode: ExprNode {
    let isAnd: Bool
    let items: [ExprNode]
    init(isAnd: Bool, _ items: [ExprNode], _ span: SourceSpan) {
        self.isAnd = isAnd
        self.items = items
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        var v = Value.none
        for item in items {
            v = try item.eval(f)
            let t = try f.interpreter.truthy(v)
            if isAnd ? !t : t { return v }
        }
        return v
    }

    override func evalBool(_ f: Frame) throws -> Bool {
        for item in items {
            let t = try item.evalBool(f)
            if isAnd ? !t : t { return t }
        }
        return isAnd
    }
}

final class CompareNode: ExprNode {
    let first: ExprNode
    let ops: [CompareOperator]
    let rest: [ExprNode]
    init(_ first: ExprNode, _ ops: [CompareOperator], _ rest: [ExprNode], _ span: SourceSpan) {
        self.first = first
        self.ops = ops
        self.rest = rest
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        var a = try first.eval(f)
        var result = Value.bool(true)
        for i in 0..<ops.count {
            let b = try rest[i].eval(f)
            if let quick = quickCompare(ops[i], a, b) {
                result = .bool(quick)
            } else {
                do { result = try f.interpreter.richCompare(ops[i], a, b) } catch let e as ScriptError { throw e.locate(span, f) }
            }
            if case .bool(let r) = result {
                if !r { return result }
            } else if try !f.interpreter.truthy(result) {
                return result
            }
            a = b
        }
        return result
    }
}

final class ConditionalNode: ExprNode {
    let test: ExprNode, body: ExprNode, orElse: ExprNode
    init(_ test: ExprNode, _ body: ExprNode, _ orElse: ExprNode, _ span: SourceSpan) {
        self.test = test
        self.body = body
        self.orElse = orElse
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        try test.evalBool(f) ? try body.eval(f) : try orElse.eval(f)
    }
}

/// A comparison with a single operator (`a < b`), the common case.
final class CompareOneNode: ExprNode {
    let op: CompareOperator
    let left: ExprNode
    let right: ExprNode
    init(_ op: CompareOperator, _ left: ExprNode, _ right: ExprNode, _ span: SourceSpan) {
        self.op = op
        self.left = left
        self.right = right
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let a = try left.eval(f)
        let b = try right.eval(f)
        if let quick = quickCompare(op, a, b) { return .bool(quick) }
        do { return try f.interpreter.richCompare(op, a, b) } catch let e as ScriptError { throw e.locate(span, f) }
    }

    override func evalBool(_ f: Frame) throws -> Bool {
        let a = try left.eval(f)
        let b = try right.eval(f)
        if let quick = quickCompare(op, a, b) { return quick }
        let result: Value
        do { result = try f.interpreter.richCompare(op, a, b) } catch let e as ScriptError { throw e.locate(span, f) }
        if case .bool(let r) = result { return r }
        return try f.interpreter.truthy(result)
    }
}

/// Ordering and equality of two ints or two floats without the general comparison path;
/// nil for anything else.
@inline(__always)
func quickCompare(_ op: CompareOperator, _ a: Value, _ b: Value) -> Bool? {
    switch op {
    case .lt, .le, .gt, .ge, .eq, .ne: break
    default: return nil
    }
    switch (a, b) {
    case (.int(let x), .int(let y)): return ordered(op, x, y)
    case (.float(let x), .float(let y)): return ordered(op, x, y)
    default: return nil
    }
}

/// `+ - * /` on two floats without the general arithmetic path; nil for anything else
/// (including division by zero, which must raise).
@inline(__always)
func quickFloat(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value? {
    switch op {
    case .add: return .float(x + y)
    case .sub: return .float(x - y)
    case .mul: return .float(x * y)
    case .div where y != 0: return .float(x / y)
    default: return nil
    }
}
