import Executor
import Glibc
import JSON
import Platform

/// What `beamtime execute` shows while it runs: papermill's warnings, a tqdm-style
/// progress bar on a terminal (`Executing: 40%|████      | 2/5 [00:01<00:01, 1.9cell/s]`),
/// `--log-output`'s cell markers and outputs, and `--stdout-file`/`--stderr-file` copies
/// of the streams.
final class ExecutionProgress: ExecutionObserver {
    private let showBar: Bool
    private let logOutput: Bool
    private let stdoutFile: Int32?
    private let stderrFile: Int32?
    private var total = 0
    private var done = 0
    private var started = 0.0
    private var description = "Executing"

    init(showBar: Bool, logOutput: Bool, stdoutFile: Int32?, stderrFile: Int32?) {
        self.showBar = showBar
        self.logOutput = logOutput
        self.stdoutFile = stdoutFile
        self.stderrFile = stderrFile
    }

    func notebookStarted(cellCount: Int) {
        total = cellCount
        started = Monotonic.now()
        drawBar()
    }

    func cellStarted(index: Int, source: String) {
        if logOutput { log("Executing Cell \(pad(String(index + 1), 40, "-"))") }
        if let range = source.firstRange(of: "papermill_description=") {
            description = "Executing " + String(source[range.upperBound...].prefix { !$0.isWhitespace })
        }
        drawBar()
    }

    func produced(_ output: JSONObject) {
        let type = output["output_type"]?.string
        if type == "stream" {
            let text = output["text"]?.string ?? ""
            let toError = output["name"]?.string == "stderr"
            if logOutput { log(text) }
            if let fd = toError ? stderrFile : stdoutFile { write(fd, text) }
        } else if logOutput, let text = output["data"]?.object?["text/plain"]?.string {
            log(text)
        }
    }

    func cellFinished(index: Int) {
        if logOutput { log("Ending Cell \(pad(String(index + 1), 43, "-"))") }
        done += 1
        drawBar()
    }

    func warning(_ text: String) { log(text) }

    func notebookFinished() {
        guard showBar, total > 0 else { return }
        done = max(done, 0)
        drawBar()
        StandardStreams.error("\n")
    }

    private func log(_ text: String) {
        if showBar { StandardStreams.error("\r\u{1B}[K") }
        StandardStreams.error(text.hasSuffix("\n") ? text : text + "\n")
        drawBar()
    }

    private func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    private func pad(_ s: String, _ width: Int, _ fill: Character) -> String {
        s + String(repeating: fill, count: max(0, width - s.count))
    }

    /// tqdm's layout: description, percentage, a ten-cell bar, count, elapsed<remaining, rate.
    private func drawBar() {
        guard showBar, total > 0 else { return }
        let elapsed = Monotonic.now() - started
        let fraction = Double(done) / Double(total)
        let filled = Int(fraction * 10)
        let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: 10 - filled)
        let rate = elapsed > 0 && done > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let rateText = rate > 0 ? (rate >= 1 ? "\(round1(rate))cell/s" : "\(round1(1 / rate))s/cell") : "?cell/s"
        StandardStreams.error("\r\(description): \(Int(fraction * 100))%|\(bar)| \(done)/\(total) [\(clock(elapsed))<\(clock(remaining)), \(rateText)]")
    }

    private func round1(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }

    private func clock(_ seconds: Double) -> String {
        let s = Int(seconds)
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(two(s / 60)):\(two(s % 60))"
    }
}
