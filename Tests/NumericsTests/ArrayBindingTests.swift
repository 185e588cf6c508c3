import XCTest
import Script
@testable import Numerics

final class ArrayBindingTests: XCTestCase {
    private func session() -> Session {
        let session = Session()
        NumpyModule.install(into: session.interpreter)
        return session
    }

    func testArraysDisplayAsAnHTMLTableWithNumpysTextBeside() throws {
        let s = session()
        guard case .object(let o)? = s.evaluate("np.arange(6).reshape(2, 3) * 1.5").value else { return XCTFail("no array") }
        let bundle = try o.displayData(s.interpreter) ?? [:]
        XCTAssertEqual(bundle["text/plain"], "array([[0. , 1.5, 3. ],\n       [4.5, 6. , 7.5]])")
        let html = bundle["text/html"] ?? ""
        XCTAssertTrue(html.contains("<td>7.5</td>"), html)
        XCTAssertTrue(html.contains("ndarray (2, 3) float64"))
    }

    func testLargeArraysAreCutInTheTable() throws {
        let s = session()
        guard case .object(let o)? = s.evaluate("np.zeros((100, 30))").value else { return XCTFail("no array") }
        let html = try o.displayData(s.interpreter)?["text/html"] ?? ""
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 52, "header, 50 rows and an ellipsis row")
        XCTAssertTrue(html.contains("<th>…</th>"))
    }

    func testErrorsAreNumpysExceptions() {
        let s = session()
        XCTAssertEqual(s.evaluate("np.ones(3) + np.ones(4)").failure?.ename, "ValueError")
        XCTAssertEqual(s.evaluate("np.arange(3)[5]").failure?.ename, "IndexError")
        XCTAssertEqual(s.evaluate("np.zeros((10**7, 10**7))").failure?.ename, "MemoryError")
        XCTAssertEqual(s.evaluate("np.arange(0, 1, 0)").failure?.ename, "ZeroDivisionError")
    }

    func testAugmentedAssignmentWritesThroughViews() {
        let s = session()
        _ = s.evaluate("a = np.zeros((2, 3))\nrow = a[1]\nrow += 2\n")
        XCTAssertEqual(s.evaluate("a.tolist()").value.map { (try? s.interpreter.repr($0)) ?? "" }, "[[0.0, 0.0, 0.0], [2.0, 2.0, 2.0]]")
    }
}
