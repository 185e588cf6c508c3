import Documents
import JSON

/// The bookkeeping of one open run: its composer, the descriptor of each stream, and the
/// event being assembled between `create` and `save` (the readings of every object read).
final class RunBundler {
    let composer: RunComposer
    private var descriptors: [String: DescriptorComposer] = [:]
    /// Per stream: the devices whose readings make up its events, in order, with their keys.
    private var streamLayouts: [String: [String]] = [:]
    /// Per stream: the data keys stored outside events (their events say `filled: False`).
    private var externalKeys: [String: [String]] = [:]
    private var bundleStream: String?
    private var bundleReadings: [(device: any Device, readings: [Reading])] = []

    init(composer: RunComposer) { self.composer = composer }

    /// Whether an event is being assembled.
    var isBundling: Bool { bundleStream != nil }

    /// Starts assembling an event for `stream`.
    func create(_ stream: String) throws {
        guard bundleStream == nil else {
            throw EngineError.protocolViolation("'create' while another event is being assembled (missing 'save' or 'drop')")
        }
        bundleStream = stream
        bundleReadings.removeAll(keepingCapacity: true)
    }

    /// Adds a device's readings to the event being assembled (or nothing if none is).
    func add(_ device: any Device, _ readings: [Reading]) {
        guard bundleStream != nil else { return }
        if let index = bundleReadings.firstIndex(where: { $0.device === device }) {
            bundleReadings[index].readings = readings
        } else {
            bundleReadings.append((device, readings))
        }
    }

    /// Abandons the event being assembled.
    func drop() throws {
        guard bundleStream != nil else { throw EngineError.protocolViolation("'drop' without 'create'") }
        bundleStream = nil
        bundleReadings.removeAll(keepingCapacity: true)
    }

    /// Finishes the event: the descriptor first if the stream is new, then the event.
    func save() throws -> [Document] {
        guard let stream = bundleStream else { throw EngineError.protocolViolation("'save' without 'create'") }
        bundleStream = nil
        var out: [Document] = []
        let keys = bundleReadings.flatMap { $0.readings.map(\.key) }
        if let layout = streamLayouts[stream] {
            guard layout == keys else {
                throw EngineError.protocolViolation(
                    "the event for stream '\(stream)' reads \(keys) but its descriptor has \(layout); read the same devices in every event of a stream")
            }
        } else {
            let descriptor = describeStream(stream)
            descriptors[stream] = descriptor
            streamLayouts[stream] = keys
            externalKeys[stream] = (descriptor.document.body["data_keys"]?.object ?? [:])
                .filter { $0.value["external"] != nil }.map(\.key)
            out.append(descriptor.document)
        }
        guard let descriptor = descriptors[stream] else { return out }
        var data = JSONObject(), timestamps = JSONObject()
        for entry in bundleReadings {
            for reading in entry.readings {
                data[reading.key] = reading.value
                timestamps[reading.key] = .double(reading.timestamp)
            }
        }
        var filled = JSONObject()
        for key in externalKeys[stream] ?? [] { filled[key] = false }
        out.append(descriptor.event(data: data, timestamps: timestamps, filled: filled))
        bundleReadings.removeAll(keepingCapacity: true)
        return out
    }

    /// Declares a stream ahead of its first event (`declare_stream`); returns its descriptor.
    func declare(_ stream: String, devices: [any Device]) -> Document? {
        guard descriptors[stream] == nil else { return nil }
        bundleReadings = devices.map { ($0, []) }
        let descriptor = describeStream(stream)
        descriptors[stream] = descriptor
        streamLayouts[stream] = devices.flatMap { $0.describe().map(\.key) }
        bundleReadings.removeAll()
        return descriptor.document
    }

    private func describeStream(_ stream: String) -> DescriptorComposer {
        var dataKeys = JSONObject(), objectKeys = JSONObject(), configuration = JSONObject(), hints = JSONObject()
        for entry in bundleReadings {
            let device = entry.device
            var keys: [JSONValue] = []
            for (key, description) in device.describe() {
                var d = description
                d["object_name"] = .string(device.name)
                dataKeys[key] = .object(d)
                keys.append(.string(key))
            }
            objectKeys[device.name] = .array(keys)
            var configData = JSONObject(), configTimes = JSONObject(), configKeys = JSONObject()
            for reading in device.readConfiguration() {
                configData[reading.key] = reading.value
                configTimes[reading.key] = .double(reading.timestamp)
            }
            for (key, description) in device.describeConfiguration() { configKeys[key] = .object(description) }
            configuration[device.name] = ["data": .object(configData), "timestamps": .object(configTimes),
                                          "data_keys": .object(configKeys)]
            if !device.hintedFields.isEmpty { hints[device.name] = ["fields": .array(device.hintedFields.map { .string($0) })] }
        }
        return composer.descriptor(name: stream, dataKeys: dataKeys, objectKeys: objectKeys,
                                   configuration: configuration, hints: hints)
    }
}

/// A plan that broke the message protocol, or an engine in the wrong state.
public enum EngineError: Error, CustomStringConvertible {
    /// The plan's messages do not make sense in this order.
    case protocolViolation(String)
    /// The engine cannot do that in its current state.
    case wrongState(String)

    public var description: String {
        switch self {
        case .protocolViolation(let text), .wrongState(let text): return text
        }
    }
}
