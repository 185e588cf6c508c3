import Jupyter
import Script

/// The interpreter's output sink inside the kernel: `print` text goes to the current
/// request's stdout/stderr stream; outside a request it is discarded.
final class KernelOutput: OutputSink {
    /// The request being served, if any.
    weak var context: (any ExecutionContext)?

    func write(_ text: String, stderr: Bool) {
        context?.stream(stderr ? .stderr : .stdout, text)
    }
}
