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
