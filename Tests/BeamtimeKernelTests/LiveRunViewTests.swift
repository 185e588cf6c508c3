import XCTest
import Acquisition
import Glibc
import Jupyter
@testable import BeamtimeKernel

/// A clock the test moves by hand.
final class ManualClock {
    var now = 0.0
}

final class LiveRunViewTests: XCTestCase {
    func testFiguresHaveSixSignificantDigits() {
        XCTAssertEqual(FigureFormat.text(0.9950124791926823), "0.995012")
        XCTAssertEqual(FigureFormat.text(1.0), "1")
        XCTAssertEqual(FigureFormat.text(1.3217664115024938), "1.32177")
        XCTAssertEqual(FigureFormat.text(123456789.0), "1.23457e+08")
        XCTAssertEqual(FigureFormat.text(0.000012345678), "1.23457e-05")
        XCTAssertEqual(FigureFormat.text(-2.5), "-2.5")
        XCTAssertEqual(FigureFormat.text(.nan), "nan")
        XCTAssertEqual(FigureFormat.text(-.infinity), "-inf")
        // Rounded to a millionth of the range first: noise around zero reads 0 (never -0).
        XCTAssertEqual(FigureFormat.text(5.551115123125783e-17, range: 2), "0")
        XCTAssertEqual(FigureFormat.text(-5.551115123125783e-17, range: 2), "0")
        XCTAssertEqual(FigureFormat.text(100.0000012, range: 4), "100")
        XCTAssertEqual(FigureFormat.text(3.2e-9, range: 1e-8), "3.2e-09", "a small range keeps small values")
        XCTAssertEqual(FigureFormat.text(5.551115123125783e-17, range: 0), "5.55112e-17", "no range, no rounding")
        XCTAssertEqual(FigureFormat.resolution(ofRange: 2), 1e-5)
        XCTAssertEqual(FigureFormat.resolution(ofRange: 20), 1e-4)
        XCTAssertNil(FigureFormat.resolution(ofRange: .infinity))
        XCTAssertEqual(FigureFormat.duration(42.4), "42 s")
        XCTAssertEqual(FigureFormat.duration(184), "3 min 4 s")
    }

    /// The points of `RE(scan([det], motor, -1, 1, 21))`: numpy.linspace's positions and
    /// the simulated Gaussian detector (centre 0, sigma 1).
    private func symmetricScan() -> LiveRunView {
        let view = LiveRunView(title: "scan 1 · scan", total: 21, xKey: "motor", yKeys: ["det"])
        let step = 2.0 / 20
        for i in 0..<21 {
            let x = Double(i) * step - 1
            view.add(sequence: i + 1, values: ["motor": x, "det": Glibc.exp(-x * x / 2)])
        }
        view.finish(status: "success", reason: "")
        return view
    }

    func testPeakStatisticsReadLikeTheOtherFigures() throws {
        let view = symmetricScan()
        let stats = try XCTUnwrap(view.stats)
        let cen = try XCTUnwrap(stats.cen)
        XCTAssertNotEqual(cen, 0, "the half-height crossings are expected to leave rounding noise")
        XCTAssertLessThan(abs(cen), 1e-12)
        XCTAssertEqual(view.statsText(stats), "max (0, 1)  min (-1, 0.606531)  cen 0  com 0  fwhm 1.32177")
        XCTAssertTrue(view.html.contains("<tr><td>(0, 1)</td><td>(-1, 0.606531)</td><td>0</td><td>0</td><td>1.32177</td></tr>"),
                      view.html)
        XCTAssertTrue(view.plainText.hasSuffix("cen 0  com 0  fwhm 1.32177"), view.plainText)
        XCTAssertNil(view.plainText.range(of: "e-1"), "a figure in full precision: \(view.plainText)")
        // The table's positions are rounded the same way.
        XCTAssertEqual(view.plainText.split(separator: "\n")[2], "12\t0.1\t0.995012")
    }

