import JSON

/// The YAML papermill reads for `-y`, `-f` and `-b`: PyYAML's safe loader without dates,
/// for what parameter files hold — block and flow mappings and sequences, plain and quoted
/// scalars resolved by YAML 1.1's rules (`yes`/`no`/`on`/`off` are booleans, `1e3` is a
/// string, `1.0e+3` a float, `0o17`/`017` octal, `~` null). Anchors, tags and multi-line
/// block scalars are refused with a clear error.
public enum YAMLParameters {
    /// Parses a document whose top level is a mapping (or empty); returns its pairs in order.
    public static func parse(_ text: String) throws -> [(String, JSONValue)] {
        var parser = BlockParser(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let value = try parser.document()
        switch value {
        case .null: return []
        case .object(let object): return object.map { ($0.key, $0.value) }
        default: throw YAMLError("parameters must be a mapping of names to values, not \(value.text())")
        }
    }

    /// The value a plain (unquoted) scalar stands for under YAML 1.1's resolver.
    static func resolvePlain(_ s: String) -> JSONValue {
        switch s {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if let i = integer(s) { return .int(i) }
        if let floatPattern, (try? floatPattern.wholeMatch(in: s)) != nil,
           let d = Double(s.filter { $0 != "_" }) {
            return .double(d)
        }
        return .string(s)
    }

    /// PyYAML's float pattern (a dot is required: `1e3` stays a string).
    nonisolated(unsafe) private static let floatPattern = try? Regex(#"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"#)

    private static func integer(_ s: String) -> Int? {
        var body = Substring(s)
        var sign = 1
        if let first = body.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        let digits = body.filter { $0 != "_" }
        guard !body.isEmpty, !body.hasPrefix("_") else { return nil }
        if body.hasPrefix("0b"), let v = Int(digits.dropFirst(2), radix: 2), body.count > 2 { return sign * v }
        if body.hasPrefix("0x"), let v = Int(digits.dropFirst(2), radix: 16), body.count > 2 { return sign * v }
        if body.hasPrefix("0o"), let v = Int(digits.dropFirst(2), radix: 8), body.count > 2 { return sign * v }
        if body.hasPrefix("0"), body.count > 1 { return Int(digits.dropFirst(), radix: 8).map { sign * $0 } }
        guard body.first.map({ ("1"..."9").contains($0) || body == "0" }) == true, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits).map { sign * $0 }
    }
}

/// A YAML document papermill would read but this reader cannot, or a malformed one.
public struct YAMLError: Error, CustomStringConvertible {
    /// What is wrong and where.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Indentation-driven block structure; flow collections and scalars go to `FlowParser`.
private struct BlockParser {
    var lines: [String]
    var index = 0

    init(lines: [String]) {
        self.lines = lines.map { BlockParser.stripComment($0) }
    }

    mutating func document() throws -> JSONValue {
        skipBlank()
        if index < lines.count, lines[index].trimmed == "---" { index += 1 }
        skipBlank()
        guard index < lines.count else { return .null }
        let value = try block(indent: indentation(lines[index]))
        skipBlank()
        if index < lines.count, lines[index].trimmed != "..." {
            throw YAMLError("unexpected text at line \(index + 1): \(lines[index].trimmed)")
        }
        return value
    }

    private mutating func skipBlank() {
        while index < lines.count, lines[index].trimmed.isEmpty { index += 1 }
    }

    private func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    private mutating func block(indent: Int) throws -> JSONValue {
        let first = lines[index].trimmed
        if first == "-" || first.hasPrefix("- ") { return try sequence(indent: indent) }
        if BlockParser.keySplit(first) != nil { return try mapping(indent: indent) }
        let text = first
        index += 1
        return try FlowParser.value(text, line: index)
    }

    private mutating func sequence(indent: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        while true {
            skipBlank()
            guard index < lines.count, indentation(lines[index]) == indent else { break }
            let line = lines[index].trimmed
            guard line == "-" || line.hasPrefix("- ") else { break }
            let rest = String(line.dropFirst(1)).trimmed
            if rest.isEmpty {
                index += 1
                skipBlank()
                if index < lines.count, indentation(lines[index]) > indent {
                    items.append(try block(indent: indentation(lines[index])))
                } else { items.append(.null) }
            } else if BlockParser.keySplit(rest) != nil {
                let inner = indent + (line.count - rest.count)
                lines[index] = String(repeating: " ", count: inner) + rest
                items.append(try mapping(indent: inner))
            } else {
                index += 1
                items.append(try FlowParser.value(rest, line: index))
            }
        }
        return .array(items)
    }

    private mutating func mapping(indent: Int) throws -> JSONValue {
        var object = JSONObject()
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let level = indentation(lines[index])
            if level < indent { break }
            if level > indent { throw YAMLError("bad indentation at line \(index + 1): \(lines[index].trimmed)") }
            let line = lines[index].trimmed
            guard let (rawKey, rest) = BlockParser.keySplit(line) else { break }
            let key = try FlowParser.key(rawKey, line: index + 1)
            index += 1
            if rest.isEmpty {
                skipBlank()
                if index < lines.count, indentation(lines[index]) > indent
                    || (indentation(lines[index]) == indent && lines[index].trimmed.hasPrefix("- ")) {
                    object[key] = try block(indent: indentation(lines[index]))
                } else { object[key] = .null }
            } else {
                if rest.hasPrefix("|") || rest.hasPrefix(">") { throw YAMLError("block scalars (| and >) are not supported (line \(index)); quote the text instead") }
                object[key] = try FlowParser.value(rest, line: index)
            }
        }
        return .object(object)
    }

    /// `key: rest` when the line is a mapping entry.
    static func keySplit(_ line: String) -> (String, String)? {
        var quote: Character?
        var depth = 0
        let chars = Array(line)
        for (i, c) in chars.enumerated() {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { if i == 0 { quote = c }; continue }
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" { depth -= 1 }
            if c == ":", depth == 0, i + 1 == chars.count || chars[i + 1] == " " {
                return (String(chars[..<i]).trimmed, String(chars[(i + 1)...]).trimmed)
            }
        }
        return nil
    }

    /// The line without a `#` comment (outside quotes, after a space or at the start).
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var out = ""
        for c in line {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " || previous == "\t" {
                break
            }
            out.append(c)
            previous = c
        }
        return out
    }
}

