import JSON

/// Turns messages into ZeroMQ frames and back:
/// `identities…, <IDS|MSG>, signature, header, parent_header, metadata, content, buffers…`.
public struct WireCodec: Sendable {
    /// The delimiter between routing identities and the message.
    public static let delimiter = Array("<IDS|MSG>".utf8)
    /// Messages larger than this are refused (bytes, all frames together).
    public var sizeLimit: Int
    /// Signs outgoing and checks incoming messages.
    public let signer: MessageSigner

    /// A codec signing with `signer`.
    public init(signer: MessageSigner, sizeLimit: Int = 256 << 20) {
        self.signer = signer
        self.sizeLimit = sizeLimit
    }

    /// The frames for `message`, signed.
    public func encode(_ message: Message) -> [[UInt8]] {
        let parts = [
            JSONValue.object(message.header).serialized(),
            JSONValue.object(message.parentHeader).serialized(),
            JSONValue.object(message.metadata).serialized(),
            JSONValue.object(message.content).serialized(),
        ]
        var frames = message.identities
        frames.append(WireCodec.delimiter)
        frames.append(signer.signature(parts))
        frames.append(contentsOf: parts)
        frames.append(contentsOf: message.buffers)
        return frames
    }

    /// Reads a message from `frames`. The size, frame count and signature (including replay
    /// against `history`) are checked before any JSON is parsed.
    public func decode(_ frames: [[UInt8]], history: inout SignatureHistory) throws -> Message {
        let total = frames.reduce(0) { $0 + $1.count }
        guard total <= sizeLimit else { throw WireError.tooLarge(total) }
        guard let split = frames.firstIndex(of: WireCodec.delimiter) else { throw WireError.missingDelimiter }
        let rest = frames.count - split - 1
        guard rest >= 5 else { throw WireError.tooFewFrames(rest) }
        let signature = frames[split + 1]
        let parts = Array(frames[(split + 2)..<(split + 6)])
        if signer.isSigning {
            guard !signature.isEmpty else { throw WireError.missingSignature }
            guard signer.isValid(signature, for: parts) else { throw WireError.badSignature }
            guard history.insert(signature) else { throw WireError.replayedSignature }
        }
        let names = ["header", "parent_header", "metadata", "content"]
        var objects: [JSONObject] = []
        for (name, bytes) in zip(names, parts) {
            let value: JSONValue
            do { value = try JSONValue.parse(bytes, maximumDepth: 256) } catch let error as JSONError {
                throw WireError.invalidJSON(part: name, reason: error.description)
            }
            guard let object = value.object else { throw WireError.wrongType("\(name) is not a JSON object") }
            objects.append(object)
        }
        let header = objects[0]
        guard header["msg_type"]?.string != nil else { throw WireError.wrongType("header has no string msg_type") }
        guard header["msg_id"]?.string != nil else { throw WireError.wrongType("header has no string msg_id") }
        return Message(identities: Array(frames[..<split]), header: header, parentHeader: objects[1],
                       metadata: objects[2], content: objects[3], buffers: Array(frames[(split + 6)...]))
    }
}
