import Documents
import JSON
import Script
import Platform

/// One value a device reports: its data key, value and timestamp.
public struct Reading: Sendable, Equatable {
    /// The data key, e.g. `motor` or `motor_setpoint`.
    public var key: String
    /// The value.
    public var value: JSONValue
    /// When it was read (Unix seconds).
    public var timestamp: Double

    /// A reading from its parts.
    public init(key: String, value: JSONValue, timestamp: Double) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
    }
}

/// What every device offers the run engine, as ophyd's protocol does: a name, readings
/// with their descriptions, configuration, hints, trigger, stage/unstage.
public protocol Device: ScriptObject {
    /// The device's name, the prefix of its data keys.
    var name: String { get }
    /// The current readings, in order.
    func read() throws -> [Reading]
    /// Describes each reading: `source`, `dtype`, `shape`, `precision`, `units` …
    func describe() -> [(key: String, description: JSONObject)]
    /// Configuration readings (recorded once per descriptor).
    func readConfiguration() -> [Reading]
    /// Describes the configuration readings.
    func describeConfiguration() -> [(key: String, description: JSONObject)]
    /// The fields worth plotting (`hints.fields`).
    var hintedFields: [String] { get }
    /// Starts an acquisition; the status says when it is done.
    func trigger() throws -> DeviceStatus
    /// Prepares for a run.
    func stage() throws
    /// Undoes `stage`.
    func unstage() throws
    /// Resource and datum documents for data stored outside events (area detector frames),
    /// collected by the run engine after each read.
    func collectAssetDocuments() -> [Document]
}

extension Device {
    /// Devices whose data all goes into events have no asset documents.
    public func collectAssetDocuments() -> [Document] { [] }
}

/// A device that can be moved: motors.
public protocol Movable: Device {
    /// Starts moving to `value`; throws `LimitError` outside the limits.
    func set(_ value: Double) throws -> DeviceStatus
    /// The current readback position.
    var position: Double { get }
    /// The soft limits (low, high); (0, 0) means none, as in ophyd.
    var limits: (Double, Double) { get }
}

/// When a device operation completes (a motor move, a detector exposure).
public final class DeviceStatus: ScriptObject {
    /// Monotonic time at which it is done.
    public let finishTime: Double
    /// An error the operation ended with, if any.
    public let failure: String?

    /// A status done at monotonic time `finishTime`.
    public init(finishTime: Double, failure: String? = nil) {
        self.finishTime = finishTime
        self.failure = failure
    }

    /// A status that is already done.
    public static func done() -> DeviceStatus { DeviceStatus(finishTime: 0) }

    /// Whether it is done now.
    public var isDone: Bool { Monotonic.now() >= finishTime }

    public var typeName: String { "Status" }
    public var docstring: String? { "The status of a device operation: .done is True once it has finished; .wait() waits for it." }
    public var attributeNames: [String] { ["done", "success", "wait"] }
    public func repr(_ interpreter: Interpreter) throws -> String { "Status(done=\(isDone ? "True" : "False"))" }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "done": return .bool(isDone)
        case "success": return .bool(isDone && failure == nil)
        case "wait":
            return .object(BuiltinFunction("wait", signature: "wait(timeout=None)", doc: "Wait until the operation is done.") { _, interp in
                try Waiting.until(self.finishTime, interp)
                return .none
            })
        default: return nil
        }
    }
}

/// A move outside a motor's limits.
public enum LimitError {
    /// The exception type cells see (`LimitError`, a `ValueError`, as in ophyd).
    public static let type = TypeObject(name: "LimitError", base: BuiltinTypes.valueError,
                                        doc: "A move was requested outside the device's limits.",
                                        signature: "LimitError(*args)")
}
