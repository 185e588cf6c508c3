import CZeroMQ
import Glibc

/// A failure reported by libzmq, with its errno and libzmq's own description.
public struct ZeroMQError: Error, CustomStringConvertible, Equatable {
    /// The errno value libzmq set.
    public var code: Int32
    /// What was being done, e.g. `bind tcp://127.0.0.1:5555`.
    public var operation: String

    /// Captures the current errno for `operation`.
    public static func last(_ operation: String) -> ZeroMQError {
        ZeroMQError(code: zmq_errno(), operation: operation)
    }

    /// Whether the call was interrupted by a signal (retry it).
    public var isInterrupted: Bool { code == EINTR }
    /// Whether the context was terminated (the owner should close the socket and stop).
    public var isTerminated: Bool { code == ETERM }
    /// Whether a non-blocking call found nothing to do.
    public var wouldBlock: Bool { code == EAGAIN }

    public var description: String {
        "ZeroMQ: \(operation) failed: \(String(cString: zmq_strerror(code)))"
    }
}
