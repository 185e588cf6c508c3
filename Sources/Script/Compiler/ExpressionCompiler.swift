/// Compilation of expressions.
extension Compiler {
    func expression(_ e: Expr) throws(ScriptSyntaxError) -> ExprNode {
        let span = e.span
        switch e.kind {
        case .name(let n): return load(n, span)
        case .constant(let c): return ConstantNode(constantValue(c), span)
        case .fstring(let parts): return FStringNode(try fstringParts(parts), span)
        case .unary(let op, let operand):
            if op == .neg, case .constant(.int(let i)) = operand.kind, i != Int.min {
                return ConstantNode(.int(-i), span)
            }
            return UnaryNode(op, try expression(operand), span)
        case .binary(let op, let a, let b):
            return specialised(BinaryNode(op, try expression(a), try expression(b), span))
        case .boolean(let isAnd, let items):
            return BooleanNode(isAnd: isAnd, try items.map { (x) throws(ScriptSyntaxError) in try expression(x) }, span)
        case .compare(let first, let rest):
            if rest.count == 1 {
                return specialised(CompareOneNode(rest[0].0, try expression(first), try expression(rest[0].1), span))
            }
            return CompareNode(try expression(first), rest.map(\.0),
                               try rest.map { (x) throws(ScriptSyntaxError) in try expression(x.1) }, span)
        case .conditional(let test, let body, let orElse):
            return ConditionalNode(try expression(test), try expression(body), try expression(orElse), span)
        case .lambda(let params, let body):
            return try makeFunction(name: "<lambda>", parameters: params, body: [], docstring: nil, span: span,
                                    isLambda: true, lambdaBody: body)
        case .call(let callee, let args):
            let call = try callNode(try expression(callee), args, span)
            if case .attribute(let receiver, let name) = callee.kind {
                return MethodCallNode(try expression(receiver), name, call, span)
            }
            return call
        case .attribute(let o, let name): return AttributeNode(try expression(o), name, span)
        case .subscript(let o, let i):
            let container = try expression(o)
            if let local = container as? LocalLoad { return LocalSubscriptNode(local, try expression(i), span) }
            return SubscriptNode(container, try expression(i), span)
        case .slice(let a, let b, let c):
            return SliceNode(try a.map { (x) throws(ScriptSyntaxError) in try expression(x) },
                             try b.map { (x) throws(ScriptSyntaxError) in try expression(x) },
                             try c.map { (x) throws(ScriptSyntaxError) in try expression(x) }, span)
        case .tuple(let items): return TupleNode(try elements(items), span)
        case .list(let items): return ListNode(try elements(items), span)
        case .set(let items): return SetNode(try elements(items), span)
        case .dict(let items):
            var keys: [ExprNode?] = []
            var values: [ExprNode] = []
            for item in items {
                switch item {
                case .pair(let k, let v):
                    keys.append(try expression(k))
                    values.append(try expression(v))
                case .unpack(let m):
                    keys.append(nil)
                    values.append(try expression(m))
                }
            }
            return DictNode(keys, values, span)
        case .starred:
            throw ScriptSyntaxError("can't use starred expression here", at: span.start)
        case .listComprehension(let elt, let clauses):
            return try comprehension(.list, elt, nil, clauses, span)
        case .setComprehension(let elt, let clauses):
            return try comprehension(.set, elt, nil, clauses, span)
        case .dictComprehension(let k, let v, let clauses):
            return try comprehension(.dict, k, v, clauses, span)
        case .generator(let elt, let clauses):
            return try generatorExpression(elt, clauses, span)
        case .yield, .yieldFrom:
            throw ScriptSyntaxError("'yield' is supported as a statement, as the value of an assignment or after 'return'; assign it to a name first",
                                    at: span.start)
        }
    }

    /// The node for `local OP int` or `local OP local` when `node` has that shape.
    func specialised(_ node: BinaryNode) -> ExprNode {
        guard let local = node.left as? LocalLoad else { return node }
        if let constant = node.right as? ConstantNode, LocalConstantArithmeticNode.handles(node.op, constant.value) {
            return LocalConstantArithmeticNode(slot: local.slot, constant: constant.value, general: node)
        }
        if let other = node.right as? LocalLoad, [.add, .sub, .mul, .div, .floorDiv, .mod].contains(node.op) {
            return LocalsArithmeticNode(left: local.slot, right: other.slot, general: node)
        }
        return node
    }

    /// The node for `local OP int` or `local OP local` when `node` is such an ordering or
    /// equality comparison.
    func specialised(_ node: CompareOneNode) -> ExprNode {
        guard [.lt, .le, .gt, .ge, .eq, .ne].contains(node.op), let local = node.left as? LocalLoad else { return node }
        if let constant = node.right as? ConstantNode, case .int(let c) = constant.value {
            return LocalConstantCompareNode(slot: local.slot, constant: c, general: node)
        }
        if let other = node.right as? LocalLoad {
            return LocalsCompareNode(left: local.slot, right: other.slot, general: node)
        }
        return node
    }

