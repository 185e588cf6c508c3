import JSON
import Jupyter
import Notebook

/// Executes a notebook cell by cell as papermill does, on any `NotebookKernel`: inject the
/// parameters, record papermill's and nbclient's metadata, save progressively through
/// `save` (which must replace the file atomically), stop at the first failing cell and
/// mark it, and keep statuses true when the kernel dies or a cell times out.
public final class NotebookExecutor {
    private let makeKernel: (String) throws -> any NotebookKernel
    private let save: (Notebook) throws -> Void
    private let observer: (any ExecutionObserver)?

    /// An executor that starts kernels with `makeKernel(name)` and saves with `save`.
    public init(makeKernel: @escaping (String) throws -> any NotebookKernel, save: @escaping (Notebook) throws -> Void,
                observer: (any ExecutionObserver)? = nil) {
        self.makeKernel = makeKernel
        self.save = save
        self.observer = observer
    }

    /// papermill's preparation without execution: loader upgrade and metadata, parameters
    /// injected (unknown names warned about), paths recorded, old error markers removed.
    public func prepare(_ loaded: Notebook, settings: ExecutionSettings) -> Notebook {
        var notebook = PapermillMetadata.prepareLoaded(loaded)
        if !settings.parameters.isEmpty {
            let known = Set(Parameters.discover(in: notebook).map(\.name))
            for (name, _) in settings.parameters where !known.contains(name) {
                observer?.warning("Passed unknown parameter: \(name)")
            }
            let injected = Parameters.inject(settings.parameters, into: notebook)
            if let warning = injected.warning { observer?.warning(warning) }
            notebook = injected.notebook
        }
        PapermillMetadata.recordPaths(&notebook, input: settings.inputPath, output: settings.outputPath,
                                      reportMode: settings.reportMode)
        return PapermillMetadata.removeErrorMarkers(notebook)
    }

    /// Runs `loaded` and returns the executed notebook (also saved) and how it ended.
    /// Throws only when the notebook names no kernel or saving fails.
    public func execute(_ loaded: Notebook, settings: ExecutionSettings) throws -> (notebook: Notebook, outcome: ExecutionOutcome) {
        var notebook = prepare(loaded, settings: settings)
        if settings.prepareOnly {
            try save(notebook)
            return (notebook, .prepared)
        }
        guard let kernelName = settings.kernelName ?? notebook.kernelName else {
            throw ExecutorError.noKernelName
        }
        let started = UTCTime.now()
        PapermillMetadata.start(&notebook, at: started)
        try save(notebook)
        observer?.notebookStarted(cellCount: notebook.cells.count)

        var failure: KernelFailure?
        var kernel: (any NotebookKernel)?
        do {
            let k = try makeKernel(kernelName)
            kernel = k
            _ = try k.start(timeout: settings.startTimeout)
        } catch let error as KernelFailure {
            failure = error
        } catch {
            failure = .startFailed("\(error)")
        }
        if let kernel, failure == nil {
            failure = try runCells(&notebook, on: kernel, settings: settings)
            if failure == nil, let info = try? languageInfo(of: kernel) {
                var m = notebook.metadata
                m["language_info"] = .object(info)
                notebook.metadata = m
            }
        }
        kernel?.shutdown()
        if let failure {
            notebook.updatePapermill { $0["exception"] = true }
            if case .startFailed(let reason) = failure { observer?.warning("kernel '\(kernelName)' did not start: \(reason)") }
        }
        PapermillMetadata.complete(&notebook, started: started, at: UTCTime.now(), kernelFailed: failure != nil)
        observer?.notebookFinished()
        try save(notebook)

        if let (index, ename, evalue) = firstError(in: notebook) {
            PapermillMetadata.insertErrorMarkers(&notebook, cellIndex: index, executionCount: notebook.cells[index].executionCount)
            try save(notebook)
            if let failure { return (notebook, .kernelFailed(failure)) }
            return (notebook, .cellFailed(cellIndex: index + 2, ename: ename, evalue: evalue))
        }
        if let failure { return (notebook, .kernelFailed(failure)) }
        return (notebook, .completed)
    }

