import Glibc

/// The constructors of the builtin types (`int(x)`, `list(it)`, …).
enum Constructors {
    static func int(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let p = ArgumentReader("int", args, interp)
        try p.count(0...2)
        var base: Int? = args.positional.count > 1 ? try p.int(1) : nil
        if case .int(let b)? = args.keyword("base") { base = b }
        guard let x = args.positional.first else { return .int(0) }
        if let base {
            guard case .str(let s) = x else { throw ScriptError.typeError("int() can't convert non-string with explicit base") }
            return .int(try parseInt(s, base: base))
        }
        return try intOf(x, interp)
    }

    /// `int(x)`.
    static func intOf(_ x: Value, _ interp: Interpreter) throws -> Value {
        switch x {
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .int(try floatToInt(d))
        case .str(let s): return .int(try parseInt(s, base: 10))
        case .object(let o):
            if let r = try o.attribute("__int__", interp) { return try interp.call(r) }
        default: break
        }
        throw ScriptError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
    }

    static func floatToInt(_ d: Double) throws -> Int {
        if d.isNaN { throw ScriptError.valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw ScriptError.overflow("cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        guard t >= -9223372036854775808.0 && t < 9223372036854775808.0 else { throw ScriptError.overflow() }
        return Swift.Int(t)
    }

    static func parseInt(_ text: String, base: Int) throws -> Int {
        func invalid() -> ScriptError {
            ScriptError.valueError("invalid literal for int() with base \(base): \(pythonStringRepr(text))")
        }
        guard base == 0 || (2...36).contains(base) else { throw ScriptError.valueError("int() base must be >= 2 and <= 36, or 0") }
        var s = Substring(StringMethods.strip(text))
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("+") {
            negative = s.hasPrefix("-")
            s = s.dropFirst()
        }
        var b = base
        let lower = s.lowercased()
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { b = 16; s = s.dropFirst(2) }
        else if (b == 8 || b == 0) && lower.hasPrefix("0o") { b = 8; s = s.dropFirst(2) }
        else if (b == 2 || b == 0) && lower.hasPrefix("0b") { b = 2; s = s.dropFirst(2) }
        if b == 0 {
            b = 10
            if s.count > 1 && s.hasPrefix("0") && s.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid() }
        }
        if s.hasPrefix("_") && base != 0 && s.count > 0 && (lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b")) {
            s = s.dropFirst()
        }
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { throw invalid() }
        let digits = String(s.filter { $0 != "_" })
        guard digits.allSatisfy({ $0.isASCII }), let magnitude = UInt64(digits, radix: b) else {
            if digits.allSatisfy({ $0.isASCII && $0.isHexDigit }) && digits.allSatisfy({ Swift.Int(String($0), radix: b) != nil }) {
                throw ScriptError.overflow("int too large: Beamtime integers are 64-bit")
            }
            throw invalid()
        }
        if negative {
            if magnitude == UInt64(1) << 63 { return Swift.Int.min }
            guard magnitude < UInt64(1) << 63 else { throw ScriptError.overflow("int too large: Beamtime integers are 64-bit") }
            return -Swift.Int(magnitude)
        }
        guard magnitude < UInt64(1) << 63 else { throw ScriptError.overflow("int too large: Beamtime integers are 64-bit") }
        return Swift.Int(magnitude)
    }

    static func float(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let p = ArgumentReader("float", args, interp)
        try p.count(0...1)
        guard let x = args.positional.first else { return .float(0) }
        return try floatOf(x, interp)
    }

    /// `float(x)`.
    static func floatOf(_ x: Value, _ interp: Interpreter) throws -> Value {
        switch x {
        case .float: return x
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let s): return .float(try parseFloat(s))
        case .object(let o):
            if let r = try o.attribute("__float__", interp) { return try interp.call(r) }
            fallthrough
        default:
            throw ScriptError.typeError("float() argument must be a string or a real number, not '\(x.typeName)'")
        }
    }

