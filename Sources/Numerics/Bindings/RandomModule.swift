import Script

/// `np.random`: numpy's legacy seeded generator (MT19937), drawing the same numbers as
/// numpy for `seed`, `rand`, `randn`, `random`, `uniform`, `normal`, `randint`, `poisson`.
final class RandomModule {
    private var generator = LegacyRandom(seed: 5489)

    private func draw(_ b: BoundArguments, _ name: String = "size", _ type: ElementType = .float64,
                      _ next: (inout LegacyRandom) -> Double) throws -> Value {
        guard let size = b.given(name) else { return ArrayConversion.scalar(next(&generator), type) }
        let shape = try ShapeArgument.parse(size)
        return ArrayObject.wrap(NDArray.make(shape: shape, elementType: type) { out, n in
            for k in 0..<n { out[k] = next(&generator) }
        })
    }

    private func drawShape(_ args: Arguments, _ next: (inout LegacyRandom) -> Double) throws -> Value {
        guard !args.positional.isEmpty else { return .float(next(&generator)) }
        let shape = try args.positional.map { v -> Int in
            guard case .int(let n) = v, n >= 0 else { throw ScriptError.valueError("negative dimensions are not allowed") }
            return n
        }
        return ArrayObject.wrap(NDArray.make(shape: shape) { out, n in for k in 0..<n { out[k] = next(&generator) } })
    }

    func module() -> ModuleObject {
        var members: [String: Value] = [:]
        func add(_ f: NumpyFunction) { members[f.name] = .object(f.builtin) }
        add(NumpyFunction("seed(seed=None)", "Seed the generator (an integer 0 ≤ seed < 2**32): the draws that follow equal numpy's for the same seed.") { [self] b, _ in
            let s = try b.int("seed") ?? 5489
            guard s >= 0 && s <= Int(UInt32.max) else { throw ScriptError.valueError("Seed must be between 0 and 2**32 - 1") }
            generator.reseed(UInt32(s))
            return .none
        })
        add(NumpyFunction("random(size=None)", "Return random floats in the half-open interval [0.0, 1.0).") { [self] b, _ in
            try draw(b) { $0.nextDouble() }
        })
        add(NumpyFunction("random_sample(size=None)", "Return random floats in the half-open interval [0.0, 1.0).") { [self] b, _ in
            try draw(b) { $0.nextDouble() }
        })
        add(NumpyFunction("uniform(low=0.0, high=1.0, size=None)", "Draw samples from a uniform distribution over [low, high).") { [self] b, _ in
            let low = try b.double("low") ?? 0, high = try b.double("high") ?? 1
            return try draw(b) { low + (high - low) * $0.nextDouble() }
        })
        add(NumpyFunction("normal(loc=0.0, scale=1.0, size=None)", "Draw random samples from a normal (Gaussian) distribution.") { [self] b, _ in
            let loc = try b.double("loc") ?? 0, scale = try b.double("scale") ?? 1
            guard scale >= 0 else { throw ScriptError.valueError("scale < 0") }
            return try draw(b) { loc + scale * $0.nextGauss() }
        })
        add(NumpyFunction("standard_normal(size=None)", "Draw samples from a standard Normal distribution (mean=0, stdev=1).") { [self] b, _ in
            try draw(b) { $0.nextGauss() }
        })
        add(NumpyFunction("poisson(lam=1.0, size=None)", "Draw samples from a Poisson distribution (counting statistics).") { [self] b, _ in
            let lam = try b.double("lam") ?? 1
            guard lam >= 0 else { throw ScriptError.valueError("lam < 0") }
            guard lam < 9.223372006484771e18 else { throw ScriptError.valueError("lam value too large") }
            return try draw(b, "size", .int64) { Double($0.nextPoisson(lam)) }
        })
        add(NumpyFunction("randint(low, high=None, size=None)", "Return random integers from low (inclusive) to high (exclusive); randint(n) draws from [0, n).") { [self] b, _ in
            var low = try b.int("low") ?? 0, high = try b.int("high")
            if high == nil { high = low; low = 0 }
            guard let upper = high, upper > low else { throw ScriptError.valueError("low >= high") }
            guard !upper.subtractingReportingOverflow(low).overflow else {
                throw ScriptError.valueError("randint: high - low must fit in 64 bits")
            }
            return try draw(b, "size", .int64) { Double($0.nextInteger(low: low, high: upper)) }
        })
        members["rand"] = .object(BuiltinFunction("rand", signature: "rand(d0, d1, ..., dn)", doc: "Random values in a given shape, uniform over [0, 1).") { [self] args, _ in
            try drawShape(args) { $0.nextDouble() }
        })
        members["randn"] = .object(BuiltinFunction("randn", signature: "randn(d0, d1, ..., dn)", doc: "Samples from the standard normal distribution in a given shape.") { [self] args, _ in
            try drawShape(args) { $0.nextGauss() }
        })
        return ModuleObject(name: "numpy.random", doc: "Random numbers from numpy's legacy seeded generator (MT19937): np.random.seed(n) then the same draws as numpy.", members: members)
    }
}
