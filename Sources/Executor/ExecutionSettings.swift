import JSON

/// How one notebook is executed: papermill's `execute_notebook` arguments.
public struct ExecutionSettings {
    /// Where the notebook came from (`-` for standard input), recorded in the metadata.
    public var inputPath: String
    /// Where the executed notebook goes (`-` for standard output), recorded in the metadata.
    public var outputPath: String
    /// Parameter values to inject, in order.
    public var parameters: [(String, JSONValue)] = []
    /// The kernelspec to run; nil takes the notebook's own.
    public var kernelName: String?
    /// Parametrise and save without executing (`--prepare-only`).
    public var prepareOnly = false
    /// Hide code inputs (`--report-mode`).
    public var reportMode = false
    /// Seconds a cell may run before it fails (`--execution-timeout`); nil waits forever.
    public var executionTimeout: Double?
    /// Seconds the kernel may take to start (`--start-timeout`).
    public var startTimeout: Double = 60
    /// Save after every cell (`--request-save-on-cell-execute`).
    public var saveOnCellExecute = true
    /// Seconds between saves while one long cell runs (`--autosave-cell-every`; 0: never).
    public var autosaveEvery: Double = 30

    /// Settings for `input` → `output`.
    public init(inputPath: String, outputPath: String) {
        self.inputPath = inputPath
        self.outputPath = outputPath
    }
}

/// How an execution ended.
public enum ExecutionOutcome: Equatable {
    /// Every cell ran.
    case completed
    /// The notebook was parametrised and saved without running (`--prepare-only`).
    case prepared
    /// A cell raised: its index in the saved notebook (after the marker cells), the
    /// exception's name and value.
    case cellFailed(cellIndex: Int, ename: String, evalue: String)
    /// The kernel died, timed out or never started.
    case kernelFailed(KernelFailure)

    /// papermill's exit status: 0, 138 for a dead kernel, 1 for anything else that failed.
    public var exitStatus: Int32 {
        switch self {
        case .completed, .prepared: return 0
        case .kernelFailed(.died): return 138
        case .cellFailed, .kernelFailed: return 1
        }
    }
}

/// Sees an execution as it goes: for the progress bar and `--log-output`.
public protocol ExecutionObserver: AnyObject {
    /// Execution of `cellCount` cells begins.
    func notebookStarted(cellCount: Int)
    /// Cell `index` (0-based) begins.
    func cellStarted(index: Int, source: String)
    /// A cell produced `output` (an nbformat output).
    func produced(_ output: JSONObject)
    /// Cell `index` ended.
    func cellFinished(index: Int)
    /// Something the user should know that is not an error.
    func warning(_ text: String)
    /// Execution ended.
    func notebookFinished()
}
