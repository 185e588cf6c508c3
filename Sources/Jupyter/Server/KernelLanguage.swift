import JSON

/// What a language implements to be served as a Jupyter kernel (the xeus "interpreter"
/// seam). The server does the protocol; the language runs code and answers editor queries.
/// `execute`, `complete`, `inspect` and `isComplete` are called on the execution thread,
/// `interrupt` from the control thread.
public protocol KernelLanguage: AnyObject {
    /// The static parts of `kernel_info_reply`.
    var info: KernelInfo { get }
    /// The number of the last execution stored in history (`In[n]`).
    var executionCount: Int { get }
    /// Runs a cell, publishing its outputs through `context`.
    func execute(_ request: ExecuteRequest, context: any ExecutionContext) -> ExecuteOutcome
    /// Completion candidates at `cursor` (a code-point offset).
    func complete(code: String, cursor: Int) -> CompletionMatches
    /// What to show for the name at `cursor`; nil when nothing is found.
    func inspect(code: String, cursor: Int, detailLevel: Int) -> JSONObject?
    /// Whether `code` is ready to run, needs more lines (with an indent) or cannot run.
    func isComplete(code: String) -> CodeCompleteness
    /// Interrupts the running cell (or a pending `input()`); called from another thread.
    func interrupt()
    /// Whether an interrupt is waiting to be handled (checked while `input()` waits).
    var interruptPending: Bool { get }
    /// Called once on the execution thread as the kernel starts, while the sockets are
    /// already answering: load heavy state here (it overlaps with the client connecting).
    func start()
    /// Called before an execute request is announced: forget interrupts that arrived
    /// while the kernel was idle, so they do not hit this cell.
    func willExecute()
}

/// The `kernel_info_reply` content the language provides.
public struct KernelInfo: Sendable {
    /// `implementation`, e.g. "beamtime".
    public var implementation: String
    /// `implementation_version`.
    public var implementationVersion: String
    /// `language_info` as sent.
    public var languageInfo: JSONObject
    /// The banner shown by consoles.
    public var banner: String
    /// `help_links`: text and URL pairs.
    public var helpLinks: [(text: String, url: String)]

    /// Kernel information from its parts.
    public init(implementation: String, implementationVersion: String, languageInfo: JSONObject, banner: String,
                helpLinks: [(text: String, url: String)] = []) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.languageInfo = languageInfo
        self.banner = banner
        self.helpLinks = helpLinks
    }
}

/// An `execute_request` as the language sees it.
public struct ExecuteRequest: Sendable {
    /// The code.
    public var code: String
    /// When set, publish nothing and do not count the execution.
    public var silent: Bool
    /// Whether to record the cell in history and advance the execution count.
    public var storeHistory: Bool
    /// Expressions to evaluate after the code, by name.
    public var userExpressions: [(name: String, code: String)]
    /// Whether `input()` may ask the frontend.
    public var allowStdin: Bool
    /// Whether an error aborts queued executions.
    public var stopOnError: Bool

    /// A request from its parts.
    public init(code: String, silent: Bool = false, storeHistory: Bool = true,
                userExpressions: [(name: String, code: String)] = [], allowStdin: Bool = false,
                stopOnError: Bool = true) {
        self.code = code
        self.silent = silent
        self.storeHistory = storeHistory && !silent
        self.userExpressions = userExpressions
        self.allowStdin = allowStdin
        self.stopOnError = stopOnError
    }
}

/// How an execution ended.
public struct ExecuteOutcome: Sendable {
    /// The execution count to report.
    public var executionCount: Int
    /// nil on success; otherwise the error, which the server publishes on iopub.
    public var error: KernelError?
    /// Payloads, e.g. a pager page: `{"source": "page", "data": {...}, "start": 0}`.
    public var payloads: [JSONObject]
    /// Results of `user_expressions`, by name.
    public var userExpressions: JSONObject
    /// The `text/plain` of the cell's result, kept for history with output.
    public var resultText: String?

    /// An outcome from its parts.
    public init(executionCount: Int, error: KernelError? = nil, payloads: [JSONObject] = [],
                userExpressions: JSONObject = JSONObject(), resultText: String? = nil) {
        self.executionCount = executionCount
        self.error = error
        self.payloads = payloads
        self.userExpressions = userExpressions
        self.resultText = resultText
    }
}

/// An error as the protocol carries it.
public struct KernelError: Error, Sendable, Equatable {
    /// The exception's name.
    public var ename: String
    /// Its message.
    public var evalue: String
    /// Traceback lines (may contain ANSI colour).
    public var traceback: [String]

    /// An error from its parts.
    public init(ename: String, evalue: String, traceback: [String]) {
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback
    }

    /// The error fields of a reply or an iopub `error` message.
    public var content: JSONObject {
        ["ename": .string(ename), "evalue": .string(evalue), "traceback": .array(traceback.map { .string($0) })]
    }
}

/// Completion candidates and the span they replace.
public struct CompletionMatches: Sendable, Equatable {
    /// The candidates.
    public var matches: [String]
    /// Start of the replaced text (code points).
    public var cursorStart: Int
    /// End of the replaced text (code points).
    public var cursorEnd: Int

    /// Matches from their parts.
    public init(matches: [String], cursorStart: Int, cursorEnd: Int) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
    }
}

/// The answer to `is_complete_request`.
public enum CodeCompleteness: Sendable, Equatable {
    /// Ready to run.
    case complete
    /// Needs more lines; the indent for the next one.
    case incomplete(indent: String)
    /// Cannot run whatever follows.
    case invalid
    /// The language cannot tell.
    case unknown
}
