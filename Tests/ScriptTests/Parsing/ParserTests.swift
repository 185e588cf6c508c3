import XCTest
@testable import Script

final class ParserTests: XCTestCase {
    func testPrecedenceMatchesPython() {
        XCTAssertEqual(output("print(1 + 2 * 3 ** 2, -2 ** 2, not 1 == 2, 1 | 2 ^ 3 & 4, 2 ** -1, 1 < 2 < 3 > 2)"),
                       "19 -4 True 3 0.5 True\n")
        XCTAssertEqual(output("print(1 if 0 else 2 if 1 else 3, (lambda x: x or 5)(0), 7 // 2 * 3 % 4)"), "2 5 1\n")
    }

    func testStatementsParse() throws {
        let body = try Parser.parse("@d\ndef f(a, b=1, *args, k, **kw):\n    '''doc'''\n    return a\n")
        guard case .functionDef(let def)? = body.first?.kind else { return XCTFail("expected def") }
        XCTAssertEqual(def.parameters.allNames, ["a", "b", "args", "k", "kw"])
        XCTAssertEqual(def.docstring, "doc")
        XCTAssertEqual(def.decorators.count, 1)
    }

    func testSyntaxErrorsHavePositions() {
        XCTAssertThrowsError(try Parser.parse("x = 1\ny = = 2")) { e in
            let s = e as? ScriptSyntaxError
            XCTAssertEqual(s?.position.line, 2)
            XCTAssertEqual(s?.position.column, 4)
            XCTAssertEqual(s?.isIncomplete, false)
        }
        XCTAssertThrowsError(try Parser.parse("f(a=1, 2)")) { e in
            XCTAssertEqual((e as? ScriptSyntaxError)?.message, "positional argument follows keyword argument")
        }
        XCTAssertThrowsError(try Parser.parse("1 = x")) { e in
            XCTAssertTrue((e as? ScriptSyntaxError)?.message.hasPrefix("cannot assign to literal") ?? false)
        }
        XCTAssertThrowsError(try Parser.parse("class A: pass")) { e in
            XCTAssertTrue((e as? ScriptSyntaxError)?.message.contains("class definitions are not supported") ?? false)
        }
    }

    func testIncompleteInput() {
        for code in ["if x:", "def f():", "x = [1,", "s = '''a"] {
            XCTAssertThrowsError(try Parser.parse(code)) { e in
                XCTAssertEqual((e as? ScriptSyntaxError)?.isIncomplete, true, code)
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "-", count: 100_000) + "1"
        XCTAssertEqual(exceptionName(deep), "SyntaxError")
        XCTAssertEqual(exceptionName(String(repeating: "[", count: 199) + String(repeating: "]", count: 199)), nil)
    }

    func testFStrings() {
        XCTAssertEqual(output("x = 3.14159\nw = 8\nprint(f'{x:.2f}|{x!r}|{x:>{w}.1f}|{{}}|{x=}')"),
                       "3.14|3.14159|     3.1|{}|x=3.14159\n")
    }
}
