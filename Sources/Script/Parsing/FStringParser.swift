/// Splits an f-string body into literal text and `{expression!conversion:spec}` fields.
enum FStringParser {
    static func parse(_ literal: StringLiteral) throws(ScriptSyntaxError) -> [FStringPart] {
        let chars = Array(literal.value.unicodeScalars)
        var i = 0
        var line = literal.bodyStart.line
        var column = literal.bodyStart.column
        return try parseParts(chars, &i, &line, &column, literal: literal, nested: false)
    }

    private static func parseParts(_ s: [Unicode.Scalar], _ i: inout Int, _ line: inout Int, _ column: inout Int,
                                   literal: StringLiteral, nested: Bool) throws(ScriptSyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var text = ""
        func here() -> SourcePosition { SourcePosition(line: line, column: column) }
        func step() {
            if s[i] == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            i += 1
        }
        func flush() throws(ScriptSyntaxError) {
            if !text.isEmpty {
                parts.append(.literal(literal.isRaw ? text : try decodeEscapes(text, at: here())))
                text = ""
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if !nested, i + 1 < s.count, s[i + 1] == "{" {
                    text.unicodeScalars.append("{")
                    step(); step()
                    continue
                }
                try flush()
                step()
                parts.append(try parseField(s, &i, &line, &column, literal: literal))
                continue
            }
            if c == "}" {
                if nested { break }
                if i + 1 < s.count, s[i + 1] == "}" {
                    text.unicodeScalars.append("}")
                    step(); step()
                    continue
                }
                throw ScriptSyntaxError("f-string: single '}' is not allowed", at: here())
            }
            text.unicodeScalars.append(c)
            step()
        }
        try flush()
        return parts
    }

    private static func parseField(_ s: [Unicode.Scalar], _ i: inout Int, _ line: inout Int, _ column: inout Int,
                                   literal: StringLiteral) throws(ScriptSyntaxError) -> FStringPart {
        let exprStart = SourcePosition(line: line, column: column)
        var depth = 0
        var quote: Unicode.Scalar?
        var expr = ""
        func step() {
            if s[i] == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            i += 1
        }
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
                expr.unicodeScalars.append(c)
                step()
                continue
            }
            if c == "\\" {
                throw ScriptSyntaxError("f-string expression part cannot include a backslash", at: exprStart)
            }
            if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || (c == "}" && depth > 0) {
                depth -= 1
            } else if depth == 0 {
                if c == "}" { break }
                if c == "!" && i + 1 < s.count && s[i + 1] != "=" { break }
                if c == ":" { break }
                if c == "=" && i + 1 < s.count && (s[i + 1] == "}" || s[i + 1] == "!" || s[i + 1] == ":")
                    && !(expr.unicodeScalars.last.map { "=!<>".unicodeScalars.contains($0) } ?? false) {
                    break
                }
                if c == "#" {
                    throw ScriptSyntaxError("f-string expression part cannot include '#'", at: exprStart)
                }
            }
            expr.unicodeScalars.append(c)
            step()
        }
        guard i < s.count else {
            throw ScriptSyntaxError("f-string: expecting '}'", at: exprStart)
        }
        if expr.allSatisfy({ $0 == " " }) {
            throw ScriptSyntaxError("f-string: empty expression not allowed", at: exprStart)
        }
        var debugText: String?
        if s[i] == "=" {
            debugText = expr + "="
            step()
        }
        var conversion: Character?
        if i < s.count, s[i] == "!" {
            step()
            guard i < s.count, ["r", "s", "a"].contains(s[i]) else {
                throw ScriptSyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: exprStart)
            }
            conversion = Character(s[i])
            step()
        }
        var spec: [FStringPart]?
        if i < s.count, s[i] == ":" {
            step()
            spec = try parseParts(s, &i, &line, &column, literal: literal, nested: true)
        }
        guard i < s.count, s[i] == "}" else {
            throw ScriptSyntaxError("f-string: expecting '}'", at: exprStart)
        }
        step()
        let parsed = try Parser.parseExpression("(" + expr + ")", offset: SourcePosition(line: exprStart.line, column: exprStart.column - 1))
        if debugText != nil && conversion == nil && spec == nil { conversion = "r" }
        return .field(parsed, conversion: conversion, spec: spec, debugText: debugText)
    }
}
