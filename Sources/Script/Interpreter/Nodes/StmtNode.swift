/// How a statement finished.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// A compiled statement, executed by walking the tree.
class StmtNode {
    let span: SourceSpan
    init(_ span: SourceSpan) {
        self.span = span
    }
    func exec(_ f: Frame) throws -> Flow { .normal }
}

/// Runs a block, ticking once per statement and recording the failing statement.
@inline(__always)
func execBlock(_ body: [StmtNode], _ f: Frame) throws -> Flow {
    unowned(unsafe) let interp = f.interpreter
    let count = body.count
    var i = 0
    while i < count {
        // The block owns its statements for as long as it runs: call without retaining.
        let node = Unmanaged.passUnretained(body[i])
        let flow: Flow
        do {
            try tick(f)
            flow = try node._withUnsafeGuaranteedRef { try $0.exec(f) }
        } catch let e as ScriptError {
            throw e.locate(node._withUnsafeGuaranteedRef { $0.span }, f)
        }
        if flow != .normal { return flow }
        i += 1
    }
    return .normal
}

final class ExpressionStmt: StmtNode {
    let value: ExprNode
    init(_ value: ExprNode, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        _ = try value.eval(f)
        return .normal
    }
}

/// The last expression statement of a cell: its value is displayed and kept in `Out`.
final class DisplayExpressionStmt: StmtNode {
    let value: ExprNode
    init(_ value: ExprNode, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try value.eval(f)
        f.interpreter.lastExpressionValue = v
        return .normal
    }
}

final class AssignStmt: StmtNode {
    let targets: [TargetNode]
    let value: ExprNode
    init(_ targets: [TargetNode], _ value: ExprNode, _ span: SourceSpan) {
        self.targets = targets
        self.value = value
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try value.eval(f)
        for t in targets { try t.assign(v, f) }
        return .normal
    }
}

final class LocalAssignStmt: StmtNode {
    let slot: Int
    let value: ExprNode
    init(_ slot: Int, _ value: ExprNode, _ span: SourceSpan) {
        self.slot = slot
        self.value = value
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.slots[slot] = try value.eval(f)
        return .normal
    }
}

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
        do { return try interp.binary(op, a, b) } catch let e as ScriptError { throw e.locate(span, f) }
    }
}

final class IfStmt: StmtNode {
    let test: ExprNode
    let body: [StmtNode]
    let orElse: [StmtNode]
    init(_ test: ExprNode, _ body: [StmtNode], _ orElse: [StmtNode], _ span: SourceSpan) {
        self.test = test
        self.body = body
        self.orElse = orElse
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let t = try test.eval(f)
        let truth: Bool
        if case .bool(let b) = t { truth = b } else { truth = try f.interpreter.truthy(t) }
        if truth { return try execBlock(body, f) }
        if orElse.isEmpty { return .normal }
        return try execBlock(orElse, f)
    }
}

final class WhileStmt: StmtNode {
    let test: ExprNode
    let body: [StmtNode]
    let orElse: [StmtNode]
    init(_ test: ExprNode, _ body: [StmtNode], _ orElse: [StmtNode], _ span: SourceSpan) {
        self.test = test
        self.body = body
        self.orElse = orElse
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        unowned(unsafe) let interp = f.interpreter
        while true {
            try tick(f)
            let t = try test.eval(f)
            let truth: Bool
            if case .bool(let b) = t { truth = b } else { truth = try interp.truthy(t) }
            if !truth { break }
            switch try execBlock(body, f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            default: continue
            }
        }
        return try execBlock(orElse, f)
    }
}

final class ForStmt: StmtNode {
    let target: TargetNode
    let iterable: ExprNode
    let body: [StmtNode]
    let orElse: [StmtNode]
    init(_ target: TargetNode, _ iterable: ExprNode, _ body: [StmtNode], _ orElse: [StmtNode], _ span: SourceSpan) {
        self.target = target
        self.iterable = iterable
        self.body = body
        self.orElse = orElse
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        unowned(unsafe) let interp = f.interpreter
        let seq = try iterable.eval(f)
        // Fast paths: ranges and lists assigned to a local slot.
        if case .object(let o) = seq, let range = o as? RangeObject {
            var i = range.start
            let localSlot = (target as? LocalTarget)?.slot
            while range.step > 0 ? i < range.stop : i > range.stop {
                try tick(f)
                if let slot = localSlot { f.slots[slot] = .int(i) } else { try target.assign(.int(i), f) }
                switch try execBlock(body, f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                default: break
                }
                let (next, overflow) = i.addingReportingOverflow(range.step)
                if overflow { break }
                i = next
            }
            return try execBlock(orElse, f)
        }
        if case .list(let l) = seq {
            var i = 0
            let localSlot = (target as? LocalTarget)?.slot
            while i < l.items.count {
                try tick(f)
                if let slot = localSlot { f.slots[slot] = l.items[i] } else { try target.assign(l.items[i], f) }
                i += 1
                switch try execBlock(body, f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                default: break
                }
            }
            return try execBlock(orElse, f)
        }
        let it: any ValueIterator
        do { it = try interp.iterator(seq) } catch let e as ScriptError { throw e.locate(iterable.span, f) }
        while true {
            try tick(f)
            let next: Value?
            do { next = try it.next(interp) } catch let e as ScriptError { throw e.locate(iterable.span, f) }
            guard let item = next else { break }
            try target.assign(item, f)
            switch try execBlock(body, f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            default: break
            }
        }
        return try execBlock(orElse, f)
    }
}

