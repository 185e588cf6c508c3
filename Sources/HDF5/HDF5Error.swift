/// An HDF5 call that failed: what was attempted, on which object.
public struct HDF5Error: Error, CustomStringConvertible, Equatable {
    /// The operation, e.g. `create dataset`.
    public var operation: String
    /// The file path or object name involved.
    public var object: String

    /// An error from its parts.
    public init(_ operation: String, _ object: String) {
        self.operation = operation
        self.object = object
    }

    public var description: String { "HDF5: cannot \(operation) '\(object)'" }
}
