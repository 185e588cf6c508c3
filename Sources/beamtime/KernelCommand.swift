import ArgumentParser
import BeamtimeKernel
import Glibc
import Jupyter
import Platform

/// `beamtime kernel -f CONNECTION_FILE`: serves the cell language to Jupyter.
struct Kernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Beamtime Jupyter kernel (started by Jupyter from the kernelspec).",
        discussion: """
        Jupyter writes a connection file (ports, transport, signing key) and starts this command with it. \
        The kernel binds only the address in that file, serves until a shutdown_request or SIGTERM, and \
        logs dropped or unknown messages to standard error. When JPY_PARENT_PID names the process that \
        started it (jupyter_client sets it), the kernel also shuts down within about a second of that \
        process's end, as ipykernel does.
        """
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The connection file Jupyter wrote.")
    var connectionFile: String

    func run() throws {
        let connection: ConnectionInfo
        do { connection = try ConnectionInfo.read(connectionFile) } catch {
            StandardStreams.error("beamtime kernel: \(error)\n")
            throw ExitCode(1)
        }
        let log = StandardErrorLog()
        let core = KernelCore(language: BeamtimeLanguage(), log: log)
        do {
            let server = try KernelServer(connection: connection, core: core, log: log,
                                          parentWatch: ParentWatch.fromEnvironment())
            _ = try server.run()
        } catch {
            StandardStreams.error("beamtime kernel: \(error)\n")
            throw ExitCode(1)
        }
        // Leave without tearing down the session's objects one by one: the process is done.
        Glibc.exit(0)
    }
}
