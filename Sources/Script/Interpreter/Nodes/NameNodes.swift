final class ConstantNode: ExprNode {
    let value: Value
    init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value { value }
}

final class LocalLoad: ExprNode {
    let slot: Int
    let name: String
    init(_ slot: Int, _ name: String, _ span: SourceSpan) {
        self.slot = slot
        self.name = name
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = f.slots[slot]
        if case .unbound = v {
            throw ScriptError.unboundLocal(name).locate(span, f)
        }
        return v
    }
}

final class CellLoad: ExprNode {
    let index: Int
    let name: String
    init(_ index: Int, _ name: String, _ span: SourceSpan) {
        self.index = index
        self.name = name
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = f.cells[index].value
        if case .unbound = v {
            throw ScriptError.unboundFree(name).locate(span, f)
        }
        return v
    }
}

final class GlobalLoad: ExprNode {
    let box: GlobalBox
    init(_ box: GlobalBox, _ span: SourceSpan) {
        self.box = box
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        let v = box.value
        if case .unbound = v {
            if let b = f.interpreter.builtins[box.name] { return b }
            let err = ScriptError.nameError("name '\(box.name)' is not defined")
            err.exception.suggestion = f.interpreter.suggestName(box.name, frame: f)
            throw err.locate(span, f)
        }
        return v
    }
}
