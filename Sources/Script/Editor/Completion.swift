/// The answer to a completion request: matches and the span they replace, in code points.
public struct CompletionResult: Equatable, Sendable {
    /// Candidate texts.
    public var matches: [String]
    /// Start of the replaced text (code points).
    public var cursorStart: Int
    /// End of the replaced text (code points).
    public var cursorEnd: Int
}

/// What inspection shows for the name under the cursor.
public struct InspectionResult: Equatable, Sendable {
    /// The inspected expression, e.g. `math.sqrt`.
    public var name: String
    /// The call signature, if known.
    public var signature: String?
    /// The docstring, if any.
    public var docstring: String?
    /// The value's type name.
    public var typeName: String

    /// Plain text as Jupyter's `text/plain` inspection shows it.
    public var text: String {
        var parts: [String] = []
        if let signature { parts.append("Signature: \(signature)") }
        parts.append("Type:      \(typeName)")
        if let docstring { parts.append("Docstring:\n\(docstring)") }
        return parts.joined(separator: "\n")
    }
}

extension Session {
    /// Completes the name, attribute or dict key before `cursor` (a code-point offset).
    public func complete(_ code: String, cursor: Int) -> CompletionResult {
        let chars = Array(code.unicodeScalars)
        let end = max(0, min(cursor, chars.count))
        // Dict keys: name["pre  or  name['pre
        var q = end
        while q > 0, chars[q - 1] != "\"", chars[q - 1] != "'", chars[q - 1] != "[", chars[q - 1] != "\n" { q -= 1 }
        if q >= 2, chars[q - 1] == "\"" || chars[q - 1] == "'", chars[q - 2] == "[" {
            let quote = chars[q - 1]
            let prefix = String(String.UnicodeScalarView(chars[q..<end]))
            let objectEnd = q - 2
            let objectStart = Session.dottedStart(chars, objectEnd)
            let expr = String(String.UnicodeScalarView(chars[objectStart..<objectEnd]))
            if let value = lookup(expr), case .dict(let d) = value {
                let keys = d.orderedKeys.compactMap { k -> String? in
                    if case .str(let s) = k, s.hasPrefix(prefix) { return s + String(quote) }
                    return nil
                }
                return CompletionResult(matches: keys, cursorStart: q, cursorEnd: end)
            }
        }
        var start = end
        while start > 0, isIdentifierContinue(chars[start - 1]) { start -= 1 }
        let prefix = String(String.UnicodeScalarView(chars[start..<end]))
        var candidates: [String]
        if start > 1, chars[start - 1] == ".", let literal = Session.literalBefore(chars[start - 2]) {
            // Attributes of a literal: `'abc'.up`, `[1, 2].app`, `{}.ke`.
            candidates = interpreter.attributeNames(of: literal).filter { !$0.hasPrefix("_") }
        } else if start > 0, chars[start - 1] == "." {
            let objectStart = Session.dottedStart(chars, start - 1)
            let expr = String(String.UnicodeScalarView(chars[objectStart..<(start - 1)]))
            guard let value = lookup(expr) else { return CompletionResult(matches: [], cursorStart: start, cursorEnd: end) }
            candidates = interpreter.attributeNames(of: value)
            if !prefix.hasPrefix("_") { candidates = candidates.filter { !$0.hasPrefix("_") } }
        } else if let context = Session.importContext(chars, before: start) {
            // `import ma` and `from ma` offer modules; `from math import sq` the module's names.
            switch context {
            case .module: candidates = interpreter.availableModules
            case .name(let module):
                candidates = (try? interpreter.importModule(module)).map { interpreter.attributeNames(of: .object($0)) } ?? []
            }
        } else {
            candidates = interpreter.definedNames + pythonKeywords.sorted()
        }
        var seen = Set<String>()
        let matches = candidates.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
        return CompletionResult(matches: matches, cursorStart: start, cursorEnd: end)
    }

    /// A value of the literal that ends with `last` (a quote, `]` or `}`), for completing its
    /// attributes.
    static func literalBefore(_ last: Unicode.Scalar) -> Value? {
        switch last {
        case "'", "\"": return .str("")
        case "]": return .list(ListObject())
        case "}": return .dict(DictObject())
        default: return nil
        }
    }

    /// What an import statement before `start` on the same line asks for, if it is one.
    enum ImportContext: Equatable {
        /// A module name (`import ma`, `from ma`).
        case module
        /// A name inside `module` (`from math import sq`, `from math import pi, sq`).
        case name(String)
    }

    static func importContext(_ chars: [Unicode.Scalar], before start: Int) -> ImportContext? {
        var lineStart = start
        while lineStart > 0, chars[lineStart - 1] != "\n" { lineStart -= 1 }
        let words = String(String.UnicodeScalarView(chars[lineStart..<start]))
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard let first = words.first else { return nil }
        if first == "import" { return .module }
        guard first == "from" else { return nil }
        if words.count == 1 { return .module }
        if words.count >= 3, words[2] == "import" { return .name(words[1]) }
        return nil
    }

    /// Signature and docstring of the name at `cursor`, or of the call whose `(` precedes it.
    public func inspect(_ code: String, cursor: Int) -> InspectionResult? {
        let chars = Array(code.unicodeScalars)
        var end = max(0, min(cursor, chars.count))
        // Extend over the identifier the cursor sits in.
        while end < chars.count, isIdentifierContinue(chars[end]) { end += 1 }
        var probe = end
        // Inside a call's parentheses: inspect the callee.
        if probe == 0 || !isIdentifierContinue(chars[probe - 1]) {
            var depth = 0
            var i = min(cursor, chars.count) - 1
            while i >= 0 {
                if chars[i] == ")" { depth += 1 } else if chars[i] == "(" {
                    if depth == 0 { break }
                    depth -= 1
                }
                i -= 1
            }
            guard i > 0 else { return nil }
            probe = i
            while probe > 0, chars[probe - 1] == " " { probe -= 1 }
        }
        let start = Session.dottedStart(chars, probe)
        guard start < probe else { return nil }
        let expr = String(String.UnicodeScalarView(chars[start..<probe]))
        guard let value = lookup(expr) else { return nil }
        var signature: String?
        var doc: String?
        if case .object(let o) = value {
            signature = o.signature
            doc = o.docstring
        } else {
            doc = interpreter.typeObject(of: value).docstring
        }
        return InspectionResult(name: expr, signature: signature, docstring: doc, typeName: value.typeName)
    }

    /// Start of the dotted name chain (`a.b.c`) ending at `end`.
    static func dottedStart(_ chars: [Unicode.Scalar], _ end: Int) -> Int {
        var i = end
        while i > 0, isIdentifierContinue(chars[i - 1]) || chars[i - 1] == "." { i -= 1 }
        return i
    }

    /// Evaluates a dotted name chain without running any user code but attribute lookups.
    func lookup(_ dotted: String) -> Value? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        guard var value = interpreter.global(first) ?? (first.isEmpty ? nil : nil) else {
            if let keyword = Optional(first), pythonKeywords.contains(keyword) { return nil }
            return nil
        }
        for name in parts.dropFirst() {
            guard let next = try? interpreter.getAttribute(value, name) else { return nil }
            value = next
        }
        return value
    }
}
