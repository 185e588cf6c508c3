import Acquisition
import Jupyter
import JSON
import Script

/// The cell language served as a Jupyter kernel: one `Session` whose names persist across
/// cells, with the kernel's display functions, `input()` over stdin and `help()` in the pager.
public final class BeamtimeLanguage: KernelLanguage {
    /// The session running the cells.
    public let session: Session
    private let output = KernelOutput()
    private weak var context: (any ExecutionContext)?
    private var pages: [String] = []

    /// IPython's exception for `input()` when the frontend does not accept input.
    static let stdinNotImplemented = TypeObject(
        name: "StdinNotImplementedError", base: BuiltinTypes.runtimeError,
        doc: "input() was called, but this frontend does not support input requests.",
        signature: "StdinNotImplementedError(*args)")

    /// The simulated beamline bound into the session (devices, `RE`, plans), if it loaded.
    public private(set) var beamline: BeamlineNamespace?
    /// Why the beamline did not load, if it did not (shown by `kernel_info`'s banner).
    public private(set) var beamlineError: String?

    /// A language around a fresh session (tracebacks coloured for the notebook), with the
    /// simulated beamline and the catalogue in `home` (`$BEAMTIME_HOME`); with `store`
    /// instead, runs are numbered from it and not stored (tests); `beamline: false` binds
    /// no beamline at all.
    public init(session: Session? = nil, home: String? = BeamtimeHome.path, store: RunEngineStore? = nil, beamline: Bool = true) {
        let session = session ?? Session(colourTracebacks: true)
        self.session = session
        let interpreter = session.interpreter
        interpreter.output = output
        interpreter.inputProvider = { [weak self] prompt in try self?.readInput(prompt) ?? "" }
        interpreter.pagerHook = { [weak self] text in self?.pages.append(text) }
        interpreter.periodicHook = { [weak self] in self?.context?.flushIfDue() }
        DisplayBindings.install(into: interpreter) { [weak self] in self?.context }
        GlueBinding.install(into: interpreter) { [weak self] in self?.context }
        pending = beamline ? (home, store) : nil
    }

    private var pending: (home: String?, store: RunEngineStore?)?
    private var setup: BeamlineSetup?

    /// Binds the simulated beamline (compiling the plans takes a few milliseconds, so the
    /// kernel does it on its execution thread while clients connect).
    public func start() {
        guard let (home, store) = pending else { return }
        pending = nil
        do {
            let setup = try BeamlineSetup(session: session, home: home, store: store)
            self.setup = setup
            let beamline = setup.namespace
            self.beamline = beamline
            let feedback = LiveFeedback(interpreter: session.interpreter)
            liveFeedback = feedback
            beamline.engine.subscribe(.native { try feedback.receive($0) })
            beamline.engine.addStateHook { new, _ in feedback.engineState(new) }
        } catch {
            beamlineError = "\(error)"
        }
    }

    /// The live view of runs in the cell (nil without the beamline).
    private(set) var liveFeedback: LiveFeedback?

    public var executionCount: Int { session.executionCount }

    public var info: KernelInfo {
        KernelInfo(
            implementation: "beamtime", implementationVersion: BeamtimeVersion.string,
            languageInfo: [
                "name": "python", "version": "3.11", "mimetype": "text/x-python", "file_extension": ".py",
                "pygments_lexer": "ipython3", "codemirror_mode": ["name": "ipython", "version": 3],
                "nbconvert_exporter": "python",
            ],
            banner: """
            Beamtime \(BeamtimeVersion.string): the Beamtime cell language, a subset of Python 3.11 syntax \
            for beamline experiments and analysis. Type help() for help.
            """ + (beamlineError.map { "\nThe simulated beamline did not load: \($0)" } ?? ""),
            helpLinks: [("Beamtime cell language", "https://github.com/beamtime/beamtime#the-cell-language")])
    }

    public func execute(_ request: ExecuteRequest, context: any ExecutionContext) -> ExecuteOutcome {
        start()
        self.context = context
        output.context = context
        pages.removeAll()
        defer {
            self.context = nil
            output.context = nil
        }
        let interpreter = session.interpreter
        var code = request.code
        if let target = HelpSyntax.target(of: code) { code = "help(\(target))" }
        let result = session.execute(code, storeHistory: request.storeHistory)
        var outcome = ExecuteOutcome(executionCount: session.executionCount)
        if let failure = result.failure {
            outcome.error = KernelError(ename: failure.ename, evalue: failure.evalue, traceback: failure.traceback)
            return outcome
        }
        if let value = result.value, !request.silent {
            do {
                let bundle = try MimeBundles.bundle(for: value, interpreter: interpreter)
                context.executeResult(bundle, metadata: JSONObject(), executionCount: session.executionCount)
                outcome.resultText = bundle["text/plain"]?.string
            } catch let error as ScriptError {
                let failure = session.failure(for: error.exception)
                outcome.error = KernelError(ename: failure.ename, evalue: failure.evalue, traceback: failure.traceback)
                return outcome
            } catch {
                outcome.error = KernelError(ename: "SystemError", evalue: "\(error)", traceback: ["\(error)"])
                return outcome
            }
        }
        outcome.payloads = pages.map { ["source": "page", "data": ["text/plain": .string($0)], "start": 0] }
        outcome.userExpressions = evaluate(request.userExpressions)
        return outcome
    }

    private func readInput(_ prompt: String) throws -> String {
        guard let context else {
            throw ScriptError(BeamtimeLanguage.stdinNotImplemented, "input() is not available outside a running cell")
        }
        let interrupt = session.interpreter.interrupt
        if interrupt.take() { throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: [])) }
        do {
            return try context.input(prompt: prompt, password: false)
        } catch InputError.notAllowed {
            throw ScriptError(BeamtimeLanguage.stdinNotImplemented,
                              "input() was called, but this frontend does not support input requests.")
        } catch {
            _ = interrupt.take()
            throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
        }
    }

    private func evaluate(_ expressions: [(name: String, code: String)]) -> JSONObject {
        var results = JSONObject()
        for (name, code) in expressions {
            let result = session.evaluate(code)
            if let failure = result.failure {
                var error = KernelError(ename: failure.ename, evalue: failure.evalue, traceback: failure.traceback).content
                error["status"] = "error"
                results[name] = .object(error)
            } else {
                let bundle = (try? MimeBundles.bundle(for: result.value ?? .none, interpreter: session.interpreter))
                    ?? ["text/plain": "None"]
                results[name] = ["status": "ok", "data": .object(bundle), "metadata": [:]]
            }
        }
        return results
    }

    public func complete(code: String, cursor: Int) -> CompletionMatches {
        start()
        let result = session.complete(code, cursor: cursor)
        return CompletionMatches(matches: result.matches, cursorStart: result.cursorStart, cursorEnd: result.cursorEnd)
    }

    public func inspect(code: String, cursor: Int, detailLevel: Int) -> JSONObject? {
        start()
        guard let result = session.inspect(code, cursor: cursor) else { return nil }
        return ["text/plain": .string(result.text)]
    }

    public func isComplete(code: String) -> CodeCompleteness {
        switch Session.isComplete(code) {
        case .complete: return .complete
        case .incomplete(let indent): return .incomplete(indent: indent)
        case .invalid: return .invalid
        }
    }

    public func interrupt() {
        session.interpreter.interrupt.set()
    }

    public var interruptPending: Bool { session.interpreter.interrupt.isSet }

    public func willExecute() {
        _ = session.interpreter.interrupt.take()
    }
}
