import Foundation
import XCTest
@testable import Script

/// Runs cell-language code in a fresh session and returns what it printed and how it failed.
func runScript(_ code: String, stepBudget: Int? = nil, allocationLimit: Int? = nil,
               filename: String = "<test>") -> (stdout: String, failure: ScriptFailure?) {
    Session.onLargeStack {
        let output = BufferedOutput()
        let interpreter = Interpreter(output: output)
        interpreter.stepBudget = stepBudget
        if let allocationLimit { interpreter.allocationLimit = allocationLimit }
        let session = Session(interpreter: interpreter)
        let result = session.run(file: filename, source: code)
        return (output.stdout, result.failure)
    }
}

/// Runs code and returns its stdout, failing the test on an exception.
func output(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let (out, failure) = runScript(code)
    if let failure {
        XCTFail("unexpected \(failure.ename): \(failure.evalue)\n\(failure.traceback.joined(separator: "\n"))", file: file, line: line)
    }
    return out
}

/// The exception name a piece of code ends with (nil when it succeeds).
func exceptionName(_ code: String) -> String? {
    runScript(code).failure?.ename
}

/// The reference CPython: `BEAMTIME_PYTHON` or `python3` on the PATH.
var referencePython: String {
    ProcessInfo.processInfo.environment["BEAMTIME_PYTHON"] ?? "python3"
}

/// The directory of the differential corpus.
var corpusDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
}

/// Every corpus program, sorted.
func corpusFiles() -> [URL] {
    guard let e = FileManager.default.enumerator(at: corpusDirectory, includingPropertiesForKeys: nil) else { return [] }
    return e.compactMap { $0 as? URL }.filter { $0.pathExtension == "py" }.sorted { $0.path < $1.path }
}

/// Runs code on a thread with a deliberately small stack (4 MiB), to prove that freeing
/// and rendering deep structures does not recurse.
func runOnSmallStack(_ code: String) -> (stdout: String, failure: ScriptFailure?) {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: (stdout: String, failure: ScriptFailure?) = ("", nil)
    let thread = Thread {
        let out = BufferedOutput()
        let session = Session(interpreter: Interpreter(output: out))
        let failure = session.run(file: "<small stack>", source: code).failure
        result = (out.stdout, failure)
        done.signal()
    }
    thread.stackSize = 4 << 20
    thread.start()
    done.wait()
    return result
}
