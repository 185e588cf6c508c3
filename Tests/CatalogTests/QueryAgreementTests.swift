import XCTest
import Documents
import JSON
@testable import Catalog

/// Every query kind against a catalogue of generated runs agrees with a brute-force filter
/// over the same start documents.
final class QueryAgreementTests: XCTestCase {
    func testQueriesAgreeWithBruteForce() throws {
        let path = "/tmp/beamtime-queries-\(getpid())-\(Int.random(in: 0...999_999)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        var random = SystemRandomNumberGenerator()
        let samples = ["LaB6 powder", "Si wafer", "CeO2", "LaB6 pellet", "gold foil"]
        let plans = ["count", "scan", "grid_scan"]
        var starts: [JSONObject] = []
        let store = try SQLiteCatalogStore(path: path)
        for i in 0..<300 {
            var md: JSONObject = [
                "scan_id": .int(i + 1), "plan_name": .string(plans[Int.random(in: 0..<3, using: &random)]),
                "num_points": .int(Int.random(in: 1...50, using: &random)),
                "tags": .array((0..<Int.random(in: 0...2, using: &random)).map { _ in .string(["a", "b", "c"][Int.random(in: 0..<3, using: &random)]) }),
            ]
            if i % 7 != 0 { md["sample"] = .string(samples[Int.random(in: 0..<samples.count, using: &random)]) }
            let composer = RunComposer(metadata: md, time: 1_700_000_000 + Double(i) * 60)
            starts.append(composer.start.body)
            try store.insert([composer.start, composer.makeStop(.success)])
        }
        let reader = try CatalogReader(path: path)
        func check(_ query: CatalogQuery, _ expected: (JSONObject) -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
            let found = Set(try reader.uids(.init(queries: [query])))
            let brute = Set(starts.filter(expected).compactMap { $0["uid"]?.string })
            XCTAssertEqual(found, brute, "\(query)", file: file, line: line)
        }
        try check(.equals("plan_name", "scan")) { $0["plan_name"] == "scan" }
        try check(.compare("num_points", .greater, 25)) { ($0["num_points"]?.int ?? 0) > 25 }
        try check(.compare("num_points", .lessOrEqual, 10)) { ($0["num_points"]?.int ?? 0) <= 10 }
        try check(.compare("num_points", .notEqual, 7)) { $0["num_points"]?.int != 7 }
        try check(.isIn("sample", ["CeO2", "gold foil"])) { ["CeO2", "gold foil"].contains($0["sample"]?.string ?? "") }
        try check(.notIn("sample", ["CeO2"])) { $0["sample"]?.string != "CeO2" }
        try check(.contains("tags", "b")) { ($0["tags"]?.array ?? []).contains("b") }
        try check(.contains("sample", "LaB6")) { ($0["sample"]?.string ?? "").contains("LaB6") }
        try check(.regex("sample", "^(La|Ce)")) { ($0["sample"]?.string ?? "").hasPrefix("La") || ($0["sample"]?.string ?? "").hasPrefix("Ce") }
        try check(.regex("sample", "^LaB6 p")) { ($0["sample"]?.string ?? "").hasPrefix("LaB6 p") }
        try check(.regex("sample", "^Si? wafer")) { ($0["sample"]?.string ?? "") == "Si wafer" }
        XCTAssertEqual(CatalogQuery.literalPrefix("^La(B6)"), "La")
        XCTAssertEqual(CatalogQuery.literalPrefix("^ab*c"), "a")
        XCTAssertEqual(CatalogQuery.literalPrefix("La"), "")
        XCTAssertEqual(CatalogQuery.requiredLiterals("B6 p.*let$"), ["B6 p", "let"])
        XCTAssertEqual(CatalogQuery.requiredLiterals("wafe?r"), ["waf", "r"])
        XCTAssertEqual(CatalogQuery.requiredLiterals("gold|foil"), [])
        XCTAssertEqual(CatalogQuery.requiredLiterals("[abc]powder"), ["powder"])
        try check(.regex("sample", "aB6 p")) { ($0["sample"]?.string ?? "").contains("aB6 p") }
        try check(.regex("sample", "B6.*(pellet|powder)")) {
            let s = $0["sample"]?.string ?? ""
            return s.contains("B6") && (s.hasSuffix("pellet") || s.hasSuffix("powder"))
        }
        try check(.regex("sample", "oil$")) { ($0["sample"]?.string ?? "").hasSuffix("oil") }
        // No literal at all: tried once per distinct value (key_values), runs found by index.
        try check(.regex("sample", "^.{2}O")) { Array($0["sample"]?.string ?? "").dropFirst(2).first == "O" }
        try check(.fullText("wafer")) { ($0["sample"]?.string ?? "").contains("wafer") }
        try check(.timeRange(since: 1_700_000_000 + 3000, until: 1_700_000_000 + 6000)) {
            let t = $0["time"]?.double ?? 0
            return t >= 1_700_003_000 && t < 1_700_006_000
        }
        // Chained queries are an intersection.
        let chained = Set(try reader.uids(.init(queries: [.equals("plan_name", "count"), .compare("num_points", .greater, 10)])))
        let brute = Set(starts.filter { $0["plan_name"] == "count" && ($0["num_points"]?.int ?? 0) > 10 }.compactMap { $0["uid"]?.string })
        XCTAssertEqual(chained, brute)
        // Malformed queries are clear errors.
        XCTAssertThrowsError(try reader.uids(.init(queries: [.regex("sample", "(")])))
        XCTAssertThrowsError(try reader.uids(.init(queries: [.equals("tags", ["a"])])))
    }
}
