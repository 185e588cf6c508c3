/// `slice(start, stop, step)`, as made by `a[1:5:2]`.
public final class SliceObject: ScriptObject {
    /// Start bound (None when omitted).
    public let start: Value
    /// Stop bound.
    public let stop: Value
    /// Step.
    public let step: Value

    /// Creates a slice.
    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var typeName: String { "slice" }
    public func repr(_ interpreter: Interpreter) throws -> String {
        "slice(\(try interpreter.repr(start)), \(try interpreter.repr(stop)), \(try interpreter.repr(step)))"
    }
    public func hashKey() -> Int? { nil }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "start": return start
        case "stop": return stop
        case "step": return step
        default: return nil
        }
    }

    /// Python's `slice.indices(length)` plus the number of selected items.
    public func indices(length: Int, _ interpreter: Interpreter) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        func intValue(_ v: Value) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: throw ScriptError.typeError("slice indices must be integers or None or have an __index__ method")
            }
        }
        // A step beyond ±(2**63 - 1) selects the same items as ±(2**63 - 1).
        let st = max(try intValue(step) ?? 1, -Int.max)
        if st == 0 { throw ScriptError.valueError("slice step cannot be zero") }
        var a: Int, b: Int
        if st > 0 {
            a = try intValue(start).map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? 0
            b = try intValue(stop).map { $0 < 0 ? max(0, $0 + length) : min($0, length) } ?? length
            let n = b > a ? (b - a - 1) / st + 1 : 0
            return (a, b, st, n)
        }
        a = try intValue(start).map { $0 < 0 ? max(-1, $0 + length) : min($0, length - 1) } ?? (length - 1)
        b = try intValue(stop).map { $0 < 0 ? max(-1, $0 + length) : min($0, length - 1) } ?? -1
        let n = a > b ? (a - b - 1) / (-st) + 1 : 0
        return (a, b, st, n)
    }
}
