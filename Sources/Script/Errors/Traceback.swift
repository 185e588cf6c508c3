/// Renders exceptions as IPython 8 does: a header, each frame with its source line and a
/// caret span, and `Name: message` last; with or without ANSI colours.
public struct TracebackRenderer {
    /// Whether to colour the output with ANSI escapes (as in a Jupyter error output).
    public var colour: Bool

    /// Creates a renderer.
    public init(colour: Bool) {
        self.colour = colour
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The traceback lines (each entry may contain newlines), as Jupyter's `traceback` field.
    public func lines(for e: ExceptionObject, interpreter: Interpreter) -> [String] {
        // Walk the cause/context chain first (innermost last), without recursion and
        // stopping at cycles, as CPython's traceback module does; very long chains are cut.
        var chain: [(ExceptionObject, String?)] = [(e, nil)]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(e)]
        var current = e
        while chain.count < 50 {
            let link: (ExceptionObject, String)?
            if let cause = current.cause {
                link = (cause, "\nThe above exception was the direct cause of the following exception:\n")
            } else if let context = current.context, context.traceback.count > 0 {
                link = (context, "\nDuring handling of the above exception, another exception occurred:\n")
            } else {
                link = nil
            }
            guard let (next, separator) = link, seen.insert(ObjectIdentifier(next)).inserted else { break }
            chain.append((next, separator))
            current = next
        }
        var out: [String] = []
        for (exception, separator) in chain.reversed() {
            out += single(exception, interpreter: interpreter)
            if let separator { out.append(separator) }
        }
        return out
    }

    private func single(_ e: ExceptionObject, interpreter: Interpreter) -> [String] {
        var out: [String] = []
        out.append(paint(String(repeating: "-", count: 75), "31"))
        out.append(paint(e.type.name, "31") + String(repeating: " ", count: max(1, 42 - e.type.name.count))
                   + "Traceback (most recent call last)")
        for frame in e.traceback { out.append(render(frame)) }
        out.append(summary(e, interpreter: interpreter))
        return out
    }

    /// `Name: message` with the "Did you mean" suffix.
    public func summary(_ e: ExceptionObject, interpreter: Interpreter) -> String {
        var message = e.message(interpreter)
        if let s = e.suggestion { message += ". Did you mean: '\(s)'?" }
        return paint(e.type.name, "31") + (message.isEmpty ? "" : ": " + message)
    }

    func render(_ f: TraceFrame) -> String {
        var head: String
        if f.isCell {
            head = paint(f.filename, "32") + ", line \(f.span.start.line)"
            if f.function != "<module>" { head += ", in " + paint(f.function, "36") }
        } else {
            head = "File " + paint(f.filename, "32") + ":\(f.span.start.line), in " + paint(f.function, "36")
        }
        let number = String(f.span.start.line)
        let gutter = "----> "
        let line = f.sourceLine
        var body = paint(gutter + number, "32") + " " + highlight(line, f.span)
        let leading = line.prefix(while: { $0 == " " || $0 == "\t" }).count
        if f.span.start.line == f.span.end.line || f.sourceLines.count <= 1 {
            let start = max(f.span.start.column, leading)
            let end = f.span.start.line == f.span.end.line ? f.span.end.column : line.unicodeScalars.count
            let width = max(1, min(end, line.unicodeScalars.count) - start)
            let trimmedLength = line.unicodeScalars.count - leading
            if start > leading || width < trimmedLength {
                let pad = String(repeating: " ", count: gutter.count + number.count + 1 + start)
                body += "\n" + pad + paint(String(repeating: "^", count: width), "31")
            }
        } else {
            for (k, extra) in f.sourceLines.dropFirst().enumerated() {
                let n = String(f.span.start.line + k + 1)
                body += "\n" + String(repeating: " ", count: gutter.count + number.count - n.count) + paint(n, "32") + " " + extra
            }
        }
        return head + "\n" + body + "\n"
    }

    private func highlight(_ line: String, _ span: SourceSpan) -> String { line }
}

extension ScriptSyntaxError {
    /// The error rendered as IPython shows a SyntaxError (file, line, caret, message).
    public func rendered(filename: String, isCell: Bool, source: String, colour: Bool) -> [String] {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        let lines = SourceText(source, filename: filename, isCell: isCell)
        let line = lines.line(position.line)
        let trimmed = String(line.drop(while: { $0 == " " || $0 == "\t" }))
        let dropped = line.unicodeScalars.count - trimmed.unicodeScalars.count
        let caretStart = max(0, position.column - dropped)
        let width = max(1, (endColumn ?? (position.column + 1)) - position.column)
        let location = isCell ? "  \(paint(filename, "32")), line \(position.line)" : "  File \(paint("\"\(filename)\"", "32")), line \(position.line)"
        var out = [location]
        out.append("    " + trimmed)
        out.append("    " + String(repeating: " ", count: caretStart) + paint(String(repeating: "^", count: width), "1;31"))
        out.append(paint(kind.rawValue, "31") + ": " + message)
        return out
    }
}
