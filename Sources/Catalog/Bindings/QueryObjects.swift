import Acquisition
import Glibc
import JSON
import Script

/// A catalogue query in a cell (`Key('num_points') > 10`, `Regex('sample', '^La')` …), passed
/// to `catalog.search(...)`.
final class QueryObject: ScriptObject {
    let query: CatalogQuery
    let text: String

    init(_ query: CatalogQuery, text: String) {
        self.query = query
        self.text = text
    }

    var typeName: String { "Query" }
    var docstring: String? { "A catalogue query; pass it to catalog.search(...)." }
    func repr(_ interpreter: Interpreter) throws -> String { text }
}

/// `Key(name)`: compare it with a value to make a query: `Key('num_points') > 10`.
final class KeyObject: ScriptObject {
    let key: String
    init(_ key: String) { self.key = key }

    var typeName: String { "Key" }
    var docstring: String? { "Key(name): a start-document key; Key('num_points') > 10, Key('sample') == 'LaB6' make queries for catalog.search." }
    func repr(_ interpreter: Interpreter) throws -> String { "Key('\(key)')" }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        let value = try ValueJSON.json(other, interpreter)
        let text = "Key('\(key)') \(op.rawValue) \(try interpreter.repr(other))"
        switch op {
        case .eq: return .object(QueryObject(.equals(key, value), text: text))
        case .ne: return .object(QueryObject(.compare(key, .notEqual, value), text: text))
        case .gt: return .object(QueryObject(.compare(key, .greater, value), text: text))
        case .ge: return .object(QueryObject(.compare(key, .greaterOrEqual, value), text: text))
        case .lt: return .object(QueryObject(.compare(key, .less, value), text: text))
        case .le: return .object(QueryObject(.compare(key, .lessOrEqual, value), text: text))
        default: return nil
        }
    }
}

/// The query constructors bound in cells.
enum QueryConstructors {
    /// Binds the constructors as builtins (except `In`, which would hide IPython's `In`
    /// history list: `from queries import In` brings it in, as databroker's import does) and
    /// as the module `queries`.
    static func install(into interpreter: Interpreter) {
        var members: [String: Value] = [:]
        func string(_ v: Value?, _ what: String) throws -> String {
            guard case .str(let s)? = v else { throw ScriptError.typeError("\(what) must be a string") }
            return s
        }
        func list(_ v: Value?, _ interp: Interpreter) throws -> [JSONValue] {
            guard let v else { throw ScriptError.typeError("a list of values is needed") }
            var out: [JSONValue] = []
            let iterator = try interp.iterator(v)
            while let item = try iterator.next(interp) { out.append(try ValueJSON.json(item, interp)) }
            return out
        }
        func bind(_ name: String, _ signature: String, _ doc: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            let function = Value.object(BuiltinFunction(name, signature: signature, doc: doc, body))
            members[name] = function
            if name != "In" { interpreter.setBuiltin(name, function) }
        }
        bind("Key", "Key(name)", "A start-document key to compare: Key('num_points') > 10.") { args, _ in
            .object(KeyObject(try string(args.positional.first, "Key's name")))
        }
        bind("Eq", "Eq(key, value)", "Runs whose start document has key == value.") { args, interp in
            guard args.positional.count == 2 else { throw ScriptError.typeError("Eq(key, value)") }
            let key = try string(args.positional[0], "the key")
            return .object(QueryObject(.equals(key, try ValueJSON.json(args.positional[1], interp)), text: "Eq('\(key)', \(try interp.repr(args.positional[1])))"))
        }
        bind("In", "In(key, values)", "Runs whose key is one of the values.") { args, interp in
            guard args.positional.count == 2 else { throw ScriptError.typeError("In(key, values)") }
            let key = try string(args.positional[0], "the key")
            return .object(QueryObject(.isIn(key, try list(args.positional[1], interp)), text: "In('\(key)', \(try interp.repr(args.positional[1])))"))
        }
        bind("NotIn", "NotIn(key, values)", "Runs whose key is none of the values.") { args, interp in
            guard args.positional.count == 2 else { throw ScriptError.typeError("NotIn(key, values)") }
            let key = try string(args.positional[0], "the key")
            return .object(QueryObject(.notIn(key, try list(args.positional[1], interp)), text: "NotIn('\(key)', \(try interp.repr(args.positional[1])))"))
        }
        bind("Contains", "Contains(key, value)", "Runs whose key (a list) contains value, or (a string) contains it as text.") { args, interp in
            guard args.positional.count == 2 else { throw ScriptError.typeError("Contains(key, value)") }
            let key = try string(args.positional[0], "the key")
            return .object(QueryObject(.contains(key, try ValueJSON.json(args.positional[1], interp)),
                                       text: "Contains('\(key)', \(try interp.repr(args.positional[1])))"))
        }
        bind("Regex", "Regex(key, pattern)", "Runs whose key (a string) matches the regular expression.") { args, _ in
            guard args.positional.count == 2 else { throw ScriptError.typeError("Regex(key, pattern)") }
            let key = try string(args.positional[0], "the key"), pattern = try string(args.positional[1], "the pattern")
            guard (try? Regex(pattern)) != nil else { throw ScriptError.valueError("Regex('\(key)', '\(pattern)'): not a valid regular expression") }
            return .object(QueryObject(.regex(key, pattern), text: "Regex('\(key)', '\(pattern)')"))
        }
        bind("FullText", "FullText(text)", "Runs whose start document mentions every word of text.") { args, _ in
            let text = try string(args.positional.first, "FullText's text")
            return .object(QueryObject(.fullText(text), text: "FullText('\(text)')"))
        }
        bind("TimeRange", "TimeRange(since=None, until=None)",
             "Runs started in [since, until): Unix seconds or 'YYYY-MM-DD[ HH:MM[:SS]]' in local time.") { args, _ in
            let since = try args.keyword("since").map { try time($0) }
            let until = try args.keyword("until").map { try time($0) }
            return .object(QueryObject(.timeRange(since: since, until: until), text: "TimeRange(since=\(since.map { "\($0)" } ?? "None"), until=\(until.map { "\($0)" } ?? "None"))"))
        }
        let module = members
        interpreter.registerModule("queries") { _ in
            ModuleObject(name: "queries", doc: "Catalogue queries, as databroker.queries: Key, Eq, In, NotIn, Contains, Regex, FullText, TimeRange.",
                         members: module)
        }
    }

    /// Unix seconds from a number or a local date-time string.
    static func time(_ value: Value) throws -> Double {
        if let n = value.numericValue { return n }
        guard case .str(let text) = value else { throw ScriptError.typeError("a time must be a number or a 'YYYY-MM-DD HH:MM:SS' string") }
        guard let t = LocalTime.parse(text) else {
            throw ScriptError.valueError("'\(text)' is not a date: use 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD HH:MM:SS'")
        }
        return t
    }
}
