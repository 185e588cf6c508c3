import ArgumentParser
import BeamtimeKernel
import Catalog
import Documents
import JSON
import Platform

/// `beamtime catalog …`: the run catalogue from the shell.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List, show, export and import runs of the catalogue ($BEAMTIME_HOME/catalog.sqlite).",
        subcommands: [List.self, Show.self, Export.self, Import.self]
    )

    static var path: String { BeamtimeHome.path + "/catalog.sqlite" }

    static func reader() throws -> CatalogReader {
        try FileSystem.createDirectory(BeamtimeHome.path)
        return try CatalogReader(path: path)
    }

    /// The uid of a run named by scan id, uid or uid prefix.
    static func resolve(_ name: String, _ reader: CatalogReader) throws -> String {
        if let scanID = Int(name), let uid = try reader.uid(scanID: scanID) { return uid }
        if let uid = try reader.uid(prefix: name) { return uid }
        throw ValidationError("no run '\(name)' (give a scan id, a uid or a unique uid prefix)")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List runs, newest first.")

        @Option(help: "Only runs started at or after this time (Unix seconds or YYYY-MM-DD[ HH:MM[:SS]], local time).")
        var since: String?
        @Option(help: "Only runs started before this time.")
        var until: String?
        @Option(help: "Only runs of this plan (plan_name).")
        var plan: String?
        @Option(help: "Only runs whose start document has KEY equal to VALUE (repeatable; numbers as numbers).")
        var `where`: [String] = []
        @Option(help: "At most this many runs.")
        var limit: Int = 20

        func run() throws {
            let reader = try CatalogCommand.reader()
            var queries: [CatalogQuery] = []
            if since != nil || until != nil {
                queries.append(.timeRange(since: try since.map(CatalogCommand.time), until: try until.map(CatalogCommand.time)))
            }
            if let plan { queries.append(.equals("plan_name", .string(plan))) }
            for (key, value) in try MetadataConditions.parse(`where`, option: "--where") { queries.append(.equals(key, value)) }
            let filter = CatalogReader.Filter(queries: queries)
            print("scan_id  uid       plan           exit     events  start")
            for uid in try reader.uids(filter, limit: limit) {
                guard let run = try reader.run(uid) else { continue }
                let events = (run.stop?["num_events"]?.object ?? [:]).reduce(0) { $0 + ($1.value.int ?? 0) }
                let scan = run.scanID.map(String.init) ?? "-"
                let plan = run.start["plan_name"]?.string ?? "-"
                let exit = run.stop?["exit_status"]?.string ?? "running"
                print("\(pad(scan, 9))\(pad(String(uid.prefix(8)), 10))\(pad(plan, 15))\(pad(exit, 9))\(pad(String(events), 8))\(LocalTime.text(run.start["time"]?.double ?? 0))")
            }
        }

        private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a run's start and stop documents and its streams.")
        @Argument(help: "A scan id, uid or unique uid prefix.") var name: String

        func run() throws {
            let reader = try CatalogCommand.reader()
            let uid = try CatalogCommand.resolve(name, reader)
            guard let stored = try reader.run(uid) else { throw ValidationError("no run \(uid)") }
            print("start: " + JSONValue.object(stored.start).text(JSONFormat(indent: 1, sortKeys: true)))
            for descriptor in stored.descriptors {
                let name = descriptor["name"]?.string ?? "?"
                let keys = descriptor["data_keys"]?.object?.keys.joined(separator: ", ") ?? ""
                print("stream \(name): \(try reader.events(run: uid, stream: name).count) events; keys: \(keys)")
            }
            print("stop: " + (stored.stop.map { JSONValue.object($0).text(JSONFormat(indent: 1, sortKeys: true)) } ?? "none (running)"))
            if let path = stored.dataPath { print("data: \(path)") }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a run: OUT.jsonl (bluesky's JSON Lines, one [name, doc] per line) or OUT.h5 (NeXus).")
        @Argument(help: "A scan id, uid or unique uid prefix.") var name: String
        @Argument(help: "The output file, ending in .jsonl or .h5.") var output: String
        @Option(help: "jsonl or nexus (default: from the file name).") var format: String?

        func run() throws {
            let reader = try CatalogCommand.reader()
            let uid = try CatalogCommand.resolve(name, reader)
            let kind = format ?? (output.hasSuffix(".jsonl") ? "jsonl" : output.hasSuffix(".h5") || output.hasSuffix(".nxs") ? "nexus" : "")
            switch kind {
            case "jsonl":
                let store = try SQLiteCatalogStore(path: CatalogCommand.path)
                try FileSystem.writeAtomically(JSONLines.text(try store.documents(run: uid)), to: output)
            case "nexus", "h5":
                try CatalogExport.nexus(reader: reader, run: uid, to: output)
            default:
                throw ValidationError("give --format jsonl or nexus, or an output ending in .jsonl or .h5")
            }
            print("exported \(uid) to \(output)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import bluesky JSON Lines ([name, doc] per line); nothing is stored if any line is invalid.")
        @Argument(help: "The .jsonl file.") var file: String

        func run() throws {
            try FileSystem.createDirectory(BeamtimeHome.path)
            let store = try SQLiteCatalogStore(path: CatalogCommand.path)
            do {
                let uids = try store.importJSONLines(file)
                let shown = uids.prefix(5).map { String($0.prefix(8)) }.joined(separator: ", ")
                print("imported \(uids.count) run\(uids.count == 1 ? "" : "s"): \(shown)\(uids.count > 5 ? ", …" : "")")
            } catch let error as JSONLines.LineError {
                StandardStreams.error("beamtime catalog import: \(file): \(error)\n")
                throw ExitCode(1)
            }
        }
    }

    static func time(_ text: String) throws -> Double {
        if let n = Double(text) { return n }
        guard let t = LocalTime.parse(text) else { throw ValidationError("'\(text)' is not a time (Unix seconds or YYYY-MM-DD[ HH:MM[:SS]])") }
        return t
    }
}
