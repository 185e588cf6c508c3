import Glibc
import Numerics

/// A flat detector perpendicular to the beam: the geometry pyFAI calls tilt-free.
/// Pixel (i, j) has its centre at (i, j) in pixel units; the beam hits `center`
/// (row, column) in the same units.
public struct DetectorGeometry: Hashable, Sendable {
    public var rows: Int, columns: Int
    /// Beam centre (row, column), in pixels.
    public var centerRow: Double, centerColumn: Double
    /// Pixel size in metres (square pixels).
    public var pixelSize: Double
    /// Sample–detector distance in metres.
    public var distance: Double
    /// Wavelength in metres.
    public var wavelength: Double

    /// Creates a geometry.
    public init(rows: Int, columns: Int, centerRow: Double, centerColumn: Double, pixelSize: Double, distance: Double, wavelength: Double) {
        (self.rows, self.columns, self.centerRow, self.centerColumn) = (rows, columns, centerRow, centerColumn)
        (self.pixelSize, self.distance, self.wavelength) = (pixelSize, distance, wavelength)
    }
}

/// The radial coordinate of a 1-D integration.
public enum RadialUnit: String, CaseIterable, Sendable {
    /// Scattering vector in Å⁻¹.
    case qA = "q_A^-1"
    /// Scattering vector in nm⁻¹ (pyFAI's default unit).
    case qNm = "q_nm^-1"
    /// Scattering angle 2θ in degrees.
    case twoThetaDegrees = "2th_deg"
    /// Distance from the beam centre on the detector, in mm.
    case radiusMm = "r_mm"

    /// The coordinate of a point `x`, `y` metres from the beam centre on the detector.
    func value(_ x: Double, _ y: Double, _ g: DetectorGeometry) -> Double {
        let r = (x * x + y * y).squareRoot()
        let twoTheta = Glibc.atan2(r, g.distance)
        switch self {
        case .twoThetaDegrees: return twoTheta * 180 / Double.pi
        case .qNm: return 4 * Double.pi / (g.wavelength * 1e9) * Glibc.sin(twoTheta / 2)
        case .qA: return 4 * Double.pi / (g.wavelength * 1e10) * Glibc.sin(twoTheta / 2)
        case .radiusMm: return r * 1000
        }
    }
}

/// 1-D azimuthal integration as pyFAI's `integrate1d` does it by default: each pixel spread
/// over the radial bins its extent covers ("bbox" splitting), intensities divided by the
/// pixel's solid angle (cos³ 2θ), masked pixels left out. The pixel-to-bin table is built
/// once per geometry (cold) and reused for every image (warm).
public final class AzimuthalIntegrator {
    /// The geometry the table was built for.
    public let geometry: DetectorGeometry
    /// Number of bins.
    public let bins: Int
    /// The radial unit.
    public let unit: RadialUnit
    /// Bin centres.
    public let radial: [Double]
    private var entryPixel: [Int32] = []
    private var entryBin: [Int32] = []
    private var entryWeight: [Double] = []
    private var normalization: [Double]

