import XCTest
@testable import Script

/// An object whose comparisons build expressions instead of answering True/False.
final class Symbol: ScriptObject {
    let name: String
    init(_ name: String) { self.name = name }
    var typeName: String { "Symbol" }
    func repr(_ interpreter: Interpreter) throws -> String { name }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op != .in, op != .notIn, op != .is, op != .isNot else { return nil }
        return .str("\(name) \(op.rawValue) \(try interpreter.repr(other))")
    }
}

final class RichCompareTests: XCTestCase {
    func testNativeObjectsChooseWhatAComparisonReturns() {
        let output = BufferedOutput()
        let interpreter = Interpreter(output: output)
        interpreter.setBuiltin("x", .object(Symbol("x")))
        let result = Session(interpreter: interpreter).execute("""
        print(x > 3, 3 < x, x == 'a', x != 1)
        print(1 < 2 < 3, 1 < 3 < 2)
        print(x is x, 0 < x < 5)
        """)
        XCTAssertNil(result.failure, result.failure?.traceback.joined(separator: "\n") ?? "")
        XCTAssertEqual(output.stdout, "x > 3 x > 3 x == 'a' x != 1\nTrue False\nTrue x < 5\n")
    }
}
