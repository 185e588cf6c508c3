import Glibc

/// Arrays made from numbers: `arange`, `linspace`, `eye`, and friends.
public enum Creation {
    /// numpy's `arange(start, stop, step)`: `ceil((stop - start) / step)` values.
    public static func arange(start: Double, stop: Double, step: Double, elementType: ElementType) throws -> NDArray {
        guard step != 0 else { throw NumericsError(.zeroDivision, "division by zero") }
        let span = Glibc.ceil((stop - start) / step)
        guard span.isFinite else { throw NumericsError.value("arange: cannot compute length") }
        let length = Swift.max(0, exactInteger(span) ?? Int.max)
        guard length < 1 << 40 else { throw NumericsError.value("Maximum allowed size exceeded") }
        try NDArray.checkAllocatable([length])
        // numpy fills by repeated addition of (start + step) - start.
        let delta = (start + step) - start
        return NDArray.make(shape: [length], elementType: elementType) { out, n in
            for i in 0..<n { out[i] = start + Double(i) * delta }
        }
    }

    /// numpy's `linspace`: `num` evenly spaced values from `start` to `stop`.
    public static func linspace(start: Double, stop: Double, num: Int, endpoint: Bool = true) throws -> (NDArray, Double) {
        guard num >= 0 else { throw NumericsError.value("Number of samples, \(num), must be non-negative.") }
        try NDArray.checkAllocatable([num])
        let div = endpoint ? num - 1 : num
        let delta = stop - start
        let step = div > 0 ? delta / Double(div) : Double.nan
        let values = NDArray.make(shape: [num]) { out, n in
            for i in 0..<n {
                let y = Double(i)
                if div > 0 {
                    out[i] = (step == 0 ? (y / Double(div)) * delta : y * step) + start
                } else {
                    out[i] = y * delta + start
                }
            }
            if endpoint && n > 1 { out[n - 1] = stop }
        }
        return (values, step)
    }

    /// The identity matrix of size `n` (numpy's `eye`).
    public static func eye(_ n: Int, _ m: Int? = nil, k: Int = 0) throws -> NDArray {
        let m = m ?? n
        guard n >= 0, m >= 0 else { throw NumericsError.value("negative dimensions are not allowed") }
        try NDArray.checkAllocatable([n, m])
        let result = NDArray(shape: [n, m])
        for i in 0..<n where i + k >= 0 && i + k < m { result.buffer.base[i * m + i + k] = 1 }
        return result
    }
}
