import Numerics

/// The common radial-profile recipe: the mean of the pixels at each whole-pixel distance
/// from the centre (`np.bincount(r.astype(int), img) / np.bincount(r.astype(int))`).
public enum RadialProfile {
    /// Radii 0, 1, 2 … (pixels) and the mean intensity at each; NaN where no pixel falls.
    public static func compute(_ image: NDArray, centerRow: Double, centerColumn: Double, mask: NDArray? = nil) throws -> (radius: [Double], mean: [Double]) {
        guard image.ndim == 2 else { throw NumericsError.value("radial_profile takes one 2-D image") }
        if let mask, mask.shape != image.shape { throw NumericsError.value("mask shape \(shapeText(mask.shape)) does not match the image \(shapeText(image.shape))") }
        let rows = image.shape[0], columns = image.shape[1]
        let values = image.values, masked = mask?.values
        var sums: [Double] = [], counts: [Double] = []
        for i in 0..<rows {
            for j in 0..<columns {
                let p = i * columns + j
                if let masked, masked[p] != 0 { continue }
                let dy = Double(i) - centerRow, dx = Double(j) - centerColumn
                let r = Int((dx * dx + dy * dy).squareRoot())
                if r >= sums.count {
                    sums += [Double](repeating: 0, count: r + 1 - sums.count)
                    counts += [Double](repeating: 0, count: r + 1 - counts.count)
                }
                sums[r] += values[p]
                counts[r] += 1
            }
        }
        return (sums.indices.map(Double.init), zip(sums, counts).map { $1 > 0 ? $0 / $1 : .nan })
    }
}
