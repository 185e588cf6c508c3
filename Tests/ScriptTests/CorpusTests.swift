import Foundation
import XCTest
@testable import Script

/// Differential tests: every program under Corpus/ runs under CPython and under the
/// interpreter; stdout must match line by line and so must the name of any uncaught exception.
final class CorpusTests: XCTestCase {
    /// Programs using constructs the language documents as unsupported, with the
    /// SyntaxError text the interpreter must give instead.
    static let documentedDeviations: [String: String] = [:]

    struct Outcome: Equatable {
        var stdout: String
        var exception: String?
    }

    /// Runs all files under CPython in one driver process (see reference_runner.py).
    func runCPython(_ files: [URL]) throws -> [String: Outcome] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let driver = corpusDirectory.deletingLastPathComponent().appendingPathComponent("reference_runner.py")
        p.arguments = [referencePython, driver.path] + files.map(\.path)
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let decoded = try JSONDecoder().decode([String: [String: String?]].self, from: data)
        return decoded.mapValues { Outcome(stdout: ($0["stdout"] ?? "") ?? "", exception: $0["exception"] ?? nil) }
    }

    func testCorpusMatchesCPython() throws {
        let files = corpusFiles()
        XCTAssertGreaterThanOrEqual(files.count, 300, "the corpus must hold at least 300 programs")
        var mismatches: [String] = []
        let lock = NSLock()
        let references = try runCPython(files)
        for file in files {
            let relative = file.path.replacingOccurrences(of: corpusDirectory.path + "/", with: "")
            guard let source = try? String(contentsOf: file, encoding: .utf8) else {
                lock.withLock { mismatches.append("\(relative): unreadable") }
                continue
            }
            let ours = runScript(source, filename: relative)
            if let expected = CorpusTests.documentedDeviations[relative] {
                if ours.failure?.ename != "SyntaxError" || !(ours.failure?.evalue.contains(expected) ?? false) {
                    lock.withLock { mismatches.append("\(relative): expected the documented SyntaxError '\(expected)'") }
                }
                continue
            }
            guard let reference = references[file.path] else {
                lock.withLock { mismatches.append("\(relative): no reference result from \(referencePython)") }
                continue
            }
            let mine = Outcome(stdout: ours.stdout, exception: ours.failure?.ename)
            if mine != reference {
                var report = "\(relative):"
                if mine.exception != reference.exception {
                    report += " exception \(reference.exception ?? "none") expected, got \(mine.exception ?? "none") \(ours.failure?.evalue ?? "")"
                }
                let a = reference.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let b = mine.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                if let k = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                    report += "\n  line \(k + 1): expected \(a[k].debugDescription)\n           got      \(b[k].debugDescription)"
                } else if a.count != b.count {
                    report += "\n  expected \(a.count) lines, got \(b.count)"
                }
                lock.withLock { mismatches.append(report) }
            }
        }
        XCTAssert(mismatches.isEmpty, "\(mismatches.count) of \(files.count) corpus programs differ from CPython:\n" + mismatches.sorted().joined(separator: "\n"))
    }
}