    /// Builds the table; `mask` marks pixels to leave out (nonzero = masked, as pyFAI).
    public init(geometry g: DetectorGeometry, bins: Int, unit: RadialUnit, mask: [Bool]? = nil) throws {
        guard bins > 0 else { throw NumericsError.value("npt must be positive") }
        guard g.rows > 0, g.columns > 0 else { throw NumericsError.value("the image is empty") }
        guard g.pixelSize > 0, g.distance > 0, g.wavelength > 0 else {
            throw NumericsError.value("pixel_size, distance and wavelength must be positive (metres)")
        }
        if let mask, mask.count != g.rows * g.columns { throw NumericsError.value("mask shape does not match the image") }
        geometry = g
        self.bins = bins
        self.unit = unit
        let rows = g.rows, columns = g.columns, n = rows * columns
        // Radial value at every pixel corner ((rows + 1) × (columns + 1)) and centre.
        var corner = [Double](repeating: 0, count: (rows + 1) * (columns + 1))
        for i in 0...rows {
            let y = (Double(i) - 0.5 - g.centerRow) * g.pixelSize
            for j in 0...columns {
                corner[i * (columns + 1) + j] = unit.value((Double(j) - 0.5 - g.centerColumn) * g.pixelSize, y, g)
            }
        }
        var centre = [Double](repeating: 0, count: n), delta = [Double](repeating: 0, count: n)
        var solidAngle = [Double](repeating: 0, count: n)
        var low = Double.infinity, high = -Double.infinity
        for i in 0..<rows {
            let y = (Double(i) - g.centerRow) * g.pixelSize
            for j in 0..<columns {
                let p = i * columns + j
                let x = (Double(j) - g.centerColumn) * g.pixelSize
                let c = unit.value(x, y, g)
                let cornerIndex = i * (columns + 1) + j
                var d = Swift.abs(corner[cornerIndex] - c)
                d = Swift.max(d, Swift.abs(corner[cornerIndex + 1] - c))
                d = Swift.max(d, Swift.abs(corner[cornerIndex + columns + 1] - c))
                d = Swift.max(d, Swift.abs(corner[cornerIndex + columns + 2] - c))
                centre[p] = c
                delta[p] = d
                let cosine = g.distance / (g.distance * g.distance + x * x + y * y).squareRoot()
                solidAngle[p] = cosine * cosine * cosine
                if mask?[p] == true { continue }
                low = Swift.min(low, c - d)
                high = Swift.max(high, c + d)
            }
        }
        guard low < high else { throw NumericsError.value("every pixel is masked") }
        // As pyFAI: radial values are never negative, and the upper bound is nudged by one
        // float32 epsilon so the outermost pixel falls inside the last bin.
        low = Swift.max(low, 0)
        high *= 1 + Double(Float.ulpOfOne)
        let width = (high - low) / Double(bins)
        radial = (0..<bins).map { low + (Double($0) + 0.5) * width }
        normalization = [Double](repeating: 0, count: bins)
        entryPixel.reserveCapacity(n * 2)
        entryBin.reserveCapacity(n * 2)
        entryWeight.reserveCapacity(n * 2)
        for p in 0..<n where mask?[p] != true {
            let fmin = Swift.max((centre[p] - delta[p] - low) / width, 0)
            let fmax = Swift.min((centre[p] + delta[p] - low) / width, Double(bins) - 1e-9)
            let b0 = Int(fmin), b1 = Int(fmax)
            func add(_ bin: Int, _ w: Double) {
                entryPixel.append(Int32(p))
                entryBin.append(Int32(bin))
                entryWeight.append(w)
                normalization[bin] += w * solidAngle[p]
            }
            if b0 == b1 {
                add(b0, 1)
            } else {
                let share = 1 / (fmax - fmin)
                add(b0, (Double(b0 + 1) - fmin) * share)
                if b1 > b0 + 1 { for b in (b0 + 1)..<b1 { add(b, share) } }
                add(b1, (fmax - Double(b1)) * share)
            }
        }
    }

    /// The azimuthally averaged intensity of `image` (rows × columns, row-major) per bin;
    /// bins no pixel reaches are 0, as pyFAI's dummy value.
    public func integrate(_ image: UnsafePointer<Double>) -> [Double] {
        var signal = [Double](repeating: 0, count: bins)
        signal.withUnsafeMutableBufferPointer { s in
            entryPixel.withUnsafeBufferPointer { pixels in
                entryBin.withUnsafeBufferPointer { bins in
                    entryWeight.withUnsafeBufferPointer { weights in
                        for k in 0..<pixels.count {
                            s[Int(bins[k])] += weights[k] * image[Int(pixels[k])]
                        }
                    }
                }
            }
        }
        return zip(signal, normalization).map { $1 > 0 ? $0 / $1 : 0 }
    }
}
