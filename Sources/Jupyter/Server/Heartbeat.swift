import Platform
import ZeroMQ

/// Echoes heartbeat pings on a REP socket, on its own thread, until the context shuts down.
enum Heartbeat {
    /// Binds `endpoint` and starts echoing. The socket is made and used on the new thread;
    /// the bind result is reported back before this returns.
    static func start(context: Context, endpoint: String) throws -> PlatformThread {
        let bound = Event()
        let failure = ErrorBox()
        let thread = try PlatformThread {
            let socket: Socket
            do {
                socket = try Socket(context, .reply)
                try socket.bind(endpoint)
            } catch {
                failure.error = error
                bound.signal()
                return
            }
            bound.signal()
            defer { socket.close() }
            while true {
                do {
                    guard let ping = try socket.receive() else { continue }
                    try socket.send(ping)
                } catch {
                    return
                }
            }
        }
        bound.wait()
        if let error = failure.error { throw error }
        return thread
    }
}

/// Carries an error from one thread to another (written before an Event is signalled).
final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
}
