import Platform
import Glibc

/// A figure with one set of axes: lines, markers, error bars, histograms and an image with a
/// colour bar; titles, axis labels, ticks at round numbers, a legend, log axes. Rendered as
/// SVG (images embedded as PNG).
public struct Figure: Sendable {
    /// How an axis maps values.
    public enum Scale: String, Sendable {
        case linear, log
    }

    /// A curve, a set of markers or both, with optional error bars.
    public struct Series: Sendable {
        public var x: [Double]
        public var y: [Double]
        public var label: String?
        public var colour: String?
        /// Draw the connecting line.
        public var line: Bool
        /// Draw a marker at each point.
        public var markers: Bool
        /// Symmetric errors in y (and x), one per point.
        public var yErrors: [Double]?
        public var xErrors: [Double]?

        /// Creates a series.
        public init(x: [Double], y: [Double], label: String? = nil, colour: String? = nil, line: Bool = true, markers: Bool = false,
                    yErrors: [Double]? = nil, xErrors: [Double]? = nil) {
            self.x = x
            self.y = y
            self.label = label
            self.colour = colour
            self.line = line
            self.markers = markers
            self.yErrors = yErrors
            self.xErrors = xErrors
        }
    }

    /// Bars of a histogram: counts between consecutive edges.
    public struct Bars: Sendable {
        public var edges: [Double]
        public var counts: [Double]
        public var label: String?
        public var colour: String?

        /// Creates bars.
        public init(edges: [Double], counts: [Double], label: String? = nil, colour: String? = nil) {
            self.edges = edges
            self.counts = counts
            self.label = label
            self.colour = colour
        }
    }

    public var series: [Series] = []
    public var bars: [Bars] = []
    /// An image filling the axes (pixel coordinates, row 0 at the top, as matplotlib's imshow).
    public var image: ImageRaster?
    public var title = ""
    public var xLabel = ""
    public var yLabel = ""
    public var xScale = Scale.linear
    public var yScale = Scale.linear
    /// Whether to draw the legend (nil: when any series or bars have a label).
    public var legend: Bool?
    public var width = 560.0
    public var height = 360.0

