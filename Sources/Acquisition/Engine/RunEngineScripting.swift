import JSON
import Script

extension RunEngine: ScriptObject {
    public var typeName: String { "RunEngine" }
    public var signature: String? { "RE(plan, **metadata)" }
    public var docstring: String? {
        """
        The run engine, as bluesky's RunEngine: RE(plan, **metadata) runs a plan and returns the uids of its runs.
        RE.md holds metadata added to every run (scan_id keeps increasing across sessions).
        RE.subscribe(fn) calls fn(name, doc) for every document and returns a token for RE.unsubscribe(token).
        An interrupt (the stop button, Ctrl-C) pauses at the next checkpoint (twice: at once); then
        RE.resume() continues, RE.stop() ends cleanly (success), RE.abort(reason) ends as aborted,
        RE.halt() stops without cleanup. RE.state is 'idle', 'running' or 'paused'.
        """
    }
    public var attributeNames: [String] {
        ["abort", "commands", "halt", "md", "pause", "register_command", "request_pause", "resume", "state", "stop", "subscribe",
         "unsubscribe"]
    }
    public func repr(_ interpreter: Interpreter) throws -> String { "<RunEngine state='\(state.rawValue)'>" }

    /// The engine's state, the next scan id and its persistent metadata, as a small table.
    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        var rows = "<tr><td>state</td><td>\(state.rawValue)</td></tr>"
        for (key, value) in md.entries {
            let name = (try? interpreter.str(key)) ?? "?"
            let text = (try? interpreter.repr(value)) ?? "?"
            rows += "<tr><td>\(DeviceAttributes.escape(name))</td><td>\(DeviceAttributes.escape(text))</td></tr>"
        }
        return ["text/html": "<b>RunEngine</b><table>\(rows)</table>", "text/plain": try repr(interpreter)]
    }

    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard arguments.positional.count == 1 else {
            throw ScriptError.typeError("RE() takes one plan (a generator such as scan([det], motor, -1, 1, 11)), then metadata as keywords")
        }
        let plan = try coroutine(arguments.positional[0], interpreter)
        var metadata = JSONObject()
        for (name, value) in arguments.keywords { metadata[name] = try ValueJSON.json(value, interpreter) }
        return uidsValue(try run(plan, metadata: metadata))
    }

    /// A plan argument as a coroutine: a generator, a Swift plan, or any iterable of Msgs.
    private func coroutine(_ value: Value, _ interpreter: Interpreter) throws -> any Coroutine {
        if case .object(let o) = value, let c = o as? any Coroutine { return c }
        if case .object(let o) = value, o is PlanMessage { return IterablePlan(try interpreter.iterator(.list(ListObject([value]))), interpreter) }
        do { return IterablePlan(try interpreter.iterator(value), interpreter) } catch {
            throw ScriptError.typeError("RE() needs a plan (a generator of Msg objects), not \(value.typeName)")
        }
    }

    private func uidsValue(_ uids: [String]) -> Value { .tuple(uids.map { .str($0) }) }

    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "md": return .dict(md)
        case "state": return .str(state.rawValue)
        case "resume": return method(name, "resume()", "Continue a paused plan; returns the run uids.") { _ in self.uidsValue(try self.resume()) }
        case "stop": return method(name, "stop()", "End the paused run cleanly: cleanup runs and exit_status is 'success'.") { _ in
            self.uidsValue(try self.stop())
        }
        case "abort": return method(name, "abort(reason='')", "End the paused run as aborted (exit_status 'abort'), after cleanup.") { args in
            let reason = try args.positional.first.map { try interpreter.str($0) } ?? args.keyword("reason").map { try interpreter.str($0) } ?? ""
            return self.uidsValue(try self.abort(reason: reason))
        }
        case "halt": return method(name, "halt()", "Emergency stop: end the paused run at once, without cleanup (exit_status 'abort').") { _ in
            self.uidsValue(try self.halt())
        }
        case "pause", "request_pause":
            return method(name, "\(name)(defer=True)", "Ask the running plan to pause at its next checkpoint (defer=False: at once).") { args in
                let deferred = try args.keyword("defer").map { try interpreter.truthy($0) } ?? true
                self.requestPause(now: !deferred)
                return .none
            }
        case "subscribe":
            return method(name, "subscribe(func)", "Call func(name, doc) for every document; returns a token for unsubscribe.") { args in
                guard let function = args.positional.first, args.positional.count == 1 else {
                    throw ScriptError.typeError("subscribe() takes one function func(name, doc)")
                }
                return .int(self.subscribe(.script(function)))
            }
        case "register_command":
            return method(name, "register_command(name, func)",
                          "Teach the engine a new command: func(msg) runs for every Msg(name, ...) a plan yields; its result is sent back to the plan.") { args in
                guard args.positional.count == 2, case .str(let command) = args.positional[0] else {
                    throw ScriptError.typeError("register_command() takes a command name and a function func(msg)")
                }
                let function = args.positional[1]
                self.register(command) { message, engine in try engine.interpreter.call(function, .object(message)) }
                return .none
            }
        case "commands":
            return .list(ListObject(self.commands.keys.sorted().map { .str($0) }))
        case "unsubscribe":
            return method(name, "unsubscribe(token)", "Stop calling the subscriber with this token.") { args in
                guard case .int(let token)? = args.positional.first else { throw ScriptError.typeError("unsubscribe() takes the token subscribe() returned") }
                if !self.unsubscribe(token) { throw ScriptError.valueError("no subscriber with token \(token)") }
                return .none
            }
        default: return nil
        }
    }

    private func method(_ name: String, _ signature: String, _ doc: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .object(BuiltinFunction(name, signature: signature, doc: doc) { args, _ in try body(args) })
    }
}

/// Drives any iterable of Msgs as a plan (no values are sent back into it).
final class IterablePlan: Coroutine {
    private let iterator: any ValueIterator
    private unowned let interpreter: Interpreter
    var returnValue: Value = .none

    init(_ iterator: any ValueIterator, _ interpreter: Interpreter) {
        self.iterator = iterator
        self.interpreter = interpreter
    }

    var typeName: String { "plan" }
    func send(_ value: Value) throws -> Value? { try iterator.next(interpreter) }
    func throwInto(_ exception: ExceptionObject) throws -> Value? { throw ScriptError(exception) }
    func close() throws {}
}
