import Documents
import JSON

/// The checks event-model's schemas make that matter for storing a document: required
/// fields with the right JSON types, and `exit_status` one of success/abort/fail.
enum DocumentValidation {
    /// Why `document` is not a valid event-model document, or nil if it is.
    static func problem(_ name: DocumentName, _ body: JSONObject) -> String? {
        func require(_ key: String, _ kind: String) -> String? {
            guard let value = body[key] else { return "'\(key)' is missing" }
            switch (kind, value) {
            case ("string", .string), ("number", .int), ("number", .double), ("integer", .int), ("object", .object),
                 ("array", .array):
                return nil
            default:
                return "'\(key)' must be a JSON \(kind), not \(value.text())"
            }
        }
        let checks: [(String, String)]
        switch name {
        case .start: checks = [("uid", "string"), ("time", "number")]
        case .descriptor: checks = [("uid", "string"), ("time", "number"), ("run_start", "string"), ("data_keys", "object")]
        case .event: checks = [("uid", "string"), ("time", "number"), ("descriptor", "string"), ("seq_num", "integer"),
                               ("data", "object"), ("timestamps", "object")]
        case .eventPage: checks = [("uid", "array"), ("time", "array"), ("descriptor", "string"), ("seq_num", "array"),
                                   ("data", "object"), ("timestamps", "object")]
        case .stop: checks = [("uid", "string"), ("time", "number"), ("run_start", "string"), ("exit_status", "string")]
        case .resource: checks = [("uid", "string"), ("spec", "string"), ("root", "string"), ("resource_path", "string"),
                                  ("resource_kwargs", "object")]
        case .datum: checks = [("datum_id", "string"), ("resource", "string"), ("datum_kwargs", "object")]
        case .datumPage: checks = [("datum_id", "array"), ("resource", "string"), ("datum_kwargs", "object")]
        case .streamResource: checks = [("uid", "string"), ("data_key", "string"), ("mimetype", "string"), ("uri", "string"),
                                        ("parameters", "object")]
        case .streamDatum: checks = [("uid", "string"), ("stream_resource", "string"), ("descriptor", "string"),
                                     ("indices", "object"), ("seq_nums", "object")]
        }
        for (key, kind) in checks { if let problem = require(key, kind) { return problem } }
        if name == .stop, let status = body["exit_status"]?.string, !["success", "abort", "fail"].contains(status) {
            return "'exit_status' must be success, abort or fail, not '\(status)'"
        }
        for (key, value) in body.members where key.isEmpty { return "an empty key holds \(value.text())" }
        return nil
    }
}
