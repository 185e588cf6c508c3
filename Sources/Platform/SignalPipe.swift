import Glibc

/// Turns SIGINT and SIGTERM into bytes on a pipe that an event loop can poll, so signal
/// handling happens on a normal thread (the handler itself only writes one byte).
public enum SignalPipe {
    /// The write end, used by the handler (process-wide: signals are process-wide).
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    /// The read end to poll; -1 until `install` succeeds.
    nonisolated(unsafe) public private(set) static var readEnd: Int32 = -1

    /// Installs handlers for `signals` (and ignores SIGPIPE). Returns the read end.
    @discardableResult
    public static func install(_ signals: [Int32] = [SIGINT, SIGTERM]) -> Int32 {
        if readEnd < 0 {
            var fds: [Int32] = [-1, -1]
            guard makePipe(&fds, nonBlocking: true) else { return -1 }
            readEnd = fds[0]
            writeEnd = fds[1]
        }
        signal(SIGPIPE, SIG_IGN)
        for number in signals {
            signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = Glibc.write(SignalPipe.writeEnd, &byte, 1)
            }
        }
        return readEnd
    }

    /// The signals received since the last call.
    public static func drain() -> [Int32] {
        var received: [Int32] = []
        var byte: UInt8 = 0
        while readEnd >= 0 && Glibc.read(readEnd, &byte, 1) == 1 { received.append(Int32(byte)) }
        return received
    }
}

/// Creates a close-on-exec pipe (optionally non-blocking); returns whether it worked.
func makePipe(_ fds: inout [Int32], nonBlocking: Bool) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if nonBlocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }
    return true
}