    func testAPausedRunShowsPausedInsteadOfTheETA() {
        let clock = ManualClock()
        let view = LiveRunView(title: "scan 2 · count", total: 100, xKey: nil, yKeys: ["det"], clock: { clock.now })
        clock.now = 10
        for i in 1...10 { view.add(sequence: i, values: ["det": 1]) }
        XCTAssertEqual(view.progressText, "10/100 points · ETA 1 min 30 s")

        view.pause()
        XCTAssertTrue(view.isPaused)
        XCTAssertEqual(view.progressText, "10/100 points · paused")
        XCTAssertTrue(view.html.contains("10/100 points · paused</div>"), view.html)
        XCTAssertEqual(view.plainText.split(separator: "\n").first, "scan 2 · count: 10/100 points · paused")
        clock.now = 500  // paused for a long time: no ETA, however long

        view.resume()
        XCTAssertFalse(view.isPaused)
        // The time spent paused is not part of the estimate.
        XCTAssertEqual(view.progressText, "10/100 points · ETA 1 min 30 s")
        clock.now = 510
        for i in 11...20 { view.add(sequence: i, values: ["det": 1]) }
        XCTAssertEqual(view.progressText, "20/100 points · ETA 1 min 20 s")

        view.pause()
        clock.now = 600
        view.finish(status: "abort", reason: "aborted by RE.abort()")
        XCTAssertFalse(view.isPaused)
        XCTAssertEqual(view.progressText, "20/100 points · abort (aborted by RE.abort()) in 20 s")
        view.pause()  // after the end: nothing to pause
        XCTAssertFalse(view.isPaused)
    }
}

/// The live view driven by the run engine in a kernel session: peak statistics at the end,
/// a pause shown at once, resume and abort finishing it.
final class LiveViewKernelTests: XCTestCase {
    let language = BeamtimeLanguage(store: MemoryRunEngineStore())

    private func run(_ code: String) -> (ExecuteOutcome, RecordingContext) {
        let context = RecordingContext()
        let outcome = language.execute(ExecuteRequest(code: code), context: context)
        return (outcome, context)
    }

    /// The header (first line of text/plain) of every display and update, in order.
    private func headers(_ context: RecordingContext) -> [String] {
        context.events.compactMap { event in
            guard event.hasPrefix("display:") || event.hasPrefix("update:") else { return nil }
            let text = event.drop { $0 != ":" }.dropFirst()
            return String(text.prefix { $0 != "\n" })
        }
    }

    private func pausedCount() -> [String] {
        let (outcome, context) = run("""
        def pause_after_three(name, doc):
            if name == 'event' and doc['seq_num'] == 3:
                RE.request_pause()
        token = RE.subscribe(pause_after_three)
        RE(count([det], num=10))
        """)
        XCTAssertEqual(outcome.error?.ename, "RunEngineInterrupted")
        _ = run("RE.unsubscribe(token)")
        return headers(context)
    }

    func testAScanEndsWithFormattedPeakStatistics() {
        let (outcome, context) = run("RE(scan([det], motor, -1, 1, 21))")
        XCTAssertNil(outcome.error)
        let last = context.events.last { $0.hasPrefix("update:") } ?? ""
        XCTAssertTrue(last.hasSuffix("\nmax (0, 1)  min (-1, 0.606531)  cen 0  com 0  fwhm 1.32177"), last)
    }

    func testPauseThenResume() {
        let paused = pausedCount()
        XCTAssertEqual(paused.last, "scan 1 · count: 3/10 points · paused", "\(paused)")
        XCTAssertFalse(paused.last?.contains("ETA") ?? true)
        XCTAssertEqual(run("RE.state").0.resultText, "'paused'")

        let (outcome, context) = run("RE.resume()")
        XCTAssertNil(outcome.error)
        let resumed = headers(context)
        XCTAssertTrue(resumed.last?.hasPrefix("scan 1 · count: 10/10 points · success in ") ?? false, "\(resumed)")
        XCTAssertFalse(resumed.contains { $0.contains("paused") }, "\(resumed)")
    }

    func testPauseThenAbort() {
        let paused = pausedCount()
        XCTAssertEqual(paused.last, "scan 1 · count: 3/10 points · paused", "\(paused)")
        let (outcome, context) = run("RE.abort()")
        XCTAssertNil(outcome.error)
        let aborted = headers(context)
        XCTAssertEqual(aborted.count, 1, "\(aborted)")
        XCTAssertTrue(aborted.last?.hasPrefix("scan 1 · count: 3/10 points · abort (aborted by RE.abort()) in ") ?? false,
                      "\(aborted)")
    }
}
