import Glibc

/// A child process started with `posix_spawnp`.
public final class Subprocess: @unchecked Sendable {
    /// The child's process id.
    public let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `argv` (searched on PATH) with extra `environment` entries, optionally in its
    /// own process group, with standard output sent to `stdoutFD` when given.
    public init(_ argv: [String], environment: [(String, String)] = [], newProcessGroup: Bool = false,
                stdoutFD: Int32? = nil) throws {
        guard let program = argv.first else { throw SubprocessError.emptyCommand }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdoutFD { posix_spawn_file_actions_adddup2(&actions, stdoutFD, 1) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newProcessGroup { flags |= Int16(POSIX_SPAWN_SETPGROUP) }
        posix_spawnattr_setflags(&attributes, flags)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var env: [String] = []
        var index = 0
        let overridden = Set(environment.map(\.0))
        while let entry = environ[index] {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "="), !overridden.contains(String(text[..<eq])) { env.append(text) }
            index += 1
        }
        env += environment.map { "\($0.0)=\($0.1)" }

        var child: pid_t = 0
        let rc = withCStrings(argv) { cArgs in
            withCStrings(env) { cEnv in posix_spawnp(&child, program, &actions, &attributes, cArgs, cEnv) }
        }
        guard rc == 0 else { throw SubprocessError.spawnFailed(program, rc) }
        pid = child
    }

    /// Sends `signal` to the child (or its process group when `group` is set).
    public func send(_ signal: Int32, group: Bool = false) {
        kill(group ? -pid : pid, signal)
    }

    /// The exit status if the child has ended (without waiting), else nil.
    public func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        if rc == pid { exitStatus = Subprocess.decode(status) }
        return exitStatus
    }

    /// Waits for the child to end and returns its exit status (128+signal if killed).
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = Subprocess.decode(status)
        return exitStatus ?? -1
    }

    /// Waits up to `seconds`; returns the status if it ended.
    public func wait(timeout seconds: Double) -> Int32? {
        let deadline = Monotonic.now() + seconds
        while Monotonic.now() < deadline {
            if let status = poll() { return status }
            usleep(2000)
        }
        return poll()
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs `argv` and returns its standard output (nil if it cannot start or fails).
    public static func output(of argv: [String]) -> String? {
        var fds: [Int32] = [-1, -1]
        guard makePipe(&fds, nonBlocking: false) else { return nil }
        let process: Subprocess
        do { process = try Subprocess(argv, stdoutFD: fds[1]) } catch {
            close(fds[0]); close(fds[1])
            return nil
        }
        close(fds[1])
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        close(fds[0])
        guard process.wait() == 0 else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A child process that could not be started.
public enum SubprocessError: Error, CustomStringConvertible {
    /// No program was given.
    case emptyCommand
    /// posix_spawn failed.
    case spawnFailed(String, Int32)

    public var description: String {
        switch self {
        case .emptyCommand: return "no command to run"
        case .spawnFailed(let program, let code): return "cannot start '\(program)': \(String(cString: strerror(code)))"
        }
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}
