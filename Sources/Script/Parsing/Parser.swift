/// A recursive-descent parser for the cell language with Python's grammar and precedence.
public struct Parser {
    var tokens: [Token]
    var index = 0
    var depth = 0

    /// The deepest nesting of expressions and blocks the parser accepts.
    public static let maxDepth = 400

    /// Creates a parser over tokens.
    public init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole cell or file.
    public static func parse(_ source: String) throws(ScriptSyntaxError) -> [Stmt] {
        var parser = Parser(tokens: try Lexer.tokenize(source))
        return try parser.parseModule()
    }

    /// Parses a single expression (used for f-string fields).
    static func parseExpression(_ source: String, offset: SourcePosition) throws(ScriptSyntaxError) -> Expr {
        var tokens = try Lexer.tokenize(source)
        for i in tokens.indices {
            tokens[i].span = SourceSpan(shift(tokens[i].span.start, by: offset), shift(tokens[i].span.end, by: offset))
        }
        var parser = Parser(tokens: tokens)
        if parser.current.kind == .newline || parser.current.kind == .end {
            throw ScriptSyntaxError("f-string: empty expression not allowed", at: offset)
        }
        let e = try parser.parseTestListStarExpr()
        while parser.current.kind == .newline { parser.index += 1 }
        guard parser.current.kind == .end else {
            throw ScriptSyntaxError("f-string: invalid syntax", at: parser.current.span.start)
        }
        return e
    }

    private static func shift(_ p: SourcePosition, by offset: SourcePosition) -> SourcePosition {
        p.line == 1 ? SourcePosition(line: offset.line, column: p.column + offset.column)
            : SourcePosition(line: p.line + offset.line - 1, column: p.column)
    }

    // MARK: token access

    var current: Token { tokens[index] }
    func peekToken(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func at(_ s: String) -> Bool { current.isOp(s) }

    mutating func accept(_ s: String) -> Bool {
        if at(s) {
            advance()
            return true
        }
        return false
    }

    func error(_ message: String, at token: Token? = nil) -> ScriptSyntaxError {
        let t = token ?? current
        if t.kind == .end {
            return ScriptSyntaxError("unexpected EOF while parsing", at: t.span.start, incomplete: true)
        }
        return ScriptSyntaxError(message, at: t.span.start,
                                 endColumn: t.span.end.line == t.span.start.line ? t.span.end.column : nil)
    }

    mutating func expect(_ s: String) throws(ScriptSyntaxError) -> Token {
        guard at(s) else {
            if current.kind == .end { throw error("") }
            throw error(s == ":" ? "expected ':'" : "invalid syntax")
        }
        return advance()
    }

    mutating func expectName() throws(ScriptSyntaxError) -> Token {
        guard case .name = current.kind else { throw error("invalid syntax") }
        return advance()
    }

    mutating func enter() throws(ScriptSyntaxError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw ScriptSyntaxError("too many nested expressions or blocks", at: current.span.start)
        }
    }

    // MARK: statements

    /// Parses statements until the end of input.
    public mutating func parseModule() throws(ScriptSyntaxError) -> [Stmt] {
        var body: [Stmt] = []
        while true {
            while current.kind == .newline { advance() }
            if current.kind == .end { break }
            if current.kind == .indent {
                throw ScriptSyntaxError(.indentation, "unexpected indent", at: current.span.start)
            }
            body += try parseStatement()
        }
        return body
    }

