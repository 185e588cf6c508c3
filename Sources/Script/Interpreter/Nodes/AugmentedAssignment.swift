final class AugmentedAssignStmt: StmtNode {
    let target: TargetNode
    let op: BinaryOperator
    let value: ExprNode
    init(_ target: TargetNode, _ op: BinaryOperator, _ value: ExprNode, _ span: SourceSpan) {
        self.target = target
        self.op = op
        self.value = value
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        unowned(unsafe) let interp = f.interpreter
        switch target {
        case let local as LocalTarget:
            if op == .add, case .str = f.slots[local.slot] {
                let rhs = try value.eval(f)
                if case .str(let tail) = rhs, case .str(var text) = f.slots[local.slot] {
                    // Take the string out of the slot so it is uniquely referenced and grows in place.
                    f.slots[local.slot] = .unbound
                    text += tail
                    f.slots[local.slot] = .str(text)
                    return .normal
                }
                f.slots[local.slot] = try combine(f.slots[local.slot], rhs, interp, f)
                return .normal
            }
            let current = f.slots[local.slot]
            if case .unbound = current { _ = try local.load?.eval(f) }
            let rhs = try value.eval(f)
            f.slots[local.slot] = try combine(current, rhs, interp, f)
        case let sub as SubscriptTarget:
            let o = try sub.object.eval(f)
            let k = try sub.index.eval(f)
            let current: Value
            do { current = try interp.getItem(o, k) } catch let e as ScriptError { throw e.locate(sub.span, f) }
            let rhs = try value.eval(f)
            let result = try combine(current, rhs, interp, f)
            do { try interp.setItem(o, k, result) } catch let e as ScriptError { throw e.locate(sub.span, f) }
        case let attr as AttributeTarget:
            let o = try attr.object.eval(f)
            let current: Value
            do { current = try interp.getAttribute(o, attr.name) } catch let e as ScriptError { throw e.locate(attr.span, f) }
            let rhs = try value.eval(f)
            let result = try combine(current, rhs, interp, f)
            do { try interp.setAttribute(o, attr.name, result) } catch let e as ScriptError { throw e.locate(attr.span, f) }
        default:
            guard let load = target.load else { return .normal }
            let current = try load.eval(f)
            let rhs = try value.eval(f)
            try target.assign(try combine(current, rhs, interp, f), f)
        }
        return .normal
    }

    /// Completes `local op= rhs` once the right-hand side is known (used by the local fast path).
    func finish(_ current: Value, _ rhs: Value, _ f: Frame) throws -> Flow {
        guard let local = target as? LocalTarget else { return try exec(f) }
        if case .unbound = current { _ = try local.load?.eval(f) }
        f.slots[local.slot] = try combine(current, rhs, f.interpreter, f)
        return .normal
    }

    @inline(__always)
    private func combine(_ a: Value, _ b: Value, _ interp: Interpreter, _ f: Frame) throws -> Value {
        if case .object(let o) = a {
            // In place when the object supports it (numpy's `a += 1` writes into `a`).
            do {
                if let r = try o.inPlaceBinary(op, b, interp) { return r }
            } catch let e as ScriptError { throw e.locate(span, f) }
        }
        switch (op, a, b) {
        case (.add, .int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if !o { return .int(r) }
        case (.add, .float(let x), .float(let y)): return .float(x + y)
        case (.add, .list(let l), _):
            // In place, as list.__iadd__ (accepts any iterable).
            do { try interp.forEach(b) { l.items.append($0) } } catch let e as ScriptError { throw e.locate(span, f) }
            return a
        case (.mul, .list(let l), .int(let n)):
            let items = l.items
            l.items.removeAll(keepingCapacity: true)
            if n > 0 {
                do { try interp.checkAllocation(n, items.count) } catch let e as ScriptError { throw e.locate(span, f) }
                for _ in 0..<n { l.items += items }
            }
            return a
        case (.bitOr, .dict(let d), .dict(let other)):
            for (k, v) in other.entries {
                do { d.set(try HashKey(k), v) } catch let e as ScriptError { throw e.locate(span, f) }
            }
            return a
        case (_, .object(let o), _):
            if let set = o as? SetObject, let r = try set.inPlace(op, b, interp) { return r }
        default: break
        }
        do { return try interp.binary(op, a, b, inPlace: true) } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

/// `name op= value` for a plain local: no target dispatch, strings and lists grow in place.
final class LocalAugmentedAssignStmt: StmtNode {
    let slot: Int
    let general: AugmentedAssignStmt
    let op: BinaryOperator
    let value: ExprNode
    init(_ general: AugmentedAssignStmt, slot: Int) {
        self.general = general
        self.slot = slot
        self.op = general.op
        self.value = general.value
        super.init(general.span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        // No copy of the current value is held on the general path, so a string or list in
        // the slot stays uniquely referenced and grows in place.
        guard op == .add else { return try general.exec(f) }
        switch f.slots[slot] {
        case .int(let x):
            let current = Value.int(x)
            let rhs = try value.eval(f)
            if case .int(let y) = rhs {
                let (r, o) = x.addingReportingOverflow(y)
                if !o {
                    f.slots[slot] = .int(r)
                    return .normal
                }
            } else if case .float(let y) = rhs {
                f.slots[slot] = .float(Double(x) + y)
                return .normal
            }
            return try general.finish(current, rhs, f)
        case .float(let x):
            let current = Value.float(x)
            let rhs = try value.eval(f)
            if case .float(let y) = rhs {
                f.slots[slot] = .float(x + y)
                return .normal
            } else if case .int(let y) = rhs {
                f.slots[slot] = .float(x + Double(y))
                return .normal
            }
            return try general.finish(current, rhs, f)
        default:
            return try general.exec(f)
        }
    }
}
