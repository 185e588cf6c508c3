import JSON

/// The kinds of event-model documents, by the names bluesky's callbacks receive.
public enum DocumentName: String, Sendable, CaseIterable {
    case start
    case descriptor
    case event
    case eventPage = "event_page"
    case resource
    case datum
    case datumPage = "datum_page"
    case streamResource = "stream_resource"
    case streamDatum = "stream_datum"
    case stop
}

/// One event-model document: its name and its JSON body (keys in the order bluesky
/// writes them).
public struct Document: Sendable, Equatable {
    /// Which document this is.
    public let name: DocumentName
    /// The document itself.
    public var body: JSONObject

    /// A document from its parts.
    public init(_ name: DocumentName, _ body: JSONObject) {
        self.name = name
        self.body = body
    }

    /// The document's `uid` (`datum_id` for a datum).
    public var uid: String { body["uid"]?.string ?? body["datum_id"]?.string ?? "" }
}

/// How a run ended, as the stop document says.
public enum ExitStatus: String, Sendable {
    /// The plan finished (or `RE.stop()` ended it cleanly).
    case success
    /// The run was aborted (`RE.abort()`, `RE.halt()`).
    case abort
    /// The plan or a device raised.
    case fail
}
