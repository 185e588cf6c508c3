import Glibc

/// A file operation that failed, with the path and the system's reason.
public struct FileError: Error, CustomStringConvertible, Equatable {
    /// The path involved.
    public var path: String
    /// What was attempted (`read`, `write`, `create directory` …).
    public var operation: String
    /// The errno value.
    public var code: Int32

    /// Captures errno for `operation` on `path`.
    public static func last(_ operation: String, _ path: String) -> FileError {
        FileError(path: path, operation: operation, code: errno)
    }

    /// Whether the file does not exist.
    public var isMissing: Bool { code == ENOENT }

    public var description: String {
        "cannot \(operation) '\(path)': \(String(cString: strerror(code)))"
    }
}
