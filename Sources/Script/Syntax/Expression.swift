/// An expression of the cell language as parsed, with its source span.
public struct Expr: Sendable {
    /// What the expression is.
    public var kind: ExprKind
    /// Where it lies in the source.
    public var span: SourceSpan

    /// Creates an expression node.
    public init(_ kind: ExprKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// A literal constant.
public enum Constant: Sendable, Equatable {
    case none, ellipsis
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

/// Binary operators, in Python's spelling.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case matMul = "@", lshift = "<<", rshift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
}

/// Unary operators.
public enum UnaryOperator: String, Sendable {
    case neg = "-", pos = "+", invert = "~", not = "not"
}

/// Comparison operators, including membership and identity.
public enum CompareOperator: String, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// One argument of a call.
public enum Argument: Sendable {
    case positional(Expr)
    case keyword(String, Expr)
    case star(Expr)
    case doubleStar(Expr)
}

/// One entry of a dict display.
public enum DictItem: Sendable {
    case pair(Expr, Expr)
    case unpack(Expr)
}

/// One `for … in … if …` clause of a comprehension.
public struct ComprehensionClause: Sendable {
    /// The loop target.
    public var target: Expr
    /// The iterable.
    public var iterable: Expr
    /// The `if` filters.
    public var conditions: [Expr]
}

/// One piece of an f-string.
public enum FStringPart: Sendable {
    case literal(String)
    case field(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

/// A function's parameter list.
public struct Parameters: Sendable {
    /// One named parameter with an optional default.
    public struct Parameter: Sendable {
        /// Parameter name.
        public var name: String
        /// Default value expression.
        public var defaultValue: Expr?
        /// Where the name lies.
        public var span: SourceSpan
    }
    /// Positional-only parameters (before `/`).
    public var positionalOnly: [Parameter] = []
    /// Ordinary positional-or-keyword parameters.
    public var positional: [Parameter] = []
    /// `*args`.
    public var varArgs: String?
    /// Keyword-only parameters (after `*` or `*args`).
    public var keywordOnly: [Parameter] = []
    /// `**kwargs`.
    public var varKeywords: String?

    /// Every parameter name in declaration order.
    public var allNames: [String] {
        var names = (positionalOnly + positional).map(\.name)
        if let v = varArgs { names.append(v) }
        names += keywordOnly.map(\.name)
        if let k = varKeywords { names.append(k) }
        return names
    }
}

/// The kinds of expression.
public indirect enum ExprKind: Sendable {
    case name(String)
    case constant(Constant)
    case fstring([FStringPart])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case boolean(isAnd: Bool, [Expr])
    case compare(Expr, [(CompareOperator, Expr)])
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda(Parameters, Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    case dict([DictItem])
    case starred(Expr)
    case listComprehension(Expr, [ComprehensionClause])
    case setComprehension(Expr, [ComprehensionClause])
    case dictComprehension(Expr, Expr, [ComprehensionClause])
    case generator(Expr, [ComprehensionClause])
    case yield(Expr?)
    case yieldFrom(Expr)
}
