/// Compiles parsed statements into executable nodes: resolves every name to a slot, a cell
/// or a global box, lowers generator bodies into resumable programs, and records spans for
/// tracebacks.
final class Compiler {
    final class Unit {
        let code: CodeObject
        let scope: Scope
        var slotMaps: [ObjectIdentifier: [String: Int]] = [:]
        var cellMaps: [ObjectIdentifier: [String: Int]] = [:]
        var nextCell: Int

        init(code: CodeObject, scope: Scope) {
            self.code = code
            self.scope = scope
            nextCell = scope.freeNames.count
            code.freeNames = scope.freeNames
        }

        func newSlot(_ name: String) -> Int {
            let s = code.slotCount
            code.slotCount += 1
            code.slotNames.append(name)
            return s
        }
    }

    let table: SymbolTable
    let interpreter: Interpreter
    let source: SourceText
    var unit: Unit
    var scope: Scope
    var qualifiedPrefix: [String] = []
    /// Hidden locals created by the generator compiler (hoisted yields), by name.
    var hiddenSlots: [String: Int] = [:]

    /// A hidden local slot for a hoisted yield's result.
    func hiddenSlot(_ name: String) -> Int {
        if let s = hiddenSlots[name] { return s }
        let s = unit.newSlot(name)
        hiddenSlots[name] = s
        return s
    }

    init(table: SymbolTable, interpreter: Interpreter, source: SourceText) {
        self.table = table
        self.interpreter = interpreter
        self.source = source
        let code = CodeObject(name: "<module>", source: source)
        unit = Unit(code: code, scope: table.module)
        scope = table.module
    }

    /// Compiles a whole cell or file; with `displayLast`, a final expression statement's
    /// value is kept for display.
    static func compile(_ body: [Stmt], source: SourceText, interpreter: Interpreter,
                        displayLast: Bool) throws(ScriptSyntaxError) -> CodeObject {
        let table = try SymbolTable(module: body)
        let compiler = Compiler(table: table, interpreter: interpreter, source: source)
        var nodes = try compiler.compileBlock(body)
        if displayLast, let last = body.last, case .expression(let e) = last.kind, !nodes.isEmpty {
            nodes[nodes.count - 1] = DisplayExpressionStmt(try compiler.expression(e), last.span)
        }
        compiler.unit.code.body = nodes
        return compiler.unit.code
    }

    // MARK: names

    func slot(_ name: String, in s: Scope) -> Int {
        let key = ObjectIdentifier(s)
        if let slot = unit.slotMaps[key]?[name] { return slot }
        let slot = unit.newSlot(name)
        unit.slotMaps[key, default: [:]][name] = slot
        return slot
    }

    func cellIndex(_ name: String, in s: Scope) -> Int {
        let key = ObjectIdentifier(s)
        if let c = unit.cellMaps[key]?[name] { return c }
        let c = unit.nextCell
        unit.nextCell += 1
        unit.code.ownCellCount += 1
        unit.cellMaps[key, default: [:]][name] = c
        return c
    }

    func resolve(_ name: String) -> NameBinding {
        if name.hasPrefix(".y"), let slot = hiddenSlots[name] { return .local(slot: slot) }
        var s = scope
        while s.kind == .comprehension {
            if s.assigned.contains(name) {
                return s.cellNames.contains(name) ? .cell(index: cellIndex(name, in: s)) : .local(slot: slot(name, in: s))
            }
            guard let p = s.parent else { break }
            s = p
        }
        if s.kind == .module || s.globals.contains(name) { return .global(name) }
        if let free = s.freeNames.firstIndex(of: name) { return .cell(index: free) }
        if s.assigned.contains(name) {
            return s.cellNames.contains(name) ? .cell(index: cellIndex(name, in: s)) : .local(slot: slot(name, in: s))
        }
        return .global(name)
    }

    func load(_ name: String, _ span: SourceSpan) -> ExprNode {
        switch resolve(name) {
        case .local(let slot): return LocalLoad(slot, name, span)
        case .cell(let index): return CellLoad(index, name, span)
        case .global(let n): return GlobalLoad(interpreter.globalBox(n), span)
        }
    }

    func nameTarget(_ name: String, _ span: SourceSpan) -> TargetNode {
        switch resolve(name) {
        case .local(let slot): return LocalTarget(slot, name, span)
        case .cell(let index): return CellTarget(index, name, span)
        case .global(let n): return GlobalTarget(interpreter.globalBox(n), span)
        }
    }

