import JSON
import Script

/// Turns cell values into Jupyter mime bundles.
enum MimeBundles {
    /// The rich representation of `value`: the object's own bundle plus `text/plain` from
    /// `repr`. Mimetypes that are JSON (`application/json`, `…+json`) are sent parsed.
    static func bundle(for value: Value, interpreter: Interpreter) throws -> JSONObject {
        var bundle = JSONObject()
        if case .object(let object) = value, let rich = try object.displayData(interpreter) {
            for key in rich.keys.sorted() {
                guard let data = rich[key], isMimeType(key) else { continue }
                if key == "application/json" || key.hasSuffix("+json"), let parsed = try? JSONValue.parse(data) {
                    bundle[key] = parsed
                } else {
                    bundle[key] = .string(data)
                }
            }
        }
        if bundle["text/plain"] == nil { bundle["text/plain"] = .string(try interpreter.repr(value)) }
        return bundle
    }

    /// Whether `key` looks like `type/subtype` (the protocol's schema requires it).
    static func isMimeType(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !key.contains(" ")
    }
}
