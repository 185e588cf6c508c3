import JSON

/// Makes one run's documents as event-model's `compose_run` does: the start document,
/// then descriptors whose events carry running sequence numbers, resources and datums,
/// and exactly one stop document with the number of events per stream.
public final class RunComposer {
    /// The run's start document.
    public let start: Document
    /// The run's uid.
    public let uid: String
    private var eventCounts: [(stream: String, count: Int)] = []
    /// The stop document, once made.
    public private(set) var stop: Document?
    private var ids = UIDGenerator()

    /// A fresh uid for a document of this run.
    func nextUID() -> String { ids.uid() }

    /// Starts a run with `metadata` after `uid` and `time` (bluesky's key order).
    public init(metadata: JSONObject, time: Double = DocumentClock.now(), uid: String = DocumentClock.uid()) {
        self.uid = uid
        var body: JSONObject = ["uid": .string(uid), "time": .double(time)]
        for member in metadata where member.key != "uid" && member.key != "time" { body[member.key] = member.value }
        start = Document(.start, body)
    }

    /// Describes a stream (`primary`, `baseline` …) and returns the composer of its events.
    public func descriptor(name: String, dataKeys: JSONObject, objectKeys: JSONObject = [:],
                           configuration: JSONObject = [:], hints: JSONObject = [:],
                           time: Double = DocumentClock.now()) -> DescriptorComposer {
        let body: JSONObject = [
            "configuration": .object(configuration), "data_keys": .object(dataKeys), "name": .string(name),
            "object_keys": .object(objectKeys), "run_start": .string(uid), "time": .double(time),
            "uid": .string(nextUID()), "object_classes": [:], "hints": .object(hints),
        ]
        if !eventCounts.contains(where: { $0.stream == name }) { eventCounts.append((name, 0)) }
        return DescriptorComposer(document: Document(.descriptor, body), stream: name, run: self)
    }

    func countEvents(_ n: Int, in stream: String) {
        if let i = eventCounts.firstIndex(where: { $0.stream == stream }) { eventCounts[i].count += n }
    }

    /// The number of events emitted so far, per stream.
    public var numberOfEvents: [(stream: String, count: Int)] { eventCounts }

    /// A resource document (external data such as detector frames in HDF5).
    public func resource(spec: String, root: String, resourcePath: String, kwargs: JSONObject = [:],
                         pathSemantics: String = "posix") -> ResourceComposer {
        let body: JSONObject = [
            "spec": .string(spec), "root": .string(root), "resource_path": .string(resourcePath),
            "resource_kwargs": .object(kwargs), "path_semantics": .string(pathSemantics),
            "uid": .string(DocumentClock.uid()), "run_start": .string(uid),
        ]
        return ResourceComposer(document: Document(.resource, body))
    }

    /// A resource not tied to a run yet (a device makes it; the run engine fills in
    /// `run_start` when it emits it).
    public static func resourceComposer(spec: String, root: String, resourcePath: String, kwargs: JSONObject = [:],
                                        pathSemantics: String = "posix") -> ResourceComposer {
        ResourceComposer(document: Document(.resource, [
            "spec": .string(spec), "root": .string(root), "resource_path": .string(resourcePath),
            "resource_kwargs": .object(kwargs), "path_semantics": .string(pathSemantics), "uid": .string(DocumentClock.uid()),
        ]))
    }

    /// The stop document (made once; later calls return the same document).
    public func makeStop(_ status: ExitStatus, reason: String = "", time: Double = DocumentClock.now()) -> Document {
        if let stop { return stop }
        var counts = JSONObject()
        for (stream, count) in eventCounts { counts[stream] = .int(count) }
        let document = Document(.stop, [
            "uid": .string(DocumentClock.uid()), "time": .double(time), "run_start": .string(uid),
            "exit_status": .string(status.rawValue), "reason": .string(reason), "num_events": .object(counts),
        ])
        stop = document
        return document
    }
}

/// Makes the events of one stream.
public final class DescriptorComposer {
    /// The descriptor document.
    public let document: Document
    /// The stream's name.
    public let stream: String
    private unowned let run: RunComposer
    private var sequence = 0

    init(document: Document, stream: String, run: RunComposer) {
        self.document = document
        self.stream = stream
        self.run = run
    }

    /// The descriptor's uid.
    public var uid: String { document.uid }

    /// The next event: `seq_num` counts from 1.
    public func event(data: JSONObject, timestamps: JSONObject, filled: JSONObject = [:],
                      time: Double = DocumentClock.now()) -> Document {
        sequence += 1
        run.countEvents(1, in: stream)
        return Document(.event, [
            "uid": .string(run.nextUID()), "time": .double(time), "data": .object(data),
            "timestamps": .object(timestamps), "seq_num": .int(sequence), "filled": .object(filled),
            "descriptor": .string(document.uid),
        ])
    }
}

/// Makes the datums of one resource.
public final class ResourceComposer {
    /// The resource document.
    public let document: Document
    private var counter = 0

    init(document: Document) { self.document = document }

    /// The next datum: `datum_id` is `<resource uid>/<n>`, as event-model makes it.
    public func datum(kwargs: JSONObject) -> Document {
        let id = "\(document.uid)/\(counter)"
        counter += 1
        return Document(.datum, ["resource": .string(document.uid), "datum_kwargs": .object(kwargs), "datum_id": .string(id)])
    }
}
