import XCTest
@testable import Script

final class TimeModuleTests: XCTestCase {
    func testClocksAndSleep() {
        let text = output("""
        import time
        t0 = time.perf_counter()
        w = time.time()
        time.sleep(0.05)
        d = time.perf_counter() - t0
        print(0.04 < d < 1.0, w > 1.7e9, time.monotonic() > 0)
        """)
        XCTAssertEqual(text, "True True True\n")
        XCTAssertEqual(runScript("import time\ntime.sleep(-1)").1?.ename, "ValueError")
        XCTAssertEqual(runScript("import time\ntime.sleep('x')").1?.ename, "TypeError")
    }

    func testSleepIsInterruptible() {
        let interpreter = Interpreter()
        let session = Session(interpreter: interpreter)
        let flag = interpreter.interrupt
        let thread = Thread {
            usleep(100_000)
            flag.set()
        }
        thread.start()
        let started = Date()
        let result = session.execute("import time\ntime.sleep(5)")
        XCTAssertEqual(result.failure?.ename, "KeyboardInterrupt")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }
}