    /// Runs the cells in order; returns the kernel failure that stopped them, if any.
    private func runCells(_ notebook: inout Notebook, on kernel: any NotebookKernel,
                          settings: ExecutionSettings) throws -> KernelFailure? {
        var displays: [String: [(cell: Int, output: Int)]] = [:]
        var lastSave = UTCTime.now()
        for index in notebook.cells.indices {
            var cell = notebook.cells[index]
            let cellStart = UTCTime.now()
            cell.updatePapermill { p in
                p["start_time"] = .string(UTCTime.isoformat(cellStart))
                p["status"] = "running"
                p["exception"] = false
            }
            notebook.cells[index] = cell
            observer?.cellStarted(index: index, source: cell.source)
            if settings.saveOnCellExecute { try save(notebook) }

            var failure: KernelFailure?
            var failed = false
            let runs = cell.type == "code" && !cell.source.allSatisfy(\.isWhitespace) && !cell.tags.contains("skip-execution")
            if runs {
                let allowsErrors = cell.tags.contains("raises-exception")
                var collected = CellOutputs()
                var reply: Message?
                do {
                    reply = try kernel.execute(cell.source, stopOnError: !allowsErrors, timeout: settings.executionTimeout) { message in
                        if let output = collected.take(message) { observer?.produced(output) }
                        if settings.saveOnCellExecute, settings.autosaveEvery > 0, UTCTime.now() - lastSave >= settings.autosaveEvery {
                            var snapshot = notebook
                            snapshot.cells[index] = cell.with(collected)
                            try? save(snapshot)
                            lastSave = UTCTime.now()
                        }
                    }
                } catch let error as KernelFailure {
                    failure = error
                } catch {
                    failure = .died("\(error)")
                }
                for update in collected.displayUpdates {
                    for place in displays[update.id] ?? [] {
                        notebook.cells[place.cell].updateOutput(place.output, data: update.data, metadata: update.metadata)
                    }
                }
                for (id, outputs) in collected.displayIndices {
                    displays[id, default: []].append(contentsOf: outputs.map { (index, $0) })
                }
                if let reply { collected.timing["shell.execute_reply"] = .string(UTCTime.fromHeader(reply.header["date"]?.string)) }
                if let failure {
                    collected.outputs.append(.object(["ename": .string(failure.exceptionName), "evalue": .string(failure.description),
                                                      "output_type": "error", "traceback": .array([.string("\(failure.exceptionName): \(failure.description)")])]))
                }
                cell = cell.with(collected)
                failed = failure != nil || (reply?.content["status"]?.string == "error" && !allowsErrors)
            }
            let end = UTCTime.now()
            cell.updatePapermill { p in
                if failed {
                    p["exception"] = true
                    p["status"] = "failed"
                } else {
                    p["status"] = "completed"
                }
                p["end_time"] = .string(UTCTime.isoformat(end))
                p["duration"] = .double(UTCTime.microseconds(end - cellStart))
            }
            notebook.cells[index] = cell
            if failed { notebook.updatePapermill { $0["exception"] = true } }
            observer?.cellFinished(index: index)
            if settings.saveOnCellExecute {
                try save(notebook)
                lastSave = UTCTime.now()
            }
            if let failure { return failure }
            if failed { return nil }
        }
        return nil
    }

    private func languageInfo(of kernel: any NotebookKernel) throws -> JSONObject? {
        (kernel as? any KernelInfoSource)?.kernelInfo()?["language_info"]?.object
    }

    /// papermill's `raise_for_execution_errors`: the first cell with an error output (a
    /// `SystemExit` of 0 aside) or marked as an exception.
    private func firstError(in notebook: Notebook) -> (Int, String, String)? {
        for (index, cell) in notebook.cells.enumerated() {
            var sysExit = false
            for output in cell.outputs {
                guard let o = output.object, o["output_type"]?.string == "error" else { continue }
                let ename = o["ename"]?.string ?? "", evalue = o["evalue"]?.string ?? ""
                if ename == "SystemExit" && (evalue.isEmpty || evalue == "0") {
                    sysExit = true
                    continue
                }
                return (index, ename, evalue)
            }
            if !sysExit, cell.papermill["exception"]?.bool == true { return (index, "CellExecutionError", "") }
        }
        return nil
    }
}

/// A kernel that can answer `kernel_info` after the cells ran (papermill copies its
/// `language_info` into the notebook).
public protocol KernelInfoSource {
    /// The `kernel_info_reply` content, or nil if the kernel cannot answer.
    func kernelInfo() -> JSONObject?
}

/// Why an execution could not begin.
public enum ExecutorError: Error, CustomStringConvertible {
    /// Neither `--kernel` nor the notebook's `kernelspec` names a kernel.
    case noKernelName

    /// The message papermill gives.
    public var description: String {
        switch self {
        case .noKernelName: return "No kernel name found in notebook and no override provided (add -k NAME)."
        }
    }
}

extension Cell {
    /// The cell with `collected`'s outputs, execution count and timings.
    func with(_ collected: CellOutputs) -> Cell {
        var c = self
        c.set("outputs", .array(collected.outputs))
        c.set("execution_count", collected.executionCount)
        var m = c.metadata
        m["execution"] = .object(collected.timing)
        c.metadata = m
        return c
    }

    /// Replaces the data and metadata of output `index` (a display update).
    mutating func updateOutput(_ index: Int, data: JSONValue, metadata: JSONValue) {
        var outputs = self.outputs
        guard index < outputs.count, var o = outputs[index].object else { return }
        o["data"] = data
        o["metadata"] = metadata
        outputs[index] = .object(o)
        set("outputs", .array(outputs))
    }
}
