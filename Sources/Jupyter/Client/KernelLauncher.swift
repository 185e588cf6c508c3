import Glibc
import JSON
import Platform
import ZeroMQ

/// Starts a kernel from its kernelspec with a fresh connection file and connects a client.
/// With `ipc` transport (the default) each kernel gets its own socket files, so kernels
/// started in parallel never race for TCP ports.
public final class RunningKernel {
    /// The kernel process.
    public let process: Subprocess
    /// The connection the kernel was given.
    public let connection: ConnectionInfo
    /// Where the connection file is.
    public let connectionFile: String
    /// A client connected to it.
    public let client: KernelClient
    private let runtimeDirectory: String

    /// Starts `spec` (argv with `{connection_file}`) and connects. `transport` is `ipc` or `tcp`.
    /// The kernel's own standard output goes to `stdoutFD` (the executor passes standard
    /// error, so a notebook written to standard output is not mixed with kernel chatter).
    public init(spec: KernelSpec, name: String = "", transport: String = "ipc", environment: [(String, String)] = [],
                stdoutFD: Int32? = nil) throws {
        let id = MessageFactory.randomID()
        let directory = "/tmp/beamtime-kernel-\(getpid())-\(id.prefix(8))"
        runtimeDirectory = directory
        try FileSystem.createDirectory(directory, mode: 0o700)
        let ports = transport == "ipc" ? [1, 2, 3, 4, 5] : try RunningKernel.freeTCPPorts(5)
        connection = ConnectionInfo(transport: transport, ip: transport == "ipc" ? directory + "/k" : "127.0.0.1",
                                    shellPort: ports[0], iopubPort: ports[1], stdinPort: ports[2], controlPort: ports[3],
                                    heartbeatPort: ports[4], key: MessageFactory.randomID(), kernelName: name)
        let file = directory + "/kernel-\(id).json"
        connectionFile = file
        try FileSystem.writeAtomically(connection.json.serialized(JSONFormat(indent: 1, sortKeys: true)), to: file, mode: 0o600)
        let argv = spec.argv.map { $0.replacingOccurrencesOf("{connection_file}", with: file) }
        // As jupyter_client does: the kernel knows its parent and exits if the parent dies.
        let parent = [("JPY_PARENT_PID", String(getpid()))]
        process = try Subprocess(argv, environment: spec.environment + parent + environment, newProcessGroup: true, stdoutFD: stdoutFD)
        client = try KernelClient(connection: connection)
    }

    /// Waits until the kernel answers `kernel_info` (and publishes on iopub).
    @discardableResult
    public func waitForReady(timeout: Double = 30) throws -> Message {
        let deadline = Monotonic.now() + timeout
        while Monotonic.now() < deadline {
            if let status = process.poll() { throw KernelClientError.kernelDied(status: status) }
            if let reply = try? client.waitForReady(timeout: min(1, deadline - Monotonic.now())) { return reply }
        }
        throw KernelClientError.timeout("the kernel did not become ready within \(timeout) s")
    }

    /// Shuts the kernel down: `shutdown_request`, then SIGTERM, then SIGKILL, as
    /// jupyter_client does. Returns the exit status.
    @discardableResult
    public func shutdown(timeout: Double = 5) -> Int32 {
        _ = try? client.shutdown(timeout: timeout / 2)
        client.close()
        if let status = process.wait(timeout: timeout / 2) { return cleanUp(status) }
        process.send(SIGTERM, group: true)
        if let status = process.wait(timeout: timeout / 2) { return cleanUp(status) }
        process.send(SIGKILL, group: true)
        return cleanUp(process.wait())
    }

    private func cleanUp(_ status: Int32) -> Int32 {
        _ = try? Subprocess(["rm", "-rf", runtimeDirectory]).wait()
        return status
    }

    /// `count` TCP ports that were free a moment ago (bound to port 0, then released).
    static func freeTCPPorts(_ count: Int) throws -> [Int] {
        let context = try Context()
        var sockets: [Socket] = []
        var ports: [Int] = []
        for _ in 0..<count {
            let socket = try Socket(context, .router)
            try socket.bind("tcp://127.0.0.1:*")
            ports.append(Int(socket.lastEndpoint.split(separator: ":").last ?? "") ?? 0)
            sockets.append(socket)
        }
        for socket in sockets { socket.close() }
        context.terminate()
        return ports
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`.
    func replacingOccurrencesOf(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8), s = Array(utf8)
        guard !t.isEmpty, s.count >= t.count else { return self }
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            if i + t.count <= s.count && Array(s[i..<(i + t.count)]) == t {
                out.append(contentsOf: replacement.utf8)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