    static func parseFloat(_ text: String) throws -> Double {
        let t = StringMethods.strip(text)
        let lower = t.lowercased()
        var body = Substring(lower)
        var sign = 1.0
        if body.hasPrefix("-") || body.hasPrefix("+") {
            if body.hasPrefix("-") { sign = -1 }
            body = body.dropFirst()
        }
        switch body {
        case "nan": return Double.nan
        case "inf", "infinity": return sign * Double.infinity
        default: break
        }
        let valid = !body.isEmpty && !body.hasPrefix("_") && !body.hasSuffix("_") && !body.contains("__")
            && body.allSatisfy { "0123456789.e+-_".contains($0) } && body.contains(where: { $0.isNumber })
        let clean = String(body.filter { $0 != "_" })
        guard valid, !clean.hasPrefix("e"), let d = Double(clean) else {
            throw ScriptError.valueError("could not convert string to float: \(pythonStringRepr(text))")
        }
        return sign * d
    }

    static func str(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let p = ArgumentReader("str", args, interp)
        try p.count(0...1)
        guard let x = args.positional.first ?? args.keyword("object") else { return .str("") }
        return .str(try interp.str(x))
    }

    /// `str(x)`.
    static func strOf(_ x: Value, _ interp: Interpreter) throws -> Value {
        .str(try interp.str(x))
    }

    static func bool(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try ArgumentReader("bool", args, interp).count(0...1)
        return .bool(try args.positional.first.map { try interp.truthy($0) } ?? false)
    }

    static func list(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try ArgumentReader("list", args, interp).count(0...1)
        guard let x = args.positional.first else { return .list(ListObject()) }
        return .list(ListObject(try interp.collect(x)))
    }

    static func tuple(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try ArgumentReader("tuple", args, interp).count(0...1)
        guard let x = args.positional.first else { return .tuple([]) }
        if case .tuple = x { return x }
        return .tuple(try interp.collect(x))
    }

    static func dict(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try ArgumentReader("dict", args, interp).count(0...1)
        let d = DictObject()
        if let src = args.positional.first {
            if case .dict(let s) = src {
                for (k, v) in s.entries { d.set(try HashKey(k), v) }
            } else {
                var i = 0
                try interp.forEach(src) { pair in
                    let kv: [Value]
                    do { kv = try interp.collect(pair) } catch {
                        throw ScriptError.typeError("cannot convert dictionary update sequence element #\(i) to a sequence")
                    }
                    guard kv.count == 2 else {
                        throw ScriptError.valueError("dictionary update sequence element #\(i) has length \(kv.count); 2 is required")
                    }
                    d.set(try HashKey(kv[0]), kv[1])
                    i += 1
                }
            }
        }
        for (k, v) in args.keywords { d[k] = v }
        return .dict(d)
    }

    static func set(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        try ArgumentReader("set", args, interp).count(0...1)
        let s = SetObject()
        if let x = args.positional.first { try interp.forEach(x) { try s.insert($0) } }
        return .object(s)
    }

    static func range(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let p = ArgumentReader("range", args, interp)
        try p.noKeywords()
        try p.count(1...3)
        for (i, v) in args.positional.enumerated() {
            switch v {
            case .int, .bool: break
            default:
                _ = i
                throw ScriptError.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
        }
        switch args.positional.count {
        case 1: return .object(RangeObject(start: 0, stop: try p.int(0), step: 1))
        case 2: return .object(RangeObject(start: try p.int(0), stop: try p.int(1), step: 1))
        default:
            let step = try p.int(2)
            if step == 0 { throw ScriptError.valueError("range() arg 3 must not be zero") }
            return .object(RangeObject(start: try p.int(0), stop: try p.int(1), step: step))
        }
    }

    static func type(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        guard args.positional.count == 1 else { throw ScriptError.typeError("type() takes 1 argument (creating classes is not supported)") }
        return .object(interp.typeObject(of: args.positional[0]))
    }

    static func object(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        throw ScriptError.typeError("object() instances are not supported")
    }
}
