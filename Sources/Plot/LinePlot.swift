import Script

/// A line plot rendered to SVG: one or more series of points with axes, ticks and labels.
/// Small enough to embed in a notebook output or a report.
public struct LinePlot: Sendable {
    /// One curve.
    public struct Series: Sendable {
        /// The name shown in the legend.
        public var label: String
        /// The points.
        public var x: [Double]
        /// The values.
        public var y: [Double]

        /// A series from its parts.
        public init(label: String, x: [Double], y: [Double]) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    /// The curves.
    public var series: [Series]
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    /// The title.
    public var title: String
    /// Vertical marker lines (e.g. the peak centre), with labels.
    public var markers: [(x: Double, label: String)] = []
    /// Size in pixels.
    public var width = 480.0, height = 300.0

    static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]

    /// A plot from its parts.
    public init(series: [Series], xLabel: String, yLabel: String, title: String = "") {
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.title = title
    }

    /// The y of the data point whose x is closest to `x`, over all series.
    func dataNear(_ x: Double) -> Double? {
        var best: (distance: Double, y: Double)?
        for s in series {
            for (px, py) in zip(s.x, s.y) where px.isFinite && py.isFinite {
                let d = abs(px - x)
                if best.map({ d < $0.distance }) ?? true { best = (d, py) }
            }
        }
        return best?.y
    }

    /// The SVG document.
    public func svg() -> String {
        let left = 64.0, right = 16.0, top = title.isEmpty ? 16.0 : 32.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xs = series.flatMap(\.x).filter(\.isFinite), ys = series.flatMap(\.y).filter(\.isFinite)
        let xRange = Axis.range(xs), yRange = Axis.range(ys)
        let xTicks = Axis.ticks(xRange), yTicks = Axis.ticks(yRange)
        func px(_ v: Double) -> Double { left + (v - xRange.low) / (xRange.high - xRange.low) * plotWidth }
        func py(_ v: Double) -> Double { top + plotHeight - (v - yRange.low) / (yRange.high - yRange.low) * plotHeight }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
        if !title.isEmpty {
            out += "<text x=\"\(f(width / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">\(SVGText.escape(title))</text>"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#444\"/>"
        for t in xTicks {
            let x = px(t)
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight + 4))\" stroke=\"#444\"/>"
            out += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(Axis.label(t))</text>"
        }
        for t in yTicks {
            let y = py(t)
            out += "<line x1=\"\(f(left - 4))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" stroke=\"#444\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Axis.label(t))</text>"
        }
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(SVGText.escape(xLabel))</text>"
        out += "<text transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVGText.escape(yLabel))</text>"
        for marker in markers where marker.x.isFinite {
            let x = px(marker.x)
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
            // The label goes at the end of the line away from the data there (below a peak,
            // above a dip), so it does not sit on the curve.
            let labelY = dataNear(marker.x).map { py($0) < top + plotHeight / 2 } ?? false
                ? top + plotHeight - 6 : top + 12
            out += "<text x=\"\(f(x + 3))\" y=\"\(f(labelY))\" fill=\"#666\">\(SVGText.escape(marker.label))</text>"
        }
        for (index, s) in series.enumerated() {
            let colour = LinePlot.colours[index % LinePlot.colours.count]
            let points = zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }
            let path = points.map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(path)\"/>"
            if points.count <= 200 {
                for (x, y) in points { out += "<circle cx=\"\(f(px(x)))\" cy=\"\(f(py(y)))\" r=\"2\" fill=\"\(colour)\"/>" }
            }
            if series.count > 1 {
                let ly = top + 14 + Double(index) * 14
                out += "<text x=\"\(f(left + plotWidth - 6))\" y=\"\(f(ly))\" text-anchor=\"end\" fill=\"\(colour)\">\(SVGText.escape(s.label))</text>"
            }
        }
        return out + "</svg>"
    }

    private func f(_ v: Double) -> String { Axis.coordinate(v) }
}

/// Axis ranges, "nice" ticks and number labels.
enum Axis {
    /// The data range padded by 5 %, or ±0.5 around a single value, or 0…1 when empty.
    static func range(_ values: [Double]) -> (low: Double, high: Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 1) }
        if low == high { return (low - 0.5, high + 0.5) }
        let pad = (high - low) * 0.05
        return (low - pad, high + pad)
    }

    /// About five ticks at multiples of 1, 2 or 5 times a power of ten, computed as
    /// integer / power of ten so they print as round numbers (0.6, not 0.6000000000000001).
    static func ticks(_ range: (low: Double, high: Double)) -> [Double] {
        let span = range.high - range.low
        guard span > 0, span.isFinite else { return [] }
        let raw = span / 5
        let exponent = Int(floor(log10(raw)))
        let magnitude = pow10(Double(exponent))
        let multiple = [1, 2, 5, 10].first { Double($0) * magnitude >= raw } ?? 10
        func value(_ k: Int) -> Double {
            exponent >= 0 ? Double(k * multiple) * magnitude : Double(k * multiple) / pow10(Double(-exponent))
        }
        let step = Double(multiple) * magnitude
        var k = Int((range.low / step).rounded(.up))
        var ticks: [Double] = []
        while value(k) <= range.high + step * 1e-9 && ticks.count < 20 {
            ticks.append(value(k))
            k += 1
        }
        return ticks
    }

    /// A short label for a tick value.
    static func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        if abs(v) >= 1e5 || abs(v) < 1e-3 {
            let exponent = Int(floor(log10(abs(v))))
            let mantissa = v / pow10(Double(exponent))
            return trim(mantissa) + "e" + String(exponent)
        }
        return trim(v)
    }

    private static func trim(_ v: Double) -> String {
        var text = String((v * 1e6).rounded() / 1e6)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A coordinate with two decimals.
    static func coordinate(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let scaled = (v * 100).rounded() / 100
        var text = String(scaled)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static func pow10(_ e: Double) -> Double {
        var result = 1.0
        let n = Int(e)
        if n >= 0 { for _ in 0..<n { result *= 10 } } else { for _ in 0..<(-n) { result /= 10 } }
        return result
    }

    private static func log10(_ v: Double) -> Double { Glibc.log10(v) }
}

/// Escaping text for SVG and HTML.
public enum SVGText {
    /// `text` with &, <, >, " and ' escaped.
    public static func escape(_ text: String) -> String { escapeHTML(text) }
}

import Glibc
