/// Whether a piece of input is ready to run, as the kernel's `is_complete_request` answers.
public enum CompletenessStatus: Equatable, Sendable {
    /// The input can run as is.
    case complete
    /// More lines are needed; continue with this indentation.
    case incomplete(indent: String)
    /// The input can never become valid.
    case invalid
}

extension Session {
    /// Answers `is_complete` as IPython's `TransformerManager.check_complete` does: open
    /// brackets, block headers, backslashes, unterminated triple quotes and decorators are
    /// incomplete; an indented block not yet ended by a newline is incomplete too.
    public static func isComplete(_ code: String) -> CompletenessStatus {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastLine = lines.last(where: { !$0.trimmingWhitespace.isEmpty }) ?? ""
        let lastIndent = String(lastLine.prefix { $0 == " " || $0 == "\t" })
        let headerIndent = lastLine.trimmingWhitespace.hasSuffix(":") ? lastIndent + "    " : lastIndent
        do {
            _ = try Parser.parse(code)
        } catch {
            if error.isIncomplete {
                if lastLine.trimmingWhitespace.hasSuffix(":") { return .incomplete(indent: headerIndent) }
                return .incomplete(indent: bracketDepth(code) > 0 ? "" : lastIndent)
            }
            return .invalid
        }
        if !code.hasSuffix("\n"), let final = lines.last, final.first == " " || final.first == "\t" {
            return .incomplete(indent: headerIndent)
        }
        return .complete
    }

    private static func bracketDepth(_ code: String) -> Int {
        var depth = 0
        for c in code {
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 }
        }
        return depth
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        if let hash = s.firstIndex(of: "#"), !s.contains("'"), !s.contains("\"") {
            s = s[..<hash]
            while let l = s.last, l.isWhitespace { s = s.dropLast() }
        }
        return String(s)
    }
}
