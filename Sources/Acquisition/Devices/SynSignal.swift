import Documents
import JSON
import Script
import Platform

/// A simulated scalar signal computed by a function of time, e.g. `I0`, the incident-beam
/// monitor: a steady ring current that decays slowly (top-up keeps it within 0.5 %).
public final class SynSignal: Device {
    public let name: String
    private let function: (Double) -> Double
    private let documentation: String
    private var value: Double
    private var valueTime = DocumentClock.now()
    private let started = Monotonic.now()

    /// A signal whose value is `function(seconds since creation)`.
    public init(name: String, documentation: String, function: @escaping (Double) -> Double) {
        self.name = name
        self.function = function
        self.documentation = documentation
        value = function(0)
    }

    public func trigger() throws -> DeviceStatus {
        value = function(Monotonic.now() - started)
        valueTime = DocumentClock.now()
        return .done()
    }

    public func read() throws -> [Reading] { [Reading(key: name, value: .double(value), timestamp: valueTime)] }
    public func describe() -> [(key: String, description: JSONObject)] {
        [(name, DeviceAttributes.numberDescription(source: "SIM:\(name)"))]
    }
    public func readConfiguration() -> [Reading] { [] }
    public func describeConfiguration() -> [(key: String, description: JSONObject)] { [] }
    public var hintedFields: [String] { [name] }
    public func stage() throws {}
    public func unstage() throws {}

    public var typeName: String { "SynSignal" }
    public var docstring: String? { documentation }
    public var attributeNames: [String] { (DeviceAttributes.names + ["value"]).sorted() }
    public func repr(_ interpreter: Interpreter) throws -> String { "SynSignal(name='\(name)')" }
    public func displayData(_ interpreter: Interpreter) throws -> MimeBundle? { DeviceAttributes.html(self, typeName: typeName) }
    public func attribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value? {
        if let shared = DeviceAttributes.attribute(self, attribute) { return shared }
        return attribute == "value" ? .float(value) : nil
    }
}
