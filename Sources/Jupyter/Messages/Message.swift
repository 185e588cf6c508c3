import JSON

/// One Jupyter message: routing identities, the four JSON parts and binary buffers.
public struct Message: Sendable, Equatable {
    /// ZeroMQ routing identities (a ROUTER socket's peers); replies reuse the request's.
    public var identities: [[UInt8]]
    /// `msg_id`, `session`, `username`, `date`, `msg_type`, `version`.
    public var header: JSONObject
    /// The header of the request this message answers or reports on (empty if none).
    public var parentHeader: JSONObject
    /// Free-form metadata.
    public var metadata: JSONObject
    /// The message body.
    public var content: JSONObject
    /// Extra binary frames.
    public var buffers: [[UInt8]]

    /// A message from its parts.
    public init(identities: [[UInt8]] = [], header: JSONObject, parentHeader: JSONObject = JSONObject(),
                metadata: JSONObject = JSONObject(), content: JSONObject = JSONObject(), buffers: [[UInt8]] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// The message type, e.g. `execute_request`.
    public var type: String { header["msg_type"]?.string ?? "" }
    /// The message id.
    public var id: String { header["msg_id"]?.string ?? "" }
    /// The id of the message this one answers, if any.
    public var parentID: String? { parentHeader["msg_id"]?.string }
}

/// The protocol version Beamtime speaks.
public let jupyterProtocolVersion = "5.3"
