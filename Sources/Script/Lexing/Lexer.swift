/// Turns cell source into tokens, with INDENT/DEDENT from leading whitespace, implicit
/// line joining inside brackets and backslash continuation, as Python's tokenizer does.
public struct Lexer {
    private let chars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var indents: [Int] = [0]
    private var indentKinds: [String] = [""]
    private var brackets: [(Unicode.Scalar, SourcePosition)] = []
    private var tokens: [Token] = []
    private var atLineStart = true

    /// The maximum nesting of brackets, as CPython's tokenizer limits it.
    public static let maxBracketDepth = 200

    /// Creates a lexer over `source`.
    public init(_ source: String) {
        chars = Array(source.unicodeScalars)
    }

    /// Tokenizes the whole source.
    public static func tokenize(_ source: String) throws(ScriptSyntaxError) -> [Token] {
        var lexer = Lexer(source)
        return try lexer.run()
    }

    private var position: SourcePosition { SourcePosition(line: line, column: index - lineStart) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < chars.count ? chars[i] : nil
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    private mutating func emit(_ kind: TokenKind, _ text: String, from start: SourcePosition) {
        tokens.append(Token(kind: kind, text: text, span: SourceSpan(start, position)))
    }

    /// Tokenizes the whole source.
    public mutating func run() throws(ScriptSyntaxError) -> [Token] {
        while true {
            if atLineStart && brackets.isEmpty {
                if try !handleIndentation() { break }
                atLineStart = false
            }
            guard let c = peek() else { break }
            let start = position
            switch c {
            case " ", "\t", "\u{0C}":
                index += 1
            case "#":
                while let d = peek(), d != "\n", d != "\r" { index += 1 }
            case "\n", "\r":
                index += 1
                if c == "\r", peek() == "\n" { index += 1 }
                if brackets.isEmpty {
                    emit(.newline, "\n", from: start)
                    atLineStart = true
                }
                newLine()
            case "\\":
                index += 1
                if peek() == "\r" { index += 1 }
                guard let n = peek() else {
                    throw ScriptSyntaxError("unexpected EOF while parsing", at: start, incomplete: true)
                }
                guard n == "\n" else {
                    throw ScriptSyntaxError("unexpected character after line continuation character", at: start)
                }
                index += 1
                newLine()
                if peek() == nil {
                    throw ScriptSyntaxError("unexpected EOF while parsing", at: position, incomplete: true)
                }
            default:
                if isIdentifierStart(c) {
                    try lexNameOrString(start)
                } else if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
                    try lexNumber(start)
                } else if c == "\"" || c == "'" {
                    try lexString(prefix: "", start: start)
                } else {
                    try lexOperator(start)
                }
            }
        }
        if let (open, at) = brackets.last {
            throw ScriptSyntaxError("'\(open)' was never closed", at: at, incomplete: true)
        }
        let end = position
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent {
            tokens.append(Token(kind: .newline, text: "", span: SourceSpan(end, end)))
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(Token(kind: .dedent, text: "", span: SourceSpan(end, end)))
        }
        tokens.append(Token(kind: .end, text: "", span: SourceSpan(end, end)))
        return tokens
    }

