import JSON

/// What the server should do after a control request.
public enum ControlAction: Equatable, Sendable {
    /// Keep serving.
    case none
    /// Interrupt the running cell.
    case interrupt
    /// Stop the process (the frontend restarts it when `restart` is true).
    case shutdown(restart: Bool)
}

/// The transport-free heart of the kernel: maps each request type to its handler, wraps
/// every request in `busy`/`idle` with the request as parent, sends outputs before the
/// reply, and aborts queued executions after a failure. Shell requests are handled on the
/// execution thread, control requests on the I/O thread.
public final class KernelCore {
    /// The language served.
    public let language: any KernelLanguage
    /// Makes headers for everything the kernel sends.
    public let factory: MessageFactory
    /// Where dropped or unknown messages are reported.
    public let log: any KernelLog
    /// Stored executions, for `history_request`.
    public private(set) var history = ExecutionHistory()

    /// A core serving `language`.
    public init(language: any KernelLanguage, factory: MessageFactory = MessageFactory(), log: any KernelLog = StandardErrorLog()) {
        self.language = language
        self.factory = factory
        self.log = log
    }

    /// Publishes `status: starting` (once, when the kernel comes up).
    public func announceStarting(via transport: any KernelTransport) {
        publishStatus("starting", parent: nil, via: transport)
    }

    // MARK: Shell

    /// Handles one shell request.
    public func handleShell(_ request: Message, via transport: any KernelTransport) {
        publishStatus("busy", parent: request, via: transport)
        defer { publishStatus("idle", parent: request, via: transport) }
        switch request.type {
        case "execute_request":
            abort(execute(request, via: transport), via: transport)
        case "kernel_info_request": reply(request, "kernel_info_reply", kernelInfoContent, on: .shell, via: transport)
        case "complete_request": reply(request, "complete_reply", complete(request.content), on: .shell, via: transport)
        case "inspect_request": reply(request, "inspect_reply", inspect(request.content), on: .shell, via: transport)
        case "is_complete_request": reply(request, "is_complete_reply", isComplete(request.content), on: .shell, via: transport)
        case "history_request":
            reply(request, "history_reply", ["status": "ok", "history": .array(history.reply(to: request.content))],
                  on: .shell, via: transport)
        case "comm_info_request": reply(request, "comm_info_reply", ["status": "ok", "comms": [:]], on: .shell, via: transport)
        case "comm_open":
            // No comm targets are registered: close the comm so the frontend does not wait.
            var close = factory.message("comm_close", content: ["comm_id": request.content["comm_id"] ?? "", "data": [:]],
                                        parent: request)
            close.identities = [Array("comm_close".utf8)]
            transport.send(close, on: .iopub)
        case "comm_msg", "comm_close": break
        case "shutdown_request", "interrupt_request":
            _ = handleControlRequest(request, on: .shell, via: transport)
        default: unknown(request, on: .shell, via: transport)
        }
    }

    // MARK: Control

    /// Handles one control request and says what the server must do next.
    public func handleControl(_ request: Message, via transport: any KernelTransport) -> ControlAction {
        publishStatus("busy", parent: request, via: transport)
        defer { publishStatus("idle", parent: request, via: transport) }
        return handleControlRequest(request, on: .control, via: transport)
    }

    private func handleControlRequest(_ request: Message, on channel: Channel, via transport: any KernelTransport) -> ControlAction {
        switch request.type {
        case "kernel_info_request":
            reply(request, "kernel_info_reply", kernelInfoContent, on: channel, via: transport)
        case "interrupt_request":
            language.interrupt()
            reply(request, "interrupt_reply", ["status": "ok"], on: channel, via: transport)
            return .interrupt
        case "shutdown_request":
            let restart = request.content["restart"]?.bool ?? false
            reply(request, "shutdown_reply", ["status": "ok", "restart": .bool(restart)], on: channel, via: transport)
            return .shutdown(restart: restart)
        default:
            unknown(request, on: channel, via: transport)
        }
        return .none
    }

    // MARK: Handlers

