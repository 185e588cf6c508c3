/// Why a notebook could not be read or used, in words a scientist can act on.
public struct NotebookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The message.
    public let description: String

    /// Creates an error.
    public init(_ message: String) {
        description = message
    }
}
