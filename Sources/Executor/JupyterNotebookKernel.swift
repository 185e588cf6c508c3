import Glibc
import JSON
import Jupyter
import Platform

/// A kernel started from its kernelspec and reached over ZeroMQ, as nbclient does it.
/// Each kernel gets its own `ipc` socket files, so many can start at once without
/// racing for TCP ports.
public final class JupyterNotebookKernel: NotebookKernel, KernelInfoSource {
    private let spec: KernelSpec
    private let name: String
    private let environment: [(String, String)]
    private var running: RunningKernel?
    /// Seconds to keep reading iopub after the reply while no idle status has come (nbclient's `iopub_timeout`).
    private let iopubGrace = 4.0

    /// A kernel for `spec` (named `name`), started with extra `environment` variables.
    public init(spec: KernelSpec, name: String, environment: [(String, String)] = []) {
        self.spec = spec
        self.name = name
        self.environment = environment
    }

    /// A kernel found by kernelspec name on Jupyter's search path (with the active virtual
    /// environment, `$VIRTUAL_ENV`, as `sys.prefix`). As jupyter_client does, `{resource_dir}`
    /// in argv becomes the spec's directory, and a bare `python` as the program becomes the
    /// Python of the prefix the spec was installed in (jupyter_client uses its own).
    public convenience init(named name: String) throws {
        let found = try KernelSpecDirectories.find(name, sysPrefix: FileSystem.environment("VIRTUAL_ENV"))
        var spec = found.spec
        spec.argv = spec.argv.map { $0.replacing("{resource_dir}", with: found.directory) }
        if let program = spec.argv.first, ["python", "python3"].contains(program),
           let range = found.directory.firstRange(of: "/share/jupyter/kernels/") {
            let python = String(found.directory[..<range.lowerBound]) + "/bin/python3"
            if FileSystem.exists(python) { spec.argv[0] = python }
        }
        self.init(spec: spec, name: name)
    }

    public func start(timeout: Double) throws -> JSONObject {
        let kernel: RunningKernel
        do { kernel = try RunningKernel(spec: spec, name: name, environment: environment, stdoutFD: 2) } catch {
            throw KernelFailure.startFailed("cannot start \(spec.argv.first ?? name): \(error)")
        }
        running = kernel
        do { return try kernel.waitForReady(timeout: timeout).content } catch let error as KernelClientError {
            if case .kernelDied(let status) = error { throw KernelFailure.startFailed("the kernel exited with status \(status)") }
            throw KernelFailure.startFailed("no answer within the start timeout of \(formatSeconds(timeout)) s")
        }
    }

    public func execute(_ code: String, stopOnError: Bool, timeout: Double?, onIOPub: (Message) -> Void) throws -> Message {
        guard let kernel = running else { throw KernelFailure.startFailed("the kernel was not started") }
        let client = kernel.client
        let sent = try client.send("execute_request", [
            "code": .string(code), "silent": false, "store_history": true, "user_expressions": [:],
            "allow_stdin": false, "stop_on_error": .bool(stopOnError),
        ])
        let deadline = timeout.map { Monotonic.now() + $0 }
        var reply: Message?
        var idle = false
        var lastIOPub = Monotonic.now()
        while reply == nil || !idle {
            if let deadline, Monotonic.now() > deadline, let timeout { throw KernelFailure.timedOut(timeout) }
            if let status = kernel.process.poll() { throw KernelFailure.died(KernelExit.describe(status)) }
            let channels: [Channel] = reply == nil ? [.shell, .iopub] : [.iopub]
            guard let (channel, m) = try client.receive(onAny: channels, timeout: 0.1) else {
                if reply != nil, Monotonic.now() - lastIOPub > iopubGrace { break }
                continue
            }
            if channel == .shell {
                if m.parentID == sent.id, m.type == "execute_reply" { reply = m }
                continue
            }
            lastIOPub = Monotonic.now()
            guard m.parentID == sent.id else { continue }
            onIOPub(m)
            if m.type == "status", m.content["execution_state"]?.string == "idle" { idle = true }
        }
        return reply ?? sent
    }

    public func kernelInfo() -> JSONObject? {
        guard let kernel = running, kernel.process.poll() == nil else { return nil }
        return try? kernel.client.request("kernel_info_request", timeout: 5).content
    }

    public func shutdown() {
        guard let kernel = running else { return }
        running = nil
        if kernel.process.poll() != nil {
            kernel.client.close()
            _ = kernel.shutdown(timeout: 0.2)
            return
        }
        kernel.shutdown()
    }
}

/// Describes a child's exit status as `Subprocess` reports it (128+N for signal N).
enum KernelExit {
    static func describe(_ status: Int32) -> String {
        if status > 128 {
            let signal = status - 128
            let names: [Int32: String] = [SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGINT: "SIGINT", SIGBUS: "SIGBUS"]
            return "killed by signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
        }
        return "exit status \(status)"
    }
}
