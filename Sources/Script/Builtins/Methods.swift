/// The methods of the builtin value types and their dispatch.
enum MethodTables {
    static let strMethods = ["capitalize", "casefold", "center", "count", "endswith", "expandtabs", "find", "format",
                             "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower",
                             "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
                             "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition",
                             "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill"]
    static let listMethods = ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]
    static let tupleMethods = ["count", "index"]
    static let dictMethods = ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"]
    static let setMethods = ["add", "clear", "copy", "difference", "discard", "intersection", "isdisjoint", "issubset",
                             "issuperset", "pop", "remove", "symmetric_difference", "union", "update"]
    static let intMethods = ["bit_length", "conjugate", "to_bytes"]
    static let floatMethods = ["as_integer_ratio", "conjugate", "hex", "is_integer"]

    static let strSet = Set(strMethods), listSet = Set(listMethods), tupleSet = Set(tupleMethods), dictSet = Set(dictMethods)

    static func has(_ v: Value, _ name: String) -> Bool {
        switch v {
        case .str: return strSet.contains(name)
        case .list: return listSet.contains(name)
        case .tuple: return tupleSet.contains(name)
        case .dict: return dictSet.contains(name)
        case .int, .bool: return intMethods.contains(name)
        case .float: return floatMethods.contains(name)
        default: return false
        }
    }

    static func names(for v: Value) -> [String] {
        switch v {
        case .str: return strMethods
        case .list: return listMethods
        case .tuple: return tupleMethods
        case .dict: return dictMethods
        case .int, .bool: return intMethods + ["real", "imag", "numerator", "denominator"]
        case .float: return floatMethods + ["real", "imag"]
        default: return []
        }
    }
}

/// Short documentation for builtin methods, shown by inspection.
enum MethodDocs {
    static func doc(for type: String, _ name: String) -> String? {
        docs["\(type).\(name)"]
    }
    static let docs: [String: String] = [
        "list.append": "Append object to the end of the list.",
        "list.extend": "Extend list by appending elements from the iterable.",
        "list.pop": "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range.",
        "list.sort": "Sort the list in ascending order and return None.\n\nsort(*, key=None, reverse=False)",
        "dict.get": "Return the value for key if key is in the dictionary, else default.",
        "dict.items": "A set-like view of the dict's (key, value) pairs.",
        "str.split": "Return a list of the substrings in the string, using sep as the separator string.",
        "str.join": "Concatenate any number of strings, with this string between each.",
        "str.format": "Return a formatted version of the string, using substitutions from args and kwargs.",
    ]
}

extension Interpreter {
    /// Calls method `name` of a builtin value.
    func callMethod(_ receiver: Value, _ name: String, _ args: Arguments) throws -> Value {
        switch receiver {
        case .str(let s): return try stringMethod(s, name, args)
        case .list(let l): return try listMethod(l, name, args)
        case .tuple(let t): return try tupleMethod(t, name, args)
        case .dict(let d): return try dictMethod(d, name, args)
        case .int(let i): return try intMethod(i, name, args)
        case .bool(let b): return try intMethod(b ? 1 : 0, name, args)
        case .float(let d): return try floatMethod(d, name, args)
        case .object(let o as SetObject): return try setMethod(o, name, args)
        case .object(let o as GeneratorObject): return try o.callMethod(name, args, self)
        default:
            return try call(try getAttribute(receiver, name), args)
        }
    }

