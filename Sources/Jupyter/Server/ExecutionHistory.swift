import JSON

/// The kernel's input history for `history_request`: every stored execution with its
/// result text, numbered as `In[n]`. Session 1 is the running kernel.
public struct ExecutionHistory: Sendable {
    /// One executed cell.
    public struct Entry: Sendable, Equatable {
        /// The execution count (`In[line]`).
        public var line: Int
        /// The code.
        public var input: String
        /// The result's `text/plain`, if the cell had one.
        public var output: String?
    }

    /// The session number reported (this kernel process).
    public let session = 1
    /// Everything stored, oldest first.
    public private(set) var entries: [Entry] = []

    /// An empty history.
    public init() {}

    /// Records an execution.
    public mutating func record(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    /// Answers a `history_request` content with the `history` list.
    public func reply(to request: JSONObject) -> [JSONValue] {
        let wantOutput = request["output"]?.bool ?? false
        let kind = request["hist_access_type"]?.string ?? "tail"
        let n = request["n"]?.int
        var selected: [Entry]
        switch kind {
        case "range":
            let session = request["session"]?.int ?? 0
            guard session == self.session || session <= 0 else { return [] }
            let start = request["start"]?.int ?? 1
            let stop = request["stop"]?.int
            selected = entries.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
        case "search":
            let pattern = request["pattern"]?.string ?? "*"
            let unique = request["unique"]?.bool ?? false
            selected = entries.filter { GlobPattern(pattern).matches($0.input) }
            if unique {
                var seen = Set<String>()
                var kept: [Entry] = []
                for entry in selected.reversed() where seen.insert(entry.input).inserted { kept.append(entry) }
                selected = kept.reversed()
            }
            if let n, n >= 0 { selected = Array(selected.suffix(n)) }
        default:
            selected = entries
            if let n, n >= 0 { selected = Array(selected.suffix(n)) }
        }
        return selected.map { entry in
            let payload: JSONValue = wantOutput
                ? .array([.string(entry.input), entry.output.map { .string($0) } ?? .null])
                : .string(entry.input)
            return .array([.int(session), .int(entry.line), payload])
        }
    }
}

/// A shell-style glob (`*`, `?`, `[abc]`, `[!abc]`) as IPython's history search uses.
struct GlobPattern {
    let pattern: [Character]

    init(_ text: String) { pattern = Array(text) }

    func matches(_ text: String) -> Bool { match(pattern[...], Array(text)[...]) }

    private func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        var p = p, s = s
        var star: (ArraySlice<Character>, ArraySlice<Character>)?
        while true {
            if let c = p.first {
                if c == "*" {
                    p = p.dropFirst()
                    star = (p, s)
                    continue
                }
                if let t = s.first, matchOne(&p, t) {
                    s = s.dropFirst()
                    continue
                }
            } else if s.isEmpty {
                return true
            }
            guard let (resumeP, resumeS) = star, !resumeS.isEmpty else { return false }
            star = (resumeP, resumeS.dropFirst())
            p = resumeP
            s = resumeS.dropFirst()
        }
    }

    /// Whether the pattern's next element matches `t`; advances past it if so.
    private func matchOne(_ p: inout ArraySlice<Character>, _ t: Character) -> Bool {
        guard let c = p.first else { return false }
        if c == "?" { p = p.dropFirst(); return true }
        if c == "[", let close = p.dropFirst(2).firstIndex(of: "]") {
            var set = p[(p.startIndex + 1)..<close]
            var negate = false
            if set.first == "!" { negate = true; set = set.dropFirst() }
            var found = false
            var i = set.startIndex
            while i < set.endIndex {
                if i + 2 < set.endIndex, set[i + 1] == "-" {
                    if set[i] <= t && t <= set[i + 2] { found = true }
                    i += 3
                } else {
                    if set[i] == t { found = true }
                    i += 1
                }
            }
            guard found != negate else { return false }
            p = p[(close + 1)...]
            return true
        }
        guard c == t else { return false }
        p = p.dropFirst()
        return true
    }
}
