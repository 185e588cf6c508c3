import Platform

/// Where the kernel reports dropped messages and other events a user should be able to
/// find (stderr, which Jupyter servers show in their log).
public protocol KernelLog: AnyObject, Sendable {
    /// Records a warning.
    func warning(_ text: String)
}

/// Writes warnings to standard error with a `[beamtime]` prefix.
public final class StandardErrorLog: KernelLog {
    /// A log to standard error.
    public init() {}
    public func warning(_ text: String) { StandardStreams.error("[beamtime] \(text)\n") }
}

/// Keeps warnings in memory (for tests).
public final class MemoryLog: KernelLog, @unchecked Sendable {
    private let lock = PthreadLock()
    private var lines: [String] = []
    /// An empty log.
    public init() {}
    public func warning(_ text: String) { lock.withLock { lines.append(text) } }
    /// The warnings so far.
    public var warnings: [String] { lock.withLock { lines } }
}
