import Glibc

/// numpy's legacy random generator (`np.random.seed`, `rand`, `normal`, …): the Mersenne
/// Twister MT19937 with numpy's seeding and conversions, so a seeded script draws the same
/// numbers as it does under numpy.
public struct LegacyRandom: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var position = 624
    private var cachedGauss: Double?

    /// A generator seeded as `np.random.seed(seed)` seeds it (0 ≤ seed < 2^32).
    public init(seed: UInt32) {
        reseed(seed)
    }

    /// Re-seeds as `np.random.seed(seed)`.
    public mutating func reseed(_ seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        position = 624
        cachedGauss = nil
    }

    private mutating func generate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff, matrix: UInt32 = 0x9908_b0df
        for i in 0..<624 {
            let y = (state[i] & upper) | (state[(i + 1) % 624] & lower)
            state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0)
        }
        position = 0
    }

    /// The next 32 random bits.
    public mutating func nextUInt32() -> UInt32 {
        if position == 624 { generate() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A uniform double in [0, 1) with 53 random bits (`random_sample`).
    public mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal variate by the polar method, caching the second as numpy does.
    public mutating func nextGauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = Glibc.sqrt(-2 * Glibc.log(r2) / r2)
        cachedGauss = f * x1
        return f * x2
    }

    /// An integer in `low..<high` by numpy's masked rejection (`randint`).
    public mutating func nextInteger(low: Int, high: Int) -> Int {
        let range = UInt64(high - low - 1)
        if range == 0 { return low }
        var mask = range
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32
        if range <= 0xffff_ffff {
            if range == 0xffff_ffff { return low + Int(nextUInt32()) }
            while true {
                let v = UInt64(nextUInt32()) & mask
                if v <= range { return low + Int(v) }
            }
        }
        while true {
            let v = ((UInt64(nextUInt32()) << 32) | UInt64(nextUInt32())) & mask
            if v <= range { return low + Int(v) }
        }
    }

    /// A Poisson variate with mean `lam` (numpy's multiplication method below 10, PTRS above).
    public mutating func nextPoisson(_ lam: Double) -> Int {
        if lam >= 10 { return poissonPTRS(lam) }
        if lam == 0 { return 0 }
        let limit = Glibc.exp(-lam)
        var x = 0, product = 1.0
        while true {
            product *= nextDouble()
            if product > limit { x += 1 } else { return x }
        }
    }

    private mutating func poissonPTRS(_ lam: Double) -> Int {
        let slam = Glibc.sqrt(lam), loglam = Glibc.log(lam)
        let b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextDouble() - 0.5, v = nextDouble()
            let us = 0.5 - Swift.abs(u)
            let k = Int(Glibc.floor((2 * a / us + b) * u + lam + 0.43))
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if Glibc.log(v) + Glibc.log(invalpha) - Glibc.log(a / (us * us) + b) <= -lam + Double(k) * loglam - LegacyRandom.logGamma(Double(k + 1)) {
                return k
            }
        }
    }

    /// numpy's `random_loggam` (a Stirling series; numpy's exact rounding).
    static func logGamma(_ value: Double) -> Double {
        let a: [Double] = [8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
                           8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
                           1.796443723688307e-01, -1.39243221690590e+00]
        if value == 1 || value == 2 { return 0 }
        let n = value < 7 ? Int(7 - value) : 0
        var x0 = value + Double(n)
        let x2 = (1 / x0) * (1 / x0)
        var gl0 = a[9]
        for k in stride(from: 8, through: 0, by: -1) { gl0 *= x2; gl0 += a[k] }
        var gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * Glibc.log(x0) - x0
        if value < 7 {
            for _ in 0..<n { gl -= Glibc.log(x0 - 1); x0 -= 1 }
        }
        return gl
    }
}
