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
