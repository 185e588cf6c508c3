import CScriptSupport

/// Frees deeply nested lists and dicts without deep recursion, as CPython's "trashcan"
/// does: a container released while another is being freed on the same thread hands its
/// elements to a queue that the outermost release drains in a loop.
///
/// The state is per thread, so interpreters on different threads do not share it. A thread's
/// trashcan (a few bytes) lives until the process ends.
final class Trashcan {
    private var depth = 0
    private var pending: [Value] = []

    /// The calling thread's trashcan (kept in a C thread-local; one per thread, never freed
    /// before the thread ends).
    private static var current: Trashcan {
        if let p = bt_trashcan_get() { return Unmanaged<Trashcan>.fromOpaque(p).takeUnretainedValue() }
        let t = Trashcan()
        bt_trashcan_set(Unmanaged.passRetained(t).toOpaque())
        return t
    }

    /// Releases `items` (the elements of a container being freed) iteratively.
    static func dispose(_ items: inout [Value]) {
        guard items.contains(where: \.isContainer) else { return }
        let t = current
        // The queue keeps the elements alive, so clearing `items` frees nothing here.
        t.pending.append(contentsOf: items)
        items = []
        if t.depth > 0 { return }
        t.depth += 1
        while let next = t.pending.popLast() { drop(next) }
        t.depth -= 1
    }

    /// Releases one value inside a call, so the optimiser cannot move the release (and the
    /// deinitialisers it runs) past the end of the draining loop.
    @inline(never) @_optimize(none)
    private static func drop(_ value: consuming Value) {
        _ = consume value
    }
}

extension Value {
    /// Whether releasing this value may free other values (containers and objects).
    var isContainer: Bool {
        switch self {
        case .list, .dict, .tuple, .object: return true
        default: return false
        }
    }
}
