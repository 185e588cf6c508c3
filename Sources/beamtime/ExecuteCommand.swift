import ArgumentParser
import BeamtimeKernel
import Executor
import Glibc
import JSON
import Jupyter
import Notebook
import Pipeline
import Platform

/// `beamtime execute INPUT OUTPUT`: papermill's command line, on any Jupyter kernel.
struct Execute: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parametrise and execute a notebook, as papermill does.",
        discussion: """
        Injects the parameters in an `injected-parameters` cell after the cell tagged `parameters`, \
        runs every cell on the notebook's kernel (or --kernel), and saves the executed notebook after \
        each cell (write to a temporary file, then rename), with papermill's metadata. A failing cell \
        keeps its error, later cells are not run, marker cells at the top say where it failed, and the \
        exit status is 1; a kernel that dies gives 138. Beamtime's own kernel runs inside this process \
        unless --no-in-process is given; any other kernel is started from its kernelspec. \
        Use - for standard input or output. -p NAME VALUE infers int, float, bool or None as papermill \
        does; -r passes the raw string; -y and -f take YAML; later forms override earlier ones in the \
        order -b, -f, -y, -p, -r. OUTPUT may hold {name} fields filled from the parameters. \
        Over the catalogue: `beamtime execute TEMPLATE --runs KEY=VALUE --out DIR --jobs N` executes \
        the template once for every stopped run that matches (--runs all: every run) and has no report \
        from this template yet, N at a time, with run_uid injected, and writes and records the reports \
        as `beamtime watch` does.
        """
    )

    @ArgumentParser.Argument(help: "The notebook to execute, or - for standard input.")
    var input: String

    @ArgumentParser.Argument(help: "Where to save the executed notebook, or - for standard output.")
    var output: String = ""

    @Option(help: ArgumentHelp("Execute the template for every stopped run whose start document has KEY=VALUE (repeatable; 'all' for every run).", valueName: "KEY=VALUE"))
    var runs: [String] = []

    @Option(help: "With --runs: where the executed notebooks and reports go.")
    var out: String?

    @Option(help: "With --runs: how many runs execute at once.")
    var jobs = 1

    @Flag(help: "List the notebook's parameters (name, type, default, help) and exit.")
    var helpNotebook = false

    @Option(name: [.customShort("p"), .customLong("parameters")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter: -p NAME VALUE (type inferred).", valueName: "NAME VALUE"))
    var parameters: [String] = []

    @Option(name: [.customShort("r"), .customLong("parameters_raw")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A parameter as a raw string: -r NAME VALUE.", valueName: "NAME VALUE"))
    var rawParameters: [String] = []

    @Option(name: [.customShort("f"), .customLong("parameters_file")], help: "A YAML file of parameters.")
    var parameterFiles: [String] = []

    @Option(name: [.customShort("y"), .customLong("parameters_yaml")], help: "A YAML string of parameters.")
    var parameterYAML: [String] = []

    @Option(name: [.customShort("b"), .customLong("parameters_base64")], help: "Base64-encoded YAML parameters.")
    var parameterBase64: [String] = []

    @Flag(help: "Inject the input path as PAPERMILL_INPUT_PATH.")
    var injectInputPath = false
    @Flag(help: "Inject the output path as PAPERMILL_OUTPUT_PATH.")
    var injectOutputPath = false
    @Flag(help: "Inject both paths.")
    var injectPaths = false

    @Option(name: [.customShort("k"), .customLong("kernel")], help: "The kernel to run (overrides the notebook's kernelspec).")
    var kernel: String?

    @Option(name: [.customShort("l"), .customLong("language")], help: "The notebook's language (only python-syntax parameters are written).")
    var language: String?

    @Option(help: "Working directory to run the notebook in.")
    var cwd: String?

    @Flag(inversion: .prefixedNo, help: "Save after each cell.")
    var requestSaveOnCellExecute = true

    @Option(help: "Seconds between saves during one long cell (0: never).")
    var autosaveCellEvery = 30

    @Flag(name: .customLong("prepare-only"), help: "Parametrise and save without executing.")
    var prepareOnly = false
    @Flag(name: .customLong("prepare-execute"), help: "Execute (the default).")
    var prepareExecute = false

    @Flag(inversion: .prefixedNo, help: "Show the progress bar (default: on a terminal, unless --log-output).")
    var progressBar: Bool?

    @Flag(inversion: .prefixedNo, help: "Write cell outputs to the log (standard error) as they come.")
    var logOutput = false

    @Option(help: "File to copy the notebook's stdout to.")
    var stdoutFile: String?
    @Option(help: "File to copy the notebook's stderr to.")
    var stderrFile: String?

    @Option(help: "Log level (papermill's names; ERROR and above hide the warnings).")
    var logLevel = "INFO"

    @Option(name: [.customLong("start-timeout"), .customLong("start_timeout")], help: "Seconds to wait for the kernel to start.")
    var startTimeout = 60

    @Option(help: "Seconds a cell may run before execution fails (default: no limit).")
    var executionTimeout: Int?

    @Flag(inversion: .prefixedNo, help: "Hide code inputs in the output notebook.")
    var reportMode = false

    @Flag(inversion: .prefixedNo, help: "Run Beamtime's own kernel inside this process (the default for kernel 'beamtime').")
    var inProcess = true

    func run() throws {
        if !runs.isEmpty {
            try runOverCatalogue()
            return
        }
        let code = ExecuteRun(options: self).run()
        if code != 0 { throw ExitCode(code) }
    }

    /// `--runs`: the template over a catalogue query, through the watcher's reporter and ledger.
    private func runOverCatalogue() throws {
        guard output.isEmpty, let out else {
            StandardStreams.error("beamtime execute: with --runs, give --out DIR (each run's notebook is named after its scan) and no OUTPUT\n")
            throw ExitCode(2)
        }
        let equalities: [(String, JSONValue)]
        let failed: Int
        do {
            equalities = try MetadataConditions.parse(runs.filter { $0 != "all" }, option: "--runs")
            failed = try CatalogReports.run(template: input, out: out, equalities: equalities, jobs: jobs, backfill: true,
                                            once: true, executionTimeout: executionTimeout)
        } catch {
            StandardStreams.error("beamtime execute: \(error)\n")
            throw ExitCode(error is ValidationError ? 2 : 1)
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// One `beamtime execute` invocation.
struct ExecuteRun {
    let options: Execute

    func run() -> Int32 {
        let o = options
        if !o.helpNotebook && o.output.isEmpty {
            fail("missing argument OUTPUT (the executed notebook's path, or - for standard output)")
            return 2
        }
        if let language = o.language, language.lowercased() != "python" {
            fail("language '\(language)' is not supported: parameters are written in Python syntax")
            return 2
        }
        var arguments = ParameterArguments()
        guard let inferred = pairs(o.parameters, "-p"), let raw = pairs(o.rawParameters, "-r") else { return 2 }
        arguments.inferred = inferred
        arguments.raw = raw
        arguments.yaml = o.parameterYAML
        arguments.files = o.parameterFiles
        arguments.base64 = o.parameterBase64
        var parameters: [(String, JSONValue)]
        do { parameters = try arguments.merged() } catch {
            fail("\(error)")
            return 1
        }
        if o.injectInputPath || o.injectPaths { parameters.insert(("PAPERMILL_INPUT_PATH", .string(o.input)), at: 0) }
        if o.injectOutputPath || o.injectPaths {
            parameters.insert(("PAPERMILL_OUTPUT_PATH", .string(o.output.isEmpty ? "-" : o.output)), at: o.injectInputPath || o.injectPaths ? 1 : 0)
        }

        let loaded: Notebook
        do { loaded = try load() } catch {
            fail("\(o.input): \(error)")
            return 1
        }
        if o.helpNotebook { return NotebookHelp.show(loaded, path: o.input) }

        let outputPath: String
        do { outputPath = try PathTemplate.fill(o.output, with: parameters) } catch {
            fail("\(error)")
            return 1
        }
        let toStdout = outputPath == "-"
        let absoluteOutput = toStdout ? "-" : FileSystem.absolute(outputPath)
        let quiet = ["ERROR", "CRITICAL"].contains(o.logLevel.uppercased()) || toStdout
        let progress = ExecutionProgress(
            showBar: !toStdout && (o.progressBar ?? (!o.logOutput && isatty(2) == 1)), logOutput: o.logOutput,
            stdoutFile: o.stdoutFile.flatMap(openForWriting), stderrFile: o.stderrFile.flatMap(openForWriting))
        let observer = QuietFilter(inner: progress, quiet: quiet)

        var settings = ExecutionSettings(inputPath: o.input, outputPath: outputPath)
        settings.parameters = parameters
        settings.kernelName = o.kernel
        settings.prepareOnly = o.prepareOnly && !o.prepareExecute
        settings.reportMode = o.reportMode
        settings.executionTimeout = o.executionTimeout.map(Double.init)
        settings.startTimeout = Double(o.startTimeout)
        settings.saveOnCellExecute = o.requestSaveOnCellExecute && !toStdout
        settings.autosaveEvery = Double(o.autosaveCellEvery)

        if let cwd = o.cwd, chdir(cwd) != 0 {
            fail("--cwd \(cwd): cannot change to that directory: \(String(cString: strerror(errno)))")
            return 1
        }
        let inProcess = o.inProcess
        let executor = NotebookExecutor(
            makeKernel: { name in
                if inProcess && name == "beamtime" { return InProcessNotebookKernel() }
                do { return try JupyterNotebookKernel(named: name) } catch {
                    throw KernelFailure.startFailed("\(error)")
                }
            },
            save: { notebook in
                if toStdout { return }
                try FileSystem.writeAtomically(notebook.text, to: absoluteOutput)
            },
            observer: observer)

        var result: Result<(notebook: Notebook, outcome: ExecutionOutcome), Error> = .failure(ExecutorError.noKernelName)
        let worker = try? PlatformThread(stackSize: KernelServer.executionStackSize) {
            result = Result { try executor.execute(loaded, settings: settings) }
        }
        if let worker { worker.join() } else { result = Result { try executor.execute(loaded, settings: settings) } }

        switch result {
        case .failure(let error):
            fail("\(error)")
            return 1
        case .success(let (notebook, outcome)):
            if toStdout { StandardStreams.output(notebook.text) }
            report(outcome, notebook: notebook)
            return outcome.exitStatus
        }
    }

    private func load() throws -> Notebook {
        let text: String
        if options.input == "-" {
            text = String(decoding: StandardStreams.readInput(), as: UTF8.self)
        } else {
            text = try FileSystem.readText(options.input)
        }
        return try Notebook(text: text)
    }

    private func pairs(_ flat: [String], _ flag: String) -> [(String, String)]? {
        var out: [(String, String)] = []
        for joined in flat {
            let parts = joined.split(separator: ParameterPairs.separator, maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                fail("\(flag) takes a name and a value: \(flag) NAME VALUE")
                return nil
            }
            out.append((String(parts[0]), String(parts[1])))
        }
        return out
    }

    private func report(_ outcome: ExecutionOutcome, notebook: Notebook) {
        switch outcome {
        case .completed, .prepared: break
        case .cellFailed(let index, let ename, let evalue):
            let cell = notebook.cells[index]
            let count = cell.executionCount.int.map(String.init) ?? "None"
            var text = "\n---------------------------------------------------------------------------\n"
            text += "Exception encountered at \"In [\(count)]\":\n"
            let traceback = cell.outputs.compactMap(\.object).first { $0["output_type"]?.string == "error" }?["traceback"]?.array ?? []
            text += traceback.isEmpty ? "\(ename): \(evalue)\n" : traceback.compactMap(\.string).joined(separator: "\n") + "\n"
            StandardStreams.error(text)
        case .kernelFailed(let failure):
            fail("\(failure)")
        }
    }

    private func openForWriting(_ path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        return fd >= 0 ? fd : nil
    }

    private func fail(_ message: String) { StandardStreams.error("beamtime execute: \(message)\n") }
}

/// Hides warnings below ERROR (`--log-level ERROR`, or output to standard output).
private final class QuietFilter: ExecutionObserver {
    let inner: ExecutionProgress
    let quiet: Bool
    init(inner: ExecutionProgress, quiet: Bool) {
        self.inner = inner
        self.quiet = quiet
    }
    func notebookStarted(cellCount: Int) { inner.notebookStarted(cellCount: cellCount) }
    func cellStarted(index: Int, source: String) { inner.cellStarted(index: index, source: source) }
    func produced(_ output: JSONObject) { inner.produced(output) }
    func cellFinished(index: Int) { inner.cellFinished(index: index) }
    func warning(_ text: String) { if !quiet { inner.warning(text) } }
    func notebookFinished() { inner.notebookFinished() }
}

/// `-p NAME VALUE` takes two words, which ArgumentParser cannot express: before parsing,
/// the two words after `-p`/`-r` are joined with an invisible separator into one value.
enum ParameterPairs {
    static let separator: Character = "\u{1F}"

    static func join(_ arguments: [String]) -> [String] {
        guard arguments.first == "execute" || arguments.first == "watch" else { return arguments }
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if ["-p", "--parameters", "-r", "--parameters_raw"].contains(a), i + 2 < arguments.count {
                out.append(a)
                out.append(arguments[i + 1] + String(separator) + arguments[i + 2])
                i += 3
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }
}

/// `--help-notebook`: the template's parameters as papermill lists them.
enum NotebookHelp {
    static func show(_ notebook: Notebook, path: String) -> Int32 {
        var text = "Usage: beamtime execute [OPTIONS] NOTEBOOK_PATH [OUTPUT_PATH]\n"
        text += "\nParameters inferred for notebook '\(path)':\n"
        guard Parameters.firstCell(tagged: "parameters", in: notebook) != nil else {
            StandardStreams.output(text + "\n  No cell tagged 'parameters'\n")
            return 1
        }
        let parameters = Parameters.discover(in: notebook)
        if parameters.isEmpty {
            text += "\n  Can't infer anything about this notebook's parameters. It may not have any parameter defined.\n"
        }
        for p in parameters {
            let type = p.inferredType == "None" ? "Unknown type" : p.inferredType
            let definition = "  \(p.name): \(type) (default \(p.defaultValue))"
            if definition.count > 30 {
                text += p.help.isEmpty ? definition + "\n" : definition + "\n" + String(repeating: " ", count: 34) + p.help + "\n"
            } else {
                text += definition.padding(to: 34) + p.help + "\n"
            }
        }
        StandardStreams.output(text)
        return 0
    }
}

extension String {
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
