/// A statement of the cell language as parsed, with its source span.
public struct Stmt: Sendable {
    /// What the statement is.
    public var kind: StmtKind
    /// Where it lies in the source (its first line for compound statements).
    public var span: SourceSpan

    /// Creates a statement node.
    public init(_ kind: StmtKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// One `except` clause.
public struct ExceptHandler: Sendable {
    /// The exception type expression; nil for a bare `except:`.
    public var type: Expr?
    /// The `as` name.
    public var name: String?
    /// The handler body.
    public var body: [Stmt]
    /// Where the `except` line lies.
    public var span: SourceSpan
}

/// A `def` statement's content.
public struct FunctionDefinition: Sendable {
    /// The function's name.
    public var name: String
    /// Its parameters.
    public var parameters: Parameters
    /// Its body.
    public var body: [Stmt]
    /// Decorators, outermost first.
    public var decorators: [Expr]
    /// The docstring, if the body starts with a string literal.
    public var docstring: String? {
        if case .expression(let e)? = body.first?.kind, case .constant(.string(let s)) = e.kind { return s }
        return nil
    }
}

/// One name imported by `import` or `from … import`.
public struct ImportName: Sendable {
    /// The dotted module name or the imported attribute.
    public var name: String
    /// The `as` alias.
    public var alias: String?
}

/// The kinds of statement.
public indirect enum StmtKind: Sendable {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?)
    case pass
    case `break`
    case `continue`
    case `return`(Expr?)
    case `raise`(Expr?, cause: Expr?)
    case global([String])
    case nonlocal([String])
    case delete([Expr])
    case assert(Expr, message: Expr?)
    case `import`([ImportName])
    case importFrom(module: String, names: [ImportName])
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case functionDef(FunctionDefinition)
}