    /// Measures indentation at the start of a logical line; returns false at end of input.
    private mutating func handleIndentation() throws(ScriptSyntaxError) -> Bool {
        while true {
            var width = 0
            var text = ""
            let lineBegin = index
            while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" {
                if c == " " { width += 1 } else if c == "\t" { width = (width / 8 + 1) * 8 } else { width = 0 }
                text.unicodeScalars.append(c)
                index += 1
            }
            guard let c = peek() else { return false }
            if c == "#" {
                while let d = peek(), d != "\n", d != "\r" { index += 1 }
                continue
            }
            if c == "\n" || c == "\r" {
                index += 1
                if c == "\r", peek() == "\n" { index += 1 }
                newLine()
                continue
            }
            if c == "\\" && (peek(1) == "\n" || peek(1) == nil) {
                // A continuation on an otherwise blank line joins with the next one.
                return true
            }
            let start = SourcePosition(line: line, column: 0)
            let current = indents[indents.count - 1]
            if width > current {
                try checkConsistent(text, against: indentKinds[indentKinds.count - 1], at: start)
                indents.append(width)
                indentKinds.append(text)
                tokens.append(Token(kind: .indent, text: text, span: SourceSpan(start, position)))
            } else if width < current {
                while indents.count > 1 && width < indents[indents.count - 1] {
                    indents.removeLast()
                    indentKinds.removeLast()
                    tokens.append(Token(kind: .dedent, text: "", span: SourceSpan(position, position)))
                }
                if width != indents[indents.count - 1] {
                    throw ScriptSyntaxError(.indentation, "unindent does not match any outer indentation level",
                                            at: SourcePosition(line: line, column: index - lineBegin))
                }
                try checkConsistent(text, against: indentKinds[indentKinds.count - 1], at: start)
            } else {
                try checkConsistent(text, against: indentKinds[indentKinds.count - 1], at: start)
            }
            return true
        }
    }

    /// Rejects indentation whose meaning depends on the tab size, as Python does.
    private func checkConsistent(_ text: String, against outer: String, at start: SourcePosition) throws(ScriptSyntaxError) {
        let a = Array(text.unicodeScalars), b = Array(outer.unicodeScalars)
        let n = min(a.count, b.count)
        if a.prefix(n) != b.prefix(n) {
            throw ScriptSyntaxError(.tab, "inconsistent use of tabs and spaces in indentation", at: start)
        }
    }

    private mutating func lexNameOrString(_ start: SourcePosition) throws(ScriptSyntaxError) {
        let first = index
        while let c = peek(), isIdentifierContinue(c) { index += 1 }
        let name = String(String.UnicodeScalarView(chars[first..<index]))
        if let q = peek(), q == "\"" || q == "'", name.count <= 2 {
            let lower = name.lowercased()
            if ["r", "f", "fr", "rf", "b", "br", "rb", "u"].contains(lower) {
                try lexString(prefix: lower, start: start)
                return
            }
        }
        emit(pythonKeywords.contains(name) ? .op : .name, name, from: start)
    }

    private mutating func lexNumber(_ start: SourcePosition) throws(ScriptSyntaxError) {
        var text = ""
        func take(_ pred: (Unicode.Scalar) -> Bool) {
            while let c = peek(), pred(c) || c == "_" {
                text.unicodeScalars.append(c)
                index += 1
            }
        }
        if peek() == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            index += 2
            if peek() == "_" { index += 1 }
            let radix: Int
            switch p {
            case "x", "X": radix = 16
            case "o", "O": radix = 8
            default: radix = 2
            }
            take { $0.properties.isASCIIHexDigit || isDigit($0) || isIdentifierContinue($0) }
            let digits = text.replacingUnderscoresChecked()
            guard let digits, !digits.isEmpty, let value = Int(digits, radix: radix) else {
                if let digits, !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }), Int(digits, radix: radix) == nil,
                   digits.allSatisfy({ Int(String($0), radix: radix) != nil }) {
                    throw ScriptSyntaxError("integer literal too large for 64-bit ints", at: start)
                }
                throw ScriptSyntaxError("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal", at: start)
            }
            emit(.int(value), "0" + String(p) + text, from: start)
            return
        }
        var isFloat = false
        take(isDigit)
        if peek() == "." {
            isFloat = true
            text.unicodeScalars.append(".")
            index += 1
            take(isDigit)
        }
        if let e = peek(), e == "e" || e == "E" {
            let save = index
            var exp = "e"
            index += 1
            if let s = peek(), s == "+" || s == "-" {
                exp.unicodeScalars.append(s)
                index += 1
            }
            if let d = peek(), isDigit(d) {
                text += exp
                take(isDigit)
                isFloat = true
            } else {
                index = save
            }
        }
        if let c = peek(), c == "j" || c == "J" {
            throw ScriptSyntaxError("complex numbers are not supported", at: start)
        }
        if let c = peek(), isIdentifierStart(c) {
            throw ScriptSyntaxError("invalid decimal literal", at: start)
        }
        guard let clean = text.replacingUnderscoresChecked() else {
            throw ScriptSyntaxError("invalid decimal literal", at: start)
        }
        if isFloat {
            guard let d = Double(clean) else { throw ScriptSyntaxError("invalid decimal literal", at: start) }
            emit(.float(d), text, from: start)
        } else {
            if clean.count > 1 && clean.hasPrefix("0") && clean.contains(where: { $0 != "0" }) {
                throw ScriptSyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: start)
            }
            if clean == "9223372036854775808" {
                // Only valid negated; the parser folds `-9223372036854775808` to Int.min.
                emit(.int(Int.min), text, from: start)
                return
            }
            guard let v = Int(clean) else {
                throw ScriptSyntaxError("integer literal too large: Beamtime integers are 64-bit", at: start)
            }
            emit(.int(v), text, from: start)
        }
    }

    private mutating func lexString(prefix: String, start: SourcePosition) throws(ScriptSyntaxError) {
        if prefix.contains("b") {
            throw ScriptSyntaxError("bytes literals are not supported", at: start)
        }
        guard let quote = peek() else { return }
        var triple = false
        if peek(1) == quote && peek(2) == quote {
            triple = true
            index += 3
        } else {
            index += 1
        }
        let isRaw = prefix.contains("r")
        let isFormatted = prefix.contains("f")
        let bodyStart = position
        var body = ""
        while true {
            guard let c = peek() else {
                if triple {
                    throw ScriptSyntaxError("unterminated triple-quoted string literal (detected at line \(line))",
                                            at: start, incomplete: true)
                }
                throw ScriptSyntaxError("unterminated string literal (detected at line \(line))", at: start)
            }
            if c == quote {
                if !triple {
                    index += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    index += 3
                    break
                }
            }
            if c == "\n" || c == "\r" {
                if !triple {
                    throw ScriptSyntaxError("unterminated string literal (detected at line \(line))", at: start)
                }
                body.unicodeScalars.append("\n")
                index += 1
                if c == "\r", peek() == "\n" { index += 1 }
                newLine()
                continue
            }
            if c == "\\" {
                guard let n = peek(1) else {
                    index += 1
                    continue
                }
                body.unicodeScalars.append(c)
                body.unicodeScalars.append(n)
                index += 2
                if n == "\n" { newLine() }
                continue
            }
            body.unicodeScalars.append(c)
            index += 1
        }
        let value: String
        if isFormatted || isRaw {
            value = body
        } else {
            value = try decodeEscapes(body, at: bodyStart)
        }
        let literal = StringLiteral(value: value, isFormatted: isFormatted, isRaw: isRaw, bodyStart: bodyStart)
        emit(.string(literal), "", from: start)
    }

    private mutating func lexOperator(_ start: SourcePosition) throws(ScriptSyntaxError) {
        guard let c = peek() else { return }
        let length = Lexer.operatorLength(c, peek(1), peek(2))
        if length > 0 {
            let text = length == 1 ? Lexer.singleOperatorText(c) : String(String.UnicodeScalarView(chars[index..<(index + length)]))
            index += length
            if length == 1 { try trackBracket(c, start) }
            emit(.op, text, from: start)
            return
        }
        if c == "$" || c == "?" || c == "`" {
            throw ScriptSyntaxError("invalid syntax", at: start)
        }
        throw ScriptSyntaxError("invalid character '\(c)' (U+\(String(c.value, radix: 16, uppercase: true)))", at: start)
    }

    /// The length of the longest operator starting with `a`, `b`, `c` (0 if none), without
    /// building strings: this runs for every operator character of every cell.
    static func operatorLength(_ a: Unicode.Scalar, _ b: Unicode.Scalar?, _ c: Unicode.Scalar?) -> Int {
        let x = a.value, y = b?.value ?? 0, z = c?.value ?? 0
        func ascii(_ s: Unicode.Scalar) -> UInt32 { s.value }
        // Three characters: **= //= >>= <<= ...
        if z == ascii("=") && y == x && (x == ascii("*") || x == ascii("/") || x == ascii(">") || x == ascii("<")) { return 3 }
        if x == ascii("."), y == ascii("."), z == ascii(".") { return 3 }
        // Two characters.
        if y == ascii("=") {
            switch a {
            case "+", "-", "*", "/", "%", "&", "|", "^", "@", "<", ">", "=", "!", ":": return 2
            default: break
            }
        }
        if y == x && (x == ascii("*") || x == ascii("/") || x == ascii("<") || x == ascii(">")) { return 2 }
        if x == ascii("-") && y == ascii(">") { return 2 }
        switch a {
        case "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=":
            return 1
        default:
            return 0
        }
    }

    /// The text of a one-character operator (a small string, no allocation).
    static func singleOperatorText(_ c: Unicode.Scalar) -> String {
        String(Character(c))
    }

    private mutating func trackBracket(_ c: Unicode.Scalar, _ start: SourcePosition) throws(ScriptSyntaxError) {
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                throw ScriptSyntaxError("too many nested parentheses", at: start)
            }
            brackets.append((c, start))
        case ")", "]", "}":
            let expected: Unicode.Scalar = c == ")" ? "(" : c == "]" ? "[" : "{"
            guard let (open, at) = brackets.last else {
                throw ScriptSyntaxError("unmatched '\(c)'", at: start)
            }
            if open != expected {
                let msg = at.line == start.line
                    ? "closing parenthesis '\(c)' does not match opening parenthesis '\(open)'"
                    : "closing parenthesis '\(c)' does not match opening parenthesis '\(open)' on line \(at.line)"
                throw ScriptSyntaxError(msg, at: start)
            }
            brackets.removeLast()
        default:
            break
        }
    }

    static let operators: Set<String> = [
        "**=", "//=", ">>=", "<<=", "...",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "**", "//", "<<", ">>", "<=", ">=",
        "==", "!=", "->", ":=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
        ",", ":", ".", ";", "=",
    ]
}

@inline(__always) func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 {
        return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c == "_"
    }
    return c.properties.isXIDStart
}

func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
    if c.value < 128 {
        return isIdentifierStart(c) || isDigit(c)
    }
    return c.properties.isXIDContinue
}

extension String {
    /// Removes `_` digit separators, or returns nil when they are misplaced.
    func replacingUnderscoresChecked() -> String? {
        if hasPrefix("_") || hasSuffix("_") || contains("__") { return nil }
        if contains("_.") || contains("._") || contains("_e") || contains("e_") { return nil }
        return replacingOccurrences(of: "_", with: "")
    }

    fileprivate func replacingOccurrences(of a: Character, with b: String) -> String {
        var out = ""
        for ch in self where ch != a { out.append(ch) }
        return out
    }
}
