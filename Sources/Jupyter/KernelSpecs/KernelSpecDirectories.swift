import JSON
import Platform

/// Where Jupyter looks for kernelspecs, and finding one by name (matched case-insensitively).
public enum KernelSpecDirectories {
    /// The per-user directory: `$JUPYTER_DATA_DIR/kernels` or `~/.local/share/jupyter/kernels`.
    public static var user: String {
        if let data = FileSystem.environment("JUPYTER_DATA_DIR"), !data.isEmpty { return data + "/kernels" }
        let base = FileSystem.environment("XDG_DATA_HOME").flatMap { $0.isEmpty ? nil : $0 }
            ?? FileSystem.homeDirectory + "/.local/share"
        return base + "/jupyter/kernels"
    }

    /// The directory under an installation prefix: `PREFIX/share/jupyter/kernels`.
    public static func prefix(_ prefix: String) -> String {
        (prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix) + "/share/jupyter/kernels"
    }

    /// Every directory searched, in Jupyter's order: `$JUPYTER_PATH`, user, `sys.prefix`
    /// (the active virtual environment), then the system ones.
    public static func searchPath(sysPrefix: String? = nil) -> [String] {
        var dirs: [String] = []
        if let path = FileSystem.environment("JUPYTER_PATH") {
            dirs += path.split(separator: ":").map { String($0) + "/kernels" }
        }
        dirs.append(user)
        if let sysPrefix { dirs.append(prefix(sysPrefix)) }
        dirs += ["/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels"]
        var seen = Set<String>()
        return dirs.filter { seen.insert($0).inserted }
    }

    /// The directory of the kernel `name` and its spec.
    public static func find(_ name: String, sysPrefix: String? = nil) throws -> (directory: String, spec: KernelSpec) {
        let dirs = searchPath(sysPrefix: sysPrefix)
        for dir in dirs {
            guard let entries = try? FileSystem.contents(of: dir) else { continue }
            for entry in entries where entry.lowercased() == name.lowercased() {
                let path = "\(dir)/\(entry)/kernel.json"
                guard let bytes = try? FileSystem.read(path) else { continue }
                do { return ("\(dir)/\(entry)", try KernelSpec(json: JSONValue.parse(bytes))) } catch {
                    throw KernelSpecError.invalid("\(path): \(error)")
                }
            }
        }
        throw KernelSpecError.notFound(name: name, searched: dirs)
    }

    /// Writes `spec` and `files` (logos) into `kernelsDirectory/name`, replacing an earlier
    /// install; returns the kernel's directory.
    @discardableResult
    public static func install(_ spec: KernelSpec, name: String, files: [String: [UInt8]],
                               into kernelsDirectory: String) throws -> String {
        guard KernelSpec.isValidName(name) else {
            throw KernelSpecError.invalid("'\(name)' is not a valid kernel name (use ASCII letters, digits, '-', '.', '_')")
        }
        let directory = "\(kernelsDirectory)/\(name.lowercased())"
        do {
            try FileSystem.createDirectory(directory)
            try FileSystem.writeAtomically(spec.json.serialized(JSONFormat(indent: 1, sortKeys: true)) + [0x0A],
                                           to: directory + "/kernel.json")
            for (file, bytes) in files { try FileSystem.writeAtomically(bytes, to: "\(directory)/\(file)") }
        } catch let error as FileError {
            throw KernelSpecError.installFailed(error.description)
        }
        return directory
    }
}
