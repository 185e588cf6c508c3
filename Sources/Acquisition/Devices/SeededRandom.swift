import Platform
/// Seedable noise for the simulated detectors (uniform and Poisson draws over xoshiro256**):
/// the same seed gives the same noise, run after run.
public struct SeededRandom {
    private var generator: Xoshiro256

    /// A generator started from `seed`.
    public init(seed: UInt64) { generator = Xoshiro256(seed: seed) }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 { generator.next() }

    /// A uniform double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) * 0x1.0p-53
    }

    /// A Poisson-distributed count with mean `lambda` (Knuth for small means, a normal
    /// approximation above 30).
    public mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 {
            let u1 = max(uniform(0, 1), 1e-300), u2 = uniform(0, 1)
            let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return max(0, Int((lambda + z * lambda.squareRoot()).rounded()))
        }
        let limit = exp(-lambda)
        var k = 0
        var p = 1.0
        repeat {
            k += 1
            p *= uniform(0, 1)
        } while p > limit
        return k - 1
    }

}

import Glibc
