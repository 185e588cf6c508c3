/// What a suspended `yield` does with the value sent back in.
enum ResumeAction {
    case discard
    case assign([TargetNode])
    case returnIt
}

/// One step of a generator body. Control flow is flattened into jumps so a generator can
/// stop at a `yield` and resume there; expressions and simple statements still run on the
/// tree-walking evaluator.
enum GeneratorOp {
    case stmt(StmtNode)
    case jump(Int)
    case jumpIfFalse(ExprNode, Int)
    case getIterator(ExprNode, slot: Int)
    case forIterator(slot: Int, target: TargetNode, exit: Int)
    case yieldValue(ExprNode?, ResumeAction, SourceSpan)
    case yieldFrom(ExprNode, slot: Int, ResumeAction, SourceSpan)
    case returnValue(ExprNode?, SourceSpan)
    case pushHandler(target: Int, slot: Int)
    case popHandler
    case enterHandler(slot: Int)
    case matchException(ExprNode?, slot: Int, target: TargetNode?, next: Int)
    case exitHandler(TargetNode?)
    case reraise(slot: Int)
}

/// A generator function's body in resumable form.
final class GeneratorProgram {
    var ops: [GeneratorOp] = []
}

/// The resumable state of one generator: where it stopped and what handlers are active.
final class GeneratorState {
    var pc = 0
    var handlers: [(target: Int, slot: Int, depth: Int)] = []
    var handled: [ExceptionObject] = []
    var resuming = false
}
