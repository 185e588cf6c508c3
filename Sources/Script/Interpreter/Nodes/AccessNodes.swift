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

/// `local[index]`: reads the container in place (no copy of the list or dict, and with a
/// local index, none of the key either). Anything but an in-range list index or a present
/// dict key goes to the general subscript, which raises the error.
final class LocalSubscriptNode: ExprNode {
    let container: LocalLoad
    let index: ExprNode
    /// The index's slot when the index is a local too.
    let indexSlot: Int?

    init(_ container: LocalLoad, _ index: ExprNode, _ span: SourceSpan) {
        self.container = container
        self.index = index
        indexSlot = (index as? LocalLoad)?.slot
        super.init(span)
    }

    override func eval(_ f: Frame) throws -> Value {
        let slots = f.slots
        let c = container.slot
        if slots[c].isUnbound { _ = try container.eval(f) }
        do {
            if let k = indexSlot, !slots[k].isUnbound {
                if let r = try slots[c].quickItem(slots + k) { return r }
                return try f.interpreter.getItem(slots[c], slots[k])
            }
            var key = try index.eval(f)
            if let r = try slots[c].quickItem(&key) { return r }
            return try f.interpreter.getItem(slots[c], key)
        } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

extension Value {
    /// `self[key]` for an in-range list index or a present dict key, without copying the
    /// container or the key; nil for anything else (the general path then decides).
    @inline(__always)
    func quickItem(_ key: UnsafePointer<Value>) throws -> Value? {
        switch self {
        case .list(let l):
            return key.pointee.listItem(l)
        case .dict(let d):
            return try d.lookup(key)
        default:
            return nil
        }
    }

    @inline(__always)
    private func listItem(_ l: ListObject) -> Value? {
        guard case .int(let i) = self else { return nil }
        let n = l.items.count
        if i >= 0 && i < n { return l.items[i] }
        if i < 0 && i >= -n { return l.items[n + i] }
        return nil
    }
}
