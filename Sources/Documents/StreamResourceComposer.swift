import JSON

extension RunComposer {
    /// A stream resource (newer event-model: external data appended in chunks, e.g. an HDF5
    /// dataset growing with the scan), for the data key `dataKey`.
    public func streamResource(dataKey: String, mimetype: String, uri: String, parameters: JSONObject = [:]) -> StreamResourceComposer {
        StreamResourceComposer(document: Document(.streamResource, [
            "uid": .string(nextUID()), "data_key": .string(dataKey), "mimetype": .string(mimetype),
            "uri": .string(uri), "parameters": .object(parameters), "run_start": .string(uid),
        ]), run: self)
    }
}

/// Makes the stream datums of one stream resource: each says which rows of the external
/// data (`indices`) belong to which events (`seq_nums`) of a descriptor.
public final class StreamResourceComposer {
    /// The stream resource document.
    public let document: Document
    private unowned let run: RunComposer
    private var nextIndex = 0
    private var counter = 0

    init(document: Document, run: RunComposer) {
        self.document = document
        self.run = run
    }

    /// The next stream datum covering `count` rows, for events `seqNums` (start..<stop)
    /// of `descriptor`; indices continue from the previous datum.
    public func streamDatum(descriptor: String, count: Int, seqNums: Range<Int>) -> Document {
        let start = nextIndex
        nextIndex += count
        let id = "\(document.uid)/\(counter)"
        counter += 1
        return Document(.streamDatum, [
            "uid": .string(id), "stream_resource": .string(document.uid), "descriptor": .string(descriptor),
            "indices": ["start": .int(start), "stop": .int(nextIndex)],
            "seq_nums": ["start": .int(seqNums.lowerBound), "stop": .int(seqNums.upperBound)],
        ])
    }
}
