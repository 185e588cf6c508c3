import XCTest
@testable import Script

final class SessionTests: XCTestCase {
    func testStatePersistsAndHistoryIsKept() {
        let session = Session()
        XCTAssertNil(session.execute("x = 20").value)
        let r = session.execute("x + 1")
        XCTAssertEqual(r.value?.asInt, 21)
        XCTAssertEqual(session.executionCount, 2)
        _ = session.execute("y = _ * 2")
        XCTAssertEqual(session.interpreter.global("y")?.asInt, 42)
        let out = session.execute("Out[2], In[1], len(In)")
        if case .tuple(let t)? = out.value {
            XCTAssertEqual(t[0].asInt, 21)
            if case .str(let s) = t[1] { XCTAssertEqual(s, "x = 20") } else { XCTFail() }
            XCTAssertEqual(t[2].asInt, 5)
        } else {
            XCTFail("expected a tuple")
        }
    }

    func testErrorsDoNotLoseState() {
        let session = Session()
        _ = session.execute("data = [1, 2, 3]")
        XCTAssertEqual(session.execute("data[10]").failure?.ename, "IndexError")
        XCTAssertEqual(session.execute("len(data)").value?.asInt, 3)
        XCTAssertEqual(session.execute("def broken(:").failure?.ename, "SyntaxError")
        XCTAssertEqual(session.execute("sum(data)").value?.asInt, 6)
    }

    func testStepBudgetStopsUntrustedCodeUncatchably() {
        let (_, failure) = runScript("while True:\n    try:\n        pass\n    except BaseException:\n        pass", stepBudget: 10_000)
        XCTAssertEqual(failure?.ename, "RuntimeError")
        XCTAssertTrue(failure?.evalue.contains("step budget") ?? false)
    }

    func testHugeAllocationsRaiseMemoryError() {
        XCTAssertEqual(runScript("x = [0] * (1 << 40)").failure?.ename, "MemoryError")
        XCTAssertEqual(runScript("x = 'ab' * (1 << 40)").failure?.ename, "MemoryError")
    }
}

final class DeepStructureTests: XCTestCase {
    /// Freeing a million nested lists and dicts must not recurse (CPython's "trashcan").
    func testFreeingDeeplyNestedContainersOnASmallStack() {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var printed = ""
        let thread = Thread {
            let out = BufferedOutput()
            let session = Session(interpreter: Interpreter(output: out))
            _ = session.execute("a = []\nfor i in range(300000):\n    a = [a, {'k': a}]\na = None\nprint('freed')")
            printed = out.stdout
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
        XCTAssertEqual(printed, "freed\n")
    }
}
