import CZeroMQ

/// The socket patterns Beamtime uses.
public enum SocketKind: Int32, Sendable {
    /// One peer, both directions (inproc links between threads).
    case pair = 0
    /// Publishes to every subscriber (Jupyter's iopub).
    case publisher = 1
    /// Receives what publishers send, filtered by topic.
    case subscriber = 2
    /// Sends requests and waits for each reply.
    case request = 3
    /// Answers requests (Jupyter's heartbeat).
    case reply = 4
    /// Asynchronous request side (a Jupyter client's shell, control and stdin).
    case dealer = 5
    /// Addresses peers by identity (a kernel's shell, control and stdin).
    case router = 6
}
