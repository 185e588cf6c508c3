/// The first compiler pass: finds every scope and what each binds and uses, then decides
/// which variables live in cells because a nested function captures them.
struct SymbolTable {
    private(set) var scopes: [SpanKey: Scope] = [:]
    let module: Scope

    struct SpanKey: Hashable {
        let line, column, endLine, endColumn: Int
        init(_ s: SourceSpan) {
            line = s.start.line
            column = s.start.column
            endLine = s.end.line
            endColumn = s.end.column
        }
    }

    init(module body: [Stmt], isModule: Bool = true) throws(ScriptSyntaxError) {
        module = Scope(kind: .module, parent: nil)
        try visit(body, module)
        try resolveFree(module)
    }

    func scope(for span: SourceSpan) -> Scope? { scopes[SpanKey(span)] }

    // MARK: collection

    private mutating func visit(_ body: [Stmt], _ s: Scope) throws(ScriptSyntaxError) {
        for stmt in body { try visit(stmt, s) }
    }

    private mutating func bind(_ name: String, _ s: Scope, at span: SourceSpan) throws(ScriptSyntaxError) {
        s.assigned.insert(name)
        s.used.insert(name)
    }

    private mutating func bindTarget(_ e: Expr, _ s: Scope) throws(ScriptSyntaxError) {
        switch e.kind {
        case .name(let n): try bind(n, s, at: e.span)
        case .tuple(let items), .list(let items): for i in items { try bindTarget(i, s) }
        case .starred(let inner): try bindTarget(inner, s)
        default: try visit(e, s)
        }
    }

    private mutating func visit(_ stmt: Stmt, _ s: Scope) throws(ScriptSyntaxError) {
        switch stmt.kind {
        case .expression(let e): try visit(e, s)
        case .assign(let targets, let value):
            try visit(value, s)
            for t in targets { try bindTarget(t, s) }
        case .augmentedAssign(let target, _, let value):
            try visit(value, s)
            try bindTarget(target, s)
        case .annotatedAssign(let target, _, let value):
            if let value { try visit(value, s) }
            if value != nil || s.kind != .module { try bindTarget(target, s) }
        case .pass, .break, .continue: break
        case .return(let e):
            if s.kind == .module {
                throw ScriptSyntaxError("'return' outside function", at: stmt.span.start)
            }
            if let e { try visit(e, s) }
        case .raise(let e, let cause):
            if let e { try visit(e, s) }
            if let cause { try visit(cause, s) }
        case .global(let names):
            for n in names {
                if s.assigned.contains(n) || s.parameters.contains(n) {
                    throw ScriptSyntaxError("name '\(n)' is \(s.parameters.contains(n) ? "parameter" : "assigned to before global declaration") and global",
                                            at: stmt.span.start)
                }
                s.globals.insert(n)
            }
        case .nonlocal(let names):
            if s.kind == .module {
                throw ScriptSyntaxError("nonlocal declaration not allowed at module level", at: stmt.span.start)
            }
            for n in names {
                if s.parameters.contains(n) {
                    throw ScriptSyntaxError("name '\(n)' is parameter and nonlocal", at: stmt.span.start)
                }
                s.nonlocals.insert(n)
            }
        case .delete(let targets):
            for t in targets { try bindTarget(t, s) }
        case .assert(let test, let message):
            try visit(test, s)
            if let message { try visit(message, s) }
        case .import(let names):
            for n in names {
                let bound = n.alias ?? String(n.name.split(separator: ".").first ?? Substring(n.name))
                try bind(bound, s, at: stmt.span)
            }
        case .importFrom(_, let names):
            for n in names where n.name != "*" { try bind(n.alias ?? n.name, s, at: stmt.span) }
            if names.contains(where: { $0.name == "*" }) && s.kind != .module {
                throw ScriptSyntaxError("import * only allowed at module level", at: stmt.span.start)
            }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            try visit(test, s)
            try visit(body, s)
            try visit(orElse, s)
        case .for(let target, let iterable, let body, let orElse):
            try visit(iterable, s)
            try bindTarget(target, s)
            try visit(body, s)
            try visit(orElse, s)
        case .try(let body, let handlers, let orElse, let final):
            try visit(body, s)
            for h in handlers {
                if let t = h.type { try visit(t, s) }
                if let n = h.name { try bind(n, s, at: h.span) }
                try visit(h.body, s)
            }
            try visit(orElse, s)
            try visit(final, s)
        case .functionDef(let def):
            for d in def.decorators { try visit(d, s) }
            try visitDefaults(def.parameters, s)
            try bind(def.name, s, at: stmt.span)
            let child = Scope(kind: .function, parent: s)
            scopes[SpanKey(stmt.span)] = child
            try declareParameters(def.parameters, child, at: stmt.span)
            try visit(def.body, child)
        }
    }

    private mutating func visitDefaults(_ p: Parameters, _ s: Scope) throws(ScriptSyntaxError) {
        for param in p.positionalOnly + p.positional + p.keywordOnly {
            if let d = param.defaultValue { try visit(d, s) }
        }
    }

    private mutating func declareParameters(_ p: Parameters, _ s: Scope, at span: SourceSpan) throws(ScriptSyntaxError) {
        s.parameters = p.allNames
        for n in s.parameters { try bind(n, s, at: span) }
    }

