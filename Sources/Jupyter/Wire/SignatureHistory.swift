/// The signatures of recently accepted messages, so a replayed message is refused (as
/// jupyter_client keeps a digest history). Keeps the newest `capacity` entries.
public struct SignatureHistory: Sendable {
    private var seen: Set<[UInt8]> = []
    private var order: [[UInt8]] = []
    private var next = 0
    /// How many signatures are remembered.
    public let capacity: Int

    /// An empty history remembering up to `capacity` signatures.
    public init(capacity: Int = 1 << 16) {
        self.capacity = max(1, capacity)
    }

    /// Records `signature`; returns false if it was already there.
    public mutating func insert(_ signature: [UInt8]) -> Bool {
        guard !seen.contains(signature) else { return false }
        if order.count < capacity {
            order.append(signature)
        } else {
            seen.remove(order[next])
            order[next] = signature
            next = (next + 1) % capacity
        }
        seen.insert(signature)
        return true
    }
}
