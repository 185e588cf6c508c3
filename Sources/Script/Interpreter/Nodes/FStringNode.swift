final class FStringNode: ExprNode {
    enum Part {
        case literal(String)
        case field(ExprNode, conversion: Character?, spec: [Part]?, debugText: String?)
    }
    let parts: [Part]
    init(_ parts: [Part], _ span: SourceSpan) {
        self.parts = parts
        super.init(span)
    }
    override func eval(_ f: Frame) throws -> Value {
        do { return .str(try render(parts, f)) } catch let e as ScriptError { throw e.locate(span, f) }
    }
    private func render(_ parts: [Part], _ f: Frame) throws -> String {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
            var out = TextAccumulator(buffer)
            unowned(unsafe) let interp = f.interpreter
            for p in parts {
                switch p {
                case .literal(let s): out.append(s)
                case .field(let e, let conversion, let spec, let debug):
                    if let debug { out.append(debug) }
                    var v = try e.eval(f)
                    if conversion == nil && spec == nil {
                        switch v {
                        case .str(let s):
                            out.append(s)
                            continue
                        case .int(let i):
                            out.append(decimal: i)
                            continue
                        default: break
                        }
                    }
                    switch conversion {
                    case "r": v = .str(try interp.repr(v))
                    case "s": v = .str(try interp.str(v))
                    case "a": v = .str(asciiRepr(try interp.repr(v)))
                    default: break
                    }
                    let specText = try spec.map { try render($0, f) } ?? ""
                    out.append(try interp.format(v, specText))
                }
            }
            return out.text
        }
    }
}

/// `ascii(x)`: repr with non-ASCII escaped.
func asciiRepr(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.value < 128 {
            out.unicodeScalars.append(u)
        } else if u.value <= 0xFF {
            out += "\\x" + hex(u.value, 2)
        } else if u.value <= 0xFFFF {
            out += "\\u" + hex(u.value, 4)
        } else {
            out += "\\U" + hex(u.value, 8)
        }
    }
    return out
}

func hex(_ v: UInt32, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}
