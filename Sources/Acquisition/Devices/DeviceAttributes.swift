import JSON
import Script

/// The cell-language face every device shares: `name`, `read()`, `describe()`,
/// `read_configuration()`, `describe_configuration()`, `hints`, `trigger()`, `stage()`,
/// `unstage()`, and a rich display of the current reading.
enum DeviceAttributes {
    /// Names completion offers for every device.
    static let names = ["describe", "describe_configuration", "hints", "name", "read", "read_configuration",
                        "stage", "trigger", "unstage"]

    /// The shared attribute `name` of `device`, or nil.
    static func attribute(_ device: any Device, _ name: String) -> Value? {
        switch name {
        case "name": return .str(device.name)
        case "hints": return ValueJSON.value(["fields": .array(device.hintedFields.map { .string($0) })])
        case "read":
            return method(device, "read", "read()", "Read the device: {data key: {'value': v, 'timestamp': t}}.") { d in
                .dict(readingsDict(try d.read()))
            }
        case "describe":
            return method(device, "describe", "describe()", "Describe each data key: source, dtype, shape, precision.") { d in
                .dict(ValueJSON.dict(JSONObject(d.describe().map { ($0.key, .object($0.description)) })))
            }
        case "read_configuration":
            return method(device, "read_configuration", "read_configuration()", "Read the configuration values.") { d in
                .dict(readingsDict(d.readConfiguration()))
            }
        case "describe_configuration":
            return method(device, "describe_configuration", "describe_configuration()", "Describe the configuration values.") { d in
                .dict(ValueJSON.dict(JSONObject(d.describeConfiguration().map { ($0.key, .object($0.description)) })))
            }
        case "trigger":
            return method(device, "trigger", "trigger()", "Start an acquisition; returns its status.") { d in .object(try d.trigger()) }
        case "stage":
            return method(device, "stage", "stage()", "Prepare the device for a run.") { d in try d.stage(); return .none }
        case "unstage":
            return method(device, "unstage", "unstage()", "Undo stage().") { d in try d.unstage(); return .none }
        default: return nil
        }
    }

    private static func method(_ device: any Device, _ name: String, _ signature: String, _ doc: String,
                               _ body: @escaping (any Device) throws -> Value) -> Value {
        .object(BuiltinFunction(name, signature: signature, doc: doc) { _, _ in try body(device) })
    }

    /// Readings as bluesky shows them.
    static func readingsDict(_ readings: [Reading]) -> DictObject {
        ValueJSON.dict(JSONObject(readings.map { ($0.key, ["value": $0.value, "timestamp": .double($0.timestamp)]) }))
    }

    /// An HTML table of the current reading (the device's rich display).
    static func html(_ device: any Device, typeName: String) -> MimeBundle {
        var rows = ""
        for reading in (try? device.read()) ?? [] {
            rows += "<tr><td>\(escape(reading.key))</td><td>\(escape(reading.value.text()))</td></tr>"
        }
        return ["text/html": "<b>\(escape(device.name))</b> (\(typeName))<table><tr><th>key</th><th>value</th></tr>\(rows)</table>"]
    }

    static func escape(_ text: String) -> String { escapeHTML(text) }

    /// A scalar number's description as ophyd.sim gives it.
    static func numberDescription(source: String, precision: Int = 3) -> JSONObject {
        ["source": .string(source), "dtype": "number", "shape": [], "precision": .int(precision)]
    }

    /// An integer configuration value's description.
    static func integerDescription(source: String) -> JSONObject {
        ["source": .string(source), "dtype": "integer", "shape": []]
    }
}
