import XCTest
import JSON
@testable import Executor
import Notebook

final class NotebookExecutorTests: XCTestCase {
    func template(_ sources: [String], parametersCell: Bool = true) -> Notebook {
        var cells = [Cell(type: "markdown", source: "# Report", id: "m1")]
        if parametersCell { cells.append(Cell(type: "code", source: "alpha = 1", id: "p1", tags: ["parameters"])) }
        cells += sources.enumerated().map { Cell(type: "code", source: $0.element, id: "c\($0.offset)") }
        return Notebook(cells: cells, metadata: ["kernelspec": ["name": "fake", "display_name": "Fake", "language": "python"]])
    }

    func run(_ notebook: Notebook, _ configure: (inout ExecutionSettings) -> Void = { _ in })
        -> (notebook: Notebook, outcome: ExecutionOutcome, kernel: FakeKernel, saves: [Notebook]) {
        let kernel = FakeKernel()
        var saves: [Notebook] = []
        let executor = NotebookExecutor(makeKernel: { _ in kernel }, save: { saves.append($0) })
        var settings = ExecutionSettings(inputPath: "in.ipynb", outputPath: "out.ipynb")
        configure(&settings)
        let (out, outcome) = try! executor.execute(notebook, settings: settings)
        return (out, outcome, kernel, saves)
    }

    func testCompletedRunHasPapermillMetadataAndNbclientTimings() {
        let result = run(template(["print hi\n42", ""])) { $0.parameters = [("alpha", .int(2))] }
        XCTAssertEqual(result.outcome, .completed)
        let cells = result.notebook.cells
        XCTAssertEqual(cells.map(\.tags), [[], ["parameters"], ["injected-parameters"], [], []])
        XCTAssertEqual(cells[2].source, "# Parameters\nalpha = 2\n")
        XCTAssertEqual(result.kernel.executed, ["alpha = 1", "# Parameters\nalpha = 2\n", "print hi\n42"], "blank cells are not sent")
        XCTAssertEqual(cells.map { $0.papermill["status"]?.string }, Array(repeating: "completed", count: 5))
        XCTAssertEqual(cells[3].outputs.count, 2)
        XCTAssertEqual(cells[3].executionCount, 3)
        XCTAssertEqual(Set(cells[3].metadata["execution"]?.object?.keys ?? []),
                       ["iopub.status.busy", "iopub.execute_input", "iopub.status.idle", "shell.execute_reply"])
        let papermill = result.notebook.metadata["papermill"]?.object ?? [:]
        XCTAssertEqual(papermill["parameters"], ["alpha": 2])
        XCTAssertEqual(papermill["exception"], .null)
        XCTAssertEqual(papermill["input_path"], "in.ipynb")
        XCTAssertNotNil(papermill["duration"]?.double)
        XCTAssertEqual(result.notebook.metadata["language_info"], ["name": "fake"])
        XCTAssertTrue(result.kernel.shutDown)
        XCTAssertGreaterThanOrEqual(result.saves.count, 10, "saved at the start and around every cell")
    }

    func testFailingCellStopsTheRunAndIsMarked() {
        let result = run(template(["print a", "fail", "print never"]))
        XCTAssertEqual(result.outcome, .cellFailed(cellIndex: 5, ename: "ValueError", evalue: "bad"))
        XCTAssertEqual(result.outcome.exitStatus, 1)
        let cells = result.notebook.cells
        XCTAssertEqual(cells.count, 7)
        XCTAssertTrue(cells[0].source.contains("An Exception was encountered at '<a href=\"#papermill-error-cell\">In [3]</a>'"))
        XCTAssertTrue(cells[4].source.contains("id=\"papermill-error-cell\""))
        XCTAssertEqual(cells[5].papermill["status"], "failed")
        XCTAssertEqual(cells[5].papermill["exception"], true)
        XCTAssertEqual(cells[6].papermill["status"], "pending")
        XCTAssertEqual(cells[6].executionCount, .null)
        XCTAssertEqual(result.kernel.executed.count, 3)
        XCTAssertEqual(result.notebook.metadata["papermill"]?.object?["exception"], true)
    }

    func testRaisesExceptionTagLetsTheRunContinue() {
        var notebook = template(["fail", "print after"])
        var cells = notebook.cells
        cells[2].tags = ["raises-exception"]
        notebook.cells = cells
        let result = run(notebook)
        XCTAssertEqual(result.kernel.executed.last, "print after")
        // papermill still reports the error output at the end, like raise_for_execution_errors.
        XCTAssertEqual(result.outcome.exitStatus, 1)
    }

