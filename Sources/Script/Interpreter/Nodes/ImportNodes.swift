/// `import a`, `import a as b`.
final class ImportStmt: StmtNode {
    let names: [(module: String, aliased: Bool, target: TargetNode)]
    init(_ names: [(String, Bool, TargetNode)], _ span: SourceSpan) {
        self.names = names.map { (module: $0.0, aliased: $0.1, target: $0.2) }
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        for n in names {
            let module = try f.interpreter.importModule(n.module)
            try n.target.assign(.object(module), f)
        }
        return .normal
    }
}

/// `from a import b, c as d`.
final class ImportFromStmt: StmtNode {
    let module: String
    let names: [(name: String, target: TargetNode)]
    init(_ module: String, _ names: [(String, TargetNode)], _ span: SourceSpan) {
        self.module = module
        self.names = names.map { (name: $0.0, target: $0.1) }
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let m = try f.interpreter.importModule(module)
        for n in names {
            guard let v = m.members[n.name] else {
                throw ScriptError(BuiltinTypes.importError, "cannot import name '\(n.name)' from '\(module)'")
            }
            try n.target.assign(v, f)
        }
        return .normal
    }
}

/// `from a import *` (top level only).
final class ImportStarStmt: StmtNode {
    let module: String
    init(_ module: String, _ span: SourceSpan) {
        self.module = module
        super.init(span)
    }
    override func exec(_ f: Frame) throws -> Flow {
        let m = try f.interpreter.importModule(module)
        for (k, v) in m.members where !k.hasPrefix("_") { f.interpreter.setGlobal(k, v) }
        return .normal
    }
}

extension Interpreter {
    /// Loads a registered module, or raises `ModuleNotFoundError` naming the available ones.
    public func importModule(_ name: String) throws -> ModuleObject {
        if let m = loadedModules[name] { return m }
        guard let factory = moduleFactories[name] else {
            let err = ScriptError(BuiltinTypes.moduleNotFoundError,
                                  "No module named '\(name)'. Beamtime cells can import: \(availableModules.joined(separator: ", "))")
            throw err
        }
        let m = factory(self)
        loadedModules[name] = m
        return m
    }
}
