/// Lifts `yield` expressions nested inside larger expressions out in front of their
/// statement: `x = (yield msg) + 1` runs as `.y0 = yield msg; x = .y0 + 1`.
///
/// The yield is evaluated before the rest of its statement (documented deviation: Python
/// evaluates the parts to its left first). A yield under `and`/`or`/`if-else`, where it might
/// not run at all, is rejected with a clear SyntaxError instead.
extension GeneratorCompiler {
    static func containsYield(_ e: Expr) -> Bool {
        var found = false
        visit(e) { if case .yield = $0.kind { found = true } else if case .yieldFrom = $0.kind { found = true } }
        return found
    }

    static func containsYield(_ s: Stmt) -> Bool {
        switch s.kind {
        case .expression(let e), .return(let e?): return containsYield(e)
        case .assign(let targets, let value): return containsYield(value) || targets.contains(where: containsYield)
        case .augmentedAssign(let t, _, let v): return containsYield(t) || containsYield(v)
        case .annotatedAssign(let t, _, let v?): return containsYield(t) || containsYield(v)
        case .raise(let e, let c): return (e.map(containsYield) ?? false) || (c.map(containsYield) ?? false)
        case .assert(let t, let m): return containsYield(t) || (m.map(containsYield) ?? false)
        case .delete(let ts): return ts.contains(where: containsYield)
        default: return false
        }
    }

    /// Visits every sub-expression that runs in this scope (not lambda bodies).
    static func visit(_ e: Expr, _ body: (Expr) -> Void) {
        body(e)
        for child in children(e) { visit(child, body) }
    }

    static func children(_ e: Expr) -> [Expr] {
        switch e.kind {
        case .name, .constant, .lambda: return []
        case .fstring(let parts):
            return parts.flatMap { p -> [Expr] in
                if case .field(let x, _, let spec, _) = p {
                    return [x] + (spec.map { s in s.compactMap { if case .field(let y, _, _, _) = $0 { return y } else { return nil } } } ?? [])
                }
                return []
            }
        case .unary(_, let a), .attribute(let a, _), .starred(let a), .yieldFrom(let a): return [a]
        case .yield(let a): return a.map { [$0] } ?? []
        case .binary(_, let a, let b), .subscript(let a, let b): return [a, b]
        case .boolean(_, let items), .tuple(let items), .list(let items), .set(let items): return items
        case .compare(let a, let rest): return [a] + rest.map(\.1)
        case .conditional(let t, let b, let o): return [t, b, o]
        case .call(let f, let args):
            return [f] + args.map { a -> Expr in
                switch a {
                case .positional(let x), .keyword(_, let x), .star(let x), .doubleStar(let x): return x
                }
            }
        case .slice(let a, let b, let c): return [a, b, c].compactMap { $0 }
        case .dict(let items):
            return items.flatMap { i -> [Expr] in
                switch i {
                case .pair(let k, let v): return [k, v]
                case .unpack(let m): return [m]
                }
            }
        case .listComprehension(_, let c), .setComprehension(_, let c), .dictComprehension(_, _, let c), .generator(_, let c):
            return [c[0].iterable]
        }
    }

