/// A compiled expression: evaluated by walking the tree, with names already resolved to
/// slots, cells or global boxes.
class ExprNode {
    let span: SourceSpan

    init(_ span: SourceSpan) {
        self.span = span
    }

    func eval(_ f: Frame) throws -> Value {
        throw ScriptError.runtimeError("internal error: \(type(of: self)) cannot be evaluated")
    }

    /// The value's truth (`if`, `while`, `and`/`or` tests); comparisons override it to skip
    /// making a bool value.
    func evalBool(_ f: Frame) throws -> Bool {
        let v = try eval(f)
        if case .bool(let b) = v { return b }
        return try f.interpreter.truthy(v)
    }
}

extension Array where Element == ExprNode {
    /// Evaluates the node at `i` without retaining it (the array owns it while it runs).
    @inline(__always)
    func eval(_ i: Int, _ f: Frame) throws -> Value {
        try withUnsafeBufferPointer { nodes in
            try Unmanaged.passUnretained(nodes[i])._withUnsafeGuaranteedRef { try $0.eval(f) }
        }
    }
}

extension Array where Element == ExprNode {
    /// Whether every condition holds, evaluated in order up to the first false one, without
    /// retaining the nodes (a comprehension's `if` clauses).
    @inline(__always)
    func allTrue(_ f: Frame) throws -> Bool {
        try withUnsafeBufferPointer { nodes in
            for node in nodes where !(try Unmanaged.passUnretained(node)._withUnsafeGuaranteedRef { try $0.evalBool(f) }) {
                return false
            }
            return true
        }
    }
}

extension ScriptError {
    /// Records `span` in frame `f` as where the exception passed, once per frame.
    @inline(never)
    func locate(_ span: SourceSpan, _ f: Frame) -> ScriptError {
        let e = exception
        if e.needsLocation {
            e.needsLocation = false
            let code = f.code
            var lines: [String] = []
            if span.end.line > span.start.line {
                for n in span.start.line...min(span.end.line, span.start.line + 8) { lines.append(code.source.line(n)) }
            } else {
                lines = [code.source.line(span.start.line)]
            }
            e.traceback.insert(TraceFrame(filename: code.source.filename, isCell: code.source.isCell,
                                          function: code.name, span: span,
                                          sourceLine: code.source.line(span.start.line), sourceLines: lines), at: 0)
        }
        return self
    }
}
