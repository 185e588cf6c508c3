import Foundation
import XCTest
@testable import Script

/// "Did you mean" suggestions: CPython 3.11's distance and limits, and the messages of
/// real programs compared with the reference CPython's.
final class SuggestionTests: XCTestCase {
    /// Distances as CPython computes them (3.12's `traceback._levenshtein_distance`, a port of
    /// 3.11's C code; on UTF-8 bytes for the non-ASCII pair, as 3.11's C code counts).
    func testDistancesMatchCPython() {
        let cases: [(String, String, Int)] = [
            ("f", "_", 2), ("a", "ab", 2), ("motr1", "motor1", 2), ("X", "x", 1), ("apend", "append", 2),
            ("NONE", "None", 3), ("tru", "True", 3), ("lni", "lin", 4), ("kitten", "sitting", 6),
            ("Motor", "motor", 1), ("abc", "ABC", 3), ("", "abc", 6), ("abc", "abc", 0), ("[", "{", 2),
            ("@", "`", 2), ("ä", "a", 4),
            (String(repeating: "x", count: 41) + "a", String(repeating: "x", count: 41) + "b", 2),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(NameSuggestion.levenshtein(Array(a.utf8), Array(b.utf8), maximumCost: 1000), expected, "\(a) / \(b)")
            XCTAssertEqual(NameSuggestion.levenshtein(Array(b.utf8), Array(a.utf8), maximumCost: 1000), expected, "\(b) / \(a)")
        }
        // Over 40 differing bytes after trimming: never close, whatever the limit.
        let long = (String(repeating: "a", count: 41) + "x", String(repeating: "b", count: 41) + "x")
        XCTAssertEqual(NameSuggestion.levenshtein(Array(long.0.utf8), Array(long.1.utf8), maximumCost: 1000), 1001)
        // Stops early once every entry of a row is over the limit.
        XCTAssertEqual(NameSuggestion.levenshtein(Array("kitten".utf8), Array("sitting".utf8), maximumCost: 3), 4)
    }

    func testOnlyCaseFlipsOfLettersAreCheap() {
        XCTAssertEqual(NameSuggestion.substitutionCost(UInt8(ascii: "a"), UInt8(ascii: "A")), 1)
        XCTAssertEqual(NameSuggestion.substitutionCost(UInt8(ascii: "a"), UInt8(ascii: "a")), 0)
        // Same five low bits, but not letters: a full substitution.
        XCTAssertEqual(NameSuggestion.substitutionCost(UInt8(ascii: "@"), UInt8(ascii: "`")), 2)
        XCTAssertEqual(NameSuggestion.substitutionCost(UInt8(ascii: "["), UInt8(ascii: "{")), 2)
        XCTAssertEqual(NameSuggestion.substitutionCost(UInt8(ascii: "f"), UInt8(ascii: "_")), 2)
    }

    func testTheLimitGrowsWithBothNames() {
        XCTAssertNil(NameSuggestion.closest(to: "f", in: ["_", "__", "g"]))
        XCTAssertEqual(NameSuggestion.closest(to: "a", in: ["_", "ab"]), "ab")
        XCTAssertEqual(NameSuggestion.closest(to: "ii", in: ["i", "I0"]), "i")
        XCTAssertNil(NameSuggestion.closest(to: "zzzz", in: ["zz"]))
        XCTAssertNil(NameSuggestion.closest(to: "x", in: ["x"]), "the name itself is no suggestion")
        // Equally close: the first in code-point order.
        XCTAssertEqual(NameSuggestion.closest(to: "abx", in: ["abz", "aby"]), "aby")
        // A closer candidate beats an earlier one.
        XCTAssertEqual(NameSuggestion.closest(to: "motr", in: ["motors", "motor"]), "motor")
    }

