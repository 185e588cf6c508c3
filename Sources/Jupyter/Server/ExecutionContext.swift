import JSON

/// What a running cell can do through the kernel: publish outputs on iopub and ask the
/// frontend for input on stdin. All of it is attributed to the current request.
public protocol ExecutionContext: AnyObject {
    /// Appends text to the cell's `stdout` or `stderr` stream (buffered, flushed in order).
    func stream(_ name: StreamName, _ text: String)
    /// Sends stream text buffered longer than the flush interval (call it often; cheap).
    func flushIfDue()
    /// Shows a mime bundle; with `displayID` it can be updated later.
    func display(_ data: JSONObject, metadata: JSONObject, displayID: String?)
    /// Replaces the output shown under `displayID` wherever it is displayed.
    func updateDisplay(_ data: JSONObject, metadata: JSONObject, displayID: String)
    /// Clears the cell's output (at once, or with `wait` when the next output arrives).
    func clearOutput(wait: Bool)
    /// Publishes the cell's result.
    func executeResult(_ data: JSONObject, metadata: JSONObject, executionCount: Int)
    /// Asks the frontend for a line of input. Throws when stdin is not allowed or the wait
    /// is interrupted.
    func input(prompt: String, password: Bool) throws -> String
}

/// The two output streams.
public enum StreamName: String, Sendable {
    case stdout
    case stderr
}

/// Why `input()` could not get a line.
public enum InputError: Error, Equatable {
    /// The request did not allow stdin (`allow_stdin` false).
    case notAllowed
    /// The kernel was interrupted while waiting.
    case interrupted
    /// The kernel is shutting down.
    case shuttingDown
}
