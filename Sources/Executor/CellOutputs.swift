import JSON
import Jupyter

/// Turns a cell's iopub messages into nbformat outputs exactly as nbclient does: one
/// output per stream/display/result/error message, `clear_output` (with `wait`),
/// display ids updated across every cell that showed them, the execution count taken
/// from any message that carries one, and nbclient's `metadata.execution` timings.
struct CellOutputs {
    /// The outputs so far.
    var outputs: [JSONValue] = []
    /// The execution count the kernel reported.
    var executionCount: JSONValue = .null
    /// `iopub.status.busy`, `iopub.execute_input`, `iopub.status.idle` (then the executor
    /// adds `shell.execute_reply`).
    var timing = JSONObject()
    /// Updates for outputs of earlier cells: (display id, data, metadata).
    var displayUpdates: [(id: String, data: JSONValue, metadata: JSONValue)] = []
    /// Indices in `outputs` shown under each display id.
    var displayIndices: [String: [Int]] = [:]
    private var clearBeforeNextOutput = false

    /// Takes one iopub message; returns the new output if one was appended.
    @discardableResult
    mutating func take(_ message: Message) -> JSONObject? {
        let content = message.content
        let type = message.type
        let displayID = content["transient"]?.object?["display_id"]?.string
        if let displayID, ["execute_result", "display_data", "update_display_data"].contains(type) {
            updateDisplay(displayID, data: content["data"] ?? .object([:]), metadata: content["metadata"] ?? .object([:]))
        }
        if let count = content["execution_count"] { executionCount = count }
        let stamp = JSONValue.string(UTCTime.fromHeader(message.header["date"]?.string))
        switch type {
        case "status":
            switch content["execution_state"]?.string {
            case "busy": timing["iopub.status.busy"] = stamp
            case "idle": timing["iopub.status.idle"] = stamp
            default: break
            }
            return nil
        case "execute_input":
            timing["iopub.execute_input"] = stamp
            return nil
        case "clear_output":
            if content["wait"]?.bool == true { clearBeforeNextOutput = true } else { clear() }
            return nil
        case "update_display_data":
            return nil
        default:
            guard let output = CellOutputs.output(from: message) else { return nil }
            if clearBeforeNextOutput {
                clear()
                clearBeforeNextOutput = false
            }
            if let displayID { displayIndices[displayID, default: []].append(outputs.count) }
            outputs.append(.object(output))
            return output
        }
    }

    private mutating func clear() {
        outputs.removeAll()
        displayIndices.removeAll()
    }

    private mutating func updateDisplay(_ id: String, data: JSONValue, metadata: JSONValue) {
        displayUpdates.append((id, data, metadata))
        for index in displayIndices[id] ?? [] where index < outputs.count {
            guard var output = outputs[index].object else { continue }
            output["data"] = data
            output["metadata"] = metadata
            outputs[index] = .object(output)
        }
    }

    /// nbformat's `output_from_msg`: the output a message makes, or nil for types that make none.
    static func output(from message: Message) -> JSONObject? {
        let c = message.content
        switch message.type {
        case "stream":
            return ["name": c["name"] ?? "stdout", "output_type": "stream", "text": c["text"] ?? ""]
        case "display_data":
            return ["data": c["data"] ?? .object([:]), "metadata": c["metadata"] ?? .object([:]), "output_type": "display_data"]
        case "execute_result":
            return ["data": c["data"] ?? .object([:]), "execution_count": c["execution_count"] ?? .null,
                    "metadata": c["metadata"] ?? .object([:]), "output_type": "execute_result"]
        case "error":
            return ["ename": c["ename"] ?? "", "evalue": c["evalue"] ?? "", "output_type": "error",
                    "traceback": c["traceback"] ?? .array([])]
        default:
            return nil
        }
    }
}