    func constantValue(_ c: Constant) -> Value {
        switch c {
        case .none: return .none
        case .ellipsis: return .object(EllipsisObject.shared)
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .string(let s): return .str(s)
        }
    }

    func elements(_ items: [Expr]) throws(ScriptSyntaxError) -> ElementList {
        var nodes: [ExprNode] = []
        var starred: [Bool] = []
        for item in items {
            if case .starred(let inner) = item.kind {
                nodes.append(try expression(inner))
                starred.append(true)
            } else {
                nodes.append(try expression(item))
                starred.append(false)
            }
        }
        return ElementList(items: nodes, starred: starred, hasStar: starred.contains(true))
    }

    func fstringParts(_ parts: [FStringPart]) throws(ScriptSyntaxError) -> [FStringNode.Part] {
        try parts.map { (p) throws(ScriptSyntaxError) -> FStringNode.Part in
            switch p {
            case .literal(let s): return .literal(s)
            case .field(let e, let conversion, let spec, let debug):
                return .field(try expression(e), conversion: conversion,
                              spec: try spec.map { (x) throws(ScriptSyntaxError) in try fstringParts(x) }, debugText: debug)
            }
        }
    }

    func callNode(_ callee: ExprNode, _ args: [Argument], _ span: SourceSpan) throws(ScriptSyntaxError) -> CallNode {
        var positional: [ExprNode] = []
        var starred: [Bool] = []
        var keywords: [(String?, ExprNode)] = []
        for a in args {
            switch a {
            case .positional(let e):
                positional.append(try expression(e))
                starred.append(false)
            case .star(let e):
                positional.append(try expression(e))
                starred.append(true)
            case .keyword(let name, let e):
                if keywords.contains(where: { $0.0 == name }) {
                    throw ScriptSyntaxError("keyword argument repeated: \(name)", at: e.span.start)
                }
                keywords.append((name, try expression(e)))
            case .doubleStar(let e): keywords.append((nil, try expression(e)))
            }
        }
        return CallNode(callee, positional: positional, starred: starred, keywords: keywords, span)
    }

    func comprehension(_ kind: ComprehensionNode.Kind, _ elt: Expr, _ value: Expr?, _ clauses: [ComprehensionClause],
                       _ span: SourceSpan) throws(ScriptSyntaxError) -> ExprNode {
        guard let child = table.scope(for: span) else {
            throw ScriptSyntaxError("internal error: no scope for comprehension", at: span.start)
        }
        let first = try expression(clauses[0].iterable)
        let saved = scope
        scope = child
        defer { scope = saved }
        var compiled: [ComprehensionNode.Clause] = []
        for (i, c) in clauses.enumerated() {
            let iterable = i == 0 ? first : try expression(c.iterable)
            compiled.append(.init(iterable: iterable, target: try target(c.target),
                                  conditions: try c.conditions.map { (x) throws(ScriptSyntaxError) in try expression(x) }))
        }
        let element = try expression(elt)
        let valueNode = try value.map { (x) throws(ScriptSyntaxError) in try expression(x) }
        let fresh = child.cellNames.sorted().map { cellIndex($0, in: child) }
        return ComprehensionNode(kind, compiled, element: element, value: valueNode, freshCells: fresh, span)
    }

    func generatorExpression(_ elt: Expr, _ clauses: [ComprehensionClause], _ span: SourceSpan) throws(ScriptSyntaxError) -> ExprNode {
        let first = try expression(clauses[0].iterable)
        // Desugar into `def <genexpr>(.0): for t in .0: [for …] [if …] yield elt`.
        var body: [Stmt] = [Stmt(.expression(Expr(.yield(elt), elt.span)), elt.span)]
        for (i, clause) in clauses.enumerated().reversed() {
            for cond in clause.conditions.reversed() {
                body = [Stmt(.if(test: cond, body: body, orElse: []), cond.span)]
            }
            let iterable = i == 0 ? Expr(.name(".0"), clause.iterable.span) : clause.iterable
            body = [Stmt(.for(target: clause.target, iterable: iterable, body: body, orElse: []), clause.target.span)]
        }
        var params = Parameters()
        params.positional = [Parameters.Parameter(name: ".0", defaultValue: nil, span: span)]
        let make = try makeFunction(name: "<genexpr>", parameters: params, body: body, docstring: nil, span: span,
                                    isLambda: false)
        return GeneratorExpressionNode(make, first, span)
    }
}

/// Python's `Ellipsis` (`...`).
final class EllipsisObject: ScriptObject {
    static let shared = EllipsisObject()
    var typeName: String { "ellipsis" }
    func repr(_ interpreter: Interpreter) throws -> String { "Ellipsis" }
}
