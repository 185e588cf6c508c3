/// IPython's `name?` / `name??` help syntax: a cell that is only a dotted name followed by
/// one or two question marks (or starting with them) asks for the pager.
enum HelpSyntax {
    /// The dotted name asked about, if `code` is such a request.
    static func target(of code: String) -> String? {
        var text = code.trimmingWhitespace()
        guard text.hasSuffix("?") || text.hasPrefix("?") else { return nil }
        while text.hasSuffix("?") { text.removeLast() }
        while text.hasPrefix("?") { text.removeFirst() }
        text = text.trimmingWhitespace()
        guard !text.isEmpty, text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isIdentifier) else {
            return nil
        }
        return text
    }

    private static func isIdentifier(_ part: Substring) -> Bool {
        guard let first = part.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
