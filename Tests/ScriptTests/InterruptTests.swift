import Foundation
import XCTest
@testable import Script

/// The kernel's interrupt: a flag another thread sets, seen within 100 ms.
final class InterruptTests: XCTestCase {
    func testInterruptStopsInfiniteLoopWithin100ms() {
        let interpreter = Interpreter(output: BufferedOutput())
        let session = Session(interpreter: interpreter)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: ScriptFailure?
        nonisolated(unsafe) var endedAt = Date.distantPast
        Thread.detachNewThread {
            failure = session.execute("while True:\n    pass").failure
            endedAt = Date()
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.2)
        let setAt = Date()
        interpreter.interrupt.set()
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(failure?.ename, "KeyboardInterrupt")
        XCTAssertLessThan(endedAt.timeIntervalSince(setAt), 0.1)
    }

    func testInterruptInsideGeneratorAndBuiltinLoops() {
        let interpreter = Interpreter(output: BufferedOutput())
        let session = Session(interpreter: interpreter)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: ScriptFailure?
        Thread.detachNewThread {
            failure = session.execute("def g():\n    while True:\n        yield 1\nsum(g())").failure
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.2)
        interpreter.interrupt.set()
        XCTAssertEqual(finished.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(failure?.ename, "KeyboardInterrupt")
    }
}
