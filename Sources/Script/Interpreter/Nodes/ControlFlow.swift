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
        if try test.evalBool(f) { return try execBlock(body, f) }
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
        while true {
            try tick(f)
            if try !test.evalBool(f) { break }
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
        if case .tuple(let items) = seq {
            let localSlot = (target as? LocalTarget)?.slot
            for item in items {
                try tick(f)
                if let slot = localSlot { f.slots[slot] = item } else { try target.assign(item, f) }
                switch try execBlock(body, f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                default: break
                }
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
