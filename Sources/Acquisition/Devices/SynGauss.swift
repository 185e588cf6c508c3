import Documents
import Glibc
import JSON
import Script

/// Noise added to a simulated detector, as ophyd.sim's `noise` setting.
public enum SimulatedNoise: String, Sendable {
    case none
    case poisson
    case uniform
}

/// A simulated detector whose value is a Gaussian of one or two motors' positions, as
/// ophyd.sim's `SynGauss` and `Syn2DGauss`:
/// `Imax * exp(-sum((x - center)^2) / (2 sigma^2))`, plus noise (Poisson counts, or
/// uniform in [-1, 1) times `noise_multiplier`). Triggering computes a new value.
public final class SynGauss: Device {
    public let name: String
    /// The motors and their reading keys the value depends on.
    public let motors: [(motor: any Movable, field: String)]
    /// The peak position, one coordinate per motor.
    public var center: [Double]
    /// The peak height.
    public var imax: Double
    /// The width.
    public var sigma: Double
    /// The noise model.
    public var noise: SimulatedNoise
    /// Scales uniform noise.
    public var noiseMultiplier: Double
    private var random: SeededRandom
    private var value = 0.0
    private var valueTime = DocumentClock.now()

    /// A detector over `motors` with the given peak.
    public init(name: String, motors: [(motor: any Movable, field: String)], center: [Double], imax: Double, sigma: Double,
                noise: SimulatedNoise = .none, noiseMultiplier: Double = 1, seed: UInt64 = 0) {
        self.name = name
        self.motors = motors
        self.center = center
        self.imax = imax
        self.sigma = sigma
        self.noise = noise
        self.noiseMultiplier = noiseMultiplier
        random = SeededRandom(seed: seed)
        value = compute()
    }

    /// Reseeds the noise generator.
    public func seed(_ seed: UInt64) { random = SeededRandom(seed: seed) }

    /// The value for the motors' current positions, noise included.
    func compute() -> Double {
        var squared = 0.0
        for (index, entry) in motors.enumerated() {
            let x = entry.motor.position - (index < center.count ? center[index] : 0)
            squared += x * x
        }
        var v = imax * exp(-squared / (2 * sigma * sigma))
        switch noise {
        case .none: break
        case .poisson: v = Double(random.poisson(v.rounded(.toNearestOrEven)))
        case .uniform: v += random.uniform(-1, 1) * noiseMultiplier
        }
        return v
    }

    public func trigger() throws -> DeviceStatus {
        value = compute()
        valueTime = DocumentClock.now()
        return .done()
    }

    public func read() throws -> [Reading] { [Reading(key: name, value: .double(value), timestamp: valueTime)] }
    public func describe() -> [(key: String, description: JSONObject)] {
        [(name, DeviceAttributes.numberDescription(source: "SIM:\(name)"))]
    }

    public func readConfiguration() -> [Reading] {
        let now = DocumentClock.now()
        let centerValue: JSONValue = center.count == 1 ? .double(center[0]) : .array(center.map { .double($0) })
        return [Reading(key: name + "_Imax", value: .double(imax), timestamp: now),
                Reading(key: name + "_center", value: centerValue, timestamp: now),
                Reading(key: name + "_sigma", value: .double(sigma), timestamp: now),
                Reading(key: name + "_noise", value: .string(noise.rawValue), timestamp: now),
                Reading(key: name + "_noise_multiplier", value: .double(noiseMultiplier), timestamp: now)]
    }

