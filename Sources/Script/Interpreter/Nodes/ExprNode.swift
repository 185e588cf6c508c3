/// A compiled expression: evaluated by walking the tree, with names already resolved to
/// slots, cells or global boxes.
class ExprNode {
    let span: SourceSpan

    init(_ span: SourceSpan) {
        self.span = span
    }

    func eval(_ f: Frame) throws -> Value {
        throw ScriptError.runtimeError("internal error: \(type(of: self)) cannot be evaluated")
    }
}

extension ScriptError {
    /// Records `span` in frame `f` as where the exception passed, once per frame.
    @inline(never)
    func locate(_ span: SourceSpan, _ f: Frame) -> ScriptError {
        let e = exception
        if e.needsLocation {
            e.needsLocation = false
            let code = f.code
            var lines: [String] = []
            if span.end.line > span.start.line {
                for n in span.start.line...min(span.end.line, span.start.line + 8) { lines.append(code.source.line(n)) }
            } else {
                lines = [code.source.line(span.start.line)]
            }
            e.traceback.insert(TraceFrame(filename: code.source.filename, isCell: code.source.isCell,
                                          function: code.name, span: span,
                                          sourceLine: code.source.line(span.start.line), sourceLines: lines), at: 0)
        }
        return self
    }
}

final class ConstantNode: ExprNode {
    let value: Value
    init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value { value }
}

final class LocalLoad: ExprNode {
    let slot: Int
    let name: String
    init(_ slot: Int, _ name: String, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = f.slots[slot]
        if case .unbound = v {
            throw ScriptError(BuiltinTypes.unboundLocalError,
                              "cannot access local variable '\(name)' where it is not associated with a value").locate(span, f)
        }
        return v
    }
}

final class CellLoad: ExprNode {
    let index: Int
    let name: String
    init(_ index: Int, _ name: String, _ span: SourceSpan) {
        self.index = index
        self.name = name
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = f.cells[index].value
        if case .unbound = v {
            throw ScriptError(BuiltinTypes.nameError,
                              "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope").locate(span, f)
        }
        return v
    }
}

final class GlobalLoad: ExprNode {
    let box: GlobalBox
    init(_ box: GlobalBox, _ span: SourceSpan) {
        self.box = box
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = box.value
        if case .unbound = v {
            if let b = f.interpreter.builtins[box.name] { return b }
            let err = ScriptError.nameError("name '\(box.name)' is not defined")
            err.exception.suggestion = f.interpreter.suggestName(box.name, frame: f)
            throw err.locate(span, f)
        }
        return v
    }
}

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
            switch op {
            case .add: return .float(x + y)
            case .sub: return .float(x - y)
            case .mul: return .float(x * y)
            case .div where y != 0: return .float(x / y)
            default: break
            }
        case (.int(let i), .float(let y)):
            let x = Double(i)
            switch op {
            case .add: return .float(x + y)
            case .sub: return .float(x - y)
            case .mul: return .float(x * y)
            case .div where y != 0: return .float(x / y)
            default: break
            }
        case (.float(let x), .int(let j)):
            let y = Double(j)
            switch op {
            case .add: return .float(x + y)
            case .sub: return .float(x - y)
            case .mul: return .float(x * y)
            case .div where y != 0: return .float(x / y)
            default: break
            }
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
        for i in 0..<ops.count {
            let b = try rest[i].eval(f)
            let r: Bool
            if let quick = quickCompare(ops[i], a, b) {
                r = quick
            } else {
                do { r = try f.interpreter.compare(ops[i], a, b) } catch let e as ScriptError { throw e.locate(span, f) }
            }
            if !r { return .bool(false) }
            a = b
        }
        return .bool(true)
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
        try f.interpreter.truthy(try test.eval(f)) ? try body.eval(f) : try orElse.eval(f)
    }
}

