import JSON

/// One condition on runs, as databroker's queries: on a start-document key, on the run's
/// time, or on its text.
public enum CatalogQuery: Sendable, Equatable {
    /// key == value.
    case equals(String, JSONValue)
    /// key compared with a number or string (`>`, `>=`, `<`, `<=`, `!=`).
    case compare(String, Comparison, JSONValue)
    /// key is one of the values.
    case isIn(String, [JSONValue])
    /// key is none of the values (runs without the key match).
    case notIn(String, [JSONValue])
    /// key (a list) contains the value, or key (a string) contains it as a substring.
    case contains(String, JSONValue)
    /// key (a string) matches the regular expression.
    case regex(String, String)
    /// Any string of the start document contains these words (SQLite FTS5 syntax).
    case fullText(String)
    /// The run started at or after `since` and before `until` (Unix seconds).
    case timeRange(since: Double?, until: Double?)

    /// Comparison operators of `Key(...)`.
    public enum Comparison: String, Sendable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<=", notEqual = "!="
    }
}

extension CatalogQuery {
    /// The SQL condition on `runs` and its values (every value is bound, never spliced).
    func sql() throws -> (String, [SQLiteValue]) {
        func scalar(_ key: String, _ value: JSONValue) throws -> String {
            guard let text = CatalogStore.keyText(value) else {
                throw CatalogError.badQuery("the value for '\(key)' must be a string, number or boolean, not \(value.text())")
            }
            return text
        }
        switch self {
        case .equals(let key, let value):
            return ("uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND value = ?)", [.text(key), .text(try scalar(key, value))])
        case .compare(let key, let op, let value):
            if let number = value.double {
                return ("uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND CAST(value AS REAL) \(op.rawValue) ? AND value GLOB '*[0-9]*')",
                        [.text(key), .real(number)])
            }
            return ("uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND value \(op.rawValue) ?)", [.text(key), .text(try scalar(key, value))])
        case .isIn(let key, let values):
            guard !values.isEmpty else { return ("0", []) }
            let marks = values.map { _ in "?" }.joined(separator: ", ")
            return ("uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND value IN (\(marks)))",
                    [.text(key)] + (try values.map { .text(try scalar(key, $0)) }))
        case .notIn(let key, let values):
            guard !values.isEmpty else { return ("1", []) }
            let marks = values.map { _ in "?" }.joined(separator: ", ")
            return ("uid NOT IN (SELECT run_uid FROM run_keys WHERE key = ? AND value IN (\(marks)))",
                    [.text(key)] + (try values.map { .text(try scalar(key, $0)) }))
        case .contains(let key, let value):
            let text = try scalar(key, value)
            let path = "$.\"" + key.filter { $0 != "\"" && $0 != "\\" } + "\""
            return ("""
                (uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND instr(value, ?) > 0)
                 OR uid IN (SELECT r.uid FROM runs r, json_each(r.start, ?) j WHERE j.value = ?))
                """, [.text(key), .text(text), .text(path), value.isString ? .text(text) : (value.double.map { .real($0) } ?? .text(text))])
        case .regex(let key, let pattern):
            do { _ = try Regex(pattern) } catch {
                throw CatalogError.badQuery("Regex('\(key)', '\(pattern)'): not a valid regular expression")
            }
            // An anchored literal prefix (`^La...`) narrows the search to an index range first.
            let prefix = CatalogQuery.literalPrefix(pattern)
            if !prefix.isEmpty {
                return ("uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND value >= ? AND value < ? AND regexp(?, value))",
                        [.text(key), .text(prefix), .text(prefix + "\u{10FFFF}"), .text(pattern)])
            }
            // Literal parts every match must contain narrow the search through trigrams first.
            let literals = CatalogQuery.requiredLiterals(pattern).filter { $0.unicodeScalars.count >= 3 }
            if !literals.isEmpty {
                let match = literals.map { "\"" + $0.filter { $0 != "\"" } + "\"" }.joined(separator: " AND ")
                return ("""
                    uid IN (SELECT run_uid FROM run_values_trigram
                            WHERE run_values_trigram MATCH ? AND key = ? AND regexp(?, value))
                    """, [.text(match), .text(key), .text(pattern)])
            }
            // Otherwise the pattern is tried on each distinct value once, and the runs holding
            // the matching values are found through the (key, value) index.
            return ("""
                uid IN (SELECT run_uid FROM run_keys WHERE key = ? AND value IN
                        (SELECT value FROM key_values WHERE key = ? AND regexp(?, value)))
                """, [.text(key), .text(key), .text(pattern)])
        case .fullText(let text):
            return ("uid IN (SELECT uid FROM runs_fts WHERE runs_fts MATCH ?)", [.text(CatalogQuery.ftsPhrase(text))])
        case .timeRange(let since, let until):
            var clauses: [String] = []
            var values: [SQLiteValue] = []
            if let since { clauses.append("time >= ?"); values.append(.real(since)) }
            if let until { clauses.append("time < ?"); values.append(.real(until)) }
            return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), values)
        }
    }

    /// The literal text a pattern anchored with `^` must start with ("" if none): the
    /// characters after `^` up to the first one with a meaning in regular expressions (a
    /// character followed by a quantifier is not part of it).
    static func literalPrefix(_ pattern: String) -> String {
        guard pattern.hasPrefix("^") else { return "" }
        let special: Set<Character> = ["\\", ".", "[", "]", "(", ")", "{", "}", "*", "+", "?", "|", "^", "$"]
        var out: [Character] = []
        var chars = Array(pattern.dropFirst())[...]
        while let c = chars.first, !special.contains(c) {
            chars = chars.dropFirst()
            if let next = chars.first, next == "*" || next == "?" || next == "{" { break }
            out.append(c)
        }
        return String(out)
    }

    /// Runs of literal text every match of `pattern` must contain; empty when the pattern
    /// has alternation or groups (then nothing is certain). A character followed by `?`,
    /// `*` or `{` is optional and ends a run, as does any other special character.
    static func requiredLiterals(_ pattern: String) -> [String] {
        if pattern.contains("|") || pattern.contains("(") { return [] }
        let special: Set<Character> = ["\\", ".", "[", "]", "{", "}", "*", "+", "?", "^", "$"]
        var runs: [String] = []
        var current: [Character] = []
        var inClass = false
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            if c == "[" { inClass = true }
            if special.contains(c) {
                if c == "\\" { i += 1 }
                if !current.isEmpty { runs.append(String(current)); current = [] }
                i += 1
                continue
            }
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            if next == "?" || next == "*" || next == "{" {
                if !current.isEmpty { runs.append(String(current)); current = [] }
            } else {
                current.append(c)
            }
            i += 1
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }

    /// Words as an FTS5 query where each word must appear (quotes stop FTS syntax).
    static func ftsPhrase(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .map { "\"" + $0.filter { $0 != "\"" } + "\"" }.joined(separator: " ")
    }
}

extension JSONValue {
    var isString: Bool { if case .string = self { return true } else { return false } }
}
