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
