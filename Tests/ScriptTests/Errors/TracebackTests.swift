import XCTest
@testable import Script

final class TracebackTests: XCTestCase {
    func testCellTracebackHasFramesLinesAndCarets() {
        let session = Session()
        _ = session.execute("x = 1")
        let result = session.execute("def f(a):\n    return a / 0\n\nf(3)")
        guard let failure = result.failure else { return XCTFail("expected an error") }
        XCTAssertEqual(failure.ename, "ZeroDivisionError")
        XCTAssertEqual(failure.evalue, "division by zero")
        let text = failure.traceback.joined(separator: "\n")
        XCTAssertTrue(text.contains("Cell In[2], line 4"), text)
        XCTAssertTrue(text.contains("Cell In[2], line 2, in f"), text)
        XCTAssertTrue(text.contains("----> 4 f(3)") || text.contains("--> 4 f(3)"), text)
        XCTAssertTrue(text.contains("           ^^^^^"), text)
        XCTAssertTrue(text.contains("^^^^^"), text)
        XCTAssertEqual(failure.traceback.last, "ZeroDivisionError: division by zero")
    }

    func testCaretUnderTheFailingSubexpression() {
        let session = Session()
        let failure = session.execute("d = {'a': 1}\nvalue = 1 + d['b']").failure
        let text = failure?.traceback.joined(separator: "\n") ?? ""
        XCTAssertEqual(failure?.ename, "KeyError")
        XCTAssertTrue(text.contains("--> 2 value = 1 + d['b']\n                    ^^^^^^"), text)
    }

    func testColouredTracebackUsesAnsi() {
        let session = Session(colourTracebacks: true)
        let failure = session.execute("undefined_name").failure
        XCTAssertTrue(failure?.traceback.joined().contains("\u{1B}[") ?? false)
    }

    func testNameErrorSuggestion() {
        let session = Session()
        _ = session.execute("motor1 = 5")
        let failure = session.execute("motr1 + 1").failure
        XCTAssertEqual(failure?.ename, "NameError")
        XCTAssertEqual(failure?.evalue, "name 'motr1' is not defined. Did you mean: 'motor1'?")
    }

    func testAttributeErrorSuggestion() {
        let failure = Session().execute("[].apend(1)").failure
        XCTAssertEqual(failure?.evalue, "'list' object has no attribute 'apend'. Did you mean: 'append'?")
    }

    func testSyntaxErrorReportsLineAndColumn() {
        let failure = Session().execute("x = 1\nprint(x))").failure
        XCTAssertEqual(failure?.ename, "SyntaxError")
        XCTAssertEqual(failure?.isSyntaxError, true)
        let text = failure?.traceback.joined(separator: "\n") ?? ""
        XCTAssertTrue(text.contains("Cell In[1], line 2"), text)
        XCTAssertTrue(text.contains("        ^"), text)
    }

    func testChainedExceptionsShowContext() {
        let failure = Session().execute("try:\n    1/0\nexcept ZeroDivisionError:\n    raise ValueError('bad')").failure
        let text = failure?.traceback.joined(separator: "\n") ?? ""
        XCTAssertTrue(text.contains("During handling of the above exception, another exception occurred"), text)
        XCTAssertEqual(failure?.ename, "ValueError")
    }
}

final class ExceptionChainTests: XCTestCase {
    func testLongAndCyclicChainsRenderWithoutRecursion() {
        let long = runOnSmallStack("""
        prev = None
        for i in range(100000):
            try:
                raise ValueError(i) from prev
            except ValueError as e:
                prev = e
        raise prev
        """)
        XCTAssertEqual(long.failure?.ename, "ValueError")
        XCTAssertLessThan(long.failure?.traceback.count ?? 0, 1000)
        XCTAssertTrue(long.failure?.traceback.joined().contains("direct cause") ?? false)
        let cyclic = runOnSmallStack("""
        try:
            raise KeyError('a')
        except KeyError as a:
            first = a
            try:
                raise IndexError('b')
            except IndexError as b:
                second = b
        try:
            raise second
        except IndexError:
            raise first
        """)
        XCTAssertEqual(cyclic.failure?.ename, "KeyError")
        let closures = runOnSmallStack("f = lambda: 0\nfor i in range(300000):\n    f = (lambda g: lambda: g)(f)\nf = None\nprint('freed')")
        XCTAssertNil(closures.failure)
        XCTAssertEqual(closures.stdout, "freed\n")
    }
}