    public func describeConfiguration() -> [(key: String, description: JSONObject)] {
        let centerDescription: JSONObject = center.count == 1
            ? ["source": .string("SIM:\(name)_center"), "dtype": "number", "shape": []]
            : ["source": .string("SIM:\(name)_center"), "dtype": "array", "shape": [.int(center.count)]]
        return [(name + "_Imax", ["source": .string("SIM:\(name)_Imax"), "dtype": "number", "shape": []]),
                (name + "_center", centerDescription),
                (name + "_sigma", ["source": .string("SIM:\(name)_sigma"), "dtype": "number", "shape": []]),
                (name + "_noise", ["source": .string("SIM:\(name)_noise"), "dtype": "string", "shape": [],
                                   "choices": ["none", "poisson", "uniform"]]),
                (name + "_noise_multiplier", ["source": .string("SIM:\(name)_noise_multiplier"), "dtype": "number", "shape": []])]
    }

    public var hintedFields: [String] { [name] }
    public func stage() throws {}
    public func unstage() throws {}

    // MARK: Cell language

    public var typeName: String { motors.count == 1 ? "SynGauss" : "Syn2DGauss" }
    public var docstring: String? {
        let over = motors.map(\.field).joined(separator: " and ")
        return """
        A simulated detector (ophyd.sim.\(typeName)): a Gaussian of \(over) with Imax=\(imax), center=\(center.count == 1 ? "\(center[0])" : "\(center)"), \
        sigma=\(sigma), noise='\(noise.rawValue)'. Reading key: '\(name)'. trigger() computes a new value from the motor positions.
        Change .Imax, .center, .sigma, .noise ('none', 'poisson', 'uniform'), .noise_multiplier; .seed(n) makes the noise repeatable.
        """
    }
    public var signature: String? { "\(typeName)(name, motor, field, center, Imax, sigma=1, noise='none', noise_multiplier=1)" }
    public var attributeNames: [String] {
        (DeviceAttributes.names + ["Imax", "center", "noise", "noise_multiplier", "seed", "sigma", "value"]).sorted()
    }
    public func repr(_ interpreter: Interpreter) throws -> String { "\(typeName)(name='\(name)')" }
    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? { DeviceAttributes.html(self, typeName: typeName) }

    public func attribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value? {
        if let shared = DeviceAttributes.attribute(self, attribute) { return shared }
        switch attribute {
        case "Imax": return .float(imax)
        case "center": return center.count == 1 ? .float(center[0]) : .tuple(center.map { .float($0) })
        case "sigma": return .float(sigma)
        case "noise": return .str(noise.rawValue)
        case "noise_multiplier": return .float(noiseMultiplier)
        case "value": return .float(value)
        case "seed":
            return .object(BuiltinFunction("seed", signature: "seed(n)", doc: "Restart the noise from seed n (repeatable noise).") { args, _ in
                guard case .int(let n)? = args.positional.first, n >= 0 else { throw ScriptError.typeError("seed() takes an int >= 0") }
                self.seed(UInt64(n))
                return .none
            })
        default: return nil
        }
    }

    public func setAttribute(_ attribute: String, _ value: Value, _ interpreter: Interpreter) throws {
        func number() throws -> Double {
            guard let v = value.numericValue else { throw ScriptError.typeError("\(attribute) must be a number") }
            return v
        }
        switch attribute {
        case "Imax": imax = try number()
        case "sigma":
            let v = try number()
            guard v > 0 else { throw ScriptError.valueError("sigma must be > 0") }
            sigma = v
        case "noise_multiplier": noiseMultiplier = try number()
        case "center":
            if let v = value.numericValue, motors.count == 1 { center = [v]; return }
            guard case .tuple(let items) = value, items.count == motors.count,
                  let numbers = Optional(items.compactMap(\.numericValue)), numbers.count == items.count else {
                throw ScriptError.valueError("center must be \(motors.count == 1 ? "a number" : "a tuple of \(motors.count) numbers")")
            }
            center = numbers
        case "noise":
            guard case .str(let s) = value, let n = SimulatedNoise(rawValue: s) else {
                throw ScriptError.valueError("noise must be 'none', 'poisson' or 'uniform'")
            }
            noise = n
        default:
            throw ScriptError.attributeError("'\(typeName)' object attribute '\(attribute)' is read-only")
        }
    }
}
