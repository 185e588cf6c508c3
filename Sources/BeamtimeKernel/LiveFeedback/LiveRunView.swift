import Analysis
import Plot
import Script

/// What the cell shows while a run goes: a progress bar with points done, total and ETA
/// (or `paused` while the run engine is paused), a table of the latest rows and, when the
/// run ends, a plot of the first detector against the first motor with its peak statistics.
/// Numbers are written by `FigureFormat`. Rendered as HTML (and plain text).
final class LiveRunView: ScriptObject {
    let title: String
    let total: Int?
    let xKey: String?
    let yKeys: [String]
    private(set) var done = 0
    private var rows: [[String]] = []
    private(set) var x: [Double] = []
    private(set) var y: [Double] = []
    /// The range of the motor positions seen so far (rounds the table's positions).
    private var xLow = Double.infinity, xHigh = -Double.infinity
    private let clock: () -> Double
    private let started: Double
    /// When the current pause began; nil while the run goes.
    private(set) var pausedSince: Double?
    /// Seconds spent paused before the current pause.
    private var pausedSeconds = 0.0
    private(set) var ending: (status: String, reason: String)?
    private(set) var stats: PeakStatistics?

    /// Rows shown in the table.
    static let tableRows = 10
    /// Points kept for the plot; beyond this every other point is dropped (peak statistics
    /// then use the thinned curve).
    static let maximumPoints = 200_000

    /// A view of a run called `title`, of `total` points if known; `clock` gives seconds
    /// (monotonic; replaced in tests).
    init(title: String, total: Int?, xKey: String?, yKeys: [String], clock: @escaping () -> Double = Monotonic.now) {
        self.title = title
        self.total = total
        self.xKey = xKey
        self.yKeys = yKeys
        self.clock = clock
        started = clock()
    }

    var columns: [String] { ["seq_num"] + (xKey.map { [$0] } ?? []) + yKeys }

    /// Adds an event's values.
    func add(sequence: Int, values: [String: Double]) {
        done += 1
        let xValue = xKey.flatMap { values[$0] } ?? Double(sequence)
        if let first = yKeys.first, let yValue = values[first] {
            if x.count >= LiveRunView.maximumPoints {
                x = stride(from: 0, to: x.count, by: 2).map { x[$0] }
                y = stride(from: 0, to: y.count, by: 2).map { y[$0] }
            }
            x.append(xValue)
            y.append(yValue)
        }
        var row = [String(sequence)]
        if let xKey {
            if let position = values[xKey], position.isFinite {
                xLow = min(xLow, position)
                xHigh = max(xHigh, position)
            }
            let range = xHigh >= xLow ? xHigh - xLow : nil
            row.append(values[xKey].map { FigureFormat.text($0, range: range) } ?? "")
        }
        for key in yKeys { row.append(values[key].map { FigureFormat.text($0) } ?? "") }
        rows.append(row)
        if rows.count > LiveRunView.tableRows { rows.removeFirst(rows.count - LiveRunView.tableRows) }
    }

    /// Marks the run finished and computes the peak statistics (for motor scans).
    func finish(status: String, reason: String) {
        resume()
        ending = (status, reason)
        if xKey != nil, x.count >= 2 { stats = PeakStatistics.compute(x: x, y: y) }
    }

    /// Marks the run paused (the run engine paused it): no ETA until `resume`.
    func pause() {
        guard ending == nil, pausedSince == nil else { return }
        pausedSince = clock()
    }

    /// Marks a paused run going again; the time it spent paused counts for neither the ETA
    /// nor the final duration.
    func resume() {
        guard let since = pausedSince else { return }
        pausedSeconds += clock() - since
        pausedSince = nil
    }

    /// Whether the run is paused.
    var isPaused: Bool { pausedSince != nil }

    /// Seconds the run has been going, pauses left out.
    var activeSeconds: Double { (pausedSince ?? clock()) - started - pausedSeconds }

    var progressText: String {
        let elapsed = activeSeconds
        var text = total.map { "\(done)/\($0) points" } ?? "\(done) points"
        if let (status, reason) = ending {
            text += " · \(status)" + (reason.isEmpty ? "" : " (\(reason))") + " in \(FigureFormat.duration(elapsed))"
        } else if isPaused {
            text += " · paused"
        } else if let total, done > 0, total > done {
            text += " · ETA \(FigureFormat.duration(elapsed / Double(done) * Double(total - done)))"
        }
        return text
    }

    // MARK: Display

    var typeName: String { "LiveRunView" }
    var docstring: String? { "The live view of a run: progress, latest rows, and at the end a plot with peak statistics." }
    func repr(_ interpreter: Interpreter) throws -> String { plainText }

    func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        ["text/html": html, "text/plain": plainText]
    }

    var plainText: String {
        var lines = ["\(title): \(progressText)", columns.joined(separator: "\t")]
        lines += rows.map { $0.joined(separator: "\t") }
        if let stats { lines.append(statsText(stats)) }
        return lines.joined(separator: "\n")
    }

    var html: String {
        let fraction = total.map { $0 > 0 ? min(1, Double(done) / Double($0)) : 1 } ?? 0
        var out = "<div class=\"beamtime-live\"><div><b>\(SVGText.escape(title))</b> &middot; \(SVGText.escape(progressText))</div>"
        if total != nil {
            out += "<div style=\"width:320px;height:8px;background:#ddd;border-radius:4px;margin:4px 0\">"
                + "<div style=\"width:\(Int(fraction * 100))%;height:8px;background:#1f77b4;border-radius:4px\"></div></div>"
        }
        out += "<table><tr>" + columns.map { "<th>\(SVGText.escape($0))</th>" }.joined() + "</tr>"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>" }
        out += "</table>"
        if ending != nil, let yName = yKeys.first, !x.isEmpty {
            var plot = LinePlot(series: [.init(label: yName, x: x, y: y)], xLabel: xKey ?? "seq_num", yLabel: yName, title: title)
            if let cen = stats?.cen { plot.markers.append((cen, "cen")) }
            out += plot.svg()
        }
        if let stats {
            let figures = statsFigures(stats)
            out += "<table><tr>" + figures.map { "<th>\($0.name)</th>" }.joined() + "</tr><tr>"
                + figures.map { "<td>\($0.text)</td>" }.joined() + "</tr></table>"
        }
        return out + "</div>"
    }

    /// The peak statistics as (name, text), in the table's order: positions and widths
    /// rounded to the plotted motor range, detector values to the detector's.
    func statsFigures(_ s: PeakStatistics) -> [(name: String, text: String)] {
        let xRange = FigureFormat.range(of: x), yRange = FigureFormat.range(of: y)
        func position(_ v: Double?) -> String { v.map { FigureFormat.text($0, range: xRange) } ?? "—" }
        func pair(_ p: (x: Double, y: Double)) -> String { "(\(position(p.x)), \(FigureFormat.text(p.y, range: yRange)))" }
        return [("max", pair(s.max)), ("min", pair(s.min)), ("cen", position(s.cen)), ("com", position(s.com)),
                ("fwhm", position(s.fwhm))]
    }

    func statsText(_ s: PeakStatistics) -> String {
        statsFigures(s).map { "\($0.name) \($0.text)" }.joined(separator: "  ")
    }
}

import Platform
