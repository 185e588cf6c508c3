/// A compile-time error: the source is not valid cell language.
///
/// `isIncomplete` marks errors caused only by the input ending too early (an open
/// bracket, a block header without a body, an unterminated triple-quoted string); the
/// kernel's `is_complete` uses it to ask for more lines instead of reporting an error.
public struct ScriptSyntaxError: Error, Equatable, Sendable {
    /// Which Python exception this is.
    public enum Kind: String, Sendable {
        case syntax = "SyntaxError"
        case indentation = "IndentationError"
        case tab = "TabError"
    }

    /// Which Python exception name to report.
    public var kind: Kind
    /// The message, as Python words it.
    public var message: String
    /// Where the error was found.
    public var position: SourcePosition
    /// Where the offending span ends, for the caret (same line).
    public var endColumn: Int?
    /// Whether more input could make the source valid.
    public var isIncomplete: Bool

    /// Creates a `SyntaxError`.
    public init(_ message: String, at position: SourcePosition, endColumn: Int? = nil, incomplete: Bool = false) {
        self.init(.syntax, message, at: position, endColumn: endColumn, incomplete: incomplete)
    }

    /// Creates a syntax error of the given kind.
    public init(_ kind: Kind, _ message: String, at position: SourcePosition,
                endColumn: Int? = nil, incomplete: Bool = false) {
        self.kind = kind
        self.message = message
        self.position = position
        self.endColumn = endColumn
        self.isIncomplete = incomplete
    }
}
