import ArgumentParser
import Jupyter
import JSON
import Platform

/// `beamtime install`: writes the kernelspec so Jupyter can start the kernel.
struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install the Beamtime kernelspec into Jupyter.",
        discussion: """
        Writes kernel.json (which starts this binary by its absolute path) and the logos into a Jupyter \
        kernels directory, then prints where. Choose one place:
          --user        your own: ~/.local/share/jupyter/kernels (the default; $JUPYTER_DATA_DIR if set)
          --sys-prefix  the active Python environment: $VIRTUAL_ENV (or $CONDA_PREFIX, or python3's \
        sys.prefix)/share/jupyter/kernels - use this for a JupyterLab installed in a venv
          --prefix DIR  DIR/share/jupyter/kernels, for a Jupyter installed under DIR
        Afterwards `jupyter kernelspec list` shows the kernel and JupyterLab's launcher offers "Beamtime".
        """
    )

    @Flag(help: "Install for the current user (default).")
    var user = false

    @Flag(help: "Install into the active Python environment (virtualenv or conda).")
    var sysPrefix = false

    @Option(help: "Install under this prefix (DIR/share/jupyter/kernels).")
    var prefix: String?

    @Option(help: "The kernel's name (ASCII letters, digits, '-', '.', '_').")
    var name = "beamtime"

    @Option(help: "The name shown in Jupyter's launcher.")
    var displayName = "Beamtime"

    func validate() throws {
        let chosen = [user, sysPrefix, prefix != nil].filter { $0 }.count
        guard chosen <= 1 else { throw ValidationError("choose one of --user, --sys-prefix and --prefix") }
        guard KernelSpec.isValidName(name) else {
            throw ValidationError("'\(name)' is not a valid kernel name: use ASCII letters, digits, '-', '.', '_'")
        }
    }

    func run() throws {
        let kernels: String
        if let prefix {
            kernels = KernelSpecDirectories.prefix(FileSystem.absolute(prefix))
        } else if sysPrefix {
            guard let environment = Install.activeSysPrefix() else {
                throw ValidationError("no Python environment found for --sys-prefix: activate a venv or use --prefix")
            }
            kernels = KernelSpecDirectories.prefix(environment)
        } else {
            kernels = KernelSpecDirectories.user
        }
        let spec = KernelSpec(
            argv: [FileSystem.executablePath, "kernel", "-f", "{connection_file}"],
            displayName: displayName, language: "python", interruptMode: "message",
            metadata: ["beamtime": ["cell_language": "Python 3.11 subset", "debugger": false]])
        do {
            let directory = try KernelSpecDirectories.install(spec, name: name, files: KernelspecLogos.files, into: kernels)
            print("Installed kernelspec \(name) in \(directory)")
        } catch {
            StandardStreams.error("beamtime install: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// The `sys.prefix` of the active Python: `$VIRTUAL_ENV`, `$CONDA_PREFIX`, else python3's.
    static func activeSysPrefix() -> String? {
        for variable in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
            if let value = FileSystem.environment(variable), !value.isEmpty { return value }
        }
        guard let output = Subprocess.output(of: ["python3", "-c", "import sys; print(sys.prefix)"]) else { return nil }
        let trimmed = output.split(separator: "\n").first.map(String.init) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }
}
