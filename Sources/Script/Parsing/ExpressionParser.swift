/// Expression grammar, lowest precedence first.
extension Parser {
    /// `test (',' test)* [',']`, a tuple when there is a comma; starred items allowed.
    mutating func parseTestListStarExpr() throws(ScriptSyntaxError) -> Expr {
        let first = try parseStarOrTest()
        guard at(",") else { return first }
        var items = [first]
        while accept(",") {
            if isExpressionEnd { break }
            items.append(try parseStarOrTest())
        }
        return Expr(.tuple(items), first.span.union(tokens[index - 1].span))
    }

    /// `test (',' test)*` without starred items.
    mutating func parseTestList() throws(ScriptSyntaxError) -> Expr {
        try parseTestListStarExpr()
    }

    var isExpressionEnd: Bool {
        if current.kind == .newline || current.kind == .end { return true }
        if case .op = current.kind {
            return [")", "]", "}", "=", ":", ";", "in"].contains(current.text) || Parser.augmentedOperators[current.text] != nil
        }
        return false
    }

    mutating func parseStarOrTest() throws(ScriptSyntaxError) -> Expr {
        if at("*") {
            let star = advance()
            let e = try parseExpr()
            return Expr(.starred(e), star.span.union(e.span))
        }
        return try parseNamedExpressionTest()
    }

    mutating func parseStarOrExpr() throws(ScriptSyntaxError) -> Expr {
        if at("*") {
            let star = advance()
            let e = try parseExpr()
            return Expr(.starred(e), star.span.union(e.span))
        }
        return try parseExpr()
    }

    mutating func parseNamedExpressionTest() throws(ScriptSyntaxError) -> Expr {
        let e = try parseTest()
        if at(":=") { throw error("assignment expressions (:=) are not supported by the Beamtime language") }
        return e
    }

    /// `lambda` or a conditional expression.
    mutating func parseTest() throws(ScriptSyntaxError) -> Expr {
        try enter()
        defer { depth -= 1 }
        if at("lambda") { return try parseLambda() }
        if at("yield") {
            throw ScriptSyntaxError("'yield' must be parenthesized here", at: current.span.start)
        }
        let body = try parseOr()
        if at("if") {
            advance()
            let test = try parseOr()
            _ = try expect("else")
            let orElse = try parseTest()
            return Expr(.conditional(test: test, body: body, orElse: orElse), body.span.union(orElse.span))
        }
        return body
    }

    mutating func parseTestNoConditional() throws(ScriptSyntaxError) -> Expr {
        if at("lambda") { return try parseLambda(noConditional: true) }
        return try parseOr()
    }

    mutating func parseLambda(noConditional: Bool = false) throws(ScriptSyntaxError) -> Expr {
        let start = advance().span
        let params = try parseParameters(closing: ":", allowAnnotations: false)
        _ = try expect(":")
        let body = noConditional ? try parseTestNoConditional() : try parseTest()
        return Expr(.lambda(params, body), start.union(body.span))
    }

    mutating func parseOr() throws(ScriptSyntaxError) -> Expr {
        let first = try parseAnd()
        guard at("or") else { return first }
        var items = [first]
        while accept("or") { items.append(try parseAnd()) }
        return Expr(.boolean(isAnd: false, items), first.span.union((items.last ?? first).span))
    }

    mutating func parseAnd() throws(ScriptSyntaxError) -> Expr {
        let first = try parseNot()
        guard at("and") else { return first }
        var items = [first]
        while accept("and") { items.append(try parseNot()) }
        return Expr(.boolean(isAnd: true, items), first.span.union((items.last ?? first).span))
    }

