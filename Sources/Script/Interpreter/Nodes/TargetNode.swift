/// Something a value can be assigned to or deleted: a name, attribute, subscript or an
/// unpacking pattern.
class TargetNode {
    let span: SourceSpan
    init(_ span: SourceSpan) {
        self.span = span
    }
    func assign(_ value: Value, _ f: Frame) throws {}
    func delete(_ f: Frame) throws {}
    /// The expression reading this target (for augmented assignment).
    var load: ExprNode? { nil }
}

final class LocalTarget: TargetNode {
    let slot: Int
    let name: String
    init(_ slot: Int, _ name: String, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        super.init(span)
    }
    override func assign(_ value: Value, _ f: Frame) throws { f.slots[slot] = value }
    override func delete(_ f: Frame) throws {
        if f.slots[slot].isUnbound {
            throw ScriptError.unboundLocal(name).locate(span, f)
        }
        f.slots[slot] = .unbound
    }
    override var load: ExprNode? { LocalLoad(slot, name, span) }
}

final class CellTarget: TargetNode {
    let index: Int
    let name: String
    init(_ index: Int, _ name: String, _ span: SourceSpan) {
        self.index = index
        self.name = name
        super.init(span)
    }
    override func assign(_ value: Value, _ f: Frame) throws { f.cells[index].value = value }
    override func delete(_ f: Frame) throws {
        if f.cells[index].value.isUnbound {
            throw ScriptError.unboundFree(name).locate(span, f)
        }
        f.cells[index].value = .unbound
    }
    override var load: ExprNode? { CellLoad(index, name, span) }
}

final class GlobalTarget: TargetNode {
    let box: GlobalBox
    init(_ box: GlobalBox, _ span: SourceSpan) {
        self.box = box
        super.init(span)
    }
    override func assign(_ value: Value, _ f: Frame) throws { box.value = value }
    override func delete(_ f: Frame) throws {
        if box.value.isUnbound {
            throw ScriptError.nameError("name '\(box.name)' is not defined").locate(span, f)
        }
        box.value = .unbound
    }
    override var load: ExprNode? { GlobalLoad(box, span) }
}

final class AttributeTarget: TargetNode {
    let object: ExprNode
    let name: String
    init(_ object: ExprNode, _ name: String, _ span: SourceSpan) {
        self.object = object
        self.name = name
        super.init(span)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        let o = try object.eval(f)
        do { try f.interpreter.setAttribute(o, name, value) } catch let e as ScriptError { throw e.locate(span, f) }
    }
    override func delete(_ f: Frame) throws {
        let o = try object.eval(f)
        throw ScriptError.attributeError("'\(o.typeName)' object attribute '\(name)' cannot be deleted").locate(span, f)
    }
    override var load: ExprNode? { AttributeNode(object, name, span) }
}

final class SubscriptTarget: TargetNode {
    let object: ExprNode
    let index: ExprNode
    /// The container's slot when it is a local (`d[k] = v` in a function): read in place.
    let containerSlot: Int?
    init(_ object: ExprNode, _ index: ExprNode, _ span: SourceSpan) {
        self.object = object
        self.index = index
        containerSlot = (object as? LocalLoad)?.slot
        super.init(span)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        if let c = containerSlot, !f.slots[c].isUnbound {
            let k = try index.eval(f)
            do {
                if try f.slots[c].quickSetItem(k, value) { return }
                try f.interpreter.setItem(f.slots[c], k, value)
            } catch let e as ScriptError { throw e.locate(span, f) }
            return
        }
        let o = try object.eval(f)
        let k = try index.eval(f)
        if case .list(let l) = o, case .int(let i) = k, i >= 0, i < l.items.count {
            l.items[i] = value
            return
        }
        if case .dict(let d) = o, case .str(let s) = k {
            d.set(HashKey(string: s), value)
            return
        }
        do { try f.interpreter.setItem(o, k, value) } catch let e as ScriptError { throw e.locate(span, f) }
    }
    override func delete(_ f: Frame) throws {
        let o = try object.eval(f)
        let k = try index.eval(f)
        do { try f.interpreter.deleteItem(o, k) } catch let e as ScriptError { throw e.locate(span, f) }
    }
    override var load: ExprNode? { SubscriptNode(object, index, span) }
}

final class UnpackTarget: TargetNode {
    let items: [TargetNode]
    let starIndex: Int?
    init(_ items: [TargetNode], starIndex: Int?, _ span: SourceSpan) {
        self.items = items
        self.starIndex = starIndex
        super.init(span)
    }
    override func assign(_ value: Value, _ f: Frame) throws {
        let values: [Value]
        switch value {
        case .tuple(let t): values = t
        case .list(let l): values = l.items
        default:
            var collected: [Value] = []
            do {
                try f.interpreter.forEach(value) { collected.append($0) }
            } catch let e as ScriptError {
                if e.exception.type === BuiltinTypes.typeError, (try? f.interpreter.iterator(value)) == nil {
                    throw ScriptError.typeError("cannot unpack non-iterable \(value.typeName) object").locate(span, f)
                }
                throw e.locate(span, f)
            }
            values = collected
        }
        if let star = starIndex {
            let after = items.count - star - 1
            if values.count < items.count - 1 {
                throw ScriptError.valueError("not enough values to unpack (expected at least \(items.count - 1), got \(values.count))").locate(span, f)
            }
            for i in 0..<star { try items[i].assign(values[i], f) }
            try items[star].assign(.list(ListObject(Array(values[star..<(values.count - after)]))), f)
            for i in 0..<after { try items[star + 1 + i].assign(values[values.count - after + i], f) }
            return
        }
        if values.count != items.count {
            if values.count > items.count {
                throw ScriptError.valueError("too many values to unpack (expected \(items.count))").locate(span, f)
            }
            throw ScriptError.valueError("not enough values to unpack (expected \(items.count), got \(values.count))").locate(span, f)
        }
        for i in 0..<items.count { try items[i].assign(values[i], f) }
    }
    override func delete(_ f: Frame) throws {
        for item in items { try item.delete(f) }
    }
}

extension Value {
    /// `self[key] = value` for an in-range list index or any hashable dict key; false for
    /// anything else (the general path then decides or raises).
    @inline(__always)
    func quickSetItem(_ key: Value, _ value: Value) throws -> Bool {
        switch self {
        case .list(let l):
            guard case .int(let i) = key, i >= 0, i < l.items.count else { return false }
            l.items[i] = value
            return true
        case .dict(let d):
            d.set(try HashKey(key), value)
            return true
        default:
            return false
        }
    }
}
