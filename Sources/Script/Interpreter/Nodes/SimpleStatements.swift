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
        if try test.evalBool(f) { return .normal }
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

final class GlobalDeclarationStmt: StmtNode {}