    mutating func parseNot() throws(ScriptSyntaxError) -> Expr {
        if at("not") {
            try enter()
            defer { depth -= 1 }
            let t = advance()
            let operand = try parseNot()
            return Expr(.unary(.not, operand), t.span.union(operand.span))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(ScriptSyntaxError) -> Expr {
        let first = try parseExpr()
        var ops: [(CompareOperator, Expr)] = []
        while true {
            var op: CompareOperator?
            if case .op = current.kind {
                switch current.text {
                case "==": op = .eq
                case "!=": op = .ne
                case "<": op = .lt
                case "<=": op = .le
                case ">": op = .gt
                case ">=": op = .ge
                case "in": op = .in
                case "not" where peekToken().isOp("in"):
                    advance()
                    op = .notIn
                case "is":
                    if peekToken().isOp("not") {
                        advance()
                        op = .isNot
                    } else {
                        op = .is
                    }
                default: break
                }
            }
            guard let found = op else { break }
            advance()
            ops.append((found, try parseExpr()))
        }
        if ops.isEmpty { return first }
        return Expr(.compare(first, ops), first.span.union((ops.last?.1 ?? first).span))
    }

    /// Bitwise or and everything above it.
    mutating func parseExpr() throws(ScriptSyntaxError) -> Expr {
        try parseBinary(level: 0)
    }

    static let binaryLevels: [[String: BinaryOperator]] = [
        ["|": .bitOr], ["^": .bitXor], ["&": .bitAnd], ["<<": .lshift, ">>": .rshift],
        ["+": .add, "-": .sub], ["*": .mul, "/": .div, "//": .floorDiv, "%": .mod, "@": .matMul],
    ]

    mutating func parseBinary(level: Int) throws(ScriptSyntaxError) -> Expr {
        if level == Parser.binaryLevels.count { return try parseFactor() }
        var left = try parseBinary(level: level + 1)
        while case .op = current.kind, let op = Parser.binaryLevels[level][current.text] {
            advance()
            let right = try parseBinary(level: level + 1)
            left = Expr(.binary(op, left, right), left.span.union(right.span))
        }
        return left
    }

    mutating func parseFactor() throws(ScriptSyntaxError) -> Expr {
        if case .op = current.kind, ["+", "-", "~"].contains(current.text) {
            try enter()
            defer { depth -= 1 }
            let t = advance()
            if t.text == "-", case .int(Int.min) = current.kind, !peekToken().isOp("**"), !peekToken().isOp("."),
               !peekToken().isOp("["), !peekToken().isOp("(") {
                let literal = advance()
                return Expr(.constant(.int(Int.min)), t.span.union(literal.span))
            }
            let operand = try parseFactor()
            let op: UnaryOperator = t.text == "+" ? .pos : t.text == "-" ? .neg : .invert
            // Fold negative literals so that -9223372036854775808 stays a valid int.
            if op == .neg, case .constant(.float(let d)) = operand.kind {
                return Expr(.constant(.float(-d)), t.span.union(operand.span))
            }
            return Expr(.unary(op, operand), t.span.union(operand.span))
        }
        return try parsePower()
    }

    mutating func parsePower() throws(ScriptSyntaxError) -> Expr {
        let base = try parsePrimary()
        if at("**") {
            advance()
            let exponent = try parseFactor()
            return Expr(.binary(.pow, base, exponent), base.span.union(exponent.span))
        }
        return base
    }

    mutating func parsePrimary() throws(ScriptSyntaxError) -> Expr {
        var e = try parseAtom()
        while true {
            if at("(") {
                advance()
                let args = try parseArguments()
                let close = try expect(")")
                e = Expr(.call(e, args), e.span.union(close.span))
            } else if at("[") {
                advance()
                let index = try parseSubscriptList()
                let close = try expect("]")
                e = Expr(.subscript(e, index), e.span.union(close.span))
            } else if at(".") {
                advance()
                let name = try expectName()
                e = Expr(.attribute(e, name.text), e.span.union(name.span))
            } else {
                return e
            }
        }
    }

    mutating func parseArguments() throws(ScriptSyntaxError) -> [Argument] {
        var args: [Argument] = []
        var seenKeyword = false
        var seenDoubleStar = false
        while !at(")") {
            if accept("*") {
                if seenDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking")
                }
                args.append(.star(try parseTest()))
            } else if accept("**") {
                seenDoubleStar = true
                args.append(.doubleStar(try parseTest()))
            } else if case .name = current.kind, peekToken().isOp("=") {
                let name = advance()
                advance()
                seenKeyword = true
                args.append(.keyword(name.text, try parseTest()))
            } else {
                let start = current
                var value = try parseNamedExpressionTest()
                if at("for") {
                    let clauses = try parseComprehensionClauses()
                    value = Expr(.generator(value, clauses), value.span.union(tokens[index - 1].span))
                    if !args.isEmpty || at(",") && !peekToken().isOp(")") {
                        throw ScriptSyntaxError("Generator expression must be parenthesized", at: start.span.start)
                    }
                } else if at("=") {
                    throw ScriptSyntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: start.span.start)
                }
                if seenDoubleStar {
                    throw ScriptSyntaxError("positional argument follows keyword argument unpacking", at: start.span.start)
                }
                if seenKeyword {
                    throw ScriptSyntaxError("positional argument follows keyword argument", at: start.span.start)
                }
                args.append(.positional(value))
            }
            if !accept(",") { break }
        }
        return args
    }

