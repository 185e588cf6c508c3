/// The element type an array reports (numpy's dtype). Every element is stored as a
/// `Double`; the type decides how values print, convert back to Python scalars and promote.
/// Integers are exact up to 2^53 (numpy's int64 goes to 2^63): the documented difference.
public enum ElementType: Int, Comparable, Sendable {
    /// `bool`: elements are 0 or 1.
    case bool
    /// `int64`: elements are whole numbers.
    case int64
    /// `float64`.
    case float64

    /// numpy's name for the type.
    public var name: String {
        switch self {
        case .bool: return "bool"
        case .int64: return "int64"
        case .float64: return "float64"
        }
    }

    /// The type of an arithmetic result of two operands (numpy's promotion: bool < int64 < float64).
    public static func promoted(_ a: ElementType, _ b: ElementType) -> ElementType { max(a, b) }

    public static func < (a: ElementType, b: ElementType) -> Bool { a.rawValue < b.rawValue }
}
