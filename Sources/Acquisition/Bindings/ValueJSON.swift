import JSON
import Script

/// Converts between cell-language values and JSON (documents, metadata, readings).
public enum ValueJSON {
    /// `value` as JSON. Dict keys become strings; other objects are written as their
    /// `repr`, as bluesky records devices in `plan_args`.
    public static func json(_ value: Value, _ interpreter: Interpreter) throws -> JSONValue {
        switch value {
        case .none, .unbound: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .str(let s): return .string(s)
        case .list(let l): return .array(try l.items.map { try json($0, interpreter) })
        case .tuple(let t): return .array(try t.map { try json($0, interpreter) })
        case .dict(let d):
            var object = JSONObject()
            for (key, v) in d.entries {
                let name: String
                if case .str(let s) = key { name = s } else { name = try interpreter.str(key) }
                object[name] = try json(v, interpreter)
            }
            return .object(object)
        case .object(let o):
            if let device = o as? any Device { return .string(device.name) }
            return .string(try o.repr(interpreter))
        }
    }

    /// JSON as a cell-language value: objects become dicts, arrays lists.
    public static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .str(s)
        case .array(let items): return .list(ListObject(items.map(value)))
        case .object(let object): return .dict(dict(object))
        }
    }

    /// A JSON object as a dict.
    public static func dict(_ object: JSONObject) -> DictObject {
        let d = DictObject()
        for member in object { d.set(HashKey(string: member.key), value(member.value)) }
        return d
    }

    /// A dict's string-keyed entries as a JSON object (for `**md`).
    public static func object(_ dict: DictObject, _ interpreter: Interpreter) throws -> JSONObject {
        guard case .object(let o) = try json(.dict(dict), interpreter) else { return [:] }
        return o
    }
}
