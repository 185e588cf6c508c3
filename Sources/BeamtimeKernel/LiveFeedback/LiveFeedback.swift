import Acquisition
import Documents
import JSON
import Platform
import Script

/// Shows every run live in the cell that started it: one output, created when the run
/// starts and replaced in place (display_id) at most ten times a second, whatever the
/// event rate, once when the run engine pauses the run (the header says `paused`, and the
/// paused cell ends), and once more when the run ends. After `RE.resume()` the next
/// event's update brings the ETA back.
final class LiveFeedback {
    private unowned let interpreter: Interpreter
    private var view: LiveRunView?
    private var handle: Value?
    private var startDocument: JSONObject = [:]
    private var primaryDescriptor: String?
    private var lastUpdate = 0.0
    /// The number of display updates sent for the current run (tests check throttling).
    private(set) var updates = 0

    /// Seconds between two updates of the display.
    static let interval = 0.1

    init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// The subscriber to give the run engine.
    func receive(_ document: Document) throws {
        switch document.name {
        case .start:
            startDocument = document.body
            view = nil
            handle = nil
            primaryDescriptor = nil
            updates = 0
        case .descriptor:
            guard document.body["name"]?.string == "primary", view == nil else { return }
            primaryDescriptor = document.uid
            let view = makeView(document.body)
            self.view = view
            handle = try? show(view)
            lastUpdate = Monotonic.now()
        case .event:
            guard let view, document.body["descriptor"]?.string == primaryDescriptor else { return }
            var values: [String: Double] = [:]
            for member in document.body["data"]?.object ?? [:] { if let v = member.value.double { values[member.key] = v } }
            view.add(sequence: document.body["seq_num"]?.int ?? view.done + 1, values: values)
            let now = Monotonic.now()
            if now - lastUpdate >= LiveFeedback.interval {
                lastUpdate = now
                update(view)
            }
        case .stop:
            guard let view else { return }
            view.finish(status: document.body["exit_status"]?.string ?? "", reason: document.body["reason"]?.string ?? "")
            update(view)
            self.view = nil
        default:
            break
        }
    }

    /// The hook to give the run engine (`addStateHook`): a pause is shown at once.
    func engineState(_ state: RunEngine.State) {
        guard let view else { return }
        switch state {
        case .paused:
            view.pause()
            update(view)
        case .running:
            view.resume()
        case .idle:
            break
        }
    }

    private func makeView(_ descriptor: JSONObject) -> LiveRunView {
        let hints = descriptor["hints"]?.object ?? [:]
        func fields(_ names: [JSONValue]?) -> [String] {
            (names ?? []).compactMap(\.string).flatMap { name in
                (hints[name]?["fields"]?.array ?? []).compactMap(\.string)
            }
        }
        let yKeys = fields(startDocument["detectors"]?.array)
        let xKey = fields(startDocument["motors"]?.array).first
        let plan = startDocument["plan_name"]?.string ?? "run"
        let scanID = startDocument["scan_id"]?.int.map { "scan \($0) · " } ?? ""
        return LiveRunView(title: "\(scanID)\(plan)", total: startDocument["num_points"]?.int, xKey: xKey, yKeys: yKeys)
    }

    private func show(_ view: LiveRunView) throws -> Value? {
        guard let display = interpreter.global("display") else { return nil }
        let handle = try interpreter.call(display, Arguments([.object(view)], keywords: [("display_id", .bool(true))]))
        return handle.isNone ? nil : handle
    }

    private func update(_ view: LiveRunView) {
        guard case .object(let handle)? = handle,
              let method = try? handle.attribute("update", interpreter) else { return }
        updates += 1
        _ = try? interpreter.call(method, .object(view))
    }
}
