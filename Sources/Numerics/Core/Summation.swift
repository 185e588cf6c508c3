/// numpy's pairwise summation (8 accumulators in blocks of 128, halves above), so sums of
/// contiguous data round exactly as numpy's do.
enum Summation {
    /// The pairwise sum of `n` elements `stride` apart starting at `p`.
    static func pairwise(_ p: UnsafePointer<Double>, _ n: Int, _ stride: Int) -> Double {
        if n < 8 {
            var res = -0.0
            for i in 0..<n { res += p[i * stride] }
            return res
        }
        if n <= 128 {
            var r0 = p[0], r1 = p[stride], r2 = p[2 * stride], r3 = p[3 * stride]
            var r4 = p[4 * stride], r5 = p[5 * stride], r6 = p[6 * stride], r7 = p[7 * stride]
            var i = 8
            let end = n - n % 8
            while i < end {
                let q = p + i * stride
                r0 += q[0]; r1 += q[stride]; r2 += q[2 * stride]; r3 += q[3 * stride]
                r4 += q[4 * stride]; r5 += q[5 * stride]; r6 += q[6 * stride]; r7 += q[7 * stride]
                i += 8
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { res += p[i * stride]; i += 1 }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwise(p, n2, stride) + pairwise(p + n2 * stride, n - n2, stride)
    }

    /// The pairwise sum of contiguous elements (unit stride: the compiler vectorises it).
    static func pairwise(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        if n < 8 {
            var res = -0.0
            for i in 0..<n { res += p[i] }
            return res
        }
        if n <= 128 {
            var r0 = p[0], r1 = p[1], r2 = p[2], r3 = p[3], r4 = p[4], r5 = p[5], r6 = p[6], r7 = p[7]
            var i = 8
            let end = n - n % 8
            while i < end {
                r0 += p[i]; r1 += p[i + 1]; r2 += p[i + 2]; r3 += p[i + 3]
                r4 += p[i + 4]; r5 += p[i + 5]; r6 += p[i + 6]; r7 += p[i + 7]
                i += 8
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { res += p[i]; i += 1 }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwise(p, n2) + pairwise(p + n2, n - n2)
    }
}