    func target(_ e: Expr) throws(ScriptSyntaxError) -> TargetNode {
        switch e.kind {
        case .name(let n): return nameTarget(n, e.span)
        case .attribute(let o, let name): return AttributeTarget(try expression(o), name, e.span)
        case .subscript(let o, let i): return SubscriptTarget(try expression(o), try expression(i), e.span)
        case .tuple(let items), .list(let items):
            var nodes: [TargetNode] = []
            var star: Int?
            for (i, item) in items.enumerated() {
                if case .starred(let inner) = item.kind {
                    star = i
                    nodes.append(try target(inner))
                } else {
                    nodes.append(try target(item))
                }
            }
            return UnpackTarget(nodes, starIndex: star, e.span)
        default:
            throw ScriptSyntaxError("cannot assign to \(e.kind.describe)", at: e.span.start)
        }
    }

    // MARK: statements

    func compileBlock(_ body: [Stmt]) throws(ScriptSyntaxError) -> [StmtNode] {
        var out: [StmtNode] = []
        out.reserveCapacity(body.count)
        for s in body { out.append(try statement(s)) }
        return out
    }

    func statement(_ s: Stmt) throws(ScriptSyntaxError) -> StmtNode {
        let span = s.span
        switch s.kind {
        case .expression(let e):
            if case .yield = e.kind { throw yieldError(e) }
            if case .yieldFrom = e.kind { throw yieldError(e) }
            return ExpressionStmt(try expression(e), span)
        case .assign(let targets, let value):
            let v = try expression(value)
            let ts = try targets.map { (t) throws(ScriptSyntaxError) in try target(t) }
            if ts.count == 1, let local = ts[0] as? LocalTarget { return LocalAssignStmt(local.slot, v, span) }
            return AssignStmt(ts, v, span)
        case .augmentedAssign(let t, let op, let value):
            let node = AugmentedAssignStmt(try target(t), op, try expression(value), span)
            if let local = node.target as? LocalTarget { return LocalAugmentedAssignStmt(node, slot: local.slot) }
            return node
        case .annotatedAssign(let t, _, let value):
            guard let value else { return PassStmt(span) }
            return AssignStmt([try target(t)], try expression(value), span)
        case .pass: return PassStmt(span)
        case .break: return BreakStmt(span)
        case .continue: return ContinueStmt(span)
        case .return(let e): return ReturnStmt(try e.map { (x) throws(ScriptSyntaxError) in try expression(x) }, span)
        case .raise(let e, let cause):
            return RaiseStmt(try e.map { (x) throws(ScriptSyntaxError) in try expression(x) },
                             try cause.map { (x) throws(ScriptSyntaxError) in try expression(x) }, span)
        case .global, .nonlocal: return GlobalDeclarationStmt(span)
        case .delete(let targets):
            return DeleteStmt(try targets.map { (t) throws(ScriptSyntaxError) in try target(t) }, span)
        case .assert(let test, let message):
            return AssertStmt(try expression(test), try message.map { (x) throws(ScriptSyntaxError) in try expression(x) }, span)
        case .import(let names):
            return ImportStmt(names.map { n in
                let bound = n.alias ?? String(n.name.split(separator: ".").first ?? Substring(n.name))
                return (n.name, n.alias != nil, nameTarget(bound, span))
            }, span)
        case .importFrom(let module, let names):
            if names.count == 1 && names[0].name == "*" { return ImportStarStmt(module, span) }
            return ImportFromStmt(module, names.map { ($0.name, nameTarget($0.alias ?? $0.name, span)) }, span)
        case .if(let test, let body, let orElse):
            return IfStmt(try expression(test), try compileBlock(body), try compileBlock(orElse), span)
        case .while(let test, let body, let orElse):
            return WhileStmt(try expression(test), try compileBlock(body), try compileBlock(orElse), span)
        case .for(let t, let iterable, let body, let orElse):
            return ForStmt(try target(t), try expression(iterable), try compileBlock(body), try compileBlock(orElse), span)
        case .try(let body, let handlers, let orElse, let final):
            let hs = try handlers.map { (h) throws(ScriptSyntaxError) in
                TryStmt.Handler(type: try h.type.map { (x) throws(ScriptSyntaxError) in try expression(x) },
                                target: h.name.map { nameTarget($0, h.span) }, body: try compileBlock(h.body))
            }
            return TryStmt(try compileBlock(body), hs, try compileBlock(orElse), try compileBlock(final), span)
        case .functionDef(let def):
            var value: ExprNode = try makeFunction(name: def.name, parameters: def.parameters, body: def.body,
                                                   docstring: def.docstring, span: span, isLambda: false)
            for d in def.decorators.reversed() {
                let dn = try expression(d)
                value = CallNode(dn, positional: [value], starred: [false], keywords: [], d.span)
            }
            return AssignStmt([nameTarget(def.name, span)], value, span)
        }
    }

