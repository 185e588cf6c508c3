import Script

/// The exception types the run engine raises into cells and plans.
public enum EngineExceptions {
    /// Raised by `RE(...)` when the run pauses (an interrupt, a `pause` message).
    public static let runEngineInterrupted = TypeObject(
        name: "RunEngineInterrupted", base: BuiltinTypes.exception,
        doc: "The RunEngine paused. RE.resume() continues, RE.stop() ends the run cleanly (success), RE.abort() ends it as aborted, RE.halt() stops without cleanup.",
        signature: "RunEngineInterrupted(*args)")
    /// Thrown into a paused plan by `RE.stop()` so its cleanup runs.
    public static let requestStop = TypeObject(
        name: "RequestStop", base: BuiltinTypes.baseException,
        doc: "Thrown into a plan by RE.stop(): clean up and end; the run ends with exit_status 'success'.",
        signature: "RequestStop(*args)")
    /// Thrown into a paused plan by `RE.abort()` so its cleanup runs.
    public static let requestAbort = TypeObject(
        name: "RequestAbort", base: BuiltinTypes.baseException,
        doc: "Thrown into a plan by RE.abort(): clean up and end; the run ends with exit_status 'abort'.",
        signature: "RequestAbort(*args)")
    /// A run engine used in the wrong state (e.g. `RE.resume()` when not paused).
    public static let transitionError = TypeObject(
        name: "TransitionError", base: BuiltinTypes.runtimeError,
        doc: "The RunEngine cannot do that in its current state (see RE.state).",
        signature: "TransitionError(*args)")

    /// The message bluesky prints when a run pauses.
    static let pausedMessage = """
    Your RunEngine is entering a paused state. These are your options for changing the state of the RunEngine:
    RE.resume()    Resume the plan.
    RE.abort()     Perform cleanup, then kill plan. Mark exit_status='abort'.
    RE.stop()      Perform cleanup, then kill plan. Mark exit_status='success'.
    RE.halt()      Emergency Stop: Do not perform cleanup --- just stop.
    """
}