    mutating func parseStatement() throws(ScriptSyntaxError) -> [Stmt] {
        try enter()
        defer { depth -= 1 }
        let t = current
        if case .op = t.kind {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "def": return [try parseFunctionDef(decorators: [])]
            case "@": return [try parseDecorated()]
            case "class":
                throw ScriptSyntaxError("class definitions are not supported by the Beamtime language yet", at: t.span.start)
            case "with":
                throw ScriptSyntaxError("'with' statements are not supported by the Beamtime language yet", at: t.span.start)
            case "async", "await":
                throw ScriptSyntaxError("'\(t.text)' is not supported by the Beamtime language", at: t.span.start)
            default: break
            }
        }
        return try parseSimpleStatements()
    }

    mutating func parseSimpleStatements() throws(ScriptSyntaxError) -> [Stmt] {
        var result = [try parseSmallStatement()]
        while accept(";") {
            if current.kind == .newline { break }
            result.append(try parseSmallStatement())
        }
        guard current.kind == .newline else {
            if current.kind == .end { throw error("") }
            throw error("invalid syntax")
        }
        advance()
        return result
    }

    mutating func parseBlock() throws(ScriptSyntaxError) -> [Stmt] {
        _ = try expect(":")
        if current.kind != .newline {
            return try parseSimpleStatements()
        }
        advance()
        guard current.kind == .indent else {
            if tokens[index...].allSatisfy({ $0.kind == .dedent || $0.kind == .end }) {
                throw ScriptSyntaxError(.indentation, "expected an indented block", at: current.span.start, incomplete: true)
            }
            throw ScriptSyntaxError(.indentation, "expected an indented block", at: current.span.start)
        }
        advance()
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .end {
            if current.kind == .newline {
                advance()
                continue
            }
            if current.kind == .indent {
                throw ScriptSyntaxError(.indentation, "unexpected indent", at: current.span.start)
            }
            body += try parseStatement()
        }
        if current.kind == .dedent { advance() }
        return body
    }

    mutating func parseIf() throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        let test = try parseNamedExpressionTest()
        let body = try parseBlock()
        var orElse: [Stmt] = []
        if at("elif") {
            orElse = [try parseIf()]
        } else if accept("else") {
            orElse = try parseBlock()
        }
        return Stmt(.if(test: test, body: body, orElse: orElse), start.union(test.span))
    }

    mutating func parseWhile() throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        let test = try parseNamedExpressionTest()
        let body = try parseBlock()
        var orElse: [Stmt] = []
        if accept("else") { orElse = try parseBlock() }
        return Stmt(.while(test: test, body: body, orElse: orElse), start.union(test.span))
    }

    mutating func parseFor() throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        let target = try parseTargetList()
        _ = try expect("in")
        let iterable = try parseTestListStarExpr()
        let body = try parseBlock()
        var orElse: [Stmt] = []
        if accept("else") { orElse = try parseBlock() }
        return Stmt(.for(target: target, iterable: iterable, body: body, orElse: orElse), start.union(iterable.span))
    }

    mutating func parseTry() throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        let body = try parseBlock()
        var handlers: [ExceptHandler] = []
        while at("except") {
            let exceptToken = advance()
            var type: Expr?
            var name: String?
            if !at(":") {
                if at("*") { throw error("'except*' is not supported") }
                let first = try parseTest()
                type = first
                if at(",") {
                    throw ScriptSyntaxError("multiple exception types must be parenthesized", at: first.span.start)
                }
                if accept("as") { name = try expectName().text }
            } else if !handlers.isEmpty, handlers.last?.type == nil {
                throw error("default 'except:' must be last")
            }
            let hbody = try parseBlock()
            handlers.append(ExceptHandler(type: type, name: name, body: hbody, span: exceptToken.span))
        }
        for (i, h) in handlers.enumerated() where h.type == nil && i != handlers.count - 1 {
            throw ScriptSyntaxError("default 'except:' must be last", at: h.span.start)
        }
        var orElse: [Stmt] = []
        var final: [Stmt] = []
        if !handlers.isEmpty, accept("else") { orElse = try parseBlock() }
        if accept("finally") { final = try parseBlock() }
        if handlers.isEmpty && final.isEmpty {
            throw error("expected 'except' or 'finally' block")
        }
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finally: final), start)
    }

    mutating func parseDecorated() throws(ScriptSyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while accept("@") {
            decorators.append(try parseNamedExpressionTest())
            guard current.kind == .newline else { throw error("invalid syntax") }
            advance()
        }
        if at("class") {
            throw ScriptSyntaxError("class definitions are not supported by the Beamtime language yet", at: current.span.start)
        }
        guard at("def") else { throw error("invalid syntax") }
        return try parseFunctionDef(decorators: decorators)
    }

    mutating func parseFunctionDef(decorators: [Expr]) throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        let name = try expectName()
        _ = try expect("(")
        let params = try parseParameters(closing: ")", allowAnnotations: true)
        _ = try expect(")")
        if accept("->") { _ = try parseTest() }
        let body = try parseBlock()
        let def = FunctionDefinition(name: name.text, parameters: params, body: body, decorators: decorators)
        return Stmt(.functionDef(def), start.union(name.span))
    }

    mutating func parseParameters(closing: String, allowAnnotations: Bool) throws(ScriptSyntaxError) -> Parameters {
        var params = Parameters()
        var seenStar = false
        var seenDefault = false
        var names = Set<String>()
        func check(_ t: Token) throws(ScriptSyntaxError) {
            if names.contains(t.text) {
                throw ScriptSyntaxError("duplicate argument '\(t.text)' in function definition", at: t.span.start)
            }
            names.insert(t.text)
        }
        while !at(closing) {
            if accept("**") {
                let n = try expectName()
                try check(n)
                if allowAnnotations, accept(":") { _ = try parseTest() }
                params.varKeywords = n.text
                _ = accept(",")
                guard at(closing) else { throw error("arguments cannot follow var-keyword argument") }
                break
            }
            if accept("*") {
                if seenStar { throw error("* argument may appear only once") }
                seenStar = true
                if case .name = current.kind {
                    let n = advance()
                    try check(n)
                    if allowAnnotations, accept(":") { _ = try parseTest() }
                    params.varArgs = n.text
                } else if at(",") && (peekToken().isOp(closing) || peekToken().isOp("**")) || at(closing) {
                    throw error("named arguments must follow bare *")
                }
            } else if accept("/") {
                if seenStar || !params.positionalOnly.isEmpty || params.positional.isEmpty {
                    throw error("invalid syntax")
                }
                params.positionalOnly = params.positional
                params.positional = []
            } else {
                let n = try expectName()
                try check(n)
                if allowAnnotations, accept(":") { _ = try parseTest() }
                var def: Expr?
                if accept("=") {
                    def = try parseTest()
                    if !seenStar { seenDefault = true }
                } else if seenDefault && !seenStar {
                    throw ScriptSyntaxError("non-default argument follows default argument", at: n.span.start)
                }
                let p = Parameters.Parameter(name: n.text, defaultValue: def, span: n.span)
                if seenStar { params.keywordOnly.append(p) } else { params.positional.append(p) }
            }
            if !accept(",") { break }
        }
        return params
    }

    mutating func parseSmallStatement() throws(ScriptSyntaxError) -> Stmt {
        let t = current
        if case .op = t.kind {
            switch t.text {
            case "pass": advance(); return Stmt(.pass, t.span)
            case "break": advance(); return Stmt(.break, t.span)
            case "continue": advance(); return Stmt(.continue, t.span)
            case "return":
                advance()
                if current.kind == .newline || at(";") { return Stmt(.return(nil), t.span) }
                let value = try parseTestListStarExpr()
                return Stmt(.return(value), t.span.union(value.span))
            case "raise":
                advance()
                if current.kind == .newline || at(";") { return Stmt(.raise(nil, cause: nil), t.span) }
                let e = try parseTest()
                var cause: Expr?
                if accept("from") { cause = try parseTest() }
                return Stmt(.raise(e, cause: cause), t.span.union(cause?.span ?? e.span))
            case "global", "nonlocal":
                advance()
                var names = [try expectName().text]
                while accept(",") { names.append(try expectName().text) }
                return Stmt(t.text == "global" ? .global(names) : .nonlocal(names), t.span)
            case "del":
                advance()
                var targets = [try parseExpr()]
                while accept(",") {
                    if current.kind == .newline { break }
                    targets.append(try parseExpr())
                }
                for target in targets { try checkTarget(target, deleting: true) }
                return Stmt(.delete(targets), t.span.union((targets.last ?? targets[0]).span))
            case "assert":
                advance()
                let test = try parseTest()
                var msg: Expr?
                if accept(",") { msg = try parseTest() }
                return Stmt(.assert(test, message: msg), t.span.union(msg?.span ?? test.span))
            case "import": return try parseImport()
            case "from": return try parseFromImport()
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    mutating func parseDottedName() throws(ScriptSyntaxError) -> String {
        var name = try expectName().text
        while accept(".") { name += "." + (try expectName().text) }
        return name
    }

    mutating func parseImport() throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        var names: [ImportName] = []
        repeat {
            let name = try parseDottedName()
            var alias: String?
            if accept("as") { alias = try expectName().text }
            names.append(ImportName(name: name, alias: alias))
        } while accept(",")
        return Stmt(.import(names), start.union(tokens[index - 1].span))
    }

    mutating func parseFromImport() throws(ScriptSyntaxError) -> Stmt {
        let start = advance().span
        if at(".") || at("...") { throw error("relative imports are not supported") }
        let module = try parseDottedName()
        _ = try expect("import")
        var names: [ImportName] = []
        if accept("*") {
            names = [ImportName(name: "*", alias: nil)]
        } else {
            let paren = accept("(")
            repeat {
                if paren && at(")") { break }
                let name = try expectName().text
                var alias: String?
                if accept("as") { alias = try expectName().text }
                names.append(ImportName(name: name, alias: alias))
            } while accept(",")
            if paren { _ = try expect(")") }
        }
        return Stmt(.importFrom(module: module, names: names), start.union(tokens[index - 1].span))
    }

    static let augmentedOperators: [String: BinaryOperator] = [
        "+=": .add, "-=": .sub, "*=": .mul, "/=": .div, "//=": .floorDiv, "%=": .mod, "**=": .pow,
        "@=": .matMul, "<<=": .lshift, ">>=": .rshift, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor,
    ]

    mutating func parseExpressionStatement() throws(ScriptSyntaxError) -> Stmt {
        if at("yield") {
            let y = try parseYield()
            return Stmt(.expression(y), y.span)
        }
        let first = try parseTestListStarExpr()
        if case .op = current.kind, let op = Parser.augmentedOperators[current.text] {
            advance()
            try checkTarget(first, augmented: true)
            let value = at("yield") ? try parseYield() : try parseTestList()
            return Stmt(.augmentedAssign(target: first, op: op, value: value), first.span.union(value.span))
        }
        if at(":") {
            advance()
            try checkTarget(first, annotated: true)
            let annotation = try parseTest()
            var value: Expr?
            if accept("=") { value = at("yield") ? try parseYield() : try parseTestListStarExpr() }
            return Stmt(.annotatedAssign(target: first, annotation: annotation, value: value),
                        first.span.union(value?.span ?? annotation.span))
        }
        if at("=") {
            var items = [first]
            while accept("=") {
                items.append(at("yield") ? try parseYield() : try parseTestListStarExpr())
            }
            let value = items.removeLast()
            for target in items { try checkTarget(target) }
            return Stmt(.assign(targets: items, value: value), first.span.union(value.span))
        }
        if case .starred = first.kind {
            throw ScriptSyntaxError("can't use starred expression here", at: first.span.start)
        }
        return Stmt(.expression(first), first.span)
    }

    /// Checks that `e` may be assigned to, with Python's messages otherwise.
    func checkTarget(_ e: Expr, augmented: Bool = false, annotated: Bool = false, deleting: Bool = false) throws(ScriptSyntaxError) {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            if augmented {
                throw ScriptSyntaxError("'\(e.kind.describe)' is an illegal expression for augmented assignment", at: e.span.start)
            }
            if annotated {
                throw ScriptSyntaxError("only single target (not \(e.kind.describe)) can be annotated", at: e.span.start)
            }
            var stars = 0
            for item in items {
                if case .starred(let inner) = item.kind {
                    if deleting { throw ScriptSyntaxError("cannot delete starred", at: item.span.start) }
                    stars += 1
                    try checkTarget(inner)
                } else {
                    try checkTarget(item, deleting: deleting)
                }
            }
            if stars > 1 {
                throw ScriptSyntaxError("multiple starred expressions in assignment", at: e.span.start)
            }
        case .starred:
            throw ScriptSyntaxError("starred assignment target must be in a list or tuple", at: e.span.start)
        default:
            let verb = deleting ? "delete" : "assign to"
            if augmented {
                throw ScriptSyntaxError("'\(e.kind.describe)' is an illegal expression for augmented assignment", at: e.span.start)
            }
            throw ScriptSyntaxError("cannot \(verb) \(e.kind.describe)\(deleting ? "" : " here. Maybe you meant '==' instead of '='?")",
                                    at: e.span.start)
        }
    }

    /// Parses the target list of a `for` loop or comprehension.
    mutating func parseTargetList() throws(ScriptSyntaxError) -> Expr {
        let first = try parseStarOrExpr()
        var target = first
        if at(",") {
            var items = [first]
            while accept(",") {
                if at("in") || at("=") { break }
                items.append(try parseStarOrExpr())
            }
            target = Expr(.tuple(items), first.span.union((items.last ?? first).span))
        }
        try checkTarget(target)
        return target
    }
}

extension ExprKind {
    /// How Python names this kind of expression in error messages.
    var describe: String {
        switch self {
        case .name: return "name"
        case .constant(.none), .constant(.bool): return "literal"
        case .constant: return "literal"
        case .fstring: return "f-string expression"
        case .unary, .binary: return "expression"
        case .boolean: return "expression"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .slice: return "slice"
        case .tuple: return "tuple"
        case .list: return "list"
        case .set: return "set display"
        case .dict: return "dict literal"
        case .starred: return "starred"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .generator: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        }
    }
}