    func yieldError(_ e: Expr) -> ScriptSyntaxError {
        ScriptSyntaxError("'yield' outside function", at: e.span.start)
    }

    // MARK: functions

    func makeFunction(name: String, parameters p: Parameters, body: [Stmt], docstring: String?, span: SourceSpan,
                      isLambda: Bool, lambdaBody: Expr? = nil, scopeSpan: SourceSpan? = nil) throws(ScriptSyntaxError) -> MakeFunctionNode {
        guard let child = table.scope(for: scopeSpan ?? span) else {
            throw ScriptSyntaxError("internal error: no scope for function '\(name)'", at: span.start)
        }
        let defaults = try (p.positionalOnly + p.positional).compactMap(\.defaultValue).map { (x) throws(ScriptSyntaxError) in try expression(x) }
        var kwDefaults: [(String, ExprNode)] = []
        for k in p.keywordOnly {
            if let d = k.defaultValue { kwDefaults.append((k.name, try expression(d))) }
        }
        var closure: [Int] = []
        for free in child.freeNames {
            guard case .cell(let index) = resolve(free) else {
                throw ScriptSyntaxError("internal error: free variable '\(free)' is not a cell", at: span.start)
            }
            closure.append(index)
        }
        let qualified = (qualifiedPrefix + [name]).joined(separator: ".")
        let code = CodeObject(name: name, source: source)
        code.docstring = docstring
        code.isGenerator = child.isGenerator
        let saved = (unit, scope)
        let savedHidden = hiddenSlots
        hiddenSlots = [:]
        unit = Unit(code: code, scope: child)
        scope = child
        qualifiedPrefix.append(name)
        qualifiedPrefix.append("<locals>")
        defer {
            (unit, scope) = saved
            hiddenSlots = savedHidden
            qualifiedPrefix.removeLast(2)
        }
        // Parameters take the first slots, in order.
        var layout = ParameterLayout()
        let positional = p.positionalOnly + p.positional
        layout.positional = positional.map(\.name)
        layout.positionalOnlyCount = p.positionalOnly.count
        for param in positional { _ = slot(param.name, in: child) }
        if let v = p.varArgs { layout.varArgsSlot = slot(v, in: child) }
        layout.keywordOnlyStart = code.slotCount
        layout.keywordOnly = p.keywordOnly.map(\.name)
        for k in p.keywordOnly { _ = slot(k.name, in: child) }
        if let k = p.varKeywords { layout.varKeywordsSlot = slot(k, in: child) }
        code.parameters = layout
        for (i, pname) in p.allNames.enumerated() where child.cellNames.contains(pname) {
            code.cellParameters.append((i, cellIndex(pname, in: child)))
        }
        code.signatureText = "\(name)(\(signatureText(p)))"
        if let lambdaBody {
            if child.isGenerator {
                throw ScriptSyntaxError("'yield' inside lambda is not supported", at: lambdaBody.span.start)
            }
            code.body = [ReturnStmt(try expression(lambdaBody), lambdaBody.span)]
        } else if child.isGenerator {
            var generatorCompiler = GeneratorCompiler(compiler: self)
            code.generatorProgram = try generatorCompiler.compile(body)
        } else {
            code.body = try compileBlock(body)
        }
        return MakeFunctionNode(code, defaults: defaults, keywordDefaults: kwDefaults, closureIndices: closure,
                                qualifiedName: qualified, span)
    }

    func signatureText(_ p: Parameters) -> String {
        func one(_ param: Parameters.Parameter) -> String {
            guard let d = param.defaultValue else { return param.name }
            return "\(param.name)=\(sourceText(d.span))"
        }
        var parts = p.positionalOnly.map(one)
        if !p.positionalOnly.isEmpty { parts.append("/") }
        parts += p.positional.map(one)
        if let v = p.varArgs { parts.append("*" + v) } else if !p.keywordOnly.isEmpty { parts.append("*") }
        parts += p.keywordOnly.map(one)
        if let k = p.varKeywords { parts.append("**" + k) }
        return parts.joined(separator: ", ")
    }

    func sourceText(_ span: SourceSpan) -> String {
        guard span.start.line == span.end.line else { return "..." }
        let line = Array(source.line(span.start.line).unicodeScalars)
        let a = min(span.start.column, line.count), b = min(max(span.end.column, a), line.count)
        return String(String.UnicodeScalarView(line[a..<b]))
    }
}