    private func listMethod(_ l: ListObject, _ name: String, _ args: Arguments) throws -> Value {
        let p = ArgumentReader(name, args, self)
        switch name {
        case "append":
            try p.count(1)
            l.items.append(args.positional[0])
        case "extend":
            try p.count(1)
            let items = try collect(args.positional[0])
            l.items += items
        case "insert":
            try p.count(2)
            var i = try p.int(0)
            let n = l.items.count
            if i < 0 { i = max(0, i + n) }
            l.items.insert(args.positional[1], at: min(i, n))
        case "pop":
            try p.count(0...1)
            if l.items.isEmpty { throw ScriptError.indexError("pop from empty list") }
            var i = args.positional.isEmpty ? l.items.count - 1 : try p.int(0)
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw ScriptError.indexError("pop index out of range") }
            return l.items.remove(at: i)
        case "remove":
            try p.count(1)
            for (i, x) in l.items.enumerated() where try equal(x, args.positional[0]) {
                l.items.remove(at: i)
                return .none
            }
            throw ScriptError.valueError("list.remove(x): x not in list")
        case "index":
            try p.count(1...3)
            let (a, b) = try p.range(l.items.count)
            if a < b {
                for i in a..<b where try equal(l.items[i], args.positional[0]) { return .int(i) }
            }
            throw ScriptError.valueError("\(try repr(args.positional[0])) is not in list")
        case "count":
            try p.count(1)
            var n = 0
            for x in l.items where try equal(x, args.positional[0]) { n += 1 }
            return .int(n)
        case "reverse":
            try p.count(0)
            l.items.reverse()
        case "sort":
            try p.count(0)
            try p.onlyKeywords(["key", "reverse"])
            l.items = try sorted(l.items, key: args.keyword("key"), reverse: try truthy(args.keyword("reverse") ?? .bool(false)))
        case "copy":
            try p.count(0)
            return .list(ListObject(l.items))
        case "clear":
            try p.count(0)
            l.items.removeAll()
        default:
            throw ScriptError.attributeError("'list' object has no attribute '\(name)'")
        }
        return .none
    }

    private func tupleMethod(_ t: [Value], _ name: String, _ args: Arguments) throws -> Value {
        let p = ArgumentReader(name, args, self)
        switch name {
        case "count":
            try p.count(1)
            var n = 0
            for x in t where try equal(x, args.positional[0]) { n += 1 }
            return .int(n)
        case "index":
            try p.count(1...3)
            let (a, b) = try p.range(t.count)
            if a < b {
                for i in a..<b where try equal(t[i], args.positional[0]) { return .int(i) }
            }
            throw ScriptError.valueError("tuple.index(x): x not in tuple")
        default:
            throw ScriptError.attributeError("'tuple' object has no attribute '\(name)'")
        }
    }

    private func dictMethod(_ d: DictObject, _ name: String, _ args: Arguments) throws -> Value {
        let p = ArgumentReader(name, args, self)
        switch name {
        case "get":
            try p.count(1...2)
            return d.get(try HashKey(args.positional[0])) ?? (args.positional.count > 1 ? args.positional[1] : .none)
        case "keys": try p.count(0); return .object(DictView(d, .keys))
        case "values": try p.count(0); return .object(DictView(d, .values))
        case "items": try p.count(0); return .object(DictView(d, .items))
        case "pop":
            try p.count(1...2)
            if let v = d.remove(try HashKey(args.positional[0])) { return v }
            if args.positional.count > 1 { return args.positional[1] }
            throw ScriptError.keyError(args.positional[0])
        case "popitem":
            try p.count(0)
            guard let last = d.last else { throw ScriptError.keyError(.str("popitem(): dictionary is empty")) }
            d.remove(try HashKey(last.key))
            return .tuple([last.key, last.value])
        case "setdefault":
            try p.count(1...2)
            let k = try HashKey(args.positional[0])
            if let v = d.get(k) { return v }
            let v = args.positional.count > 1 ? args.positional[1] : .none
            d.set(k, v)
            return v
        case "update":
            try p.count(0...1)
            if let src = args.positional.first {
                if case .dict = src {
                    try mergeMapping(into: d, src)
                } else {
                    try forEach(src) { pair in
                        let kv = try collect(pair)
                        guard kv.count == 2 else {
                            throw ScriptError.valueError("dictionary update sequence element has length \(kv.count); 2 is required")
                        }
                        d.set(try HashKey(kv[0]), kv[1])
                    }
                }
            }
            for (k, v) in args.keywords { d[k] = v }
        case "copy": try p.count(0); return .dict(d.copy())
        case "clear": try p.count(0); d.removeAll()
        case "fromkeys":
            try p.count(1...2)
            let out = DictObject()
            let v = args.positional.count > 1 ? args.positional[1] : .none
            try forEach(args.positional[0]) { out.set(try HashKey($0), v) }
            return .dict(out)
        default:
            throw ScriptError.attributeError("'dict' object has no attribute '\(name)'")
        }
        return .none
    }

    private func setMethod(_ s: SetObject, _ name: String, _ args: Arguments) throws -> Value {
        let p = ArgumentReader(name, args, self)
        func other(_ i: Int) throws -> SetObject {
            let o = SetObject()
            try forEach(args.positional[i]) { try o.insert($0) }
            return o
        }
        switch name {
        case "add": try p.count(1); try s.insert(args.positional[0])
        case "discard": try p.count(1); s.storage.remove(try HashKey(args.positional[0]))
        case "remove":
            try p.count(1)
            if s.storage.remove(try HashKey(args.positional[0])) == nil { throw ScriptError.keyError(args.positional[0]) }
        case "pop":
            try p.count(0)
            guard let first = s.members.first else { throw ScriptError.keyError(.str("pop from an empty set")) }
            s.storage.remove(try HashKey(first))
            return first
        case "clear": try p.count(0); s.storage.removeAll()
        case "copy":
            try p.count(0)
            let c = SetObject()
            c.storage = s.storage.copy()
            return .object(c)
        case "union", "intersection", "difference", "symmetric_difference":
            var result: Value = .object(s)
            let op: BinaryOperator = name == "union" ? .bitOr : name == "intersection" ? .bitAnd : name == "difference" ? .sub : .bitXor
            if args.positional.isEmpty {
                let c = SetObject()
                c.storage = s.storage.copy()
                return .object(c)
            }
            for i in args.positional.indices {
                guard case .object(let cur as SetObject) = result,
                      let r = try cur.binary(op, .object(try other(i)), reflected: false, self) else { break }
                result = r
            }
            return result
        case "update":
            for i in args.positional.indices { for m in try other(i).members { try s.insert(m) } }
        case "issubset":
            try p.count(1)
            return .bool(try s.compare(.le, .object(try other(0)), self).map { try truthy($0) } ?? false)
        case "issuperset":
            try p.count(1)
            return .bool(try s.compare(.ge, .object(try other(0)), self).map { try truthy($0) } ?? false)
        case "isdisjoint":
            try p.count(1)
            let o = try other(0)
            for m in s.members where o.storage.get(try HashKey(m)) != nil { return .bool(false) }
            return .bool(true)
        default:
            throw ScriptError.attributeError("'set' object has no attribute '\(name)'")
        }
        return .none
    }

    private func intMethod(_ i: Int, _ name: String, _ args: Arguments) throws -> Value {
        switch name {
        case "bit_length": return .int(i == 0 ? 0 : Int.bitWidth - i.magnitude.leadingZeroBitCount)
        case "conjugate": return .int(i)
        default: throw ScriptError.attributeError("'int' object has no attribute '\(name)'")
        }
    }

    private func floatMethod(_ d: Double, _ name: String, _ args: Arguments) throws -> Value {
        switch name {
        case "is_integer": return .bool(d.isFinite && d == d.rounded())
        case "conjugate": return .float(d)
        case "as_integer_ratio":
            guard d.isFinite else { throw ScriptError.overflow("cannot convert Infinity or NaN to integer ratio") }
            var num = d, den = 1.0
            while num != num.rounded() && den < 1e18 {
                num *= 2
                den *= 2
            }
            guard abs(num) < 9.2e18 else { throw ScriptError.overflow() }
            var n = Int(num), m = Int(den)
            while m > 1 && n % 2 == 0 {
                n /= 2
                m /= 2
            }
            return .tuple([.int(n), .int(m)])
        default: throw ScriptError.attributeError("'float' object has no attribute '\(name)'")
        }
    }
}