    private mutating func visit(_ e: Expr, _ s: Scope) throws(ScriptSyntaxError) {
        switch e.kind {
        case .name(let n): s.used.insert(n)
        case .constant: break
        case .fstring(let parts): try visitParts(parts, s)
        case .unary(_, let a), .attribute(let a, _), .starred(let a): try visit(a, s)
        case .binary(_, let a, let b), .subscript(let a, let b):
            try visit(a, s)
            try visit(b, s)
        case .boolean(_, let items), .tuple(let items), .list(let items), .set(let items):
            for i in items { try visit(i, s) }
        case .compare(let first, let rest):
            try visit(first, s)
            for (_, r) in rest { try visit(r, s) }
        case .conditional(let t, let b, let o):
            try visit(t, s)
            try visit(b, s)
            try visit(o, s)
        case .lambda(let params, let body):
            try visitDefaults(params, s)
            let child = Scope(kind: .function, parent: s)
            scopes[SpanKey(e.span)] = child
            try declareParameters(params, child, at: e.span)
            try visit(body, child)
        case .call(let f, let args):
            try visit(f, s)
            for a in args {
                switch a {
                case .positional(let x), .keyword(_, let x), .star(let x), .doubleStar(let x): try visit(x, s)
                }
            }
        case .slice(let a, let b, let c):
            if let a { try visit(a, s) }
            if let b { try visit(b, s) }
            if let c { try visit(c, s) }
        case .dict(let items):
            for item in items {
                switch item {
                case .pair(let k, let v):
                    try visit(k, s)
                    try visit(v, s)
                case .unpack(let m): try visit(m, s)
                }
            }
        case .listComprehension(let elt, let clauses), .setComprehension(let elt, let clauses):
            try visitComprehension([elt], clauses, e.span, s, kind: .comprehension)
        case .dictComprehension(let k, let v, let clauses):
            try visitComprehension([k, v], clauses, e.span, s, kind: .comprehension)
        case .generator(let elt, let clauses):
            try visitComprehension([elt], clauses, e.span, s, kind: .function)
        case .yield(let v):
            try markGenerator(s, e)
            if let v { try visit(v, s) }
        case .yieldFrom(let v):
            try markGenerator(s, e)
            try visit(v, s)
        }
    }

    private func markGenerator(_ s: Scope, _ e: Expr) throws(ScriptSyntaxError) {
        switch s.kind {
        case .module: throw ScriptSyntaxError("'yield' outside function", at: e.span.start)
        case .comprehension: throw ScriptSyntaxError("'yield' inside list comprehension", at: e.span.start)
        case .function: s.isGenerator = true
        }
    }

    private mutating func visitParts(_ parts: [FStringPart], _ s: Scope) throws(ScriptSyntaxError) {
        for p in parts {
            if case .field(let e, _, let spec, _) = p {
                try visit(e, s)
                if let spec { try visitParts(spec, s) }
            }
        }
    }

    private mutating func visitComprehension(_ elements: [Expr], _ clauses: [ComprehensionClause], _ span: SourceSpan,
                                             _ s: Scope, kind: Scope.Kind) throws(ScriptSyntaxError) {
        // The first iterable is evaluated in the enclosing scope.
        try visit(clauses[0].iterable, s)
        let child = Scope(kind: kind, parent: s)
        scopes[SpanKey(span)] = child
        if kind == .function {
            child.isGenerator = true
            child.parameters = [".0"]
            child.assigned.insert(".0")
        }
        for (i, clause) in clauses.enumerated() {
            if i > 0 { try visit(clause.iterable, child) }
            try bindTarget(clause.target, child)
            for c in clause.conditions { try visit(c, child) }
        }
        for e in elements { try visit(e, child) }
    }

    // MARK: resolution of free variables

    /// For every scope, finds names that come from an enclosing function and marks them as
    /// cells there and as free in every scope in between.
    private func resolveFree(_ s: Scope) throws(ScriptSyntaxError) {
        for child in s.children {
            try resolveFree(child)
            if child.kind == .comprehension {
                // An inlined comprehension reads its host's variables directly.
                for name in child.used where !child.assigned.contains(name) { s.used.insert(name) }
            }
        }
        guard s.kind == .function else { return }
        for name in s.nonlocals {
            guard let owner = findEnclosingOwner(of: name, from: s.parent) else {
                throw ScriptSyntaxError("no binding for nonlocal '\(name)' found", at: SourcePosition(line: 1, column: 0))
            }
            capture(name, owner: owner, user: s)
        }
        for name in s.used where !s.assigned.contains(name) && !s.globals.contains(name) && !s.nonlocals.contains(name) {
            if let owner = findEnclosingOwner(of: name, from: s.parent) {
                capture(name, owner: owner, user: s)
            }
        }
    }

    /// The nearest enclosing scope (function or comprehension) that binds `name` locally.
    private func findEnclosingOwner(of name: String, from start: Scope?) -> Scope? {
        var p = start
        while let scope = p {
            if scope.kind == .module { return nil }
            if scope.globals.contains(name) { return nil }
            if scope.isLocal(name) { return scope }
            p = scope.parent
        }
        return nil
    }

    private func capture(_ name: String, owner: Scope, user: Scope) {
        owner.cellNames.insert(name)
        var p: Scope? = user
        while let scope = p, scope !== owner {
            if scope.kind == .function { scope.addFree(name) }
            p = scope.parent
        }
    }
}
