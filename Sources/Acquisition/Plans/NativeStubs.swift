import Script

/// A plan written in Swift as a fixed list of messages: the run engine drives it like a
/// generator (`yield from trigger_and_read(...)` composes), without the interpreter. The
/// values the engine sends back after chosen messages are collected into the result.
final class MessageListPlan: Coroutine {
    private let messages: [PlanMessage]
    private let collecting: [Bool]
    private let finish: ([Value]) -> Value
    private var collected: [Value] = []
    private var next = 0
    let name: String
    var returnValue: Value = .none

    /// A plan yielding `messages`; the values sent back after those marked in `collect`
    /// are given to `finish`, whose result is the plan's return value.
    init(name: String, messages: [PlanMessage], collect: [Bool], finish: @escaping ([Value]) -> Value) {
        self.name = name
        self.messages = messages
        self.collecting = collect
        self.finish = finish
    }

    var typeName: String { "generator" }
    func repr(_ interpreter: Interpreter) throws -> String { "<generator object \(name)>" }

    func send(_ value: Value) throws -> Value? {
        if next > 0 && next <= messages.count && collecting[next - 1] { collected.append(value) }
        guard next < messages.count else {
            if next == messages.count {
                returnValue = finish(collected)
                next += 1
            }
            return nil
        }
        next += 1
        return .object(messages[next - 1])
    }

    func throwInto(_ exception: ExceptionObject) throws -> Value? {
        next = messages.count + 1
        throw ScriptError(exception)
    }

    func close() throws { next = messages.count + 1 }
}

/// `trigger_and_read` and `mv` in Swift: the two stubs every scan step runs.
enum NativeStubs {
    static func install(into interpreter: Interpreter) {
        var groups = 0
        func group(_ prefix: String) -> Value {
            groups += 1
            return .str("\(prefix)-n\(groups)")
        }
        interpreter.setBuiltin("trigger_and_read", .object(BuiltinFunction(
            "trigger_and_read", signature: "trigger_and_read(devices, name='primary')",
            doc: "trigger_and_read(devices, name='primary'): trigger every device, wait, then read them all into one event of stream `name`. Returns the readings."
        ) { args, interp in
            guard let first = args.positional.first, args.positional.count <= 2 else {
                throw ScriptError.typeError("trigger_and_read() takes a list of devices and an optional stream name")
            }
            let name = args.positional.count > 1 ? args.positional[1] : (args.keyword("name") ?? .str("primary"))
            guard case .str = name else { throw ScriptError.typeError("trigger_and_read(): name must be a string") }
            var devices: [Value] = []
            let iterator = try interp.iterator(first)
            while let d = try iterator.next(interp) {
                let known = devices.contains { existing in
                    if case .object(let a) = existing, case .object(let b) = d { return a === b }
                    return false
                }
                if !known { devices.append(d) }
            }
            let g = group("trigger")
            var messages = devices.map { PlanMessage("trigger", $0, kwargs: [("group", g)]) }
            messages.append(PlanMessage("wait", .none, kwargs: [("group", g)]))
            messages.append(PlanMessage("create", .none, kwargs: [("name", name)]))
            messages += devices.map { PlanMessage("read", $0) }
            messages.append(PlanMessage("save"))
            let collect = messages.map { $0.command == "read" }
            return .object(MessageListPlan(name: "trigger_and_read", messages: messages, collect: collect) { readings in
                let merged = DictObject()
                for case .dict(let reading) in readings {
                    for (key, value) in reading.entries { if let k = try? HashKey(key) { merged.set(k, value) } }
                }
                return .dict(merged)
            })
        }))
        interpreter.setBuiltin("mv", .object(BuiltinFunction(
            "mv", signature: "mv(motor1, value1, motor2, value2, ..., group=None)",
            doc: "mv(motor1, value1, motor2, value2, ..., group=None): move motors in parallel and wait for all of them. Returns their statuses."
        ) { args, _ in
            guard args.positional.count % 2 == 0, !args.positional.isEmpty else {
                throw ScriptError.valueError("mv() takes pairs: mv(motor1, value1, motor2, value2, ...)")
            }
            let g = args.keyword("group") ?? group("set")
            var messages: [PlanMessage] = []
            for i in stride(from: 0, to: args.positional.count, by: 2) {
                messages.append(PlanMessage("set", args.positional[i], args: [args.positional[i + 1]], kwargs: [("group", g)]))
            }
            messages.append(PlanMessage("wait", .none, kwargs: [("group", g)]))
            let collect = messages.map { $0.command == "set" }
            return .object(MessageListPlan(name: "mv", messages: messages, collect: collect) { .tuple($0) })
        }))
    }
}
