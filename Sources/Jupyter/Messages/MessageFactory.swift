import Glibc
import JSON

/// Makes message headers for one session: a random session id, unique message ids and
/// ISO 8601 timestamps, with protocol version 5.3.
public final class MessageFactory: @unchecked Sendable {
    /// The session id carried in every header.
    public let session: String
    /// The `username` field of every header.
    public let username: String
    private let lock = PthreadLock()
    private var counter = 0

    /// A factory with a fresh random session id.
    public init(username: String = "beamtime") {
        session = MessageFactory.randomID()
        self.username = username
    }

    /// A new header of `type`.
    public func header(_ type: String) -> JSONObject {
        let n = lock.withLock { () -> Int in counter += 1; return counter }
        return [
            "msg_id": .string("\(session)_\(n)"),
            "session": .string(session),
            "username": .string(username),
            "date": .string(MessageFactory.timestamp()),
            "msg_type": .string(type),
            "version": .string(jupyterProtocolVersion),
        ]
    }

    /// A message of `type` answering or reporting on `parent` (nil for none).
    public func message(_ type: String, content: JSONObject, parent: Message?, metadata: JSONObject = JSONObject(),
                        identities: [[UInt8]] = []) -> Message {
        Message(identities: identities, header: header(type), parentHeader: parent?.header ?? JSONObject(),
                metadata: metadata, content: content)
    }

    /// The current UTC time as `2026-11-23T07:05:11.123456Z`.
    public static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))."
            + "\(pad(now.tv_nsec / 1000, 6))Z"
    }

    /// A random UUID-4 style hex string (32 hex digits in 8-4-4-4-12 groups).
    public static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A mutex around short critical sections.
final class PthreadLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
