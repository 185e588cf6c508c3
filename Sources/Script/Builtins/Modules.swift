import Glibc

/// The `math` module.
enum MathModule {
    static func make(_ interp: Interpreter) -> ModuleObject {
        var m: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(Double.infinity), "nan": .float(Double.nan),
        ]
        func unary(_ name: String, _ doc: String, domain: ((Double) -> Bool)? = nil, _ f: @escaping (Double) -> Double) {
            m[name] = .object(BuiltinFunction(name, signature: "\(name)(x, /)", doc: doc) { args, interp in
                try ArgumentReader(name, args, interp).count(1)
                let x = try real(args.positional[0], name)
                if let domain, !domain(x) { throw ScriptError.valueError("math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw ScriptError.overflow("math range error") }
                return .float(r)
            })
        }
        unary("sqrt", "Return the square root of x.", domain: { $0 >= 0 || $0.isNaN }, Glibc.sqrt)
        unary("exp", "Return e raised to the power of x.", Glibc.exp)
        unary("log10", "Return the base 10 logarithm of x.", domain: { $0 > 0 || $0.isNaN }, Glibc.log10)
        unary("log2", "Return the base 2 logarithm of x.", domain: { $0 > 0 || $0.isNaN }, Glibc.log2)
        unary("sin", "Return the sine of x (measured in radians).", domain: { !$0.isInfinite }, Glibc.sin)
        unary("cos", "Return the cosine of x (measured in radians).", domain: { !$0.isInfinite }, Glibc.cos)
        unary("tan", "Return the tangent of x (measured in radians).", domain: { !$0.isInfinite }, Glibc.tan)
        unary("asin", "Return the arc sine (measured in radians) of x.", domain: { abs($0) <= 1 || $0.isNaN }, Glibc.asin)
        unary("acos", "Return the arc cosine (measured in radians) of x.", domain: { abs($0) <= 1 || $0.isNaN }, Glibc.acos)
        unary("atan", "Return the arc tangent (measured in radians) of x.", Glibc.atan)
        unary("sinh", "Return the hyperbolic sine of x.", Glibc.sinh)
        unary("cosh", "Return the hyperbolic cosine of x.", Glibc.cosh)
        unary("tanh", "Return the hyperbolic tangent of x.", Glibc.tanh)
        unary("fabs", "Return the absolute value of the float x.", Swift.abs)
        unary("degrees", "Convert angle x from radians to degrees.", { $0 * 180 / Double.pi })
        unary("radians", "Convert angle x from degrees to radians.", { $0 * Double.pi / 180 })
        unary("erf", "Error function at x.", Glibc.erf)
        unary("erfc", "Complementary error function at x.", Glibc.erfc)
        unary("gamma", "Gamma function at x.", domain: { !($0 <= 0 && $0 == $0.rounded()) }, Glibc.tgamma)
        unary("lgamma", "Natural logarithm of absolute value of Gamma function at x.", Glibc.lgamma)
        unary("expm1", "Return exp(x)-1.", Glibc.expm1)
        unary("log1p", "Return the natural logarithm of 1+x (base e).", domain: { $0 > -1 || $0.isNaN }, Glibc.log1p)
        func toInt(_ name: String, _ doc: String, _ rule: FloatingPointRoundingRule) {
            m[name] = .object(BuiltinFunction(name, signature: "\(name)(x, /)", doc: doc) { args, interp in
                try ArgumentReader(name, args, interp).count(1)
                switch args.positional[0] {
                case .int(let i): return .int(i)
                case .bool(let b): return .int(b ? 1 : 0)
                default: return .int(try Constructors.floatToInt(try real(args.positional[0], name).rounded(rule)))
                }
            })
        }
        toInt("floor", "Return the floor of x as an Integral.", .down)
        toInt("ceil", "Return the ceiling of x as an Integral.", .up)
        toInt("trunc", "Truncates the Real x to the nearest Integral toward 0.", .towardZero)
        let fns: [BuiltinFunction] = [
            BuiltinFunction("log", signature: "log(x, [base=math.e])", doc: "Return the logarithm of x to the given base (natural logarithm by default).") { args, interp in
                try ArgumentReader("log", args, interp).count(1...2)
                let x = try real(args.positional[0], "log")
                guard x > 0 || x.isNaN else { throw ScriptError.valueError("math domain error") }
                if args.positional.count == 2 {
                    let b = try real(args.positional[1], "log")
                    guard b > 0, b != 1 else { throw b == 1 ? ScriptError.zeroDivision("float division by zero") : ScriptError.valueError("math domain error") }
                    return .float(Glibc.log(x) / Glibc.log(b))
                }
                return .float(Glibc.log(x))
            },
            BuiltinFunction("pow", signature: "pow(x, y, /)", doc: "Return x**y (x to the power of y) as a float.") { args, interp in
                try ArgumentReader("pow", args, interp).count(2)
                let x = try real(args.positional[0], "pow"), y = try real(args.positional[1], "pow")
                if x < 0 && y != y.rounded() && y.isFinite { throw ScriptError.valueError("math domain error") }
                if x == 0 && y < 0 { throw ScriptError.valueError("math domain error") }
                let r = Glibc.pow(x, y)
                if r.isInfinite && x.isFinite && y.isFinite { throw ScriptError.overflow("math range error") }
                return .float(r)
            },
            BuiltinFunction("atan2", signature: "atan2(y, x, /)", doc: "Return the arc tangent (measured in radians) of y/x.") { args, interp in
                try ArgumentReader("atan2", args, interp).count(2)
                return .float(Glibc.atan2(try real(args.positional[0], "atan2"), try real(args.positional[1], "atan2")))
            },
            BuiltinFunction("hypot", signature: "hypot(*coordinates)", doc: "Multidimensional Euclidean distance from the origin to a point.") { args, interp in
                var s = 0.0
                for v in args.positional { let x = try real(v, "hypot"); s += x * x }
                return .float(Glibc.sqrt(s))
            },
            BuiltinFunction("copysign", signature: "copysign(x, y, /)", doc: "Return a float with the magnitude of x but the sign of y.") { args, interp in
                try ArgumentReader("copysign", args, interp).count(2)
                return .float(Glibc.copysign(try real(args.positional[0], "copysign"), try real(args.positional[1], "copysign")))
            },
            BuiltinFunction("fmod", signature: "fmod(x, y, /)", doc: "Return fmod(x, y), according to platform C.") { args, interp in
                try ArgumentReader("fmod", args, interp).count(2)
                let y = try real(args.positional[1], "fmod")
                if y == 0 { throw ScriptError.valueError("math domain error") }
                return .float(Glibc.fmod(try real(args.positional[0], "fmod"), y))
            },
            BuiltinFunction("isnan", signature: "isnan(x, /)", doc: "Return True if x is a NaN (not a number), and False otherwise.") { args, interp in
                try ArgumentReader("isnan", args, interp).count(1)
                return .bool(try real(args.positional[0], "isnan").isNaN)
            },
            BuiltinFunction("isinf", signature: "isinf(x, /)", doc: "Return True if x is a positive or negative infinity, and False otherwise.") { args, interp in
                try ArgumentReader("isinf", args, interp).count(1)
                return .bool(try real(args.positional[0], "isinf").isInfinite)
            },
            BuiltinFunction("isfinite", signature: "isfinite(x, /)", doc: "Return True if x is neither an infinity nor a NaN, and False otherwise.") { args, interp in
                try ArgumentReader("isfinite", args, interp).count(1)
                return .bool(try real(args.positional[0], "isfinite").isFinite)
            },
            BuiltinFunction("isclose", signature: "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", doc: "Determine whether two floating point numbers are close in value.") { args, interp in
                try ArgumentReader("isclose", args, interp).count(2)
                let a = try real(args.positional[0], "isclose"), b = try real(args.positional[1], "isclose")
                let rel = try args.keyword("rel_tol").map { try real($0, "isclose") } ?? 1e-9
                let abst = try args.keyword("abs_tol").map { try real($0, "isclose") } ?? 0
                if rel < 0 || abst < 0 { throw ScriptError.valueError("tolerances must be non-negative") }
                if a == b { return .bool(true) }
                if a.isInfinite || b.isInfinite { return .bool(false) }
                let diff = Swift.abs(b - a)
                return .bool(diff <= Swift.abs(rel * b) || diff <= Swift.abs(rel * a) || diff <= abst)
            },
            BuiltinFunction("factorial", signature: "factorial(n, /)", doc: "Find n!.") { args, interp in
                let p = ArgumentReader("factorial", args, interp)
                try p.count(1)
                let n = try p.int(0)
                if n < 0 { throw ScriptError.valueError("factorial() not defined for negative values") }
                var r = 1
                if n > 1 { for i in 2...n { r = try interp.intBinary(.mul, r, i).asInt ?? 0 } }
                return .int(r)
            },
            BuiltinFunction("gcd", signature: "gcd(*integers)", doc: "Greatest Common Divisor.") { args, interp in
                let p = ArgumentReader("gcd", args, interp)
                var g = 0
                for i in args.positional.indices {
                    let value = try p.int(i)
                    if value == Int.min { throw ScriptError.overflow() }
                    var a = Swift.abs(value), b = g
                    while b != 0 { (a, b) = (b, a % b) }
                    g = a
                }
                return .int(g)
            },
            BuiltinFunction("fsum", signature: "fsum(iterable, /)", doc: "Return an accurate floating point sum of values in the iterable.") { args, interp in
                try ArgumentReader("fsum", args, interp).count(1)
                var partials: [Double] = []
                try interp.forEach(args.positional[0]) { v in
                    var x = try real(v, "fsum")
                    var i = 0
                    for var y in partials {
                        if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                        let hi = x + y
                        let lo = y - (hi - x)
                        if lo != 0 { partials[i] = lo; i += 1 }
                        x = hi
                    }
                    partials.removeSubrange(i...)
                    partials.append(x)
                }
                return .float(partials.reduce(0, +))
            },
            BuiltinFunction("prod", signature: "prod(iterable, /, *, start=1)", doc: "Calculate the product of all the elements in the input iterable.") { args, interp in
                try ArgumentReader("prod", args, interp).count(1)
                var r = args.keyword("start") ?? .int(1)
                try interp.forEach(args.positional[0]) { r = try interp.binary(.mul, r, $0) }
                return r
            },
            BuiltinFunction("comb", signature: "comb(n, k, /)", doc: "Number of ways to choose k items from n items without repetition and without order.") { args, interp in
                let p = ArgumentReader("comb", args, interp)
                try p.count(2)
                let n = try p.int(0), k = try p.int(1)
                if n < 0 || k < 0 { throw ScriptError.valueError("n must be a non-negative integer") }
                if k > n { return .int(0) }
                var r = 1
                for i in 0..<min(k, n - k) { r = try interp.intBinary(.mul, r, n - i).asInt ?? 0; r /= (i + 1) }
                return .int(r)
            },
        ]
        for f in fns { m[f.name] = .object(f) }
        return ModuleObject(name: "math", doc: "Mathematical functions on floats, as Python's math module.", members: m)
    }

    static func real(_ v: Value, _ name: String) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw ScriptError.typeError("must be real number, not \(v.typeName)")
        }
    }
}

