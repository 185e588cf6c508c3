/// Binds Python's `str` methods to the pure functions in `StringMethods`.
extension Interpreter {
    func stringMethod(_ s: String, _ name: String, _ args: Arguments) throws -> Value {
        let p = ArgumentReader(name, args, self)
        do throws(any Error) {
            switch name {
            case "split", "rsplit":
                try p.count(0...2)
                try p.onlyKeywords(["sep", "maxsplit"])
                let sep: String? = try args.keyword("sep").map { v -> String? in
                    if case .str(let x) = v { return x }
                    if v.isNone { return nil }
                    throw ScriptError.typeError("must be str or None, not \(v.typeName)")
                } ?? p.optionalString(0)
                var maxsplit = try p.optionalInt(1) ?? -1
                if case .int(let m)? = args.keyword("maxsplit") { maxsplit = m }
                if maxsplit < 0, let sep, sep.utf8.count == 1, let byte = sep.utf8.first, byte < 128 {
                    // Fast path: one ASCII separator, split on the UTF-8 bytes (never inside a character).
                    return .list(ListObject(StringMethods.split(s, asciiSeparator: byte)))
                }
                let parts = name == "split" ? try StringMethods.split(s, sep: sep, maxsplit: maxsplit)
                    : try StringMethods.rsplit(s, sep: sep, maxsplit: maxsplit)
                return .list(ListObject(parts.map { .str($0) }))
            case "splitlines":
                try p.count(0...1)
                let keep = try args.positional.first.map { try truthy($0) } ?? (try args.keyword("keepends").map { try truthy($0) } ?? false)
                return .list(ListObject(StringMethods.splitlines(s, keepends: keep).map { .str($0) }))
            case "join":
                try p.count(1)
                var parts: [String] = []
                var i = 0
                try forEach(args.positional[0]) { item in
                    guard case .str(let x) = item else {
                        throw ScriptError.typeError("sequence item \(i): expected str instance, \(item.typeName) found")
                    }
                    parts.append(x)
                    i += 1
                }
                return .str(parts.joined(separator: s))
            case "strip", "lstrip", "rstrip":
                try p.count(0...1)
                let chars = try p.optionalString(0)
                switch name {
                case "strip": return .str(StringMethods.strip(s, chars: chars))
                case "lstrip": return .str(StringMethods.lstrip(s, chars: chars))
                default: return .str(StringMethods.rstrip(s, chars: chars))
                }
            case "replace":
                try p.count(2...3)
                return .str(try StringMethods.replace(s, try p.string(0), try p.string(1), count: try p.optionalInt(2) ?? -1))
            case "startswith", "endswith":
                try p.count(1...3)
                let start = try p.optionalInt(1), end = try p.optionalInt(2)
                let candidates: [Value]
                if case .tuple(let t) = args.positional[0] { candidates = t } else { candidates = [args.positional[0]] }
                for c in candidates {
                    guard case .str(let x) = c else {
                        throw ScriptError.typeError("\(name) first arg must be str or a tuple of str, not \(c.typeName)")
                    }
                    let hit = name == "startswith" ? StringMethods.startswith(s, x, start: start, end: end)
                        : StringMethods.endswith(s, x, start: start, end: end)
                    if hit { return .bool(true) }
                }
                return .bool(false)
            case "find", "rfind", "index", "rindex", "count":
                try p.count(1...3)
                let sub = try p.string(0)
                let start = try p.optionalInt(1), end = try p.optionalInt(2)
                switch name {
                case "find": return .int(StringMethods.find(s, sub, start: start, end: end))
                case "rfind": return .int(StringMethods.rfind(s, sub, start: start, end: end))
                case "index": return .int(try StringMethods.index(s, sub, start: start, end: end))
                case "rindex": return .int(try StringMethods.rindex(s, sub, start: start, end: end))
                default: return .int(StringMethods.count(s, sub, start: start, end: end))
                }
            case "upper": try p.count(0); return .str(StringMethods.upper(s))
            case "lower": try p.count(0); return .str(StringMethods.lower(s))
            case "casefold": try p.count(0); return .str(StringMethods.casefold(s))
            case "title": try p.count(0); return .str(StringMethods.title(s))
            case "capitalize": try p.count(0); return .str(StringMethods.capitalize(s))
            case "swapcase": try p.count(0); return .str(StringMethods.swapcase(s))
            case "center", "ljust", "rjust":
                try p.count(1...2)
                let width = try p.int(0)
                let fill = try p.optionalString(1) ?? " "
                if fill.unicodeScalars.count != 1 {
                    throw ScriptError.typeError("The fill character must be exactly one character long")
                }
                switch name {
                case "center": return .str(try StringMethods.center(s, width, fill: fill))
                case "ljust": return .str(try StringMethods.ljust(s, width, fill: fill))
                default: return .str(try StringMethods.rjust(s, width, fill: fill))
                }
            case "zfill": try p.count(1); return .str(try StringMethods.zfill(s, try p.int(0)))
            case "expandtabs":
                try p.count(0...1)
                return .str(try StringMethods.expandtabs(s, tabsize: try p.optionalInt(0) ?? 8))
            case "partition", "rpartition":
                try p.count(1)
                let r = name == "partition" ? try StringMethods.partition(s, try p.string(0)) : try StringMethods.rpartition(s, try p.string(0))
                return .tuple([.str(r.0), .str(r.1), .str(r.2)])
            case "removeprefix": try p.count(1); return .str(StringMethods.removeprefix(s, try p.string(0)))
            case "removesuffix": try p.count(1); return .str(StringMethods.removesuffix(s, try p.string(0)))
            case "isdigit": return .bool(StringMethods.isdigit(s))
            case "isdecimal": return .bool(StringMethods.isdecimal(s))
            case "isnumeric": return .bool(StringMethods.isnumeric(s))
            case "isalpha": return .bool(StringMethods.isalpha(s))
            case "isalnum": return .bool(StringMethods.isalnum(s))
            case "isspace": return .bool(StringMethods.isspace(s))
            case "isupper": return .bool(StringMethods.isupper(s))
            case "islower": return .bool(StringMethods.islower(s))
            case "istitle": return .bool(StringMethods.istitle(s))
            case "isidentifier": return .bool(StringMethods.isidentifier(s))
            case "isprintable": return .bool(StringMethods.isprintable(s))
            case "isascii": return .bool(StringMethods.isascii(s))
            case "format": return .str(try formatTemplate(s, args))
            default:
                throw ScriptError.attributeError("'str' object has no attribute '\(name)'")
            }
        } catch let e as TextFormatError {
            throw e.scriptError
        }
    }