    mutating func parseSubscriptList() throws(ScriptSyntaxError) -> Expr {
        let first = try parseSubscriptItem()
        guard at(",") else { return first }
        var items = [first]
        while accept(",") {
            if at("]") { break }
            items.append(try parseSubscriptItem())
        }
        return Expr(.tuple(items), first.span.union((items.last ?? first).span))
    }

    mutating func parseSubscriptItem() throws(ScriptSyntaxError) -> Expr {
        let start = current.span
        var lower: Expr?
        if !at(":") {
            let e = try parseStarOrTest()
            guard at(":") else { return e }
            lower = e
        }
        advance()
        var upper: Expr?
        var step: Expr?
        if !at(":") && !at("]") && !at(",") { upper = try parseTest() }
        if accept(":") {
            if !at("]") && !at(",") { step = try parseTest() }
        }
        return Expr(.slice(lower, upper, step), start.union(tokens[index - 1].span))
    }

    mutating func parseComprehensionClauses() throws(ScriptSyntaxError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while at("for") {
            advance()
            let target = try parseTargetList()
            _ = try expect("in")
            let iterable = try parseOr()
            var conditions: [Expr] = []
            while at("if") {
                advance()
                conditions.append(try parseTestNoConditional())
            }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        if at("async") { throw error("asynchronous comprehensions are not supported") }
        return clauses
    }

    mutating func parseYield() throws(ScriptSyntaxError) -> Expr {
        let t = advance()
        if accept("from") {
            let e = try parseTest()
            return Expr(.yieldFrom(e), t.span.union(e.span))
        }
        if current.kind == .newline || at(")") || at("]") || at("}") || at(";") || at("=") {
            return Expr(.yield(nil), t.span)
        }
        let e = try parseTestListStarExpr()
        return Expr(.yield(e), t.span.union(e.span))
    }

    mutating func parseAtom() throws(ScriptSyntaxError) -> Expr {
        let t = current
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(t.text), t.span)
        case .int(let v):
            if v == Int.min {
                throw ScriptSyntaxError("integer literal too large: Beamtime integers are 64-bit", at: t.span.start)
            }
            advance()
            return Expr(.constant(.int(v)), t.span)
        case .float(let v):
            advance()
            return Expr(.constant(.float(v)), t.span)
        case .string:
            return try parseStrings()
        case .op:
            switch t.text {
            case "None": advance(); return Expr(.constant(.none), t.span)
            case "True": advance(); return Expr(.constant(.bool(true)), t.span)
            case "False": advance(); return Expr(.constant(.bool(false)), t.span)
            case "...": advance(); return Expr(.constant(.ellipsis), t.span)
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "yield":
                throw ScriptSyntaxError("'yield' outside parentheses is only allowed as a statement", at: t.span.start)
            default:
                if t.text == "-" || t.text == "+" { return try parseFactor() }
                throw error("invalid syntax")
            }
        case .end:
            throw error("")
        case .newline, .indent, .dedent:
            throw error("invalid syntax")
        }
    }

    mutating func parseParenthesized() throws(ScriptSyntaxError) -> Expr {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        if at(")") {
            let close = advance()
            return Expr(.tuple([]), open.span.union(close.span))
        }
        if at("yield") {
            let y = try parseYield()
            let close = try expect(")")
            return Expr(y.kind, open.span.union(close.span))
        }
        let first = try parseStarOrTest()
        if at("for") {
            let clauses = try parseComprehensionClauses()
            let close = try expect(")")
            return Expr(.generator(first, clauses), open.span.union(close.span))
        }
        if at(")") {
            let close = advance()
            if case .starred = first.kind {
                throw ScriptSyntaxError("cannot use starred expression here", at: first.span.start)
            }
            var inner = first
            inner.span = open.span.union(close.span)
            return inner
        }
        var items = [first]
        while accept(",") {
            if at(")") { break }
            items.append(try parseStarOrTest())
        }
        let close = try expect(")")
        return Expr(.tuple(items), open.span.union(close.span))
    }

    mutating func parseListDisplay() throws(ScriptSyntaxError) -> Expr {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        if at("]") {
            let close = advance()
            return Expr(.list([]), open.span.union(close.span))
        }
        let first = try parseStarOrTest()
        if at("for") {
            let clauses = try parseComprehensionClauses()
            let close = try expect("]")
            return Expr(.listComprehension(first, clauses), open.span.union(close.span))
        }
        var items = [first]
        while accept(",") {
            if at("]") { break }
            items.append(try parseStarOrTest())
        }
        let close = try expect("]")
        return Expr(.list(items), open.span.union(close.span))
    }

    mutating func parseBraceDisplay() throws(ScriptSyntaxError) -> Expr {
        let open = advance()
        try enter()
        defer { depth -= 1 }
        if at("}") {
            let close = advance()
            return Expr(.dict([]), open.span.union(close.span))
        }
        if accept("**") {
            var items: [DictItem] = [.unpack(try parseExpr())]
            try parseDictRest(&items)
            let close = try expect("}")
            return Expr(.dict(items), open.span.union(close.span))
        }
        let first = try parseStarOrTest()
        if accept(":") {
            let value = try parseTest()
            if at("for") {
                let clauses = try parseComprehensionClauses()
                let close = try expect("}")
                return Expr(.dictComprehension(first, value, clauses), open.span.union(close.span))
            }
            var items: [DictItem] = [.pair(first, value)]
            try parseDictRest(&items)
            let close = try expect("}")
            return Expr(.dict(items), open.span.union(close.span))
        }
        if at("for") {
            let clauses = try parseComprehensionClauses()
            let close = try expect("}")
            return Expr(.setComprehension(first, clauses), open.span.union(close.span))
        }
        var items = [first]
        while accept(",") {
            if at("}") { break }
            items.append(try parseStarOrTest())
        }
        let close = try expect("}")
        return Expr(.set(items), open.span.union(close.span))
    }

    mutating func parseDictRest(_ items: inout [DictItem]) throws(ScriptSyntaxError) {
        while accept(",") {
            if at("}") { break }
            if accept("**") {
                items.append(.unpack(try parseExpr()))
            } else {
                let key = try parseTest()
                _ = try expect(":")
                items.append(.pair(key, try parseTest()))
            }
        }
    }

    /// Adjacent string literals, concatenated; f-strings among them are parsed into parts.
    mutating func parseStrings() throws(ScriptSyntaxError) -> Expr {
        var parts: [FStringPart] = []
        var anyFormatted = false
        let start = current.span
        var end = start
        while case .string(let literal) = current.kind {
            end = advance().span
            if literal.isFormatted {
                anyFormatted = true
                parts += try FStringParser.parse(literal)
            } else {
                parts.append(.literal(literal.value))
            }
        }
        let span = start.union(end)
        if !anyFormatted {
            var s = ""
            for case .literal(let l) in parts { s += l }
            return Expr(.constant(.string(s)), span)
        }
        return Expr(.fstring(parts), span)
    }
}
