import Foundation
import XCTest
@testable import Script

/// A small deterministic PRNG (SplitMix64) so the fuzz run is the same every time.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Robustness: no input may crash or hang the interpreter; every failure is a Python
/// exception with a name of the builtin hierarchy.
final class FuzzTests: XCTestCase {
    static let tokens = ["def", "f", "(", ")", ":", "\n", "    ", "return", "yield", "from", "for", "x", "in", "range", "10",
                         "if", "else", "while", "True", "False", "None", "[", "]", "{", "}", ",", "=", "+", "-", "*", "**",
                         "/", "//", "%", "lambda", "try", "except", "finally", "raise", "ValueError", "'s'", "\"t\"", "f'{x}'",
                         "1.5", "0x1F", "not", "and", "or", "is", ".", "append", "print", "len", "import", "math", "sys", "*",
                         "global", "nonlocal", "del", "assert", "pass", "break", "continue", "9223372036854775807", "<", ">=",
                         "==", "!=", "~", "<<", ">>", "&", "|", "^", "@", "\\", "#", "'''", "\"\"\"", "\t", ";", "...", "g", "next"]

    static let knownNames: Set<String> = Set(BuiltinTypes.allExceptions.map(\.name))

    func mutate(_ source: String, _ rng: inout SplitMix64) -> String {
        var chars = Array(source.unicodeScalars)
        let edits = Int.random(in: 1...4, using: &rng)
        for _ in 0..<edits where !chars.isEmpty {
            let i = Int.random(in: 0..<chars.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: chars.removeSubrange(i..<min(chars.count, i + Int.random(in: 1...8, using: &rng)))
            case 1:
                let t = FuzzTests.tokens.randomElement(using: &rng) ?? "x"
                chars.insert(contentsOf: Array(t.unicodeScalars), at: i)
            case 2: chars = Array(chars.prefix(i))
            case 3:
                let j = Int.random(in: 0..<chars.count, using: &rng)
                chars.swapAt(i, j)
            case 4:
                let end = min(chars.count, i + Int.random(in: 1...40, using: &rng))
                chars.insert(contentsOf: chars[i..<end], at: i)
            default: chars[i] = ["(", ")", ":", "\n", " ", "'", "\"", "{", "\\"].randomElement(using: &rng) ?? " "
            }
        }
        return String(String.UnicodeScalarView(chars))
    }

    func soup(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...60, using: &rng)).map { _ in FuzzTests.tokens.randomElement(using: &rng) ?? "" }.joined(separator: " ")
    }

    func testTenThousandInputsNeverCrash() throws {
        let corpus = corpusFiles().compactMap { try? String(contentsOf: $0, encoding: .utf8) } + RegressionInputs.all
        XCTAssertFalse(corpus.isEmpty)
        // A fixed seed and count in CI; BEAMTIME_FUZZ_SEED / BEAMTIME_FUZZ_COUNT run longer campaigns by hand.
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["BEAMTIME_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261123
        let count = max(10_000, environment["BEAMTIME_FUZZ_COUNT"].flatMap(Int.init) ?? 10_000)
        var rng = SplitMix64(state: seed)
        var counts: [String: Int] = [:]
        let inputs = (0..<count).map { i -> String in
            i % 3 == 0 ? soup(&rng) : mutate(corpus[Int.random(in: 0..<corpus.count, using: &rng)], &rng)
        }
        Session.onLargeStack {
            for input in RegressionInputs.all + inputs {
                let output = BufferedOutput()
                let interpreter = Interpreter(output: output)
                interpreter.stepBudget = 20_000
                interpreter.allocationLimit = 1 << 20
                let session = Session(interpreter: interpreter)
                let failure = session.run(file: "<fuzz>", source: input).failure
                let name = failure?.ename ?? "ok"
                counts[name, default: 0] += 1
                if let failure, !FuzzTests.knownNames.contains(failure.ename) {
                    XCTFail("input produced a non-Python failure \(failure.ename): \(input.debugDescription)")
                }
            }
            return ()
        }
        XCTAssertGreaterThan(counts["ok", default: 0], 100, "the fuzz run should include inputs that run")
        XCTAssertGreaterThan(counts["SyntaxError", default: 0], 100)
    }
}

/// Inputs that once crashed or hung the interpreter, kept as regression tests.
enum RegressionInputs {
    static let all: [String] = [
        "-9223372036854775808 // -1",
        "x = 9223372036854775807\nx += 1",
        String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300),
        String(repeating: "-", count: 5000) + "1",
        "def f(): return f()\nf()",
        "while True: pass",
        "l = []\nl.append(l)\nprint(l)",
        "d = {}\nd[1] = d\nprint(d)",
        "[0] * (1 << 40)",
        "'x' * (1 << 40)",
        "list(range(1 << 40))",
        "def g():\n    while True:\n        yield 1\nfor x in g(): pass",
        "f'{1:99999999999}'",
        "'%99999999999d' % 1",
        "x = [1]\nfor i in x: x.append(i)",
        "def g():\n    try:\n        yield 1\n    finally:\n        yield 2\nx = g()\nnext(x)\nx.close()",
        "def g():\n    yield from g()\nlist(g())",
        "1 << 63",
        "2 ** -1075",
        "round(1.5, -400)",
        "int('9' * 30)",
        "chr(0xD800)",
        "'abc'[::0]",
        "9223372036854775807 == 9.25e18",
        "9223372036854775807 < 9.25e18 > -9.25e18 == -9223372036854775807",
        "r = range(-9223372036854775807 - 1, 9223372036854775807)\n5 in r\nlen(r)",
        "[1, 2, 3][::-9223372036854775807 - 1]",
        "pow(2, 3, -9223372036854775807 - 1)",
        "import math\nmath.gcd(-9223372036854775807 - 1)",
        "list(enumerate([1, 2], 9223372036854775807))",
        "range(0, 10**18, 10**18)[::100]",
    ]
}
