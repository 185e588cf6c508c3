/// Why an array operation failed, with numpy's wording where numpy has one.
public struct NumericsError: Error, CustomStringConvertible, Sendable {
    /// Which Python exception the message belongs to.
    public enum Kind: Sendable {
        /// `ValueError`: shapes, sizes or values that do not fit.
        case value
        /// `IndexError`: an index out of range or of the wrong kind.
        case index
        /// `TypeError`: an argument of the wrong type.
        case type
        /// `ZeroDivisionError`.
        case zeroDivision
        /// `OverflowError`: a value that does not fit the target type.
        case overflow
        /// `MemoryError`: an array too large for this machine.
        case memory
    }

    /// The exception kind.
    public let kind: Kind
    /// The message a scientist reads.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A `ValueError`.
    public static func value(_ m: String) -> NumericsError { NumericsError(.value, m) }
    /// An `IndexError`.
    public static func index(_ m: String) -> NumericsError { NumericsError(.index, m) }
    /// A `TypeError`.
    public static func type(_ m: String) -> NumericsError { NumericsError(.type, m) }
    /// A `MemoryError`.
    public static func memory(_ m: String) -> NumericsError { NumericsError(.memory, m) }

    public var description: String { message }
}

/// A double as an integer, or nil when it is not finite or beyond 64 bits.
@inline(__always)
public func exactInteger(_ v: Double) -> Int? {
    v.isFinite && Swift.abs(v) < 9.2e18 ? Int(v) : nil
}

/// A double's integer part as a 64-bit integer, 0 when it is not finite or beyond 64 bits.
@inline(__always)
func wrappingInteger(_ v: Double) -> Int64 {
    v.isFinite && Swift.abs(v) < 9.2e18 ? Int64(v) : 0
}

/// `(3, 4)` or `(3,)` as numpy prints shapes.
public func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
}
