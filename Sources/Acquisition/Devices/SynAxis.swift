import Documents
import JSON
import Script
import Platform

/// A simulated motor, as ophyd.sim's `SynAxis`: readings `name` (readback) and
/// `name_setpoint`; a move takes `distance / velocity + settle_time` seconds when a
/// velocity is set (instant otherwise); moves outside `limits` raise `LimitError`.
public final class SynAxis: Movable {
    public let name: String
    private var setpoint = 0.0
    private var readback = 0.0
    private var setpointTime = DocumentClock.now()
    private var readbackTime = DocumentClock.now()
    /// Units per second; nil or 0 means moves are instant.
    public var velocity: Double?
    /// Seconds to wait after each move.
    public var settleTime = 0.0
    public var limits: (Double, Double) = (0, 0)
    /// Acceleration reported in the configuration (not simulated).
    public var acceleration = 1.0

    /// A motor at 0.
    public init(name: String, velocity: Double? = nil, settleTime: Double = 0) {
        self.name = name
        self.velocity = velocity
        self.settleTime = settleTime
    }

    public var position: Double { readback }

    public func set(_ value: Double) throws -> DeviceStatus {
        let (low, high) = limits
        if low != high, value < low || value > high {
            throw ScriptError(LimitError.type, "\(name): \(value) is outside the limits (\(low), \(high))")
        }
        let distance = abs(value - readback)
        setpoint = value
        setpointTime = DocumentClock.now()
        readback = value
        readbackTime = setpointTime
        var duration = settleTime
        if let velocity, velocity > 0 { duration += distance / velocity }
        return duration > 0 ? DeviceStatus(finishTime: Monotonic.now() + duration) : .done()
    }

    public func read() throws -> [Reading] {
        [Reading(key: name, value: .double(readback), timestamp: readbackTime),
         Reading(key: name + "_setpoint", value: .double(setpoint), timestamp: setpointTime)]
    }

    public func describe() -> [(key: String, description: JSONObject)] {
        [(name, DeviceAttributes.numberDescription(source: "SIM:\(name)")),
         (name + "_setpoint", DeviceAttributes.numberDescription(source: "SIM:\(name)_setpoint"))]
    }

    public func readConfiguration() -> [Reading] {
        let now = DocumentClock.now()
        return [Reading(key: name + "_velocity", value: .double(velocity ?? 1), timestamp: now),
                Reading(key: name + "_acceleration", value: .double(acceleration), timestamp: now)]
    }

    public func describeConfiguration() -> [(key: String, description: JSONObject)] {
        [(name + "_velocity", ["source": .string("SIM:\(name)_velocity"), "dtype": "number", "shape": []]),
         (name + "_acceleration", ["source": .string("SIM:\(name)_acceleration"), "dtype": "number", "shape": []])]
    }

    public var hintedFields: [String] { [name] }
    public func trigger() throws -> DeviceStatus { .done() }
    public func stage() throws {}
    public func unstage() throws {}

    // MARK: Cell language

    public var typeName: String { "SynAxis" }
    public var docstring: String? {
        """
        A simulated motor (ophyd.sim.SynAxis). Readings: '\(name)' (readback) and '\(name)_setpoint'.
        Move it in a plan with mv(\(name), x) or directly with \(name).set(x); read .position.
        Set .velocity (units/s) and .settle_time to simulate real moves, .limits = (low, high) to refuse moves
        outside them with LimitError.
        """
    }
    public var signature: String? { "SynAxis(name, velocity=None, settle_time=0)" }
    public var attributeNames: [String] {
        (DeviceAttributes.names + ["acceleration", "limits", "move", "position", "set", "settle_time", "velocity"]).sorted()
    }
    public func repr(_ interpreter: Interpreter) throws -> String { "SynAxis(name='\(name)')" }
    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? { DeviceAttributes.html(self, typeName: typeName) }

    public func attribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value? {
        if let shared = DeviceAttributes.attribute(self, attribute) { return shared }
        switch attribute {
        case "position": return .float(position)
        case "velocity": return velocity.map { .float($0) } ?? .none
        case "settle_time": return .float(settleTime)
        case "acceleration": return .float(acceleration)
        case "limits": return .tuple([.float(limits.0), .float(limits.1)])
        case "set", "move":
            return .object(BuiltinFunction(attribute, signature: "\(attribute)(value)",
                                           doc: "Start moving to value; returns a status (.wait() waits for the move).") { args, _ in
                guard args.positional.count == 1, let v = args.positional[0].numericValue else {
                    throw ScriptError.typeError("\(attribute)() takes one number")
                }
                return .object(try self.set(v))
            })
        default: return nil
        }
    }

    public func setAttribute(_ attribute: String, _ value: Value, _ interpreter: Interpreter) throws {
        switch attribute {
        case "velocity":
            if value.isNone { velocity = nil; return }
            guard let v = value.numericValue, v >= 0 else { throw ScriptError.valueError("velocity must be a number >= 0 or None") }
            velocity = v
        case "settle_time":
            guard let v = value.numericValue, v >= 0 else { throw ScriptError.valueError("settle_time must be a number >= 0") }
            settleTime = v
        case "acceleration":
            guard let v = value.numericValue else { throw ScriptError.valueError("acceleration must be a number") }
            acceleration = v
        case "limits":
            guard case .tuple(let pair) = value, pair.count == 2, let low = pair[0].numericValue, let high = pair[1].numericValue,
                  low <= high else {
                throw ScriptError.valueError("limits must be a tuple (low, high) with low <= high; (0, 0) means no limits")
            }
            limits = (low, high)
        default:
            throw ScriptError.attributeError("'SynAxis' object attribute '\(attribute)' is read-only")
        }
    }
}
