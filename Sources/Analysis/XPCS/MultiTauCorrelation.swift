import Numerics

/// XPCS intensity autocorrelation over ROI labels: scikit-beam's multi-tau one-time
/// correlation (`multi_tau_auto_corr`, Lumma et al. 2000, symmetric normalisation) and its
/// two-time correlation, computed the same way so results agree to rounding.
public enum Correlation {
    /// Labels turned into what the correlators use: the labelled pixels (raveled order),
    /// each pixel's ROI number (1…n in sorted label order) and the pixel count per ROI.
    struct RegionsOfInterest {
        let pixels: [Int]
        let roi: [Int]
        let count: Int
        let pixelsPerROI: [Double]

        init(labels: NDArray) throws {
            guard labels.ndim == 2 else { throw NumericsError.value("labels must be a 2-D array of ROI numbers (0 = background)") }
            let values = labels.values
            var pixels: [Int] = [], raw: [Double] = []
            for (i, v) in values.enumerated() where v > 0 {
                pixels.append(i)
                raw.append(v)
            }
            let distinct = Array(Set(raw)).sorted()
            guard !distinct.isEmpty else { throw NumericsError.value("labels mark no pixel (ROIs are numbered from 1)") }
            let number = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset + 1) })
            let numbered = raw.map { number[$0] ?? 0 }
            // Pixels grouped by ROI, each group in raveled order (a stable sort), so a ROI's
            // sum runs over a contiguous range in the order numpy's bincount adds them.
            let order = numbered.indices.sorted { (numbered[$0], $0) < (numbered[$1], $1) }
            self.pixels = order.map { pixels[$0] }
            roi = order.map { numbered[$0] }
            count = distinct.count
            var perROI = [Double](repeating: 0, count: distinct.count)
            for r in roi { perROI[r - 1] += 1 }
            pixelsPerROI = perROI
            var start = 0
            var ranges: [Range<Int>] = []
            for r in 0..<distinct.count {
                ranges.append(start..<(start + Int(perROI[r])))
                start += Int(perROI[r])
            }
            self.ranges = ranges
        }

        /// Each ROI's pixels as a range of positions in ``pixels``.
        let ranges: [Range<Int>]

        /// Σ weights per ROI, summed in pixel order (numpy's bincount).
        func sums(_ weights: UnsafePointer<Double>, into out: inout [Double]) {
            for (k, range) in ranges.enumerated() {
                var s = 0.0
                for j in range { s += weights[j] }
                out[k] = s
            }
        }

        /// Σ a·b per ROI (four partial sums per ROI: the hot loop of the correlators).
        func productSums(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into out: inout [Double]) {
            for (k, range) in ranges.enumerated() {
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                var j = range.lowerBound
                while j + 4 <= range.upperBound {
                    s0 += a[j] * b[j]; s1 += a[j + 1] * b[j + 1]; s2 += a[j + 2] * b[j + 2]; s3 += a[j + 3] * b[j + 3]
                    j += 4
                }
                while j < range.upperBound { s0 += a[j] * b[j]; j += 1 }
                out[k] = (s0 + s1) + (s2 + s3)
            }
        }
    }

    /// The lag steps of a multi-tau correlator (scikit-beam's `multi_tau_lags`).
    public static func lagSteps(levels: Int, buffers: Int) -> [Int] {
        var lags = Array(0..<buffers)
        if levels >= 2 {
            for level in 2...levels {
                for j in 0..<(buffers / 2) { lags.append((buffers / 2 + j) << (level - 1)) }
            }
        }
        return lags
    }

    /// One-time g2 per ROI and lag: `frames` is (frame, row, column), `labels` (row, column).
    /// Returns g2 with shape (lags, ROIs) and the lag steps in frames.
    public static func oneTime(frames: NDArray, labels: NDArray, levels: Int, buffers: Int) throws -> (g2: NDArray, lags: [Int]) {
        guard buffers > 0, buffers % 2 == 0 else {
            throw NumericsError.value("There must be an even number of `num_bufs`. You provided \(buffers)")
        }
        guard levels >= 1 else { throw NumericsError.value("num_levels must be at least 1") }
        guard frames.ndim == 3, labels.shape == Array(frames.shape.dropFirst()) else {
            throw NumericsError.value("frames must be (frame, row, column) and labels (row, column) of the same image shape; got \(shapeText(frames.shape)) and \(shapeText(labels.shape))")
        }
        let rois = try RegionsOfInterest(labels: labels)
        let npix = rois.pixels.count, nroi = rois.count
        let lags = lagSteps(levels: levels, buffers: buffers)
        let levelLength = [buffers] + Array(repeating: buffers / 2, count: levels - 1)
        var norm = levelLength.map { [Double](repeating: 0, count: $0) }
        let rows = (levels + 1) * buffers / 2
        var g = [Double](repeating: 0, count: rows * nroi)
        var past = g, future = g
        var buf = [Double](repeating: 0, count: levels * buffers * npix)
        var imagesPerLevel = [Int](repeating: 0, count: levels)
        var trackLevel = [Bool](repeating: false, count: levels)
        var cur = [Int](repeating: 1, count: levels)
        var binned = [Double](repeating: 0, count: nroi)
        func slot(_ level: Int, _ b: Int) -> Int { (level * buffers + ((b % buffers) + buffers) % buffers) * npix }

        // Per buffer slot: its ROI sums and whether it holds a NaN, computed once when filled.
        var slotSums = [Double](repeating: 0, count: levels * buffers * nroi)
        var slotHasNaN = [Bool](repeating: false, count: levels * buffers)
        func filled(_ level: Int, _ b: Int) {
            let index = level * buffers + ((b % buffers) + buffers) % buffers
            let start = index * npix
            buf.withUnsafeBufferPointer { p in
                rois.sums(p.baseAddress! + start, into: &binned)
                var nan = false
                for j in 0..<npix where p[start + j].isNaN { nan = true; break }
                slotHasNaN[index] = nan
            }
            for r in 0..<nroi { slotSums[index * nroi + r] = binned[r] }
        }

        func process(_ level: Int, _ bufferNumber: Int) {
            imagesPerLevel[level] += 1
            let iMin = level > 0 ? buffers / 2 : 0
            guard iMin < Swift.min(imagesPerLevel[level], buffers) else { return }
            let futureSlot = level * buffers + ((bufferNumber % buffers) + buffers) % buffers
            for i in iMin..<Swift.min(imagesPerLevel[level], buffers) {
                let t = level * buffers / 2 + i
                let pastSlot = level * buffers + (((bufferNumber - i) % buffers) + buffers) % buffers
                let ind = t - levelLength[..<level].reduce(0, +)
                let normalize = Double(imagesPerLevel[level] - i) - norm[level][ind]
                if slotHasNaN[pastSlot] || slotHasNaN[futureSlot] { norm[level][ind] += 1; continue }
                buf.withUnsafeBufferPointer { b in
                    rois.productSums(b.baseAddress! + pastSlot * npix, b.baseAddress! + futureSlot * npix, into: &binned)
                }
                for r in 0..<nroi {
                    let k = t * nroi + r
                    g[k] += (binned[r] / rois.pixelsPerROI[r] - g[k]) / normalize
                    past[k] += (slotSums[pastSlot * nroi + r] / rois.pixelsPerROI[r] - past[k]) / normalize
                    future[k] += (slotSums[futureSlot * nroi + r] / rois.pixelsPerROI[r] - future[k]) / normalize
                }
            }
        }

        let frameSize = frames.shape[1] * frames.shape[2]
        let source = frames.contiguous()
        for f in 0..<frames.shape[0] {
            cur[0] = (1 + cur[0]) % buffers
            let start = slot(0, cur[0] - 1)
            let image = source.buffer.base + source.offset + f * frameSize
            for (j, p) in rois.pixels.enumerated() { buf[start + j] = image[p] }
            filled(0, cur[0] - 1)
            process(0, cur[0] - 1)
            var level = 1
            var processing = levels > 1
            while processing {
                if !trackLevel[level] {
                    trackLevel[level] = true
                    processing = false
                } else {
                    let previous = 1 + (((cur[level - 1] - 2) % buffers) + buffers) % buffers
                    cur[level] = 1 + cur[level] % buffers
                    let target = slot(level, cur[level] - 1)
                    let a = slot(level - 1, previous - 1), b = slot(level - 1, cur[level - 1] - 1)
                    for j in 0..<npix { buf[target + j] = (buf[a + j] + buf[b + j]) / 2 }
                    filled(level, cur[level] - 1)
                    trackLevel[level] = false
                    process(level, cur[level] - 1)
                    level += 1
                    processing = level < levels
                }
            }
        }
        let firstZero = past.firstIndex(of: 0).map { $0 / nroi } ?? rows
        var out = [Double](repeating: 0, count: firstZero * nroi)
        for k in 0..<(firstZero * nroi) { out[k] = g[k] / (past[k] * future[k]) }
        return (NDArray(out, shape: [firstZero, nroi]), Array(lags.prefix(firstZero)))
    }

    /// Two-time correlation per ROI: C[t1, t2] = ⟨I(t1) I(t2)⟩ / (⟨I(t1)⟩⟨I(t2)⟩) over the ROI's
    /// pixels, shape (ROIs, frames, frames), symmetric (scikit-beam's `two_time_corr` with one level).
    public static func twoTime(frames: NDArray, labels: NDArray) throws -> NDArray {
        guard frames.ndim == 3, labels.shape == Array(frames.shape.dropFirst()) else {
            throw NumericsError.value("frames must be (frame, row, column) and labels (row, column) of the same image shape; got \(shapeText(frames.shape)) and \(shapeText(labels.shape))")
        }
        let rois = try RegionsOfInterest(labels: labels)
        let n = frames.shape[0], npix = rois.pixels.count, nroi = rois.count
        let frameSize = frames.shape[1] * frames.shape[2]
        let source = frames.contiguous()
        var pixels = [Double](repeating: 0, count: n * npix)
        for f in 0..<n {
            let image = source.buffer.base + source.offset + f * frameSize
            for (j, p) in rois.pixels.enumerated() { pixels[f * npix + j] = image[p] }
        }
        var sums = [Double](repeating: 0, count: n * nroi)
        var binned = [Double](repeating: 0, count: nroi)
        pixels.withUnsafeBufferPointer { p in
            for f in 0..<n {
                rois.sums(p.baseAddress! + f * npix, into: &binned)
                for r in 0..<nroi { sums[f * nroi + r] = binned[r] }
            }
        }
        var result = [Double](repeating: 0, count: nroi * n * n)
        for t1 in 0..<n {
            for t2 in 0...t1 {
                pixels.withUnsafeBufferPointer { p in
                    rois.productSums(p.baseAddress! + t2 * npix, p.baseAddress! + t1 * npix, into: &binned)
                }
                for r in 0..<nroi {
                    let c = binned[r] / (sums[t2 * nroi + r] * sums[t1 * nroi + r]) * rois.pixelsPerROI[r]
                    result[(r * n + t1) * n + t2] = c
                    result[(r * n + t2) * n + t1] = c
                }
            }
        }
        return NDArray(result, shape: [nroi, n, n])
    }
}
