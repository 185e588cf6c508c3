import JSON
import Platform

/// A kernel's connection file: where its five sockets listen and how messages are signed.
public struct ConnectionInfo: Equatable, Sendable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The address to bind (tcp) or the path prefix (ipc).
    public var ip: String
    /// Port of the shell ROUTER socket.
    public var shellPort: Int
    /// Port of the iopub PUB socket.
    public var iopubPort: Int
    /// Port of the stdin ROUTER socket.
    public var stdinPort: Int
    /// Port of the control ROUTER socket.
    public var controlPort: Int
    /// Port of the heartbeat REP socket.
    public var heartbeatPort: Int
    /// The HMAC key; empty disables signing.
    public var key: String
    /// Must be `hmac-sha256`.
    public var signatureScheme: String
    /// The kernel name, when the launcher wrote it.
    public var kernelName: String

    /// A connection description from its parts.
    public init(transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, iopubPort: Int, stdinPort: Int,
                controlPort: Int, heartbeatPort: Int, key: String, signatureScheme: String = "hmac-sha256",
                kernelName: String = "") {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.signatureScheme = signatureScheme
        self.kernelName = kernelName
    }

    /// Reads a connection file's JSON.
    public init(json: JSONValue) throws {
        guard let object = json.object else { throw ConnectionError.invalid("the connection file is not a JSON object") }
        func port(_ name: String) throws -> Int {
            guard let value = object[name]?.int, (0...65535).contains(value) else {
                throw ConnectionError.invalid("'\(name)' must be a port number")
            }
            return value
        }
        transport = object["transport"]?.string ?? "tcp"
        guard transport == "tcp" || transport == "ipc" else {
            throw ConnectionError.invalid("transport '\(transport)' is not supported (tcp or ipc)")
        }
        ip = object["ip"]?.string ?? "127.0.0.1"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        key = object["key"]?.string ?? ""
        signatureScheme = object["signature_scheme"]?.string ?? "hmac-sha256"
        guard signatureScheme == "hmac-sha256" else {
            throw ConnectionError.invalid("signature scheme '\(signatureScheme)' is not supported (hmac-sha256)")
        }
        kernelName = object["kernel_name"]?.string ?? ""
    }

    /// Reads the connection file at `path`.
    public static func read(_ path: String) throws -> ConnectionInfo {
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(path) } catch let error as FileError {
            throw ConnectionError.unreadable(error.description)
        }
        do { return try ConnectionInfo(json: JSONValue.parse(bytes)) } catch let error as JSONError {
            throw ConnectionError.invalid("\(path): \(error.description)")
        }
    }

    /// The file's JSON, as jupyter_client writes it.
    public var json: JSONValue {
        .object([
            "shell_port": .int(shellPort), "iopub_port": .int(iopubPort), "stdin_port": .int(stdinPort),
            "control_port": .int(controlPort), "hb_port": .int(heartbeatPort), "ip": .string(ip),
            "key": .string(key), "transport": .string(transport), "signature_scheme": .string(signatureScheme),
            "kernel_name": .string(kernelName),
        ])
    }

    /// The ZeroMQ endpoint for `port`.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }

    /// The signer for this connection's key.
    public var signer: MessageSigner { MessageSigner(key: Array(key.utf8)) }
}

/// A connection file that cannot be used.
public enum ConnectionError: Error, CustomStringConvertible, Equatable {
    /// The file cannot be read.
    case unreadable(String)
    /// The file's content is wrong.
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): return "connection file: \(reason)"
        case .invalid(let reason): return "connection file: \(reason)"
        }
    }
}