    /// Runs an execute request. When it fails with `stop_on_error`, the requests already
    /// queued behind it are taken before the reply goes out (a request sent after the
    /// client saw the error must run) and returned for aborting.
    private func execute(_ request: Message, via transport: any KernelTransport) -> [Message] {
        let content = request.content
        guard let code = content["code"]?.string else {
            let error = KernelError(ename: "ValueError", evalue: "execute_request has no string 'code'", traceback: [])
            var body = error.content
            body["status"] = "error"
            body["execution_count"] = .int(language.executionCount)
            reply(request, "execute_reply", body, on: .shell, via: transport)
            return []
        }
        let expressions = (content["user_expressions"]?.object ?? JSONObject()).compactMap { member -> (String, String)? in
            member.value.string.map { (member.key, $0) }
        }
        let executeRequest = ExecuteRequest(
            code: code, silent: content["silent"]?.bool ?? false, storeHistory: content["store_history"]?.bool ?? true,
            userExpressions: expressions, allowStdin: content["allow_stdin"]?.bool ?? false,
            stopOnError: content["stop_on_error"]?.bool ?? true)
        let language = self.language
        language.willExecute()
        let context = IOPubContext(transport: transport, factory: factory, parent: request,
                                   allowStdin: executeRequest.allowStdin, silent: executeRequest.silent,
                                   interrupted: { language.interruptPending })
        let started = MessageFactory.timestamp()
        context.publish("execute_input", ["code": .string(code),
                                          "execution_count": .int(language.executionCount + (executeRequest.storeHistory ? 1 : 0))])
        transport.flush()
        let outcome = language.execute(executeRequest, context: context)
        context.flush()
        if executeRequest.storeHistory {
            history.record(line: outcome.executionCount, input: code, output: outcome.resultText)
        }
        var body: JSONObject
        if let error = outcome.error {
            context.publish("error", error.content)
            body = ["status": "error"]
            for member in error.content { body[member.key] = member.value }
        } else {
            body = ["status": "ok", "payload": .array(outcome.payloads.map { .object($0) }),
                    "user_expressions": .object(outcome.userExpressions)]
        }
        body["execution_count"] = .int(outcome.executionCount)
        let status = outcome.error == nil ? "ok" : "error"
        let queued = outcome.error != nil && executeRequest.stopOnError ? transport.takeQueuedShellRequests() : []
        reply(request, "execute_reply", body, metadata: ["started": .string(started), "dependencies_met": true,
                                                          "status": .string(status)], on: .shell, via: transport)
        return queued
    }

    /// Answers the executions queued behind a failed one without running them, with an
    /// error reply (the form the 5.1+ protocol asks for instead of the old "aborted").
    private func abort(_ requests: [Message], via transport: any KernelTransport) {
        for queued in requests {
            guard queued.type == "execute_request" else {
                handleShell(queued, via: transport)
                continue
            }
            publishStatus("busy", parent: queued, via: transport)
            let error = KernelError(ename: "ExecutionAborted",
                                    evalue: "not run: an earlier cell failed and stop_on_error was set", traceback: [])
            var body: JSONObject = ["status": "error"]
            for member in error.content { body[member.key] = member.value }
            body["execution_count"] = .int(language.executionCount)
            reply(queued, "execute_reply", body, metadata: ["status": "aborted"], on: .shell, via: transport)
            publishStatus("idle", parent: queued, via: transport)
        }
    }

    private var kernelInfoContent: JSONObject {
        let info = language.info
        return [
            "status": "ok",
            "protocol_version": .string(jupyterProtocolVersion),
            "implementation": .string(info.implementation),
            "implementation_version": .string(info.implementationVersion),
            "language_info": .object(info.languageInfo),
            "banner": .string(info.banner),
            "help_links": .array(info.helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
        ]
    }

    private func complete(_ content: JSONObject) -> JSONObject {
        let code = content["code"]?.string ?? ""
        let cursor = content["cursor_pos"]?.int ?? code.unicodeScalars.count
        let result = language.complete(code: code, cursor: cursor)
        return ["status": "ok", "matches": .array(result.matches.map { .string($0) }),
                "cursor_start": .int(result.cursorStart), "cursor_end": .int(result.cursorEnd), "metadata": [:]]
    }

    private func inspect(_ content: JSONObject) -> JSONObject {
        let code = content["code"]?.string ?? ""
        let cursor = content["cursor_pos"]?.int ?? code.unicodeScalars.count
        let data = language.inspect(code: code, cursor: cursor, detailLevel: content["detail_level"]?.int ?? 0)
        return ["status": "ok", "found": .bool(data != nil), "data": .object(data ?? JSONObject()), "metadata": [:]]
    }

    private func isComplete(_ content: JSONObject) -> JSONObject {
        switch language.isComplete(code: content["code"]?.string ?? "") {
        case .complete: return ["status": "complete"]
        case .incomplete(let indent): return ["status": "incomplete", "indent": .string(indent)]
        case .invalid: return ["status": "invalid"]
        case .unknown: return ["status": "unknown"]
        }
    }

    /// Unknown requests get an error reply of the matching type; other unknown messages
    /// are only logged.
    private func unknown(_ request: Message, on channel: Channel, via transport: any KernelTransport) {
        log.warning("unknown message type '\(request.type)' on \(channel.rawValue)")
        guard request.type.hasSuffix("_request") else { return }
        let replyType = String(request.type.dropLast("_request".count)) + "_reply"
        let error = KernelError(ename: "NotImplementedError", evalue: "unknown message type '\(request.type)'", traceback: [])
        var body: JSONObject = ["status": "error"]
        for member in error.content { body[member.key] = member.value }
        reply(request, replyType, body, on: channel, via: transport)
    }

    // MARK: Sending

    private func reply(_ request: Message, _ type: String, _ content: JSONObject, metadata: JSONObject = JSONObject(),
                       on channel: Channel, via transport: any KernelTransport) {
        let message = factory.message(type, content: content, parent: request, metadata: metadata,
                                      identities: request.identities)
        transport.send(message, on: channel)
    }

    private func publishStatus(_ state: String, parent: Message?, via transport: any KernelTransport) {
        var message = factory.message("status", content: ["execution_state": .string(state)], parent: parent)
        message.identities = [Array("status".utf8)]
        transport.send(message, on: .iopub)
    }
}
