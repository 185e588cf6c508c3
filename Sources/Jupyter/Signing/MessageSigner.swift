/// Signs and checks Jupyter messages with HMAC-SHA256 over the header, parent header,
/// metadata and content frames exactly as sent. An empty key means messages are not
/// signed (and the signature frame is empty).
public struct MessageSigner: Sendable {
    private let innerPad: [UInt8]
    private let outerPad: [UInt8]
    /// Whether messages are signed at all.
    public let isSigning: Bool

    /// A signer for `key` (the connection file's `key`, as UTF-8 bytes).
    public init(key: [UInt8]) {
        isSigning = !key.isEmpty
        var block = key.count > SHA256.blockSize ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: SHA256.blockSize - block.count)
        innerPad = block.map { $0 ^ 0x36 }
        outerPad = block.map { $0 ^ 0x5c }
    }

    /// The raw 32-byte HMAC of the concatenated `parts`.
    public func mac(_ parts: [[UInt8]]) -> [UInt8] {
        var inner = SHA256()
        inner.update(innerPad)
        for part in parts { inner.update(part) }
        let innerDigest = inner.finalize()
        var outer = SHA256()
        outer.update(outerPad)
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// The lowercase-hex signature of `parts`; empty when not signing.
    public func signature(_ parts: [[UInt8]]) -> [UInt8] {
        guard isSigning else { return [] }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in mac(parts) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return out
    }

    /// Whether `signature` is the right one for `parts`. The lengths are compared first and
    /// the bytes in constant time, so neither a short signature nor timing reveals anything.
    public func isValid(_ signature: [UInt8], for parts: [[UInt8]]) -> Bool {
        guard isSigning else { return true }
        let expected = self.signature(parts)
        guard signature.count == expected.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<expected.count { difference |= expected[i] ^ signature[i] }
        return difference == 0
    }
}
