import ArgumentParser
import Platform

/// `beamtime exec FILE`: runs a file of the cell language.
struct Exec: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a file of the Beamtime cell language (a Python subset).",
        discussion: """
        Standard output is the program's output. An uncaught exception prints its traceback to \
        standard error and exits 1; a syntax error exits 2. Use - to read the program from standard input.
        """
    )

    @ArgumentParser.Argument(help: "The file to run, or - for standard input.")
    var file: String

    @Option(help: "Stop after this many statements and loop iterations (for untrusted input).")
    var stepBudget: Int?

    func run() throws {
        let source: String
        let name: String
        if file == "-" {
            source = String(decoding: StandardStreams.readInput(), as: UTF8.self)
            name = "<stdin>"
        } else {
            do { source = try FileSystem.readText(file) } catch {
                StandardStreams.error("beamtime exec: \(error)\n")
                throw ExitCode(1)
            }
            name = file
        }
        let code = ScriptRunner.run(source: source, filename: name, stepBudget: stepBudget)
        if code != 0 { throw ExitCode(code) }
    }
}
