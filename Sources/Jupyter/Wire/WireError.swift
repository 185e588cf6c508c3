/// Why incoming frames were not accepted as a message. The server logs these and drops
/// the frames; it never stops serving because of one.
public enum WireError: Error, Equatable, CustomStringConvertible {
    /// No `<IDS|MSG>` delimiter frame.
    case missingDelimiter
    /// Fewer than the five frames after the delimiter (signature and four JSON parts).
    case tooFewFrames(Int)
    /// The message is larger than the limit.
    case tooLarge(Int)
    /// Signing is on and the signature frame is empty.
    case missingSignature
    /// The signature does not match the message.
    case badSignature
    /// The signature was seen before: a replayed message.
    case replayedSignature
    /// A JSON part could not be read.
    case invalidJSON(part: String, reason: String)
    /// A JSON part has the wrong shape (e.g. a header without `msg_type`).
    case wrongType(String)

    public var description: String {
        switch self {
        case .missingDelimiter: return "no <IDS|MSG> delimiter"
        case .tooFewFrames(let n): return "only \(n) frames after the delimiter (need 5)"
        case .tooLarge(let n): return "message of \(n) bytes is over the size limit"
        case .missingSignature: return "unsigned message (a key is configured)"
        case .badSignature: return "invalid signature"
        case .replayedSignature: return "replayed signature (message seen before)"
        case .invalidJSON(let part, let reason): return "\(part) is not valid JSON: \(reason)"
        case .wrongType(let what): return what
        }
    }
}