    /// Returns `e` with nested yields replaced by hidden names, emitting the yields first.
    mutating func hoist(_ e: Expr) throws(ScriptSyntaxError) -> Expr {
        guard GeneratorCompiler.containsYield(e) else { return e }
        let span = e.span
        func h(_ x: Expr) throws(ScriptSyntaxError) -> Expr { try hoist(x) }
        switch e.kind {
        case .yield(let v):
            let value = try v.map { (x) throws(ScriptSyntaxError) in try compiler.expression(try hoist(x)) }
            let name = hiddenName()
            ops.append(.yieldValue(value.map(keep), assign([LocalTarget(compiler.hiddenSlot(name), name, span)]), span))
            return Expr(.name(name), span)
        case .yieldFrom(let v):
            let source = try compiler.expression(try hoist(v))
            let name = hiddenName()
            ops.append(.yieldFrom(keep(source), slot: hiddenSlot(), assign([LocalTarget(compiler.hiddenSlot(name), name, span)]), span))
            return Expr(.name(name), span)
        case .boolean, .conditional:
            throw ScriptSyntaxError("'yield' inside 'and', 'or' or a conditional expression is not supported; assign it to a name first",
                                    at: span.start)
        case .unary(let op, let a): return Expr(.unary(op, try h(a)), span)
        case .attribute(let a, let n): return Expr(.attribute(try h(a), n), span)
        case .starred(let a): return Expr(.starred(try h(a)), span)
        case .binary(let op, let a, let b): return Expr(.binary(op, try h(a), try h(b)), span)
        case .subscript(let a, let b): return Expr(.subscript(try h(a), try h(b)), span)
        case .tuple(let items): return Expr(.tuple(try items.map(h)), span)
        case .list(let items): return Expr(.list(try items.map(h)), span)
        case .set(let items): return Expr(.set(try items.map(h)), span)
        case .compare(let a, let rest):
            return Expr(.compare(try h(a), try rest.map { (r) throws(ScriptSyntaxError) in (r.0, try h(r.1)) }), span)
        case .call(let f, let args):
            let newArgs = try args.map { (a) throws(ScriptSyntaxError) -> Argument in
                switch a {
                case .positional(let x): return .positional(try h(x))
                case .keyword(let k, let x): return .keyword(k, try h(x))
                case .star(let x): return .star(try h(x))
                case .doubleStar(let x): return .doubleStar(try h(x))
                }
            }
            return Expr(.call(try h(f), newArgs), span)
        case .slice(let a, let b, let c):
            return Expr(.slice(try a.map(h), try b.map(h), try c.map(h)), span)
        case .dict(let items):
            return Expr(.dict(try items.map { (i) throws(ScriptSyntaxError) -> DictItem in
                switch i {
                case .pair(let k, let v): return .pair(try h(k), try h(v))
                case .unpack(let m): return .unpack(try h(m))
                }
            }), span)
        case .fstring(let parts):
            return Expr(.fstring(try parts.map { (p) throws(ScriptSyntaxError) -> FStringPart in
                if case .field(let x, let conv, let spec, let debug) = p { return .field(try h(x), conversion: conv, spec: spec, debugText: debug) }
                return p
            }), span)
        case .listComprehension(let elt, var c):
            c[0].iterable = try h(c[0].iterable)
            return Expr(.listComprehension(elt, c), span)
        case .setComprehension(let elt, var c):
            c[0].iterable = try h(c[0].iterable)
            return Expr(.setComprehension(elt, c), span)
        case .dictComprehension(let k, let v, var c):
            c[0].iterable = try h(c[0].iterable)
            return Expr(.dictComprehension(k, v, c), span)
        case .generator(let elt, var c):
            c[0].iterable = try h(c[0].iterable)
            return Expr(.generator(elt, c), span)
        case .name, .constant, .lambda:
            return e
        }
    }

    /// Hoists yields out of a simple statement, returning the rewritten statement.
    mutating func hoist(_ s: Stmt) throws(ScriptSyntaxError) -> Stmt {
        func h(_ x: Expr) throws(ScriptSyntaxError) -> Expr { try hoist(x) }
        switch s.kind {
        case .expression(let e): return Stmt(.expression(try h(e)), s.span)
        case .return(let e?): return Stmt(.return(try h(e)), s.span)
        case .assign(let targets, let value):
            let v = try h(value)
            return Stmt(.assign(targets: try targets.map(h), value: v), s.span)
        case .augmentedAssign(let t, let op, let v): return Stmt(.augmentedAssign(target: try h(t), op: op, value: try h(v)), s.span)
        case .annotatedAssign(let t, let a, let v?): return Stmt(.annotatedAssign(target: try h(t), annotation: a, value: try h(v)), s.span)
        case .raise(let e, let c): return Stmt(.raise(try e.map(h), cause: try c.map(h)), s.span)
        case .assert(let t, let m): return Stmt(.assert(try h(t), message: try m.map(h)), s.span)
        case .delete(let ts): return Stmt(.delete(try ts.map(h)), s.span)
        default: return s
        }
    }

    mutating func hiddenName() -> String {
        hoistCounter += 1
        return ".y\(hoistCounter)"
    }
}
