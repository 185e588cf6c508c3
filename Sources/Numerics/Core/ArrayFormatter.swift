import Glibc

/// Prints arrays as numpy does: `repr` as `array([0.1       , 0.33333333])`, `str` as
/// `[0.1        0.33333333]`, wrapped at 75 columns and summarised above 1,000 elements.
public enum ArrayFormatter {
    /// numpy's `repr(a)`.
    public static func repr(_ a: NDArray) -> String {
        if a.count == 0 {
            let shape = a.ndim == 1 ? "" : "shape=\(pythonShape(a.shape)), "
            return "array([], \(shape)dtype=\(a.elementType.name))"
        }
        if a.ndim == 0 { return "array(" + elementFormatter(a, values: [a.scalarValue])(a.scalarValue) + ")" }
        return "array(" + layout(a, separator: ", ", prefix: "array(", lineWidth: 74) + ")"
    }

    /// numpy's `str(a)`.
    public static func str(_ a: NDArray) -> String {
        if a.count == 0 { return "[]" }
        if a.ndim == 0 { return elementFormatter(a, values: [a.scalarValue])(a.scalarValue) }
        return layout(a, separator: " ", prefix: "", lineWidth: 75)
    }

    /// Python's tuple spelling of a shape: `(3,)`, `(2, 3)`.
    public static func pythonShape(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    private static let edgeItems = 3

    private static func layout(_ a: NDArray, separator: String, prefix: String, lineWidth: Int) -> String {
        let summarise = a.count > 1000
        let shown = summarise ? shownValues(a) : a.values
        let format = elementFormatter(a, values: shown)
        let hanging = " " + String(repeating: " ", count: prefix.count)
        var index: [Int] = []
        func recurse(_ indent: String, _ width: Int) -> String {
            let axis = index.count
            if axis == a.ndim { return format(a[index]) }
            let nextIndent = indent + " ", nextWidth = width - 1
            let length = a.shape[axis]
            let summary = summarise && 2 * edgeItems < length
            let positions = summary ? Array(0..<edgeItems) + [-1] + Array((length - edgeItems)..<length) : Array(0..<length)
            var s = ""
            if a.ndim - axis == 1 {
                let elementWidth = width - separator.trimmingTrailingSpaces.count
                var line = indent
                for (k, p) in positions.enumerated() {
                    let word: String
                    if p < 0 { word = "..." } else { index.append(p); word = recurse(nextIndent, nextWidth); index.removeLast() }
                    let last = k == positions.count - 1
                    if line.count + word.count > (last ? width : elementWidth) && line.count > indent.count {
                        s += line.trimmingTrailingSpaces + "\n"
                        line = indent
                    }
                    line += word
                    if !last { line += separator }
                }
                s += line
            } else {
                let lineSeparator = separator.trimmingTrailingSpaces + String(repeating: "\n", count: a.ndim - axis - 1)
                for (k, p) in positions.enumerated() {
                    let nested: String
                    if p < 0 { nested = "..." } else { index.append(p); nested = recurse(nextIndent, nextWidth); index.removeLast() }
                    s += indent + nested + (k == positions.count - 1 ? "" : lineSeparator)
                }
            }
            return "[" + String(s.dropFirst(indent.count)) + "]"
        }
        return recurse(hanging, lineWidth)
    }

    /// The values printed when an array is summarised (three at each edge of every axis).
    private static func shownValues(_ a: NDArray) -> [Double] {
        var out: [Double] = []
        var index: [Int] = []
        func visit() {
            let axis = index.count
            if axis == a.ndim { out.append(a[index]); return }
            let length = a.shape[axis]
            let positions = 2 * edgeItems < length ? Array(0..<edgeItems) + Array((length - edgeItems)..<length) : Array(0..<length)
            for p in positions { index.append(p); visit(); index.removeLast() }
        }
        visit()
        return out
    }

    /// A formatter for the elements of `a`, fitted (padding, notation) to `values`.
    static func elementFormatter(_ a: NDArray, values: [Double]) -> (Double) -> String {
        switch a.elementType {
        case .bool:
            let padded = a.ndim > 0
            return { $0 != 0 ? (padded ? " True" : "True") : "False" }
        case .int64:
            let width = values.map { integerText($0).count }.max() ?? 1
            return { pad(integerText($0), width) }
        case .float64:
            return FloatFormat(values).format
        }
    }

    /// An integer element's digits (any double, even beyond 64 bits, prints without trapping).
    static func integerText(_ v: Double) -> String {
        if let i = exactInteger(v) { return String(i) }
        return v.isFinite ? FloatFormat.cFormat("%.0f", v) : (v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf"))
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}

/// numpy's `FloatingFormat` in its default mode (`maxprec`, precision 8).
struct FloatFormat {
    private var exponential = false
    private var padLeft = 0
    private var padRight = 0
    private var precision = 0
    private var exponentDigits = 2

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        let nonZero = finite.filter { $0 != 0 }.map { Swift.abs($0) }
        if let hi = nonZero.max(), let lo = nonZero.min(), hi >= 1e8 || lo < 0.0001 || hi / lo > 1000 {
            exponential = true
        }
        if exponential {
            let parts = finite.map { FloatFormat.scientific($0, digits: FloatFormat.shortestFractionDigits(scientific: $0)) }
            precision = parts.map { FloatFormat.mantissaFraction($0).count }.max() ?? 0
            exponentDigits = Swift.max(2, parts.map { FloatFormat.exponent($0).count }.max() ?? 2)
            padLeft = parts.map { FloatFormat.mantissaInteger($0).count }.max() ?? 1
            padRight = exponentDigits + 2 + precision
        } else {
            let parts = finite.map(FloatFormat.positional)
            padLeft = parts.map { $0.split(separator: ".", omittingEmptySubsequences: false)[0].count }.max() ?? 1
            padRight = parts.map { $0.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0 }.max() ?? 0
        }
        if finite.count != values.count {
            let negativeInfinity = values.contains { $0 == -.infinity } ? 1 : 0
            padLeft = Swift.max(padLeft, 3 - (padRight + 1), 3 + negativeInfinity - (padRight + 1))
        }
    }

    func format(_ x: Double) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return ArrayFormatter.pad(text, padLeft + padRight + 1)
        }
        if exponential {
            let s = FloatFormat.scientific(x, digits: precision)
            let exponent = FloatFormat.exponent(s)
            let sign = s.contains("e-") ? "-" : "+"
            let mantissa = String(s.prefix { $0 != "e" })
            let paddedExponent = String(repeating: "0", count: Swift.max(0, exponentDigits - exponent.count)) + exponent
            return ArrayFormatter.pad(mantissa, padLeft + 1 + precision) + "e" + sign + paddedExponent
        }
        let s = FloatFormat.positional(x)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1].count : 0
        return ArrayFormatter.pad(String(parts[0]), padLeft) + "." + (parts.count > 1 ? String(parts[1]) : "")
            + String(repeating: " ", count: padRight - fraction)
    }

    /// Shortest round-trip digits, at most 8 after the point, trailing zeros trimmed: `0.1`, `2.`.
    static func positional(_ x: Double) -> String {
        var s = cFormat("%.8f", x)
        let shortest = shortestPositional(x)
        if let shortest, shortest.count < s.count { s = shortest }
        while s.hasSuffix("0") { s.removeLast() }
        if !s.contains(".") { s += "." }
        if s == "-0." && x == 0 && x.sign == .plus { s = "0." }
        return s
    }

    /// Swift's shortest representation in positional form, or nil when it used an exponent.
    private static func shortestPositional(_ x: Double) -> String? {
        let d = x.description
        return d.contains("e") ? nil : d
    }

    /// The number of fraction digits of the shortest scientific form (at most 8).
    static func shortestFractionDigits(scientific x: Double) -> Int {
        for digits in 0...8 where Double(cFormat("%.\(digits)e", x)) == x { return digits }
        return 8
    }

    static func scientific(_ x: Double, digits: Int) -> String {
        var s = cFormat("%.\(digits)e", x)
        if !s.contains(".") { s = s.replacingFirst("e", with: ".e") }
        return s
    }

    static func mantissaInteger(_ s: String) -> String { String(s.prefix { $0 != "." }) }
    static func mantissaFraction(_ s: String) -> String {
        let m = s.prefix { $0 != "e" }
        guard let dot = m.firstIndex(of: ".") else { return "" }
        return String(m[m.index(after: dot)...])
    }
    static func exponent(_ s: String) -> String {
        guard let e = s.firstIndex(of: "e") else { return "" }
        return String(s[s.index(e, offsetBy: 2)...].drop { $0 == "0" }).isEmpty ? "0" : String(s[s.index(e, offsetBy: 2)...].drop { $0 == "0" })
    }

    /// `printf`-style formatting of one double.
    static func cFormat(_ format: String, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(cString: buffer)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let i = firstIndex(of: target) else { return self }
        return String(self[..<i]) + replacement + String(self[index(after: i)...])
    }
}
