import Numerics

/// Everyday detector-image reductions: sums and statistics in a region of interest, mean
/// and median frames, dark and flat-field correction. Images are 2-D arrays; stacks of
/// frames are 3-D (frame, row, column).
public enum ImageTools {
    /// A rectangular region: rows `top..<bottom`, columns `left..<right` (numpy slice bounds).
    public struct Region: Sendable, Equatable {
        public var top: Int, bottom: Int, left: Int, right: Int

        /// Creates a region from half-open row and column bounds.
        public init(top: Int, bottom: Int, left: Int, right: Int) {
            (self.top, self.bottom, self.left, self.right) = (top, bottom, left, right)
        }

        /// The index components selecting the region in the last two axes.
        var components: [IndexComponent] {
            [.ellipsis, .slice(start: top, stop: bottom, step: nil), .slice(start: left, stop: right, step: nil)]
        }
    }

    /// The pixels of `image` (or of each frame of a stack) inside `region`.
    public static func crop(_ image: NDArray, _ region: Region) throws -> NDArray {
        guard image.ndim >= 2 else { throw NumericsError.value("an image needs 2 dimensions (rows, columns), got shape \(shapeText(image.shape))") }
        let rows = image.shape[image.ndim - 2], columns = image.shape[image.ndim - 1]
        guard region.top >= 0, region.left >= 0, region.bottom <= rows, region.right <= columns,
              region.top < region.bottom, region.left < region.right else {
            throw NumericsError.value("region rows \(region.top):\(region.bottom), columns \(region.left):\(region.right) is empty or outside the \(rows)×\(columns) image")
        }
        return try image.indexed(region.components)
    }

    /// The sum inside `region`: a number for an image, one per frame for a stack.
    public static func regionSum(_ image: NDArray, _ region: Region) throws -> NDArray {
        let pixels = try crop(image, region)
        if pixels.ndim == 2 { return try pixels.reduced(.sum) }
        let flat = try pixels.reshaped(Array(pixels.shape.dropLast(2)) + [-1])
        return try flat.reduced(.sum, axis: -1)
    }

    /// Statistics of the pixels inside `region` of one image.
    public static func regionStatistics(_ image: NDArray, _ region: Region) throws -> [(String, Double)] {
        let pixels = try crop(image, region).converted(to: .float64)
        guard pixels.ndim == 2 else { throw NumericsError.value("roi_stats takes one image (2-D); use roi_sum for a stack") }
        let total = try pixels.reduced(.sum).scalarValue
        var rowMoment = 0.0, columnMoment = 0.0
        let values = pixels.values, columns = pixels.shape[1]
        for (i, v) in values.enumerated() {
            rowMoment += Double(i / columns) * v
            columnMoment += Double(i % columns) * v
        }
        return [("sum", total), ("mean", try pixels.reduced(.mean).scalarValue), ("std", try pixels.standardDeviation().scalarValue),
                ("min", try pixels.reduced(.min).scalarValue), ("max", try pixels.reduced(.max).scalarValue),
                ("count", Double(pixels.count)),
                ("com_row", Double(region.top) + rowMoment / total), ("com_column", Double(region.left) + columnMoment / total)]
    }

    /// The mean of a stack of frames, pixel by pixel.
    public static func meanFrame(_ stack: NDArray) throws -> NDArray {
        guard stack.ndim == 3 else { throw NumericsError.value("a stack of frames needs 3 dimensions (frame, row, column), got shape \(shapeText(stack.shape))") }
        return try stack.reduced(.mean, axis: 0)
    }

    /// The median of a stack of frames, pixel by pixel (robust against zingers).
    public static func medianFrame(_ stack: NDArray) throws -> NDArray {
        guard stack.ndim == 3 else { throw NumericsError.value("a stack of frames needs 3 dimensions (frame, row, column), got shape \(shapeText(stack.shape))") }
        return try stack.median(axis: 0)
    }

    /// Dark subtraction and flat-field normalisation: `(image − dark) / (flat − dark) ×
    /// mean(flat − dark)`; pixels where the flat equals the dark become 0.
    public static func correct(_ image: NDArray, dark: NDArray?, flat: NDArray?) throws -> NDArray {
        var corrected = image.converted(to: .float64)
        if let dark { corrected = try Elementwise.apply(.subtract, corrected, dark) }
        guard let flat else { return corrected }
        let response = dark.map { try? Elementwise.apply(.subtract, flat, $0) } ?? flat
        guard let response else { throw NumericsError.value("dark and flat shapes do not match") }
        let scale = try response.reduced(.mean).scalarValue
        let ratio = try Elementwise.apply(.divide, corrected, response)
        let safe = try Selection.choose(try Elementwise.apply(.equal, response, .scalar(0)), .scalar(0), ratio)
        return try Elementwise.apply(.multiply, safe, .scalar(scale))
    }
}
