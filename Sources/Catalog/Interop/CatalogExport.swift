import JSON

/// Writing a stored run to a NeXus file (also `run.export(path)` in cells).
public enum CatalogExport {
    /// Writes run `uid` to `path` in the NeXus layout.
    public static func nexus(reader: CatalogReader, run uid: String, to path: String) throws {
        guard let stored = try reader.run(uid) else { throw CatalogError.notFound("no run \(uid)") }
        let writer = try NexusRunWriter(path: path, start: stored.start)
        for descriptor in stored.descriptors {
            try writer.describe(descriptor)
            for e in try reader.events(run: uid, stream: descriptor["name"]?.string ?? "") {
                writer.add(["descriptor": descriptor["uid"] ?? .null, "seq_num": .int(e.seqNum), "time": .double(e.time), "data": .object(e.data)])
            }
        }
        try writer.close()
    }
}
