import XCTest
import JSON
@testable import Executor

final class ParameterArgumentTests: XCTestCase {
    func testYAMLScalarsResolveAsPyYAMLDoes() throws {
        let pairs = try YAMLParameters.parse("""
        # comment
        a: 1
        b: 1.5
        c: 1e3
        d: yes
        e: ~
        f: 'it''s'
        g: "tab\\there \\u00e9"
        h: [1, two, 3.0]
        i: {x: 1, y: [a, b]}
        j: 0x1f
        k: 017
        l: .inf
        m: plain text # trailing comment
        n:
          - 1
          - q: 2
        o:
          nested: true
        """)
        let values = Dictionary(uniqueKeysWithValues: pairs)
        XCTAssertEqual(pairs.map(\.0), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"])
        XCTAssertEqual(values["a"], 1)
        XCTAssertEqual(values["b"], 1.5)
        XCTAssertEqual(values["c"], "1e3")
        XCTAssertEqual(values["d"], true)
        XCTAssertEqual(values["e"], .null)
        XCTAssertEqual(values["f"], "it's")
        XCTAssertEqual(values["g"], "tab\there é")
        XCTAssertEqual(values["h"], [1, "two", 3.0])
        XCTAssertEqual(values["i"], ["x": 1, "y": ["a", "b"]])
        XCTAssertEqual(values["j"], 31)
        XCTAssertEqual(values["k"], 15)
        XCTAssertEqual(values["l"], .double(.infinity))
        XCTAssertEqual(values["m"], "plain text")
        XCTAssertEqual(values["n"], [1, ["q": 2]])
        XCTAssertEqual(values["o"], ["nested": true])
    }

    func testUnsupportedYAMLIsRefusedClearly() {
        XCTAssertThrowsError(try YAMLParameters.parse("a: &anchor 1")) { XCTAssertTrue("\($0)".contains("anchors")) }
        XCTAssertThrowsError(try YAMLParameters.parse("a: |\n  text")) { XCTAssertTrue("\($0)".contains("block scalars")) }
        XCTAssertThrowsError(try YAMLParameters.parse("- 1\n- 2")) { XCTAssertTrue("\($0)".contains("mapping")) }
        XCTAssertThrowsError(try YAMLParameters.parse("a: [1, 2")) { XCTAssertTrue("\($0)".contains("unclosed")) }
    }

    func testLaterFormsOverrideEarlierOnesInPapermillsOrder() throws {
        var arguments = ParameterArguments()
        arguments.yaml = ["a: 1\nb: 2\nc: 3"]
        arguments.inferred = [("b", "2.5"), ("d", "True")]
        arguments.raw = [("c", "3"), ("a", "None")]
        let merged = try arguments.merged()
        XCTAssertEqual(merged.map(\.0), ["a", "b", "c", "d"])
        XCTAssertEqual(merged.map(\.1), ["None", 2.5, "3", true])
    }

    func testBase64Parameters() throws {
        var arguments = ParameterArguments()
        arguments.base64 = ["eDogMQ=="]  // "x: 1"
        XCTAssertEqual(try arguments.merged().first?.1, 1)
        arguments.base64 = ["not base64!"]
        XCTAssertThrowsError(try arguments.merged())
    }

    func testOutputPathsTakeParameters() throws {
        XCTAssertEqual(try PathTemplate.fill("out/{run}-{n}.ipynb", with: [("run", "abc"), ("n", 3)]), "out/abc-3.ipynb")
        XCTAssertThrowsError(try PathTemplate.fill("out/{missing}.ipynb", with: [])) {
            XCTAssertTrue("\($0)".contains("Missing parameter 'missing'"))
        }
    }
}
