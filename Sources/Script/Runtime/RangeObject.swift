/// `range(start, stop, step)`.
public final class RangeObject: ScriptObject, KeyEquatable {
    /// First value.
    public let start: Int
    /// End (exclusive).
    public let stop: Int
    /// Step (never 0).
    public let step: Int

    /// Creates a range.
    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The number of values (saturating at `Int.max` for ranges longer than that).
    public var count: Int {
        let n = exactCount
        return n > UInt(Int.max) ? Int.max : Int(n)
    }

    /// The number of values, computed without overflow.
    var exactCount: UInt {
        if step > 0 {
            guard start < stop else { return 0 }
            return (UInt(bitPattern: stop) &- UInt(bitPattern: start) &- 1) / UInt(step) + 1
        }
        guard start > stop else { return 0 }
        return (UInt(bitPattern: start) &- UInt(bitPattern: stop) &- 1) / step.magnitude + 1
    }

    public var typeName: String { "range" }
    public var docstring: String? { BuiltinTypes.range.docstring }
    public func length(_ interpreter: Interpreter) throws -> Int? {
        if exactCount > UInt(Int.max) { throw ScriptError.overflow("Python int too large to convert to C ssize_t") }
        return count
    }
    public func repr(_ interpreter: Interpreter) throws -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }
    public func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { RangeIterator(self) }
    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        guard case .int(let v) = value else {
            if case .float(let d) = value, d == d.rounded(), abs(d) < 9e18 { return try contains(.int(Int(d)), interpreter) }
            return false
        }
        if step > 0 ? (v < start || v >= stop) : (v > start || v <= stop) { return false }
        let distance = step > 0 ? UInt(bitPattern: v) &- UInt(bitPattern: start) : UInt(bitPattern: start) &- UInt(bitPattern: v)
        return distance % step.magnitude == 0
    }
    public func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        switch key {
        case .int(let i):
            let n = count
            let j = i < 0 ? i + n : i
            guard j >= 0 && j < n else { throw ScriptError.indexError("range object index out of range") }
            return .int(start &+ j &* step)
        case .object(let s as SliceObject):
            let (a, _, st, n) = try s.indices(length: count, interpreter)
            let (offset, o1) = a.multipliedReportingOverflow(by: step)
            let (newStart, o2) = start.addingReportingOverflow(offset)
            let (newStep, o3) = step.multipliedReportingOverflow(by: st)
            let (span, o4) = n.multipliedReportingOverflow(by: newStep)
            let (newStop, o5) = newStart.addingReportingOverflow(span)
            if o1 || o2 || o3 || o4 || o5 { throw ScriptError.overflow() }
            return .object(RangeObject(start: newStart, stop: newStop, step: newStep))
        default:
            throw ScriptError.typeError("range indices must be integers or slices, not \(key.typeName)")
        }
    }
    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .eq || op == .ne else { return nil }
        guard case .object(let o) = other else { return .bool(op == .ne) }
        return .bool(keyEquals(o) == (op == .eq))
    }
    public func keyEquals(_ other: any ScriptObject) -> Bool {
        guard let r = other as? RangeObject else { return false }
        if count != r.count { return false }
        if count == 0 { return true }
        return start == r.start && (count == 1 || step == r.step)
    }
    public func hashKey() -> Int? { count == 0 ? 0 : start &* 31 &+ step &* 7 &+ count }
    public var attributeNames: [String] { ["start", "stop", "step", "count", "index"] }
    public func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        case "index", "count":
            return .object(BuiltinFunction(name, signature: "range.\(name)(value, /)") { [self] args, interp in
                try ArgumentReader(name, args, interp).count(1)
                let found = try self.contains(args.positional[0], interp) ?? false
                if name == "count" { return .int(found ? 1 : 0) }
                guard found, case .int(let v) = args.positional[0] else {
                    throw ScriptError.valueError("\((try? interp.repr(args.positional[0])) ?? "value") is not in range")
                }
                return .int((v - start) / step)
            })
        default: return nil
        }
    }
}
