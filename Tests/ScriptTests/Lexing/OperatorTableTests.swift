import XCTest
@testable import Script

/// The allocation-free operator matcher agrees with the table of Python's operators.
final class OperatorTableTests: XCTestCase {
    func testEveryOperatorIsRecognisedWhole() {
        for op in Lexer.operators {
            let s = Array(op.unicodeScalars)
            XCTAssertEqual(Lexer.operatorLength(s[0], s.count > 1 ? s[1] : nil, s.count > 2 ? s[2] : nil), s.count, op)
        }
    }

    func testNoOtherPunctuationRunIsAnOperator() {
        let punctuation = Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ a1".unicodeScalars)
        for a in punctuation {
            for b in punctuation {
                for c in punctuation {
                    let n = Lexer.operatorLength(a, b, c)
                    let text = String(String.UnicodeScalarView([a, b, c].prefix(n)))
                    if n > 0 { XCTAssertTrue(Lexer.operators.contains(text), "\(text) is not an operator") }
                    // The longest match wins.
                    let two = String(String.UnicodeScalarView([a, b]))
                    let three = String(String.UnicodeScalarView([a, b, c]))
                    if Lexer.operators.contains(three) { XCTAssertEqual(n, 3, three) }
                    else if Lexer.operators.contains(two) { XCTAssertEqual(n, 2, two) }
                }
            }
        }
    }
}
