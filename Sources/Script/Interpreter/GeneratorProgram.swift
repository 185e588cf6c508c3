/// A node a generator step refers to without retaining it: the program keeps every node
/// alive (`GeneratorProgram.nodes`), so a step costs no reference counting when it runs.
struct NodeRef<Node: AnyObject> {
    private let unmanaged: Unmanaged<Node>

    init(_ node: Node) {
        unmanaged = .passUnretained(node)
    }

    /// Runs `body` with the node, unretained.
    @inline(__always)
    func with<R>(_ body: (Node) throws -> R) rethrows -> R {
        try unmanaged._withUnsafeGuaranteedRef(body)
    }
}

/// The targets of `a, b = yield …` or `x = y = yield …`.
final class TargetList {
    let targets: [TargetNode]
    init(_ targets: [TargetNode]) {
        self.targets = targets
    }
}

/// What a suspended `yield` does with the value sent back in.
enum ResumeAction {
    case discard
    case assign(NodeRef<TargetList>)
    case returnIt
}

/// One step of a generator body. Control flow is flattened into jumps so a generator can
/// stop at a `yield` and resume there; expressions and simple statements still run on the
/// tree-walking evaluator.
enum GeneratorOp {
    case stmt(NodeRef<StmtNode>)
    case jump(Int)
    case jumpIfFalse(NodeRef<ExprNode>, Int)
    case getIterator(NodeRef<ExprNode>, slot: Int)
    case forIterator(slot: Int, target: NodeRef<TargetNode>, exit: Int)
    case yieldValue(NodeRef<ExprNode>?, ResumeAction, SourceSpan)
    case yieldFrom(NodeRef<ExprNode>, slot: Int, ResumeAction, SourceSpan)
    case returnValue(NodeRef<ExprNode>?, SourceSpan)
    case pushHandler(target: Int, slot: Int)
    case popHandler
    case enterHandler(slot: Int)
    case matchException(NodeRef<ExprNode>?, slot: Int, target: NodeRef<TargetNode>?, next: Int)
    case exitHandler(NodeRef<TargetNode>?)
    case reraise(slot: Int)
}

/// A generator function's body in resumable form.
final class GeneratorProgram {
    var ops: [GeneratorOp] = []
    /// Every node the steps refer to, kept alive for as long as the program.
    var nodes: [AnyObject] = []
}

/// The resumable state of one generator: where it stopped and what handlers are active.
final class GeneratorState {
    var pc = 0
    var handlers: [(target: Int, slot: Int, depth: Int)] = []
    var handled: [ExceptionObject] = []
    var resuming = false
}