    func testDeadKernelIsAFailedCellWithTheReasonAndExit138() {
        let result = run(template(["print a", "die", "print never"]))
        XCTAssertEqual(result.outcome, .kernelFailed(.died("killed by signal 9 (SIGKILL)")))
        XCTAssertEqual(result.outcome.exitStatus, 138)
        let dead = result.notebook.cells[5]
        XCTAssertEqual(dead.papermill["status"], "failed", "papermill would say completed")
        XCTAssertEqual(dead.outputs.last?.object?["ename"], "DeadKernelError")
        XCTAssertEqual(result.notebook.cells[6].papermill["status"], "pending")
        XCTAssertEqual(result.saves.last, result.notebook)
    }

    func testTimeoutIsReportedAsSuch() {
        let result = run(template(["hang"])) { $0.executionTimeout = 2 }
        XCTAssertEqual(result.outcome, .kernelFailed(.timedOut(2)))
        XCTAssertEqual(result.outcome.exitStatus, 1)
        XCTAssertTrue(result.notebook.cells[4].outputs.last?.object?["evalue"]?.string?.contains("execution timeout of 2 s") == true)
    }

    func testKernelThatDoesNotStartLeavesCellsPendingAndSaysWhy() {
        let kernel = FakeKernel()
        kernel.startFailure = .startFailed("no kernel named 'fake'")
        var saved: Notebook?
        let executor = NotebookExecutor(makeKernel: { _ in kernel }, save: { saved = $0 })
        let (out, outcome) = try! executor.execute(template(["print a"]), settings: ExecutionSettings(inputPath: "i", outputPath: "o"))
        XCTAssertEqual(outcome.exitStatus, 1)
        XCTAssertEqual(out.cells.map { $0.papermill["status"]?.string }, ["pending", "pending", "pending"])
        XCTAssertEqual(out.metadata["papermill"]?.object?["exception"], true)
        XCTAssertEqual(saved, out)
    }

    func testNoParametersCellPutsTheInjectedCellFirst() {
        let result = run(template(["print a"], parametersCell: false)) { $0.parameters = [("x", "s")] }
        XCTAssertEqual(result.notebook.cells.first?.tags, ["injected-parameters"])
    }

    func testPrepareOnlyRunsNothing() {
        let result = run(template(["print a"])) {
            $0.prepareOnly = true
            $0.parameters = [("alpha", .double(0.5))]
        }
        XCTAssertEqual(result.outcome, .prepared)
        XCTAssertFalse(result.kernel.started)
        XCTAssertEqual(result.notebook.cells[2].source, "# Parameters\nalpha = 0.5\n")
    }

    func testDisplayUpdatesReachEarlierCellsAndClearWaits() {
        let result = run(template(["show d1", "update d1\nprint x", "print gone\nclear\nprint kept"]))
        let cells = result.notebook.cells
        XCTAssertEqual(cells[2].outputs.first?.object?["data"], ["text/plain": "updated"])
        XCTAssertEqual(cells[4].outputs.map { $0.object?["text"] }, ["kept\n"])
    }

    func testErrorMarkersOfAnEarlierRunAreRemoved() {
        let failed = run(template(["fail"])).notebook
        let again = run(failed)
        XCTAssertEqual(again.notebook.cells.filter { $0.tags.contains("papermill-error-cell-tag") }.count, 2)
    }

    func testMissingKernelNameIsAClearError() {
        let executor = NotebookExecutor(makeKernel: { _ in FakeKernel() }, save: { _ in })
        let notebook = Notebook(cells: [Cell(type: "code", source: "1", id: "a")])
        XCTAssertThrowsError(try executor.execute(notebook, settings: ExecutionSettings(inputPath: "i", outputPath: "o"))) {
            XCTAssertTrue("\($0)".contains("No kernel name found"))
        }
    }

    func testOldMinorVersionsAreUpgradedWithIDs() throws {
        let text = #"{"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "1"}], "metadata": {"kernelspec": {"name": "fake"}}, "nbformat": 4, "nbformat_minor": 2}"#
        let result = run(try Notebook(text: text))
        XCTAssertEqual(result.notebook.minor, 5)
        XCTAssertNotNil(result.notebook.cells[0].id)
        XCTAssertEqual(result.notebook.metadata["orig_nbformat_minor"], 2)
    }
}
