import ArgumentParser
import Foundation
import Script

/// The `beamtime` command line.
@main
struct Beamtime: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beamtime",
        abstract: "Beamtime: a Jupyter kernel, notebook executor and report renderer for synchrotron beamlines.",
        version: BeamtimeVersion.string,
        subcommands: [Exec.self, Demo.self]
    )
}

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
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            name = "<stdin>"
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("beamtime exec: cannot read '\(file)': no such file or not readable\n".utf8))
                throw ExitCode(1)
            }
            source = String(decoding: data, as: UTF8.self)
            name = file
        }
        let code = ScriptRunner.run(source: source, filename: name, stepBudget: stepBudget)
        if code != 0 { throw ExitCode(code) }
    }
}

/// `beamtime demo`: the main job on embedded defaults.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the built-in demonstration (grows into the per-scan report demo)."
    )

    func run() throws {
        let code = ScriptRunner.run(source: DemoProgram.source, filename: "<demo>", stepBudget: nil)
        if code != 0 { throw ExitCode(code) }
    }
}

/// Runs source with output on the process's streams; returns the exit code.
enum ScriptRunner {
    static func run(source: String, filename: String, stepBudget: Int?) -> Int32 {
        let output = ProcessOutput()
        let interrupt = InterruptFlag()
        ScriptRunner.interruptFlag = interrupt
        signal(SIGINT) { _ in ScriptRunner.interruptFlag?.set() }
        // The session lives and dies on the large stack: freeing deep structures needs it too.
        let failure = Session.onLargeStack { () -> ScriptFailure? in
            let interpreter = Interpreter(output: output, interrupt: interrupt)
            interpreter.stepBudget = stepBudget
            let session = Session(interpreter: interpreter, colourTracebacks: isatty(2) == 1)
            return session.run(file: filename, source: source).failure
        }
        output.flush()
        guard let failure else { return 0 }
        FileHandle.standardError.write(Data((failure.traceback.joined(separator: "\n") + "\n").utf8))
        return failure.isSyntaxError ? 2 : 1
    }

    nonisolated(unsafe) static var interruptFlag: InterruptFlag?
}

/// Buffers output and writes it to stdout/stderr.
final class ProcessOutput: OutputSink {
    private var buffer = ""

    func write(_ text: String, stderr: Bool) {
        if stderr {
            flush()
            FileHandle.standardError.write(Data(text.utf8))
            return
        }
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    func flush() {
        if buffer.isEmpty { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
