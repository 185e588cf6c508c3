import Documents
import JSON
import Script
import Platform

extension RunEngine {
    /// Registers bluesky's core commands.
    func registerStandardCommands() {
        register("open_run") { m, re in try re.openRun(m) }
        register("close_run") { m, re in try re.closeRun(m) }
        register("create") { m, re in
            guard let bundler = re.bundler else { throw EngineError.protocolViolation("'create' outside a run (no open_run)") }
            let stream = m.keyword("name").flatMap { if case .str(let s) = $0 { s } else { nil } }
                ?? m.args.first.flatMap { if case .str(let s) = $0 { s } else { nil } } ?? "primary"
            try bundler.create(stream)
            return .none
        }
        register("read") { m, re in
            guard let device = m.device else { throw ScriptError.typeError("'read' needs a device, got \(try re.interpreter.repr(m.object))") }
            let readings = try device.read()
            for var document in device.collectAssetDocuments() {
                if document.name == .resource, let run = re.bundler?.composer.uid { document.body["run_start"] = .string(run) }
                try re.emit(document)
            }
            re.bundler?.add(device, readings)
            return .dict(DeviceAttributes.readingsDict(readings))
        }
        register("save") { _, re in
            guard let bundler = re.bundler else { throw EngineError.protocolViolation("'save' outside a run") }
            for document in try bundler.save() { try re.emit(document) }
            return .none
        }
        register("drop") { _, re in
            guard let bundler = re.bundler else { throw EngineError.protocolViolation("'drop' outside a run") }
            try bundler.drop()
            return .none
        }
        register("set") { m, re in
            guard case .object(let o) = m.object, let movable = o as? any Movable else {
                throw ScriptError.typeError("'set' needs a movable device, got \(try re.interpreter.repr(m.object))")
            }
            guard let target = m.args.first?.numericValue else { throw ScriptError.typeError("'set' needs a number to move to") }
            let status = try movable.set(target)
            re.groups[re.groupName(m), default: []].append(status)
            return .object(status)
        }
        register("trigger") { m, re in
            guard let device = m.device else { throw ScriptError.typeError("'trigger' needs a device") }
            let status = try device.trigger()
            re.groups[re.groupName(m), default: []].append(status)
            return .object(status)
        }
        register("wait") { m, re in
            let group = m.keyword("group") ?? m.args.first ?? .none
            let key = (try? re.interpreter.str(group)) ?? ""
            let statuses = re.groups[group.isNone ? "" : key] ?? []
            let latest = statuses.map(\.finishTime).max() ?? 0
            try Waiting.until(latest, re.interpreter)
            re.groups[group.isNone ? "" : key] = nil
            for status in statuses {
                if let failure = status.failure { throw ScriptError.runtimeError("a device operation failed: \(failure)") }
            }
            return .none
        }
        register("sleep") { m, re in
            guard let seconds = m.args.first?.numericValue ?? m.keyword("time")?.numericValue, seconds >= 0 else {
                throw ScriptError.typeError("'sleep' needs a number of seconds")
            }
            try Waiting.until(Monotonic.now() + seconds, re.interpreter)
            return .none
        }
        register("checkpoint") { _, _ in .none }
        register("pause") { _, _ in .none }
        register("null") { _, _ in .none }
        register("stage") { m, re in
            guard let device = m.device else { throw ScriptError.typeError("'stage' needs a device") }
            if !re.staged.contains(where: { $0 === device }) {
                try device.stage()
                re.staged.append(device)
            }
            return .list(ListObject([m.object]))
        }
        register("unstage") { m, re in
            guard let device = m.device else { throw ScriptError.typeError("'unstage' needs a device") }
            if let index = re.staged.firstIndex(where: { $0 === device }) {
                re.staged.remove(at: index)
                try device.unstage()
            }
            return .list(ListObject([m.object]))
        }
        register("declare_stream") { m, re in
            guard let bundler = re.bundler else { throw EngineError.protocolViolation("'declare_stream' outside a run") }
            let name = m.keyword("name").flatMap { if case .str(let s) = $0 { s } else { nil } } ?? "primary"
            var devices: [any Device] = []
            for value in [m.object] + m.args {
                if case .object(let o) = value, let d = o as? any Device { devices.append(d) }
            }
            if let descriptor = bundler.declare(name, devices: devices) { try re.emit(descriptor) }
            return .str(name)
        }
    }

    func groupName(_ message: PlanMessage) -> String {
        guard let group = message.keyword("group") else { return "" }
        return (try? interpreter.str(group)) ?? ""
    }

    private func openRun(_ message: PlanMessage) throws -> Value {
        guard bundler == nil else {
            throw EngineError.protocolViolation("'open_run' while a run is open: close_run first (one run at a time)")
        }
        var metadata = try ValueJSON.object(md, interpreter)
        for member in callMetadata { metadata[member.key] = member.value }
        for (name, value) in message.kwargs where name != "md" { metadata[name] = try ValueJSON.json(value, interpreter) }
        if let extra = message.keyword("md"), case .dict(let d) = extra {
            for member in try ValueJSON.object(d, interpreter) { metadata[member.key] = member.value }
        }
        let scanID = max(store.load(), (md["scan_id"]?.intValue ?? 0)) + 1
        store.save(scanID)
        md.set(HashKey(string: "scan_id"), .int(scanID))
        store.saveMetadata(try ValueJSON.object(md, interpreter))
        var body: JSONObject = ["versions": ["beamtime": .string(BeamtimeVersion.string)], "scan_id": .int(scanID),
                                "plan_type": "generator"]
        for member in metadata where member.key != "scan_id" { body[member.key] = member.value }
        let composer = RunComposer(metadata: body)
        bundler = RunBundler(composer: composer)
        runUIDs.append(composer.uid)
        try emit(composer.start)
        return .str(composer.uid)
    }

    private func closeRun(_ message: PlanMessage) throws -> Value {
        guard let bundler else { throw EngineError.protocolViolation("'close_run' without an open run") }
        let statusText = message.keyword("exit_status").flatMap { if case .str(let s) = $0 { s } else { nil } } ?? "success"
        let status = ExitStatus(rawValue: statusText) ?? .success
        let reason = message.keyword("reason").flatMap { if case .str(let s) = $0 { s } else { nil } } ?? ""
        self.bundler = nil
        try emit(bundler.composer.makeStop(status, reason: reason))
        return .str(bundler.composer.uid)
    }
}

extension Value {
    /// The integer, if this is one.
    var intValue: Int? { if case .int(let i) = self { return i } else { return nil } }
}
