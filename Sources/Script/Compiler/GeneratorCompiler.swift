/// Lowers a generator function's body into a `GeneratorProgram`: compound statements
/// become jumps and handler pushes, so the body can stop at any `yield` and resume there.
///
/// `yield` is supported where plans use it: as a statement (`yield msg`), as the value of
/// an assignment (`reply = yield msg`, `r = yield from plan()`) and after `return`
/// (`return (yield from plan())`).
struct GeneratorCompiler {
    enum Block {
        case loop(breakLabel: Int, continueLabel: Int)
        case exceptHandlerPushed
        case handlerBody(TargetNode?)
        case finallyPushed([Stmt], depth: Int)
    }

    let compiler: Compiler
    var ops: [GeneratorOp] = []
    /// The nodes the steps refer to (the program keeps them alive).
    private let kept = NodeKeeper()
    var blocks: [Block] = []
    var labels: [Int] = []
    var hoistCounter = 0

    init(compiler: Compiler) {
        self.compiler = compiler
    }

    mutating func compile(_ body: [Stmt]) throws(ScriptSyntaxError) -> GeneratorProgram {
        try block(body)
        let program = GeneratorProgram()
        program.ops = ops.map(resolveLabels)
        program.nodes = kept.nodes
        return program
    }

    // Labels are negative placeholders until placed.
    mutating func newLabel() -> Int {
        labels.append(-1)
        return -(labels.count)
    }

    mutating func place(_ label: Int) {
        labels[-label - 1] = ops.count
    }

    func resolveLabels(_ op: GeneratorOp) -> GeneratorOp {
        func r(_ l: Int) -> Int { l < 0 ? labels[-l - 1] : l }
        switch op {
        case .jump(let l): return .jump(r(l))
        case .jumpIfFalse(let e, let l): return .jumpIfFalse(e, r(l))
        case .forIterator(let s, let t, let l): return .forIterator(slot: s, target: t, exit: r(l))
        case .pushHandler(let l, let s): return .pushHandler(target: r(l), slot: s)
        case .matchException(let e, let s, let t, let l): return .matchException(e, slot: s, target: t, next: r(l))
        default: return op
        }
    }

    /// A step's reference to `node`, which the program will keep alive.
    func keep<Node: AnyObject>(_ node: Node) -> NodeRef<Node> {
        kept.nodes.append(node)
        return NodeRef(node)
    }

    /// `keep` for the targets a resumed yield assigns.
    func assign(_ targets: [TargetNode]) -> ResumeAction {
        .assign(keep(TargetList(targets)))
    }

    mutating func hiddenSlot() -> Int {
        compiler.unit.newSlot(".t\(compiler.unit.code.slotCount)")
    }

    mutating func block(_ body: [Stmt]) throws(ScriptSyntaxError) {
        for s in body { try statement(s) }
    }

