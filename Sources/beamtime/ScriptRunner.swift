import Acquisition
import BeamtimeKernel
import Glibc
import Platform
import Script

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
            let setup: BeamlineSetup
            do {
                setup = try BeamlineSetup(session: session, home: BeamtimeHome.path)
            } catch {
                return ScriptFailure(ename: "RuntimeError", evalue: "\(error)", traceback: ["\(error)"], isSyntaxError: false, exception: nil)
            }
            defer { setup.close() }
            GlueBinding.installWithoutOutput(into: interpreter)
            return session.run(file: filename, source: source).failure
        }
        output.flush()
        guard let failure else { return 0 }
        StandardStreams.error(failure.traceback.joined(separator: "\n") + "\n")
        return failure.isSyntaxError ? 2 : 1
    }

    /// The flag SIGINT sets (a signal handler cannot capture context).
    nonisolated(unsafe) static var interruptFlag: InterruptFlag?
}

/// Buffers output and writes it to stdout/stderr.
final class ProcessOutput: OutputSink {
    private var buffer = ""

    func write(_ text: String, stderr: Bool) {
        if stderr {
            flush()
            StandardStreams.error(text)
            return
        }
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    func flush() {
        if buffer.isEmpty { return }
        StandardStreams.output(buffer)
        buffer = ""
    }
}
