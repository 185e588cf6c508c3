import XCTest
@testable import Plot

final class LinePlotTests: XCTestCase {
    func testSVGHasAxesLabelsSeriesAndEscapes() {
        var plot = LinePlot(series: [.init(label: "det", x: [-1, 0, 1], y: [0.6, 1, 0.6])], xLabel: "motor", yLabel: "det <a&b>",
                            title: "scan 3")
        plot.markers = [(0, "cen")]
        let svg = plot.svg()
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertTrue(svg.contains("det &lt;a&amp;b&gt;"))
        XCTAssertTrue(svg.contains(">motor</text>"))
        XCTAssertTrue(svg.contains("<polyline"))
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3)
        XCTAssertTrue(svg.contains(">cen</text>"))
    }

    func testMarkerLabelSitsAwayFromTheCurve() {
        func labelY(_ y: [Double]) -> Double? {
            var plot = LinePlot(series: [.init(label: "det", x: [-1, 0, 1], y: y)], xLabel: "motor", yLabel: "det")
            plot.markers = [(0, "cen")]
            let svg = plot.svg()
            guard let end = svg.range(of: "\" fill=\"#666\">cen</text>"),
                  let start = svg[..<end.lowerBound].range(of: "y=\"", options: .backwards) else { return nil }
            return Double(svg[start.upperBound..<end.lowerBound])
        }
        let height = LinePlot(series: [], xLabel: "", yLabel: "").height
        guard let underPeak = labelY([0.6, 1, 0.6]), let overDip = labelY([1, 0.2, 1]) else {
            return XCTFail("no marker label in the SVG")
        }
        XCTAssertGreaterThan(underPeak, height / 2, "below a peak")
        XCTAssertLessThan(overDip, height / 2, "above a dip")
    }

    func testTicksAreRoundNumbers() {
        XCTAssertEqual(Axis.ticks((0, 1)), [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(Axis.ticks((-1.1, 1.1)), [-1, -0.5, 0, 0.5, 1])
        XCTAssertEqual(Axis.label(0.5), "0.5")
        XCTAssertEqual(Axis.label(2e-5), "2e-5")
        XCTAssertEqual(Axis.range([]).low, 0)
        XCTAssertEqual(Axis.range([3]).high, 3.5)
    }

    func testEmptyAndNonFiniteDataStillRender() {
        let svg = LinePlot(series: [.init(label: "y", x: [0, .nan], y: [.infinity, 1])], xLabel: "x", yLabel: "y").svg()
        XCTAssertTrue(svg.contains("</svg>"))
    }
}