/// A text stream (`sys.stdout`, `sys.stderr`).
final class StreamObject: ScriptObject {
    let isError: Bool
    init(isError: Bool) {
        self.isError = isError
    }
    var typeName: String { "TextIOWrapper" }
    func repr(_ interpreter: Interpreter) throws -> String { "<\(isError ? "stderr" : "stdout")>" }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "write":
            return .object(BuiltinFunction("write", signature: "write(text, /)", doc: "Write text to the stream.") { [isError] args, interp in
                try ArgumentReader("write", args, interp).count(1)
                guard case .str(let s) = args.positional[0] else {
                    throw ScriptError.typeError("write() argument must be str, not \(args.positional[0].typeName)")
                }
                interp.output.write(s, stderr: isError)
                return .int(s.codePointCount)
            })
        case "flush":
            return .object(BuiltinFunction("flush") { _, _ in .none })
        default: return nil
        }
    }
    var attributeNames: [String] { ["write", "flush"] }
}

/// The `sys` module (streams, version and limits).
enum SysModule {
    static func make(_ interp: Interpreter) -> ModuleObject {
        ModuleObject(name: "sys", doc: "Access to the session's streams and limits.", members: [
            "stdout": .object(StreamObject(isError: false)),
            "stderr": .object(StreamObject(isError: true)),
            "maxsize": .int(Int.max),
            "version": .str("3.11 (Beamtime cell language \(BeamtimeVersion.string))"),
            "version_info": .tuple([.int(3), .int(11), .int(0)]),
            "platform": .str("linux"),
            "getrecursionlimit": .object(BuiltinFunction("getrecursionlimit") { _, interp in .int(interp.recursionLimit) }),
        ])
    }
}

/// The version of Beamtime.
public enum BeamtimeVersion {
    /// Semantic version string.
    public static let string = "0.1.0"
}