/// Checks and reads the arguments of a builtin, with Python's messages.
struct ArgumentReader {
    let name: String
    let args: Arguments
    let interpreter: Interpreter

    init(_ name: String, _ args: Arguments, _ interpreter: Interpreter) {
        self.name = name
        self.args = args
        self.interpreter = interpreter
    }

    func count(_ n: Int) throws {
        try count(n...n)
    }

    func count(_ r: ClosedRange<Int>) throws {
        let c = args.positional.count
        if r.contains(c) { return }
        if r.lowerBound == r.upperBound {
            if r.lowerBound == 0 { throw ScriptError.typeError("\(name)() takes no arguments (\(c) given)") }
            if r.lowerBound == 1 { throw ScriptError.typeError("\(name)() takes exactly one argument (\(c) given)") }
            throw ScriptError.typeError("\(name)() takes exactly \(r.lowerBound) arguments (\(c) given)")
        }
        if c < r.lowerBound {
            throw ScriptError.typeError("\(name) expected at least \(r.lowerBound) argument\(r.lowerBound == 1 ? "" : "s"), got \(c)")
        }
        throw ScriptError.typeError("\(name) expected at most \(r.upperBound) argument\(r.upperBound == 1 ? "" : "s"), got \(c)")
    }

    func onlyKeywords(_ allowed: Set<String>) throws {
        for (k, _) in args.keywords where !allowed.contains(k) {
            throw ScriptError.typeError("'\(k)' is an invalid keyword argument for \(name)()")
        }
    }

    func noKeywords() throws {
        if !args.keywords.isEmpty { throw ScriptError.typeError("\(name)() takes no keyword arguments") }
    }

    func int(_ i: Int) throws -> Int {
        switch args.positional[i] {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        case let v: throw ScriptError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    func optionalInt(_ i: Int) throws -> Int? {
        guard i < args.positional.count else { return nil }
        if args.positional[i].isNone { return nil }
        return try int(i)
    }

    func string(_ i: Int) throws -> String {
        guard case .str(let s) = args.positional[i] else {
            throw ScriptError.typeError("\(name)() argument \(i + 1) must be str, not \(args.positional[i].typeName)")
        }
        return s
    }

    func optionalString(_ i: Int) throws -> String? {
        guard i < args.positional.count, !args.positional[i].isNone else { return nil }
        return try string(i)
    }

    /// Optional start/end positional arguments (positions 1 and 2) clamped to `length`.
    func range(_ length: Int) throws -> (Int, Int) {
        func clamp(_ v: Int) -> Int { v < 0 ? max(0, v + length) : min(v, length) }
        let a = try optionalInt(1).map(clamp) ?? 0
        let b = try optionalInt(2).map(clamp) ?? length
        return (a, b)
    }
}