final class AttributeNode: ExprNode {
    let object: ExprNode
    let name: String
    init(_ object: ExprNode, _ name: String, _ span: SourceSpan) {
        self.object = object
        self.name = name
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let o = try object.eval(f)
        do { return try f.interpreter.getAttribute(o, name) } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

final class SubscriptNode: ExprNode {
    let object: ExprNode
    let index: ExprNode
    init(_ object: ExprNode, _ index: ExprNode, _ span: SourceSpan) {
        self.object = object
        self.index = index
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let o = try object.eval(f)
        let k = try index.eval(f)
        if case .list(let l) = o, case .int(let i) = k {
            let n = l.items.count
            if i >= 0 && i < n { return l.items[i] }
            if i < 0 && i >= -n { return l.items[n + i] }
        }
        do { return try f.interpreter.getItem(o, k) } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

final class SliceNode: ExprNode {
    let lower: ExprNode?, upper: ExprNode?, step: ExprNode?
    init(_ lower: ExprNode?, _ upper: ExprNode?, _ step: ExprNode?, _ span: SourceSpan) {
        self.lower = lower
        self.upper = upper
        self.step = step
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        .object(SliceObject(start: try lower?.eval(f) ?? .none, stop: try upper?.eval(f) ?? .none,
                            step: try step?.eval(f) ?? .none))
    }
}

/// An element list that may contain `*iterable` items.
struct ElementList {
    let items: [ExprNode]
    let starred: [Bool]
    let hasStar: Bool

    func evaluate(_ f: Frame) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        if !hasStar {
            for item in items { out.append(try item.eval(f)) }
            return out
        }
        for (i, item) in items.enumerated() {
            let v = try item.eval(f)
            if starred[i] {
                do { try f.interpreter.forEach(v) { out.append($0) } } catch let e as ScriptError { throw e.locate(item.span, f) }
            } else {
                out.append(v)
            }
        }
        return out
    }
}

final class TupleNode: ExprNode {
    let elements: ElementList
    init(_ elements: ElementList, _ span: SourceSpan) {
        self.elements = elements
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value { .tuple(try elements.evaluate(f)) }
}

final class ListNode: ExprNode {
    let elements: ElementList
    init(_ elements: ElementList, _ span: SourceSpan) {
        self.elements = elements
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value { .list(ListObject(try elements.evaluate(f))) }
}

final class SetNode: ExprNode {
    let elements: ElementList
    init(_ elements: ElementList, _ span: SourceSpan) {
        self.elements = elements
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let set = SetObject()
        do { for v in try elements.evaluate(f) { try set.insert(v) } } catch let e as ScriptError { throw e.locate(span, f) }
        return .object(set)
    }
}

final class DictNode: ExprNode {
    let keys: [ExprNode?]
    let values: [ExprNode]
    init(_ keys: [ExprNode?], _ values: [ExprNode], _ span: SourceSpan) {
        self.keys = keys
        self.values = values
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let d = DictObject()
        do {
            for i in 0..<values.count {
                if let k = keys[i] {
                    let key = try k.eval(f)
                    d.set(try HashKey(key), try values[i].eval(f))
                } else {
                    let m = try values[i].eval(f)
                    try f.interpreter.mergeMapping(into: d, m)
                }
            }
        } catch let e as ScriptError { throw e.locate(span, f) }
        return .dict(d)
    }
}

final class FStringNode: ExprNode {
    enum Part {
        case literal(String)
        case field(ExprNode, conversion: Character?, spec: [Part]?, debugText: String?)
    }
    let parts: [Part]
    init(_ parts: [Part], _ span: SourceSpan) {
        self.parts = parts
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        do { return .str(try render(parts, f)) } catch let e as ScriptError { throw e.locate(span, f) }
    }
    private func render(_ parts: [Part], _ f: Frame) throws -> String {
        var out = ""
        unowned(unsafe) let interp = f.interpreter
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .field(let e, let conversion, let spec, let debug):
                if let debug { out += debug }
                var v = try e.eval(f)
                if conversion == nil && spec == nil {
                    switch v {
                    case .str(let s):
                        out += s
                        continue
                    case .int(let i):
                        out += String(i)
                        continue
                    default: break
                    }
                }
                switch conversion {
                case "r": v = .str(try interp.repr(v))
                case "s": v = .str(try interp.str(v))
                case "a": v = .str(asciiRepr(try interp.repr(v)))
                default: break
                }
                let specText = try spec.map { try render($0, f) } ?? ""
                out += try interp.format(v, specText)
            }
        }
        return out
    }
}

/// `ascii(x)`: repr with non-ASCII escaped.
func asciiRepr(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.value < 128 {
            out.unicodeScalars.append(u)
        } else if u.value <= 0xFF {
            out += "\\x" + hex(u.value, 2)
        } else if u.value <= 0xFFFF {
            out += "\\u" + hex(u.value, 4)
        } else {
            out += "\\U" + hex(u.value, 8)
        }
    }
    return out
}

func hex(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
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
        do { return .bool(try f.interpreter.compare(op, a, b)) } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

/// Ordering and equality of two ints or two floats without the general comparison path;
/// nil for anything else.
@inline(__always)
func quickCompare(_ op: CompareOperator, _ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case (.int(let x), .int(let y)):
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        case .ge: return x >= y
        case .eq: return x == y
        case .ne: return x != y
        default: return nil
        }
    case (.float(let x), .float(let y)):
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        case .ge: return x >= y
        default: return nil
        }
    default:
        return nil
    }
}