    mutating func statement(_ original: Stmt) throws(ScriptSyntaxError) {
        var s = original
        switch s.kind {
        case .expression(let e) where isTopYield(e) && !children(ofYield: e).contains(where: GeneratorCompiler.containsYield):
            break
        case .assign(let targets, let value) where isTopYield(value) && !children(ofYield: value).contains(where: GeneratorCompiler.containsYield)
            && !targets.contains(where: GeneratorCompiler.containsYield):
            break
        case .return(let value?) where isTopYield(value) && !children(ofYield: value).contains(where: GeneratorCompiler.containsYield):
            break
        case .if(let test, let body, let orElse) where GeneratorCompiler.containsYield(test):
            s = Stmt(.if(test: try hoist(test), body: body, orElse: orElse), s.span)
        case .for(let target, let iterable, let body, let orElse) where GeneratorCompiler.containsYield(iterable):
            s = Stmt(.for(target: target, iterable: try hoist(iterable), body: body, orElse: orElse), s.span)
        default:
            if GeneratorCompiler.containsYield(s) { s = try hoist(s) }
        }
        switch s.kind {
        case .expression(let e):
            switch e.kind {
            case .yield(let v):
                ops.append(.yieldValue(try v.map { (x) throws(ScriptSyntaxError) in keep(try compiler.expression(x)) }, .discard, e.span))
            case .yieldFrom(let v):
                ops.append(.yieldFrom(keep(try compiler.expression(v)), slot: hiddenSlot(), .discard, e.span))
            default:
                ops.append(.stmt(keep(try compiler.statement(s))))
            }
        case .assign(let targets, let value):
            switch value.kind {
            case .yield(let v):
                let ts = try targets.map { (t) throws(ScriptSyntaxError) in try compiler.target(t) }
                ops.append(.yieldValue(try v.map { (x) throws(ScriptSyntaxError) in keep(try compiler.expression(x)) }, assign(ts), value.span))
            case .yieldFrom(let v):
                let ts = try targets.map { (t) throws(ScriptSyntaxError) in try compiler.target(t) }
                ops.append(.yieldFrom(keep(try compiler.expression(v)), slot: hiddenSlot(), assign(ts), value.span))
            default:
                ops.append(.stmt(keep(try compiler.statement(s))))
            }
        case .return(let value):
            try compileReturn(value, s.span)
        case .if(let test, let body, let orElse):
            let elseLabel = newLabel(), end = newLabel()
            ops.append(.jumpIfFalse(keep(try compiler.expression(test)), elseLabel))
            try block(body)
            ops.append(.jump(end))
            place(elseLabel)
            try block(orElse)
            place(end)
        case .while(let test, let body, let orElse):
            let top = newLabel(), elseLabel = newLabel(), end = newLabel()
            place(top)
            let hoistedTest = try hoist(test)
            ops.append(.jumpIfFalse(keep(try compiler.expression(hoistedTest)), elseLabel))
            blocks.append(.loop(breakLabel: end, continueLabel: top))
            try block(body)
            blocks.removeLast()
            ops.append(.jump(top))
            place(elseLabel)
            try block(orElse)
            place(end)
        case .for(let target, let iterable, let body, let orElse):
            let slot = hiddenSlot()
            let top = newLabel(), elseLabel = newLabel(), end = newLabel()
            ops.append(.getIterator(keep(try compiler.expression(iterable)), slot: slot))
            place(top)
            ops.append(.forIterator(slot: slot, target: keep(try compiler.target(target)), exit: elseLabel))
            blocks.append(.loop(breakLabel: end, continueLabel: top))
            try block(body)
            blocks.removeLast()
            ops.append(.jump(top))
            place(elseLabel)
            try block(orElse)
            place(end)
        case .break, .continue:
            try compileJump(isBreak: { if case .break = s.kind { return true } else { return false } }(), s.span)
        case .try(let body, let handlers, let orElse, let final):
            try compileTry(body, handlers, orElse, final)
        default:
            ops.append(.stmt(keep(try compiler.statement(s))))
        }
    }

    func isTopYield(_ e: Expr) -> Bool {
        switch e.kind {
        case .yield, .yieldFrom: return true
        default: return false
        }
    }

    func children(ofYield e: Expr) -> [Expr] {
        switch e.kind {
        case .yield(let v): return v.map { [$0] } ?? []
        case .yieldFrom(let v): return [v]
        default: return []
        }
    }

    /// Emits the clean-up of every block between here and the target (exclusive).
    mutating func unwind(to depth: Int) throws(ScriptSyntaxError) {
        var i = blocks.count - 1
        while i >= depth {
            switch blocks[i] {
            case .loop: break
            case .exceptHandlerPushed: ops.append(.popHandler)
            case .handlerBody(let t): ops.append(.exitHandler(t.map(keep)))
            case .finallyPushed(let body, let outerDepth):
                ops.append(.popHandler)
                let saved = blocks
                blocks = Array(blocks[0..<outerDepth])
                try block(body)
                blocks = saved
            }
            i -= 1
        }
    }

    mutating func compileJump(isBreak: Bool, _ span: SourceSpan) throws(ScriptSyntaxError) {
        guard let loopIndex = blocks.lastIndex(where: { if case .loop = $0 { return true } else { return false } }),
              case .loop(let breakLabel, let continueLabel) = blocks[loopIndex] else {
            throw ScriptSyntaxError(isBreak ? "'break' outside loop" : "'continue' not properly in loop", at: span.start)
        }
        try unwind(to: loopIndex + 1)
        ops.append(.jump(isBreak ? breakLabel : continueLabel))
    }

