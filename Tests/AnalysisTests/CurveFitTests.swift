import XCTest
@testable import Analysis

final class CurveFitTests: XCTestCase {
    private let x = (0..<101).map { -5 + Double($0) * 0.1 }

    func testNoiselessGaussianIsRecoveredFromTheGuess() throws {
        let y = x.map { LineShape.gaussian($0, 3, 0.7, 0.8) }
        let result = try CurveFit.fit(FitProblem(shape: .gaussian, x: x, y: y))
        XCTAssertTrue(result.success)
        XCTAssertEqual(result.parameter("amplitude")?.value ?? 0, 3, accuracy: 1e-9)
        XCTAssertEqual(result.parameter("center")?.value ?? 0, 0.7, accuracy: 1e-9)
        XCTAssertEqual(result.parameter("sigma")?.value ?? 0, 0.8, accuracy: 1e-9)
        XCTAssertEqual(result.parameter("fwhm")?.value ?? 0, 2.3548200 * 0.8, accuracy: 1e-8)
        XCTAssertEqual(result.rSquared, 1, accuracy: 1e-12)
    }

    func testBackgroundAndFixedParameters() throws {
        let y = x.map { LineShape.lorentzian($0, 2, -1, 0.5) + 0.25 }
        let result = try CurveFit.fit(FitProblem(shape: .lorentzian, x: x, y: y, background: true,
                                                 initial: ["center": -1], fixed: ["center"]))
        XCTAssertEqual(result.nvarys, 3)
        XCTAssertEqual(result.parameter("center")?.value, -1)
        XCTAssertNil(result.parameter("center")?.standardError)
        XCTAssertEqual(result.parameter("c")?.value ?? 0, 0.25, accuracy: 1e-9)
    }

    func testBoundsHoldAtTheEdge() throws {
        let y = x.map { 2 * $0 + 1 }
        let result = try CurveFit.fit(FitProblem(shape: .linear, x: x, y: y, bounds: ["slope": (nil, 1.5)]))
        XCTAssertLessThanOrEqual(result.parameter("slope")?.value ?? 9, 1.5)
        XCTAssertEqual(result.parameter("slope")?.value ?? 0, 1.5, accuracy: 1e-6)
    }

    func testMalformedProblemsAreRefusedWithReasons() {
        XCTAssertThrowsError(try CurveFit.fit(FitProblem(shape: .gaussian, x: [1, 2, 3], y: [1, 2])))
        XCTAssertThrowsError(try CurveFit.fit(FitProblem(shape: .gaussian, x: [1, 2, 3], y: [1, .nan, 2])))
        XCTAssertThrowsError(try CurveFit.fit(FitProblem(shape: .gaussian, x: [1, 2], y: [1, 2]))) { error in
            XCTAssertTrue("\(error)".contains("cannot determine"))
        }
        XCTAssertThrowsError(try CurveFit.fit(FitProblem(shape: .linear, x: x, y: x, background: true)))
    }

    func testReportHasLmfitsSections() throws {
        let y = x.map { LineShape.gaussian($0, 3, 0.7, 0.8) + 0.001 * sin(37 * $0) }
        let report = FitReport.text(try CurveFit.fit(FitProblem(shape: .gaussian, x: x, y: y)))
        for section in ["[[Model]]", "[[Fit Statistics]]", "[[Variables]]", "[[Correlations]]", "== '2.3548200*sigma'"] {
            XCTAssertTrue(report.contains(section), section)
        }
    }
}