    /// An empty figure.
    public init() {}

    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// The SVG document.
    public func svg() -> String {
        let hasBar = image != nil
        let left = 70.0, right = hasBar ? 90.0 : 20.0, top = title.isEmpty ? 16.0 : 34.0, bottom = xLabel.isEmpty ? 34.0 : 50.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xTransform = transform(xScale), yTransform = transform(yScale)

        var xs: [Double] = [], ys: [Double] = []
        for s in series {
            for (i, (x, y)) in zip(s.x, s.y).enumerated() {
                let ex = s.xErrors?[safe: i] ?? 0, ey = s.yErrors?[safe: i] ?? 0
                xs += [x - ex, x + ex]
                ys += [y - ey, y + ey]
            }
        }
        for b in bars { xs += b.edges; ys += b.counts + [0] }
        var xRange = Axis.range(xs.compactMap(xTransform).filter(\.isFinite))
        var yRange = Axis.range(ys.compactMap(yTransform).filter(\.isFinite))
        if let image {
            xRange = (0 - 0.5, Double(image.columns) - 0.5)
            yRange = (0 - 0.5, Double(image.rows) - 0.5)
        }
        func px(_ v: Double) -> Double { left + (v - xRange.low) / (xRange.high - xRange.low) * plotWidth }
        func py(_ v: Double) -> Double {
            image != nil ? top + (v - yRange.low) / (yRange.high - yRange.low) * plotHeight
                         : top + plotHeight - (v - yRange.low) / (yRange.high - yRange.low) * plotHeight
        }
        func c(_ v: Double) -> String { Axis.coordinate(v) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
        if !title.isEmpty {
            out += "<text x=\"\(c(left + plotWidth / 2))\" y=\"21\" text-anchor=\"middle\" font-size=\"14\">\(SVGText.escape(title))</text>"
        }
        out += "<defs><clipPath id=\"axes\"><rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(plotWidth))\" height=\"\(c(plotHeight))\"/></clipPath></defs>"
        if let image {
            out += "<image x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(plotWidth))\" height=\"\(c(plotHeight))\" preserveAspectRatio=\"none\" "
                + "style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,\(Base64.encode(image.png()))\"/>"
        }

        // Ticks and grid.
        for t in ticks(xRange, xScale) {
            let x = px(t.position)
            out += "<line x1=\"\(c(x))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(x))\" y2=\"\(c(top + plotHeight + 5))\" stroke=\"#444\"/>"
            out += "<text x=\"\(c(x))\" y=\"\(c(top + plotHeight + 17))\" text-anchor=\"middle\">\(t.label)</text>"
        }
        for t in ticks(yRange, yScale) {
            let y = py(t.position)
            out += "<line x1=\"\(c(left - 5))\" y1=\"\(c(y))\" x2=\"\(c(left))\" y2=\"\(c(y))\" stroke=\"#444\"/>"
            out += "<text x=\"\(c(left - 8))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(t.label)</text>"
        }
        out += "<g clip-path=\"url(#axes)\">"
        for (k, b) in bars.enumerated() {
            let colour = b.colour ?? Figure.palette[(series.count + k) % Figure.palette.count]
            for i in 0..<Swift.min(b.counts.count, b.edges.count - 1) {
                guard let x0 = xTransform(b.edges[i]), let x1 = xTransform(b.edges[i + 1]), let y1 = yTransform(b.counts[i]) else { continue }
                let base = yScale == .log ? yRange.low : 0
                let top = py(y1), bottom = py(base)
                out += "<rect x=\"\(c(px(x0)))\" y=\"\(c(Swift.min(top, bottom)))\" width=\"\(c(Swift.max(px(x1) - px(x0), 0)))\" height=\"\(c(Swift.abs(bottom - top)))\" fill=\"\(colour)\" fill-opacity=\"0.75\" stroke=\"white\" stroke-width=\"0.5\"/>"
            }
        }
        for (k, s) in series.enumerated() {
            let colour = s.colour ?? Figure.palette[k % Figure.palette.count]
            let points = zip(s.x, s.y).enumerated().compactMap { i, p -> (Int, Double, Double)? in
                guard let x = xTransform(p.0), let y = yTransform(p.1), x.isFinite, y.isFinite else { return nil }
                return (i, px(x), py(y))
            }
            for (i, x, y) in points {
                if let e = s.yErrors?[safe: i], e > 0, let lo = yTransform(s.y[i] - e), let hi = yTransform(s.y[i] + e) {
                    out += "<line x1=\"\(c(x))\" y1=\"\(c(py(lo)))\" x2=\"\(c(x))\" y2=\"\(c(py(hi)))\" stroke=\"\(colour)\"/>"
                    out += "<line x1=\"\(c(x - 3))\" y1=\"\(c(py(lo)))\" x2=\"\(c(x + 3))\" y2=\"\(c(py(lo)))\" stroke=\"\(colour)\"/>"
                    out += "<line x1=\"\(c(x - 3))\" y1=\"\(c(py(hi)))\" x2=\"\(c(x + 3))\" y2=\"\(c(py(hi)))\" stroke=\"\(colour)\"/>"
                }
                if let e = s.xErrors?[safe: i], e > 0, let lo = xTransform(s.x[i] - e), let hi = xTransform(s.x[i] + e) {
                    out += "<line x1=\"\(c(px(lo)))\" y1=\"\(c(y))\" x2=\"\(c(px(hi)))\" y2=\"\(c(y))\" stroke=\"\(colour)\"/>"
                }
            }
            if s.line && points.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" points=\""
                out += points.map { "\(c($0.1)),\(c($0.2))" }.joined(separator: " ") + "\"/>"
            }
            if s.markers || points.count == 1 {
                for (_, x, y) in points { out += "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"3\" fill=\"\(colour)\"/>" }
            }
        }
        out += "</g>"
        out += "<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(plotWidth))\" height=\"\(c(plotHeight))\" fill=\"none\" stroke=\"#444\"/>"
        if !xLabel.isEmpty {
            out += "<text x=\"\(c(left + plotWidth / 2))\" y=\"\(c(height - 10))\" text-anchor=\"middle\" font-size=\"12\">\(SVGText.escape(xLabel))</text>"
        }
        if !yLabel.isEmpty {
            out += "<text transform=\"translate(16,\(c(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(SVGText.escape(yLabel))</text>"
        }
        out += legendSVG(left: left, top: top, plotWidth: plotWidth)
        if let image { out += colourBarSVG(image, x: left + plotWidth + 18, top: top, height: plotHeight) }
        return out + "</svg>"
    }