final class PassStmt: StmtNode {}

final class BreakStmt: StmtNode {
    override func exec(_ f: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStmt: StmtNode {
    override func exec(_ f: Frame) throws -> Flow { .continueLoop }
}

final class ReturnStmt: StmtNode {
    let value: ExprNode?
    init(_ value: ExprNode?, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        f.returnValue = try value?.eval(f) ?? .none
        return .returned
    }
}

final class DeleteStmt: StmtNode {
    let targets: [TargetNode]
    init(_ targets: [TargetNode], _ span: SourceSpan) {
        self.targets = targets
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        for t in targets { try t.delete(f) }
        return .normal
    }
}

final class AssertStmt: StmtNode {
    let test: ExprNode
    let message: ExprNode?
    init(_ test: ExprNode, _ message: ExprNode?, _ span: SourceSpan) {
        self.test = test
        self.message = message
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        if try f.interpreter.truthy(try test.eval(f)) { return .normal }
        let args = try message.map { [try $0.eval(f)] } ?? []
        throw ScriptError(ExceptionObject(type: BuiltinTypes.assertionError, args: args))
    }
}

final class RaiseStmt: StmtNode {
    let exception: ExprNode?
    let cause: ExprNode?
    init(_ exception: ExprNode?, _ cause: ExprNode?, _ span: SourceSpan) {
        self.exception = exception
        self.cause = cause
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        throw try makeException(f)
    }

    func makeException(_ f: Frame) throws -> ScriptError {
        unowned(unsafe) let interp = f.interpreter
        guard let exception else {
            guard let current = interp.handledExceptions.last else {
                return ScriptError.runtimeError("No active exception to reraise")
            }
            return ScriptError(current)
        }
        let v = try exception.eval(f)
        let e = try interp.exceptionInstance(v)
        if let cause {
            let c = try cause.eval(f)
            e.cause = c.isNone ? nil : try interp.exceptionInstance(c)
        }
        if e.context == nil, let handled = interp.handledExceptions.last, handled !== e { e.context = handled }
        e.needsLocation = true
        return ScriptError(e)
    }
}

final class TryStmt: StmtNode {
    struct Handler {
        let type: ExprNode?
        let target: TargetNode?
        let body: [StmtNode]
    }
    let body: [StmtNode]
    let handlers: [Handler]
    let orElse: [StmtNode]
    let final: [StmtNode]

    init(_ body: [StmtNode], _ handlers: [Handler], _ orElse: [StmtNode], _ final: [StmtNode], _ span: SourceSpan) {
        self.body = body
        self.handlers = handlers
        self.orElse = orElse
        self.final = final
        super.init(span)
    }

    override func exec(_ f: Frame) throws -> Flow {
        if final.isEmpty { return try execHandlers(f) }
        let flow: Flow
        let savedReturn: Value
        do {
            flow = try execHandlers(f)
            savedReturn = f.returnValue
        } catch let e as ScriptError {
            unowned(unsafe) let interp = f.interpreter
            interp.handledExceptions.append(e.exception)
            let finalFlow: Flow
            do {
                finalFlow = try execBlock(final, f)
            } catch {
                interp.handledExceptions.removeLast()
                throw error
            }
            interp.handledExceptions.removeLast()
            if finalFlow != .normal { return finalFlow }
            throw e
        }
        let finalFlow = try execBlock(final, f)
        if finalFlow != .normal { return finalFlow }
        f.returnValue = savedReturn
        return flow
    }

    private func execHandlers(_ f: Frame) throws -> Flow {
        if handlers.isEmpty { return try execBlock(body, f) }
        let flow: Flow
        do {
            flow = try execBlock(body, f)
        } catch let e as ScriptError {
            unowned(unsafe) let interp = f.interpreter
            let exc = e.exception
            guard exc.isCatchable else { throw e }
            for h in handlers {
                if let typeExpr = h.type {
                    let t = try typeExpr.eval(f)
                    guard try interp.exceptionMatches(exc, t) else { continue }
                }
                try h.target?.assign(.object(exc), f)
                interp.handledExceptions.append(exc)
                defer { interp.handledExceptions.removeLast() }
                let r: Flow
                do {
                    r = try execBlock(h.body, f)
                } catch let inner as ScriptError {
                    if inner.exception !== exc, inner.exception.context == nil { inner.exception.context = exc }
                    if let target = h.target { try? target.delete(f) }
                    throw inner
                }
                if let target = h.target { try? target.delete(f) }
                return r
            }
            throw e
        }
        if flow == .normal { return try execBlock(orElse, f) }
        return flow
    }
}

final class GlobalDeclarationStmt: StmtNode {}

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
