import CZeroMQ
import Glibc

/// A ZeroMQ context: the owner of the I/O threads behind every socket made from it. Unlike
/// sockets, a context may be shared between threads.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private var terminated = false

    /// Creates a context with libzmq's defaults (one I/O thread).
    public init() throws {
        guard let handle = zmq_ctx_new() else { throw ZeroMQError.last("zmq_ctx_new") }
        self.handle = handle
    }

    /// Makes every blocking call on this context's sockets return `ETERM`, so the threads
    /// that own them can close them. Does not wait.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    /// Waits until every socket of the context is closed, then frees it. Sockets with
    /// `linger` 0 do not hold this up.
    public func terminate() {
        guard !terminated else { return }
        terminated = true
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    deinit { terminate() }

    /// The libzmq version as "major.minor.patch".
    public static var libraryVersion: String {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}