    private func legendSVG(left: Double, top: Double, plotWidth: Double) -> String {
        // (label, colour, kind): "line", "marker" or "bar".
        var entries: [(String, String, String)] = []
        for (k, s) in series.enumerated() {
            if let label = s.label { entries.append((label, s.colour ?? Figure.palette[k % Figure.palette.count], s.line ? "line" : "marker")) }
        }
        for (k, b) in bars.enumerated() {
            if let label = b.label { entries.append((label, b.colour ?? Figure.palette[(series.count + k) % Figure.palette.count], "bar")) }
        }
        guard legend ?? !entries.isEmpty, !entries.isEmpty else { return "" }
        let widest = entries.map { Double($0.0.count) * 6.5 }.max() ?? 0
        let boxWidth = widest + 34, x = left + plotWidth - boxWidth - 8, y = top + 8
        var out = "<rect x=\"\(Axis.coordinate(x))\" y=\"\(Axis.coordinate(y))\" width=\"\(Axis.coordinate(boxWidth))\" height=\"\(entries.count * 16 + 6)\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>"
        for (i, (label, colour, kind)) in entries.enumerated() {
            let ly = y + 13 + Double(i) * 16
            if kind == "marker" {
                out += "<circle cx=\"\(Axis.coordinate(x + 15))\" cy=\"\(Axis.coordinate(ly - 4))\" r=\"3\" fill=\"\(colour)\"/>"
            } else if kind == "line" {
                out += "<line x1=\"\(Axis.coordinate(x + 6))\" y1=\"\(Axis.coordinate(ly - 4))\" x2=\"\(Axis.coordinate(x + 24))\" y2=\"\(Axis.coordinate(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            } else {
                out += "<rect x=\"\(Axis.coordinate(x + 9))\" y=\"\(Axis.coordinate(ly - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            }
            out += "<text x=\"\(Axis.coordinate(x + 30))\" y=\"\(Axis.coordinate(ly))\">\(SVGText.escape(label))</text>"
        }
        return out
    }

    private func colourBarSVG(_ image: ImageRaster, x: Double, top: Double, height: Double) -> String {
        var out = "<image x=\"\(Axis.coordinate(x))\" y=\"\(Axis.coordinate(top))\" width=\"16\" height=\"\(Axis.coordinate(height))\" preserveAspectRatio=\"none\" "
            + "xlink:href=\"data:image/png;base64,\(Base64.encode(image.colourBarPNG()))\"/>"
        out += "<rect x=\"\(Axis.coordinate(x))\" y=\"\(Axis.coordinate(top))\" width=\"16\" height=\"\(Axis.coordinate(height))\" fill=\"none\" stroke=\"#444\"/>"
        let (low, high) = image.limits
        let scale: Scale = image.logarithmic ? .log : .linear
        let range = image.logarithmic ? (Glibc.log10(low), Glibc.log10(high)) : (low, high)
        for t in ticks(range, scale) {
            let y = top + height - (t.position - range.0) / (range.1 - range.0) * height
            out += "<line x1=\"\(Axis.coordinate(x + 16))\" y1=\"\(Axis.coordinate(y))\" x2=\"\(Axis.coordinate(x + 20))\" y2=\"\(Axis.coordinate(y))\" stroke=\"#444\"/>"
            out += "<text x=\"\(Axis.coordinate(x + 23))\" y=\"\(Axis.coordinate(y + 4))\">\(t.label)</text>"
        }
        return out
    }

    private func transform(_ scale: Scale) -> (Double) -> Double? {
        scale == .log ? { $0 > 0 ? Glibc.log10($0) : nil } : { $0 }
    }

    /// Tick positions (in transformed units) and labels: round numbers, or powers of ten on log axes.
    private func ticks(_ range: (low: Double, high: Double), _ scale: Scale) -> [(position: Double, label: String)] {
        if scale == .log {
            let first = Int(Glibc.ceil(range.low)), last = Int(Glibc.floor(range.high))
            guard first <= last else { return Axis.ticks(range).map { ($0, Axis.label(Glibc.pow(10, $0))) } }
            let step = Swift.max(1, (last - first + 1) / 8 + ((last - first + 1) % 8 == 0 ? 0 : 1))
            return stride(from: first, through: last, by: step).map { (Double($0), "10<tspan dy=\"-5\" font-size=\"8\">\($0)</tspan>") }
        }
        return Axis.ticks(range).map { ($0, Axis.label($0)) }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
