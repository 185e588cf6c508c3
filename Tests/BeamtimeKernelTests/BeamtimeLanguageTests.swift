import XCTest
import Acquisition
import JSON
import Jupyter
import Script
@testable import BeamtimeKernel

/// Records what a cell publishes.
final class RecordingContext: ExecutionContext {
    var events: [String] = []
    var stdout = ""
    var inputs: [String] = []
    var inputError: InputError?

    func stream(_ name: StreamName, _ text: String) {
        if name == .stdout { stdout += text }
        events.append("stream:\(name.rawValue):\(text)")
    }
    func display(_ data: JSONObject, metadata: JSONObject, displayID: String?) {
        events.append("display:\(data["text/plain"]?.string ?? ""):\(displayID != nil)")
    }
    func updateDisplay(_ data: JSONObject, metadata: JSONObject, displayID: String) {
        events.append("update:\(data["text/plain"]?.string ?? "")")
    }
    func clearOutput(wait: Bool) { events.append("clear:\(wait)") }
    func flushIfDue() {}
    func executeResult(_ data: JSONObject, metadata: JSONObject, executionCount: Int) {
        events.append("result:\(executionCount):\(data["text/plain"]?.string ?? "")")
    }
    func input(prompt: String, password: Bool) throws -> String {
        if let inputError { throw inputError }
        events.append("input:\(prompt)")
        return inputs.isEmpty ? "" : inputs.removeFirst()
    }
}

final class BeamtimeLanguageTests: XCTestCase {
    let language = BeamtimeLanguage(store: MemoryRunEngineStore())

    private func run(_ code: String, _ context: RecordingContext = RecordingContext(), silent: Bool = false,
                     allowStdin: Bool = false, expressions: [(String, String)] = []) -> (ExecuteOutcome, RecordingContext) {
        let outcome = language.execute(ExecuteRequest(code: code, silent: silent, userExpressions: expressions,
                                                      allowStdin: allowStdin), context: context)
        return (outcome, context)
    }

    func testStatePersistsAndResultsAreCounted() {
        XCTAssertNil(run("x = 20").0.error)
        let (outcome, context) = run("print('hi')\nx + 1")
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.executionCount, 2)
        XCTAssertEqual(context.events, ["stream:stdout:hi\n", "result:2:21"])
        XCTAssertEqual(outcome.resultText, "21")
        XCTAssertEqual(run("Out[2]").1.events, ["result:3:21"])
    }

    func testErrorsCarryTheColouredTraceback() {
        let (outcome, _) = run("1/0")
        XCTAssertEqual(outcome.error?.ename, "ZeroDivisionError")
        XCTAssertEqual(outcome.error?.evalue, "division by zero")
        let text = outcome.error?.traceback.joined(separator: "\n") ?? ""
        XCTAssertTrue(text.contains("\u{1B}["), "coloured")
        XCTAssertTrue(text.contains("Cell In[1]") && text.contains("line 1"), text)
    }

    func testHelpGoesToThePager() {
        for code in ["help(len)", "len?", "len??", "math.sqrt?"] {
            _ = run("import math")
            let (outcome, context) = run(code)
            XCTAssertNil(outcome.error, code)
            XCTAssertEqual(outcome.payloads.count, 1, code)
            XCTAssertEqual(outcome.payloads.first?["source"], "page")
            XCTAssertTrue(outcome.payloads.first?["data"]?["text/plain"]?.string?.contains("(") ?? false, code)
            XCTAssertEqual(context.events, [], code)
        }
        XCTAssertNotNil(run("nope?").0.error, "an unknown name is a NameError")
    }

    func testDisplayFunctions() {
        let (outcome, context) = run("""
        h = display('a', display_id=True)
        h.update('b')
        display(1, 2)
        clear_output(wait=True)
        update_display(3, display_id=h.display_id)
        """)
        XCTAssertNil(outcome.error, outcome.error?.traceback.joined(separator: "\n") ?? "")
        XCTAssertEqual(context.events, ["display:'a':true", "update:'b'", "display:1:false", "display:2:false", "clear:true", "update:3"])
    }

    func testInputUsesTheFrontendOrRaisesClearly() {
        let context = RecordingContext()
        context.inputs = ["42"]
        XCTAssertNil(run("v = input('n? ')", context, allowStdin: true).0.error)
        XCTAssertEqual(context.events, ["input:n? "])
        XCTAssertEqual(run("v").1.events.last, "result:2:'42'")
        let refused = RecordingContext()
        refused.inputError = .notAllowed
        XCTAssertEqual(run("input()", refused).0.error?.ename, "StdinNotImplementedError")
        let interrupted = RecordingContext()
        interrupted.inputError = .interrupted
        XCTAssertEqual(run("input()", interrupted, allowStdin: true).0.error?.ename, "KeyboardInterrupt")
    }

    func testSilentRunsDoNotCountOrPublishResults() {
        let (outcome, context) = run("y = 5\ny", silent: true)
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.executionCount, 0)
        XCTAssertEqual(context.events, [])
        XCTAssertEqual(run("y").1.events, ["result:1:5"])
    }

    func testUserExpressions() {
        let (outcome, _) = run("z = 3", expressions: [("double", "z * 2"), ("bad", "nope")])
        XCTAssertEqual(outcome.userExpressions["double"]?["status"], "ok")
        XCTAssertEqual(outcome.userExpressions["double"]?["data"]?["text/plain"], "6")
        XCTAssertEqual(outcome.userExpressions["bad"]?["ename"], "NameError")
    }

    func testInterruptStopsARunningCell() {
        let done = expectation(description: "interrupted")
        let thread = Thread {
            let (outcome, _) = self.run("while True: pass")
            XCTAssertEqual(outcome.error?.ename, "KeyboardInterrupt")
            done.fulfill()
        }
        thread.stackSize = 64 << 20
        thread.start()
        usleep(100_000)
        language.interrupt()
        wait(for: [done], timeout: 2)
    }

    func testKernelInfoAndEditorServices() {
        XCTAssertEqual(language.info.languageInfo["name"], "python")
        XCTAssertEqual(language.info.languageInfo["codemirror_mode"]?["name"], "ipython")
        XCTAssertTrue(language.info.banner.contains("Beamtime"))
        XCTAssertEqual(language.complete(code: "pri", cursor: 3).matches, ["print"])
        XCTAssertNotNil(language.inspect(code: "len", cursor: 3, detailLevel: 0)?["text/plain"])
        XCTAssertEqual(language.isComplete(code: "if x:"), .incomplete(indent: "    "))
        XCTAssertEqual(language.isComplete(code: "x = 1"), .complete)
    }

    func testHelpSyntaxOnlyMatchesNames() {
        XCTAssertEqual(HelpSyntax.target(of: "len?"), "len")
        XCTAssertEqual(HelpSyntax.target(of: "?math.sqrt"), "math.sqrt")
        XCTAssertEqual(HelpSyntax.target(of: "  np.mean?? \n"), "np.mean")
        XCTAssertNil(HelpSyntax.target(of: "x = 1?"))
        XCTAssertNil(HelpSyntax.target(of: "print('?')"))
        XCTAssertNil(HelpSyntax.target(of: "?"))
    }

    func testMimeBundlesOnlyKeepValidMimeTypes() {
        XCTAssertTrue(MimeBundles.isMimeType("text/html"))
        XCTAssertTrue(MimeBundles.isMimeType("application/vnd.beamtime+json"))
        XCTAssertFalse(MimeBundles.isMimeType("html"))
        XCTAssertFalse(MimeBundles.isMimeType("text/"))
    }
}
