import JSON
import Jupyter

/// What the executor needs from a kernel: start it, run one cell's code while handing
/// over every iopub message of that request, ask for its info, and stop it. Two
/// implementations: a kernel launched from its kernelspec and reached over ZeroMQ
/// (`JupyterNotebookKernel`), and Beamtime's own kernel inside the executor's process.
public protocol NotebookKernel: AnyObject {
    /// Starts the kernel and waits until it answers; returns `kernel_info_reply` content.
    func start(timeout: Double) throws -> JSONObject
    /// Sends `execute_request` for `code` and returns its `execute_reply`. `onIOPub` sees
    /// each iopub message of the request in order, ending with the `idle` status.
    /// Throws `KernelFailure.timedOut` past `timeout` and `.died` if the kernel dies.
    func execute(_ code: String, stopOnError: Bool, timeout: Double?, onIOPub: (Message) -> Void) throws -> Message
    /// Stops the kernel (politely, then by force).
    func shutdown()
}

/// Why a kernel could not finish a cell or start.
public enum KernelFailure: Error, Equatable, CustomStringConvertible {
    /// The kernel process ended (status as `wait` reports it).
    case died(String)
    /// The cell ran past the execution timeout (seconds).
    case timedOut(Double)
    /// The kernel did not start or did not answer in time.
    case startFailed(String)

    /// What a scientist reads in the log and in the notebook.
    public var description: String {
        switch self {
        case .died(let reason): return "the kernel died while the cell was running (\(reason))"
        case .timedOut(let seconds): return "the cell did not finish within the execution timeout of \(formatSeconds(seconds)) s"
        case .startFailed(let reason): return "the kernel did not start: \(reason)"
        }
    }

    /// nbclient's exception name for the failure.
    public var exceptionName: String {
        switch self {
        case .died: return "DeadKernelError"
        case .timedOut: return "CellTimeoutError"
        case .startFailed: return "RuntimeError"
        }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
}
