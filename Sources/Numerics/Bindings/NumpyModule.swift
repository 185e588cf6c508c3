import Glibc
import Script

/// The `np` namespace (also `import numpy as np`): arrays and their functions with
/// numpy's names, argument names and error messages.
public enum NumpyModule {
    /// Every `np` function by name.
    static let functions: [String: NumpyFunction] = {
        var table: [String: NumpyFunction] = [:]
        for f in CreationFunctions.all + MathFunctions.all + StatisticsFunctions.all + ArrangementFunctions.all {
            table[f.name] = f
        }
        return table
    }()

    /// A fresh `numpy` module (each session has its own random generator).
    public static func make(_ interpreter: Interpreter) -> ModuleObject {
        var members: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "inf": .float(.infinity), "nan": .float(.nan),
            "newaxis": .none, "euler_gamma": .float(0.5772156649015329),
            "float64": .object(DTypeObject(.float64, scalarType: true)),
            "int64": .object(DTypeObject(.int64, scalarType: true)),
            "bool_": .object(DTypeObject(.bool, scalarType: true)),
            "random": .object(RandomModule().module()),
            "__version__": .str("2.4 (Beamtime Numerics)"),
        ]
        members["float_"] = members["float64"]
        members["int_"] = members["int64"]
        members["bool"] = members["bool_"]
        members["ndarray"] = .object(NDArrayType.shared)
        for (name, f) in functions { members[name] = .object(f.builtin) }
        return ModuleObject(name: "numpy", doc: "n-dimensional float64/int64/bool arrays with numpy's names and semantics (Beamtime Numerics).", members: members)
    }

    /// Registers `numpy` for import and binds `np` in the session.
    public static func install(into interpreter: Interpreter) {
        let module = make(interpreter)
        interpreter.registerModule("numpy") { _ in module }
        interpreter.setBuiltin("np", .object(module))
    }
}

/// `np.ndarray`: the array type, for `isinstance(x, np.ndarray)` and `np.ndarray(shape)`.
final class NDArrayType: HostType {
    static let shared = NDArrayType()
    var typeName: String { "type" }
    var docstring: String? { "An array object represents a multidimensional, homogeneous array of fixed-size items." }
    func repr(_ interpreter: Interpreter) throws -> String { "<class 'numpy.ndarray'>" }
    func hasInstance(_ value: Value) -> Bool {
        if case .object(let o) = value { return o is ArrayObject }
        return false
    }
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let b = try BoundArguments("ndarray", arguments, ["shape", "dtype"], required: 1)
        return ArrayObject.wrap(NDArray(shape: try b.shape("shape"), elementType: try b.elementType() ?? .float64))
    }
}
