import XCTest
@testable import Script

final class LexerTests: XCTestCase {
    func kinds(_ s: String) throws -> [String] {
        try Lexer.tokenize(s).map { t in
            switch t.kind {
            case .name: return "N:\(t.text)"
            case .int(let i): return "I:\(i)"
            case .float(let d): return "F:\(d)"
            case .string(let l): return "S:\(l.value)"
            case .op: return t.text
            case .newline: return "NL"
            case .indent: return "IN"
            case .dedent: return "DE"
            case .end: return "END"
            }
        }
    }

    func testIndentAndDedent() throws {
        XCTAssertEqual(try kinds("if x:\n    y\nz\n"), ["if", "N:x", ":", "NL", "IN", "N:y", "NL", "DE", "N:z", "NL", "END"])
    }

    func testImplicitAndExplicitLineJoining() throws {
        XCTAssertEqual(try kinds("a = (1,\n     2)\nb = 1 + \\\n    2\n"),
                       ["N:a", "=", "(", "I:1", ",", "I:2", ")", "NL", "N:b", "=", "I:1", "+", "I:2", "NL", "END"])
    }

    func testNumbers() throws {
        XCTAssertEqual(try kinds("0x1F 0b101 0o17 1_000 1.5 .5 1e-3 1_000.0"),
                       ["I:31", "I:5", "I:15", "I:1000", "F:1.5", "F:0.5", "F:0.001", "F:1000.0", "NL", "END"])
    }

    func testStringsAndEscapes() throws {
        XCTAssertEqual(try kinds(#"'a\tb' "\x41\u00e9\U0001F600" r"\n""#), ["S:a\tb", "S:Aé😀", #"S:\n"#, "NL", "END"])
        XCTAssertEqual(try kinds("'''x\ny'''"), ["S:x\ny", "NL", "END"])
    }

    func testCommentsAndBlankLines() throws {
        XCTAssertEqual(try kinds("# c\n\nx  # t\n"), ["N:x", "NL", "END"])
    }

    func testErrors() {
        XCTAssertThrowsError(try Lexer.tokenize("x = 'abc")) { e in
            XCTAssertEqual((e as? ScriptSyntaxError)?.isIncomplete, false)
        }
        XCTAssertThrowsError(try Lexer.tokenize("s = '''abc")) { e in
            XCTAssertEqual((e as? ScriptSyntaxError)?.isIncomplete, true)
        }
        XCTAssertThrowsError(try Lexer.tokenize("f(1,")) { e in
            XCTAssertEqual((e as? ScriptSyntaxError)?.isIncomplete, true)
        }
        XCTAssertThrowsError(try Lexer.tokenize("if x:\n        a\n    b\n")) { e in
            XCTAssertEqual((e as? ScriptSyntaxError)?.kind, .indentation)
        }
        XCTAssertThrowsError(try Lexer.tokenize("x = 99999999999999999999")) { e in
            XCTAssertTrue((e as? ScriptSyntaxError)?.message.contains("64-bit") ?? false)
        }
        XCTAssertThrowsError(try Lexer.tokenize(String(repeating: "(", count: 250)))
    }
}
