import XCTest
@testable import Script

final class IsCompleteTests: XCTestCase {
    /// The answers of IPython 8's TransformerManager.check_complete for the same inputs.
    func testMatchesIPython() {
        let cases: [(String, CompletenessStatus)] = [
            ("1+1", .complete),
            ("x = (1,", .incomplete(indent: "")),
            ("if x:", .incomplete(indent: "    ")),
            ("if x:\n    pass", .incomplete(indent: "    ")),
            ("if x:\n    pass\n", .complete),
            ("a = 1 \\", .incomplete(indent: "")),
            ("s = \"\"\"abc", .incomplete(indent: "")),
            ("@dec", .incomplete(indent: "")),
            ("@dec\ndef f():", .incomplete(indent: "    ")),
            ("def f():\n    return 1\n", .complete),
            ("1+", .invalid),
            ("x = )", .invalid),
            ("for i in range(3):\n    if i:", .incomplete(indent: "        ")),
            ("print(\"a\"\n", .incomplete(indent: "")),
        ]
        for (code, expected) in cases {
            XCTAssertEqual(Session.isComplete(code), expected, code.debugDescription)
        }
    }
}

final class CompletionTests: XCTestCase {
    func testNamesAttributesAndDictKeys() {
        let session = Session()
        _ = session.execute("motor = 1\nmotor1 = 2\nmotor2 = 3\nimport math\nd = {'energy': 1, 'émission': 2}")
        let names = session.complete("x = mot", cursor: 7)
        XCTAssertEqual(names.matches, ["motor", "motor1", "motor2"])
        XCTAssertEqual(names.cursorStart, 4)
        XCTAssertEqual(names.cursorEnd, 7)
        let attrs = session.complete("math.sq", cursor: 7)
        XCTAssertEqual(attrs.matches, ["sqrt"])
        XCTAssertEqual(attrs.cursorStart, 5)
        let keys = session.complete("d['é", cursor: 4)
        XCTAssertEqual(keys.matches, ["émission'"])
        XCTAssertEqual(keys.cursorStart, 3)
        XCTAssertTrue(session.complete("wh", cursor: 2).matches.contains("while"))
        XCTAssertEqual(session.complete("'abc'.up", cursor: 8).matches, ["upper"])
        XCTAssertEqual(session.complete("[1, 2].app", cursor: 10).matches, ["append"])
        XCTAssertEqual(session.complete("{}.ke", cursor: 5).matches, ["keys"])
    }

    func testImportStatementsCompleteModulesAndTheirNames() {
        let session = Session()
        XCTAssertEqual(session.complete("import ma", cursor: 9).matches, ["math"])
        XCTAssertEqual(session.complete("from ma", cursor: 7).matches, ["math"])
        XCTAssertEqual(session.complete("from math import sq", cursor: 19).matches, ["sqrt"])
        XCTAssertEqual(session.complete("from math import pi, sq", cursor: 23).matches, ["sqrt"])
        XCTAssertEqual(session.complete("x = 1\nimport t", cursor: 14).matches, ["time"])
        XCTAssertEqual(session.complete("from nosuch import a", cursor: 20).matches, [])
        XCTAssertTrue(session.complete("ma", cursor: 2).matches.contains("map"), "outside import statements names stay names")
    }

    func testInspectionShowsSignatureAndDocstring() {
        let session = Session()
        _ = session.execute("def scan(detectors, motor, start, stop, num=11):\n    '''Scan a motor and read the detectors.'''\n    pass")
        let r = session.inspect("scan(", cursor: 5)
        XCTAssertEqual(r?.signature, "scan(detectors, motor, start, stop, num=11)")
        XCTAssertEqual(r?.docstring, "Scan a motor and read the detectors.")
        let builtin = session.inspect("len", cursor: 1)
        XCTAssertEqual(builtin?.signature, "len(obj, /)")
        XCTAssertNil(session.inspect("nothing_here", cursor: 3))
    }
}
