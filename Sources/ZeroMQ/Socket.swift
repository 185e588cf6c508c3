import CZeroMQ
import Glibc

/// A ZeroMQ socket. A socket belongs to the thread that uses it: create it, use it and
/// close it on one thread (hand it over only before first use).
public final class Socket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    /// The pattern this socket follows.
    public let kind: SocketKind
    private var closed = false

    /// Creates a socket of `kind` in `context`, with `linger` 0 so closing never blocks.
    public init(_ context: Context, _ kind: SocketKind) throws {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else {
            throw ZeroMQError.last("zmq_socket")
        }
        self.handle = handle
        self.kind = kind
        try setOption(ZMQ_LINGER, Int32(0))
    }

    deinit { close() }

    /// Closes the socket; further use fails.
    public func close() {
        guard !closed else { return }
        closed = true
        zmq_close(handle)
    }

    /// Binds to `endpoint` (e.g. `tcp://127.0.0.1:5555`, `inproc://name`).
    public func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZeroMQError.last("bind \(endpoint)") }
    }

    /// Connects to `endpoint`.
    public func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZeroMQError.last("connect \(endpoint)") }
    }

    /// The endpoint last bound, with the port the system chose for `tcp://host:*`.
    public var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// How long `close` keeps unsent messages, in milliseconds (-1 forever).
    public func setLinger(milliseconds: Int32) throws { try setOption(ZMQ_LINGER, milliseconds) }

    /// How long to wait before reconnecting to a peer that is not there yet (libzmq's
    /// default is 100 ms; a client starting a kernel retries sooner).
    public func setReconnectInterval(milliseconds: Int32) throws { try setOption(ZMQ_RECONNECT_IVL, milliseconds) }

    /// Messages larger than this many bytes are refused by the transport (-1: no limit).
    public func setMaximumMessageSize(_ bytes: Int64) throws { try setOption(ZMQ_MAXMSGSIZE, bytes) }

    /// Subscribes to messages whose first frame starts with `prefix` ("" for all).
    public func subscribe(_ prefix: String = "") throws {
        let bytes = Array(prefix.utf8)
        guard zmq_setsockopt(handle, ZMQ_SUBSCRIBE, bytes, bytes.count) == 0 else {
            throw ZeroMQError.last("subscribe")
        }
    }

    /// Sets this socket's identity, which a ROUTER peer sees as the first frame.
    public func setIdentity(_ identity: [UInt8]) throws {
        guard zmq_setsockopt(handle, ZMQ_ROUTING_ID, identity, identity.count) == 0 else {
            throw ZeroMQError.last("set identity")
        }
    }

    private func setOption<T: FixedWidthInteger>(_ option: Int32, _ value: T) throws {
        var v = value
        guard zmq_setsockopt(handle, option, &v, MemoryLayout<T>.size) == 0 else {
            throw ZeroMQError.last("setsockopt \(option)")
        }
    }

    /// Sends `frames` as one multipart message. With `dontWait`, fails with `wouldBlock`
    /// instead of waiting when the peer's queue is full.
    public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws {
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = dontWait ? ZMQ_DONTWAIT : 0
            if index < frames.count - 1 { flags |= ZMQ_SNDMORE }
            while true {
                let rc = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if rc >= 0 { break }
                let error = ZeroMQError.last("send")
                if error.isInterrupted { continue }
                throw error
            }
        }
    }

    /// Receives one multipart message. Returns nil when `dontWait` is set and nothing is
    /// queued. Throws `ETERM` when the context shuts down.
    public func receive(dontWait: Bool = false) throws -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            let rc = zmq_msg_recv(&message, handle, dontWait && frames.isEmpty ? ZMQ_DONTWAIT : 0)
            if rc < 0 {
                let error = ZeroMQError.last("receive")
                if error.isInterrupted { continue }
                if error.wouldBlock && frames.isEmpty { return nil }
                throw error
            }
            let size = zmq_msg_size(&message)
            if let data = zmq_msg_data(&message), size > 0 {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }
}
