import XCTest
import JSON
@testable import Report

/// ANSIText.html against nbconvert's ansi2html on the same corpus (ANSIFixtures.swift).
final class ANSITextTests: XCTestCase {
    func testEveryCorpusEntryMatchesNbconvert() throws {
        let pairs = try JSONValue.parse(ANSIFixtures.pairs).array ?? []
        XCTAssertGreaterThan(pairs.count, 50)
        for pair in pairs {
            guard let input = pair.array?[0].string, let expected = pair.array?[1].string else { return XCTFail("bad fixture") }
            XCTAssertEqual(ANSIText.html(input), expected, "input: \(input.debugDescription)")
        }
    }

    func testMarkupIsEscapedSoOutputCannotInjectScript() {
        XCTAssertEqual(ANSIText.html("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
    }
}
