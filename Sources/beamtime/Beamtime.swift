import ArgumentParser
import Script

/// The `beamtime` command line.
@main
struct Beamtime: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beamtime",
        abstract: "Beamtime: a Jupyter kernel, notebook executor and report renderer for synchrotron beamlines.",
        version: BeamtimeVersion.string,
        subcommands: [Exec.self, Kernel.self, Install.self, CatalogCommand.self, Execute.self, ReportCommand.self, Watch.self, Demo.self]
    )

    /// Joins `-p NAME VALUE` pairs before ArgumentParser sees them.
    static func main() {
        main(ParameterPairs.join(Array(CommandLine.arguments.dropFirst())))
    }
}
