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
