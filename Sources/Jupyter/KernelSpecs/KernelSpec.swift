import JSON
import Platform

/// A kernelspec: how Jupyter starts a kernel (`kernel.json`).
public struct KernelSpec: Equatable, Sendable {
    /// The command line; `{connection_file}` is replaced by the launcher.
    public var argv: [String]
    /// The name shown in launchers.
    public var displayName: String
    /// The language, as notebooks record it.
    public var language: String
    /// `signal` (SIGINT) or `message` (`interrupt_request` on control).
    public var interruptMode: String
    /// Extra environment for the kernel process.
    public var environment: [(String, String)]
    /// Free-form metadata.
    public var metadata: JSONObject

    /// A spec from its parts.
    public init(argv: [String], displayName: String, language: String, interruptMode: String = "signal",
                environment: [(String, String)] = [], metadata: JSONObject = JSONObject()) {
        self.argv = argv
        self.displayName = displayName
        self.language = language
        self.interruptMode = interruptMode
        self.environment = environment
        self.metadata = metadata
    }

    /// Reads `kernel.json`'s JSON.
    public init(json: JSONValue) throws {
        guard let object = json.object else { throw KernelSpecError.invalid("kernel.json is not a JSON object") }
        guard let argv = object["argv"]?.array?.compactMap(\.string), !argv.isEmpty else {
            throw KernelSpecError.invalid("kernel.json has no 'argv' list of strings")
        }
        self.argv = argv
        displayName = object["display_name"]?.string ?? argv[0]
        language = object["language"]?.string ?? ""
        interruptMode = object["interrupt_mode"]?.string ?? "signal"
        environment = (object["env"]?.object ?? JSONObject()).compactMap { m in m.value.string.map { (m.key, $0) } }
        metadata = object["metadata"]?.object ?? JSONObject()
    }

    /// The `kernel.json` content.
    public var json: JSONValue {
        var object: JSONObject = [
            "argv": .array(argv.map { .string($0) }),
            "display_name": .string(displayName),
            "language": .string(language),
            "interrupt_mode": .string(interruptMode),
            "metadata": .object(metadata),
        ]
        if !environment.isEmpty { object["env"] = .object(JSONObject(environment.map { ($0.0, .string($0.1)) })) }
        return .object(object)
    }

    public static func == (a: KernelSpec, b: KernelSpec) -> Bool {
        a.argv == b.argv && a.displayName == b.displayName && a.language == b.language
            && a.interruptMode == b.interruptMode && a.metadata == b.metadata
            && a.environment.map { $0.0 + "=" + $0.1 } == b.environment.map { $0.0 + "=" + $0.1 }
    }

    /// Whether `name` is a valid kernel name: ASCII letters, digits, `-`, `.`, `_`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "." || s == "_")
        }
    }
}

/// A kernelspec that cannot be read, found or installed.
public enum KernelSpecError: Error, CustomStringConvertible, Equatable {
    /// The spec's content is wrong.
    case invalid(String)
    /// No kernel of that name is installed.
    case notFound(name: String, searched: [String])
    /// Writing the spec failed.
    case installFailed(String)

    public var description: String {
        switch self {
        case .invalid(let reason): return "kernelspec: \(reason)"
        case .notFound(let name, let searched):
            return "no kernel named '\(name)' (looked in \(searched.joined(separator: ", ")))"
        case .installFailed(let reason): return "cannot install the kernelspec: \(reason)"
        }
    }
}
