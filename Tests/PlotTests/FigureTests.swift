import XCTest
import Platform
@testable import Plot

final class FigureTests: XCTestCase {
    func testBase64MatchesKnownVectors() {
        XCTAssertEqual(Base64.encode(Array("".utf8)), "")
        XCTAssertEqual(Base64.encode(Array("f".utf8)), "Zg==")
        XCTAssertEqual(Base64.encode(Array("fo".utf8)), "Zm8=")
        XCTAssertEqual(Base64.encode(Array("foobar".utf8)), "Zm9vYmFy")
        for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            XCTAssertEqual(Base64.decode(Base64.encode(Array(text.utf8))), Array(text.utf8))
        }
        XCTAssertEqual(Base64.decode("Zm9v\nYmFy"), Array("foobar".utf8), "line breaks are skipped")
        XCTAssertNil(Base64.decode("Zm9v*"))
        XCTAssertNil(Base64.decode("Z"))
    }

    func testPNGHasSignatureHeaderAndEnd() {
        let png = PNGEncoder.encode(width: 3, height: 2, rgb: [UInt8](repeating: 7, count: 18))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        XCTAssertEqual(String(decoding: png[12..<16], as: UTF8.self), "IHDR")
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2])
        XCTAssertEqual(String(decoding: png[(png.count - 8)..<(png.count - 4)], as: UTF8.self), "IEND")
    }

    func testImageColoursFollowTheMapAndNaNIsWhite() {
        let raster = ImageRaster(values: [0, 1, .nan], rows: 1, columns: 3, colormap: .gray)
        XCTAssertEqual(raster.rgb(), [0, 0, 0, 255, 255, 255, 255, 255, 255])
        let log = ImageRaster(values: [1, 10, 100], rows: 1, columns: 3, logarithmic: true)
        XCTAssertEqual(log.fraction(10), 0.5)
    }

    func testFigureDrawsEveryLayerWithLegendAndLogTicks() {
        var f = Figure()
        f.title = "T <1>"
        f.series.append(.init(x: [1, 2, 3], y: [1, 10, 100], label: "line"))
        f.series.append(.init(x: [1, 2], y: [2, 3], label: "points", line: false, markers: true, yErrors: [0.5, 0.5]))
        f.bars.append(.init(edges: [0, 1, 2], counts: [3, 4], label: "bars"))
        f.yScale = .log
        let svg = f.svg()
        XCTAssertTrue(svg.contains("T &lt;1&gt;"), "titles are escaped")
        XCTAssertTrue(svg.contains("<polyline"))
        XCTAssertTrue(svg.contains("<circle"))
        XCTAssertTrue(svg.contains(">line</text>") && svg.contains(">points</text>") && svg.contains(">bars</text>"))
        XCTAssertTrue(svg.contains("10<tspan"), "log axes label powers of ten")
    }

    func testImshowEmbedsThePNGAndAColourBar() {
        var f = Figure()
        f.image = ImageRaster(values: (0..<12).map(Double.init), rows: 3, columns: 4)
        let svg = f.svg()
        XCTAssertEqual(svg.components(separatedBy: "data:image/png;base64,").count - 1, 2)
    }
}
