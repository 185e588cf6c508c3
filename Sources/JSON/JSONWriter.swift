/// How `JSONValue.serialized` lays out text.
public struct JSONFormat: Sendable {
    /// Spaces per nesting level; nil writes everything on one line without spaces.
    public var indent: Int?
    /// Whether object keys are written sorted (as Jupyter writes notebooks).
    public var sortKeys: Bool

    /// One line, keys in their order: the wire format.
    public static let compact = JSONFormat(indent: nil, sortKeys: false)
    /// nbformat's layout: one-space indent, sorted keys.
    public static let notebook = JSONFormat(indent: 1, sortKeys: true)

    /// A format with the given indent and key order.
    public init(indent: Int?, sortKeys: Bool) {
        self.indent = indent
        self.sortKeys = sortKeys
    }
}

extension JSONValue {
    /// The UTF-8 text of this value. Non-ASCII characters are written as themselves, as
    /// Python's `json.dumps(..., ensure_ascii=False)` does; NaN and infinities as Python
    /// writes them.
    public func serialized(_ format: JSONFormat = .compact) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, format: format, level: 0)
        return out
    }

    /// The text of this value as a string.
    public func text(_ format: JSONFormat = .compact) -> String {
        String(decoding: serialized(format), as: UTF8.self)
    }

    private func write(into out: inout [UInt8], format: JSONFormat, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: JSONValue.numberText(d).utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            if items.isEmpty { out.append(UInt8(ascii: "]")); return }
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, format, level + 1)
                item.write(into: &out, format: format, level: level + 1)
            }
            newline(&out, format, level)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            if object.count == 0 { out.append(UInt8(ascii: "}")); return }
            let members = format.sortKeys
                ? object.members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
                : object.members
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, format, level + 1)
                JSONValue.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if format.indent != nil { out.append(UInt8(ascii: " ")) }
                member.value.write(into: &out, format: format, level: level + 1)
            }
            newline(&out, format, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ format: JSONFormat, _ level: Int) {
        guard let indent = format.indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// A double as Python's `repr` writes it inside JSON.
    static func numberText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return d.description
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