    func testTooManyCandidatesOfferNothing() {
        let many = (0..<749).map { "name\($0)" } + ["motor1"]
        XCTAssertNil(NameSuggestion.closest(to: "motr1", in: many))
        XCTAssertEqual(NameSuggestion.closest(to: "motr1", in: Array(many.dropFirst())), "motor1")
    }

    func testOneLetterNamesGetNoUnderscore() {
        // The session defines IPython's _, __ and ___; a one-letter typo is not one of them.
        let session = Session()
        _ = session.execute("1 + 1")
        XCTAssertEqual(session.execute("f(1)").failure?.evalue, "name 'f' is not defined")
        XCTAssertEqual(session.execute("x = 1\ny = x + z").failure?.evalue, "name 'z' is not defined")
        XCTAssertEqual(session.execute("ab = 1\na").failure?.evalue, "name 'a' is not defined. Did you mean: 'ab'?")
    }

    func testLocalsThenGlobalsThenBuiltins() {
        // A worse local beats a better global: the locals are searched first.
        let failure = runScript("lengths = 1\ndef f():\n    lxngxh = 2\n    return length\nf()").failure
        XCTAssertEqual(failure?.evalue, "name 'length' is not defined. Did you mean: 'lxngxh'?")
        // A global beats a builtin.
        XCTAssertEqual(runScript("lens = 1\nlenn").failure?.evalue, "name 'lenn' is not defined. Did you mean: 'lens'?")
        XCTAssertEqual(runScript("lenn").failure?.evalue, "name 'lenn' is not defined. Did you mean: 'len'?")
    }

    /// Programs ending in a NameError or AttributeError: the last line of CPython's traceback
    /// and ours must be the same, suggestion included.
    static let programs = [
        "f(1)", "a = 1\nb", "ab = 1\na", "i = 1\nii", "x = 1\nX", "zz = 1\nzzzz", "lin = 3\nprint(lni)",
        "print(tru)", "print(NONE)", "while Tru: pass", "x = 1\ny = x + z", "def h(a, b):\n    return a + c\nh(1, 2)",
        "def f():\n    total = 1\n    return totl\nf()", "count = 1\ndef f():\n    cnt = 2\n    return coutn\nf()",
        "def f():\n    cnt = 2\n    return coun\nf()", "def outer():\n    data = 1\n    def inner():\n        return dta\n    return inner()\nouter()",
        "lenght = 3\nprint(lenght + lengt)", "ab = 1\näb", "cafe = 1\ncafé", "pritn(1)", "lenn([])", "rnage(3)", "flaot(1)",
        "Print(1)", "motor1 = 1\nmotr1", "lengths = 1\ndef f():\n    lxngxh = 2\n    return length\nf()",
        "xs = []\nxs.apend(1)", "xs = []\nxs.Append(1)", "d = {}\nd.itms()", "d = {}\nd.gett(1)", "s = ''\ns.spilt()",
        "xs = [1]\nxs.sortt()", "import math\nmath.sqr(2)", "import math\nmath.pii", "(1).bitlength()",
    ]

    func testMessagesMatchCPython() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("beamtime-suggestions-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var mismatches: [String] = []
        for (index, program) in SuggestionTests.programs.enumerated() {
            let file = directory.appendingPathComponent("program\(index).py")
            try program.write(to: file, atomically: true, encoding: .utf8)
            let reference = try lastLineOfCPythonTraceback(file)
            let ours = runScript(program).failure.map { "\($0.ename): \($0.evalue)" } ?? "no exception"
            if ours != reference { mismatches.append("\(program.debugDescription):\n  CPython: \(reference)\n  ours:    \(ours)") }
        }
        XCTAssert(mismatches.isEmpty, "\(mismatches.count) messages differ from \(referencePython):\n" + mismatches.joined(separator: "\n"))
    }

    private func lastLineOfCPythonTraceback(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [referencePython, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return process.terminationStatus == 0 ? "no exception" : lines.last.map(String.init) ?? "no output"
    }
}