    /// `str.format(*args, **kwargs)`.
    func formatTemplate(_ template: String, _ args: Arguments) throws -> String {
        let chars = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        var autoIndex = 0
        var usedManual = false
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count, chars[i + 1] == "{" {
                    out += "{"
                    i += 2
                    continue
                }
                var depth = 1
                var j = i + 1
                var field = ""
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 }
                    if chars[j] == "}" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    field.unicodeScalars.append(chars[j])
                    j += 1
                }
                guard j < chars.count else { throw ScriptError.valueError("expected '}' before end of string") }
                i = j + 1
                var spec = ""
                var conversion: Character?
                var fieldName = field
                if let colon = field.firstIndex(of: ":") {
                    spec = String(field[field.index(after: colon)...])
                    fieldName = String(field[..<colon])
                }
                if let bang = fieldName.firstIndex(of: "!") {
                    let conv = fieldName[fieldName.index(after: bang)...]
                    guard conv.count == 1, let ch = conv.first, "rsa".contains(ch) else {
                        throw ScriptError.valueError("Unknown conversion specifier \(conv)")
                    }
                    conversion = ch
                    fieldName = String(fieldName[..<bang])
                }
                // Nested replacement fields in the spec.
                if spec.contains("{") { spec = try formatTemplate(spec, args) }
                var head = fieldName
                var rest = ""
                if let k = fieldName.firstIndex(where: { $0 == "." || $0 == "[" }) {
                    head = String(fieldName[..<k])
                    rest = String(fieldName[k...])
                }
                var value: Value
                if head.isEmpty {
                    if usedManual { throw ScriptError.valueError("cannot switch from manual field specification to automatic field numbering") }
                    guard autoIndex < args.positional.count else {
                        throw ScriptError.indexError("Replacement index \(autoIndex) out of range for positional args tuple")
                    }
                    value = args.positional[autoIndex]
                    autoIndex += 1
                } else if let n = Int(head) {
                    usedManual = true
                    guard n < args.positional.count else {
                        throw ScriptError.indexError("Replacement index \(n) out of range for positional args tuple")
                    }
                    value = args.positional[n]
                } else {
                    guard let v = args.keyword(head) else { throw ScriptError.keyError(.str(head)) }
                    value = v
                }
                while !rest.isEmpty {
                    if rest.hasPrefix(".") {
                        rest.removeFirst()
                        let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                        value = try getAttribute(value, String(rest[..<end]))
                        rest = String(rest[end...])
                    } else if rest.hasPrefix("[") {
                        guard let close = rest.firstIndex(of: "]") else { throw ScriptError.valueError("Missing ']' in format string") }
                        let key = String(rest[rest.index(after: rest.startIndex)..<close])
                        value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                        rest = String(rest[rest.index(after: close)...])
                    } else {
                        throw ScriptError.valueError("Only '.' or '[' may follow ']' in format field specifier")
                    }
                }
                switch conversion {
                case "r": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                case "a": value = .str(asciiRepr(try repr(value)))
                default: break
                }
                out += try format(value, spec)
            } else if c == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" {
                    out += "}"
                    i += 2
                    continue
                }
                throw ScriptError.valueError("Single '}' encountered in format string")
            } else {
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        return out
    }

    /// `format(value, spec)`.
    public func format(_ v: Value, _ spec: String) throws -> String {
        if spec.isEmpty {
            switch v {
            case .str(let s): return s
            case .int(let i): return DecimalText.string(i)
            case .float(let d): return pythonFloatRepr(d)
            default: break
            }
        }
        if let fast = FastFormat.format(v, spec) { return fast }
        do throws(any Error) {
            switch v {
            case .int(let i): return try formatInt(i, spec)
            case .bool(let b):
                if spec.isEmpty { return b ? "True" : "False" }
                return try formatInt(b ? 1 : 0, spec, typeName: "bool")
            case .float(let d): return try formatFloat(d, spec)
            case .str(let s): return try formatString(s, spec)
            default:
                if spec.isEmpty { return try str(v) }
                if case .object(let o) = v, let r = try o.attribute("__format__", self) {
                    return try str(try call(r, .str(spec)))
                }
                throw ScriptError.typeError("unsupported format string passed to \(v.typeName).__format__")
            }
        } catch let e as TextFormatError {
            throw e.scriptError
        }
    }

    /// `format % args`.
    func percentFormatValue(_ format: String, _ args: Value) throws -> String {
        func argument(_ v: Value) throws -> PercentArgument {
            switch v {
            case .int(let i): return .int(i)
            case .float(let d): return .float(d)
            case .bool(let b): return .bool(b)
            default: return .string(str: try str(v), repr: try repr(v))
            }
        }
        do throws(any Error) {
            if case .dict(let d) = args {
                var failure: Error?
                let r = try percentFormat(format, mapping: { key in
                    guard let v = d[key] else { return nil }
                    do { return try argument(v) } catch {
                        failure = error
                        return nil
                    }
                })
                if let failure { throw failure }
                return r
            }
            let values: [Value]
            if case .tuple(let t) = args { values = t } else { values = [args] }
            return try percentFormat(format, positional: try values.map(argument))
        } catch let e as TextFormatError {
            throw e.scriptError
        }
    }
}

extension TextFormatError {
    /// The Python exception for this formatting error.
    var scriptError: ScriptError {
        switch self {
        case .valueError(let m): return .valueError(m)
        case .typeError(let m): return .typeError(m)
        case .keyError(let k): return .keyError(.str(k))
        case .overflowError(let m): return .overflow(m)
        }
    }
}
