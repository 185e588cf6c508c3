/// A position in cell source: 1-based line, 0-based column counted in Unicode code points.
public struct SourcePosition: Equatable, Comparable, Sendable {
    /// 1-based line number.
    public var line: Int
    /// 0-based column in Unicode code points.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}

/// A half-open range of source, used for carets under failing expressions.
public struct SourceSpan: Equatable, Sendable {
    /// Where the span starts.
    public var start: SourcePosition
    /// Where the span ends (exclusive).
    public var end: SourcePosition

    /// Creates a span.
    public init(_ start: SourcePosition, _ end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A span covering both spans.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(min(start, other.start), max(end, other.end))
    }
}

/// The kinds of token the lexer produces.
public enum TokenKind: Equatable, Sendable {
    /// An identifier or keyword.
    case name
    /// An integer literal (already decoded).
    case int(Int)
    /// A float literal (already decoded).
    case float(Double)
    /// A string literal: decoded text, or for f-strings the raw body to parse.
    case string(StringLiteral)
    /// An operator or delimiter.
    case op
    /// The end of a logical line.
    case newline
    /// Increase of indentation.
    case indent
    /// Decrease of indentation.
    case dedent
    /// The end of input.
    case end
}

/// A decoded string literal piece.
public struct StringLiteral: Equatable, Sendable {
    /// The decoded value; for f-strings, the source of the body with escapes untouched.
    public var value: String
    /// Whether the literal was an f-string.
    public var isFormatted: Bool
    /// Whether the literal was raw (`r"…"`).
    public var isRaw: Bool
    /// Position of the first character of the body (after prefix and quotes).
    public var bodyStart: SourcePosition
}

/// One token with its source text and span.
public struct Token: Sendable {
    /// What the token is.
    public var kind: TokenKind
    /// The source text (for names and operators this is what the parser matches).
    public var text: String
    /// Where the token lies.
    public var span: SourceSpan

    /// Whether this token is the operator or keyword `s`.
    @inline(__always)
    public func isOp(_ s: String) -> Bool {
        if case .op = kind { return text == s }
        return false
    }
}

/// The reserved words of the cell language.
public let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
]