/// Flow collections (`[1, 2]`, `{a: 1}`) and scalars on one line.
private struct FlowParser {
    let chars: [Character]
    var position = 0
    let line: Int

    static func value(_ text: String, line: Int) throws -> JSONValue {
        if text.hasPrefix("&") || text.hasPrefix("*") || text.hasPrefix("!") {
            throw YAMLError("anchors, aliases and tags are not supported (line \(line)): \(text)")
        }
        var parser = FlowParser(chars: Array(text), line: line)
        let value = try parser.parse(inFlow: false)
        parser.skipSpaces()
        if parser.position < parser.chars.count { throw YAMLError("unexpected text at line \(line): \(text)") }
        return value
    }

    static func key(_ text: String, line: Int) throws -> String {
        switch try value(text, line: line) {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        case .null: return "None"
        case let other: return other.text()
        }
    }

    mutating func skipSpaces() { while position < chars.count, chars[position] == " " { position += 1 } }

    mutating func parse(inFlow: Bool) throws -> JSONValue {
        skipSpaces()
        guard position < chars.count else { return .null }
        switch chars[position] {
        case "[":
            position += 1
            var items: [JSONValue] = []
            while true {
                skipSpaces()
                guard position < chars.count else { throw YAMLError("unclosed [ at line \(line)") }
                if chars[position] == "]" { position += 1; break }
                items.append(try parse(inFlow: true))
                skipSpaces()
                if position < chars.count, chars[position] == "," { position += 1 }
            }
            return .array(items)
        case "{":
            position += 1
            var object = JSONObject()
            while true {
                skipSpaces()
                guard position < chars.count else { throw YAMLError("unclosed { at line \(line)") }
                if chars[position] == "}" { position += 1; break }
                let keyValue = try parse(inFlow: true)
                skipSpaces()
                var value = JSONValue.null
                if position < chars.count, chars[position] == ":" {
                    position += 1
                    value = try parse(inFlow: true)
                }
                let key: String
                if case .string(let s) = keyValue { key = s } else { key = keyValue.text() }
                object[key] = value
                skipSpaces()
                if position < chars.count, chars[position] == "," { position += 1 }
            }
            return .object(object)
        case "\"": return .string(try doubleQuoted())
        case "'": return .string(try singleQuoted())
        default:
            var text = ""
            while position < chars.count {
                let c = chars[position]
                if inFlow && (c == "," || c == "]" || c == "}") { break }
                if inFlow && c == ":" && (position + 1 == chars.count || chars[position + 1] == " ") { break }
                text.append(c)
                position += 1
            }
            return YAMLParameters.resolvePlain(text.trimmed)
        }
    }

    mutating func singleQuoted() throws -> String {
        position += 1
        var out = ""
        while position < chars.count {
            let c = chars[position]
            position += 1
            if c == "'" {
                if position < chars.count, chars[position] == "'" { out.append("'"); position += 1; continue }
                return out
            }
            out.append(c)
        }
        throw YAMLError("unclosed ' at line \(line)")
    }

    mutating func doubleQuoted() throws -> String {
        position += 1
        var out = ""
        while position < chars.count {
            let c = chars[position]
            position += 1
            if c == "\"" { return out }
            guard c == "\\" else { out.append(c); continue }
            guard position < chars.count else { break }
            let e = chars[position]
            position += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\0")
            case "\\", "\"", "/": out.append(e)
            case " ": out.append(" ")
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                let hex = String(chars[position..<min(chars.count, position + width)])
                guard hex.count == width, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw YAMLError("bad \\\(e) escape at line \(line)")
                }
                out.unicodeScalars.append(scalar)
                position += width
            default: throw YAMLError("unknown escape \\\(e) at line \(line)")
            }
        }
        throw YAMLError("unclosed \" at line \(line)")
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
