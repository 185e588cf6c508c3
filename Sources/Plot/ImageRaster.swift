import Glibc

/// A 2-D array of values turned into colours: scaled between vmin and vmax (linearly or
/// logarithmically), looked up in a colour map, NaN shown as white.
public struct ImageRaster: Sendable {
    /// Rows × columns of values, row-major, row 0 at the top.
    public var values: [Double]
    /// Number of rows.
    public var rows: Int
    /// Number of columns.
    public var columns: Int
    /// The colour map.
    public var colormap: Colormap
    /// Logarithmic scaling (non-positive values shown as the lowest colour).
    public var logarithmic: Bool
    /// The value shown as the lowest colour (default: the smallest finite value).
    public var vmin: Double?
    /// The value shown as the highest colour (default: the largest finite value).
    public var vmax: Double?

    /// Creates a raster.
    public init(values: [Double], rows: Int, columns: Int, colormap: Colormap = .viridis, logarithmic: Bool = false,
                vmin: Double? = nil, vmax: Double? = nil) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.colormap = colormap
        self.logarithmic = logarithmic
        self.vmin = vmin
        self.vmax = vmax
    }

    /// The limits used: given ones, else the data's (positive data's for log scaling).
    public var limits: (low: Double, high: Double) {
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        var low = vmin ?? usable.min() ?? (logarithmic ? 1 : 0)
        var high = vmax ?? usable.max() ?? (logarithmic ? 10 : 1)
        if logarithmic { low = Swift.max(low, Double.leastNormalMagnitude); high = Swift.max(high, low) }
        if high == low { high = low + (logarithmic ? low : 1) }
        return (low, high)
    }

    /// The position of `v` between the limits, in [0, 1] (nil for NaN).
    public func fraction(_ v: Double) -> Double? { fraction(v, limits) }

    private func fraction(_ v: Double, _ bounds: (low: Double, high: Double)) -> Double? {
        guard !v.isNaN else { return nil }
        let (low, high) = bounds
        let t: Double
        if logarithmic {
            t = v <= 0 ? 0 : (Glibc.log10(v) - Glibc.log10(low)) / (Glibc.log10(high) - Glibc.log10(low))
        } else {
            t = (v - low) / (high - low)
        }
        return Swift.min(Swift.max(t, 0), 1)
    }

    /// RGB bytes of the image, row by row.
    public func rgb() -> [UInt8] {
        let table = colormap.table
        var out = [UInt8](repeating: 255, count: rows * columns * 3)
        let bounds = limits
        for (i, v) in values.enumerated() {
            guard let t = fraction(v, bounds) else { continue }
            let index = Swift.min(Int(t * 256), 255)
            out[i * 3] = table[index * 3]
            out[i * 3 + 1] = table[index * 3 + 1]
            out[i * 3 + 2] = table[index * 3 + 2]
        }
        return out
    }

    /// The image as PNG bytes.
    public func png() -> [UInt8] { PNGEncoder.encode(width: columns, height: rows, rgb: rgb()) }

    /// A vertical colour bar (`height` pixels, high values at the top) as PNG bytes.
    public func colourBarPNG(height: Int = 256) -> [UInt8] {
        let table = colormap.table
        var rgb = [UInt8]()
        for row in 0..<height {
            let index = Swift.min(Int(Double(height - 1 - row) / Double(height - 1) * 256), 255)
            rgb += [table[index * 3], table[index * 3 + 1], table[index * 3 + 2]]
        }
        return PNGEncoder.encode(width: 1, height: height, rgb: rgb)
    }
}