    mutating func compileReturn(_ value: Expr?, _ span: SourceSpan) throws(ScriptSyntaxError) {
        let hasCleanup = blocks.contains { if case .loop = $0 { return false } else { return true } }
        if let value {
            switch value.kind {
            case .yield(let v):
                if hasCleanup { throw ScriptSyntaxError("'return (yield …)' inside try is not supported; assign it first", at: span.start) }
                ops.append(.yieldValue(try v.map { (x) throws(ScriptSyntaxError) in keep(try compiler.expression(x)) }, .returnIt, value.span))
                return
            case .yieldFrom(let v):
                if hasCleanup {
                    let temp = hiddenSlot()
                    ops.append(.yieldFrom(keep(try compiler.expression(v)), slot: hiddenSlot(),
                                          assign([LocalTarget(temp, ".result", span)]), value.span))
                    try unwind(to: 0)
                    ops.append(.returnValue(keep(LocalLoad(temp, ".result", span)), span))
                    return
                }
                ops.append(.yieldFrom(keep(try compiler.expression(v)), slot: hiddenSlot(), .returnIt, value.span))
                return
            default: break
            }
        }
        let node = try value.map { (x) throws(ScriptSyntaxError) in try compiler.expression(x) }
        if hasCleanup {
            let temp = hiddenSlot()
            if let node { ops.append(.stmt(keep(LocalAssignStmt(temp, node, span)))) }
            try unwind(to: 0)
            ops.append(.returnValue(node == nil ? nil : keep(LocalLoad(temp, ".result", span)), span))
        } else {
            ops.append(.returnValue(node.map(keep), span))
        }
    }

    mutating func compileTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ final: [Stmt]) throws(ScriptSyntaxError) {
        let end = newLabel()
        let finallyLabel = newLabel()
        let finallySlot = final.isEmpty ? -1 : hiddenSlot()
        let outerDepth = blocks.count
        if !final.isEmpty {
            ops.append(.pushHandler(target: finallyLabel, slot: finallySlot))
            blocks.append(.finallyPushed(final, depth: outerDepth))
        }
        let exceptLabel = newLabel()
        let exceptSlot = handlers.isEmpty ? -1 : hiddenSlot()
        if !handlers.isEmpty {
            ops.append(.pushHandler(target: exceptLabel, slot: exceptSlot))
            blocks.append(.exceptHandlerPushed)
        }
        try block(body)
        if !handlers.isEmpty {
            blocks.removeLast()
            ops.append(.popHandler)
        }
        try block(orElse)
        let afterNormal = newLabel()
        ops.append(.jump(afterNormal))
        if !handlers.isEmpty {
            place(exceptLabel)
            ops.append(.enterHandler(slot: exceptSlot))
            for h in handlers {
                let next = newLabel()
                let target = h.name.map { compiler.nameTarget($0, h.span) }
                ops.append(.matchException(try h.type.map { (x) throws(ScriptSyntaxError) in keep(try compiler.expression(x)) },
                                           slot: exceptSlot, target: target.map(keep), next: next))
                blocks.append(.handlerBody(target))
                try block(h.body)
                blocks.removeLast()
                ops.append(.exitHandler(target.map(keep)))
                ops.append(.jump(afterNormal))
                place(next)
            }
            ops.append(.exitHandler(nil))
            ops.append(.reraise(slot: exceptSlot))
        }
        place(afterNormal)
        if !final.isEmpty {
            blocks.removeLast()
            ops.append(.popHandler)
            try block(final)
            ops.append(.jump(end))
            place(finallyLabel)
            ops.append(.enterHandler(slot: finallySlot))
            blocks.append(.handlerBody(nil))
            let saved = blocks
            blocks = Array(blocks[0..<outerDepth]) + [.handlerBody(nil)]
            try block(final)
            blocks = saved
            blocks.removeLast()
            ops.append(.exitHandler(nil))
            ops.append(.reraise(slot: finallySlot))
        }
        place(end)
    }
}

/// Collects the nodes a generator program's steps refer to.
final class NodeKeeper {
    var nodes: [AnyObject] = []
}
