import Glibc

/// Notices that the process which started this one has gone, so a kernel does not outlive
/// a Jupyter server that was killed (as ipykernel's `ParentPollerUnix` does with
/// `JPY_PARENT_PID`, which jupyter_client sets to its own pid when it launches a kernel).
///
/// When the named parent is this process's direct parent, it is gone as soon as this
/// process is re-parented (`getppid()` changes): that also catches a parent that was
/// killed but not yet reaped (a zombie still answers `kill(pid, 0)`). When it is a more
/// distant ancestor (a wrapper script sits in between), it is gone when no process has
/// its pid any more (`kill(pid, 0)` fails with `ESRCH`).
public struct ParentWatch: Sendable {
    /// How the watch looks at processes; replaced in tests.
    public struct Probes: Sendable {
        /// This process's parent pid (`getppid`).
        public var parentID: @Sendable () -> pid_t
        /// Whether a process with this pid exists.
        public var exists: @Sendable (pid_t) -> Bool

        /// Probes from the given closures.
        public init(parentID: @escaping @Sendable () -> pid_t, exists: @escaping @Sendable (pid_t) -> Bool) {
            self.parentID = parentID
            self.exists = exists
        }

        /// The real process table.
        public static let system = Probes(parentID: { getppid() }, exists: { pid in
            // EPERM: it exists but belongs to someone else.
            kill(pid, 0) == 0 || errno != ESRCH
        })
    }

    /// The environment variable naming the parent: `JPY_PARENT_PID`.
    public static let environmentVariable = "JPY_PARENT_PID"
    /// Seconds between two looks, as ipykernel's poller.
    public static let interval = 1.0

    /// The process whose end ends this one.
    public let parent: pid_t
    /// Whether `parent` was this process's direct parent when the watch began.
    public let isDirectParent: Bool
    private let probes: Probes

    /// A watch on the pid in `value` (the text of `JPY_PARENT_PID`); nil when it is absent,
    /// not a number, 0 (no parent to watch) or 1 (init never goes away, as ipykernel says).
    public init?(environmentValue value: String?, probes: Probes = .system) {
        guard let text = value?.trimmingSpaces, let pid = pid_t(text), pid > 1 else { return nil }
        parent = pid
        self.probes = probes
        isDirectParent = probes.parentID() == pid
    }

    /// The watch `JPY_PARENT_PID` asks for, if any.
    public static func fromEnvironment() -> ParentWatch? {
        ParentWatch(environmentValue: getenv(environmentVariable).map { String(cString: $0) })
    }

    /// Whether the parent has gone.
    public func parentHasExited() -> Bool {
        isDirectParent ? probes.parentID() != parent : !probes.exists(parent)
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
