import Glibc
import Script

/// Elementwise mathematics: numpy's unary and binary ufuncs, `round`, `clip`, `where`,
/// `nan_to_num` and closeness tests.
enum MathFunctions {
    static let unaryDocs: [(UnaryOperation, String, String)] = [
        (.sqrt, "sqrt", "Return the non-negative square-root of an array, element-wise."),
        (.exp, "exp", "Calculate the exponential of all elements in the input array."),
        (.expm1, "expm1", "Calculate exp(x) - 1 for all elements in the array."),
        (.exp2, "exp2", "Calculate 2**p for all p in the input array."),
        (.log, "log", "Natural logarithm, element-wise."),
        (.log10, "log10", "Return the base 10 logarithm of the input array, element-wise."),
        (.log2, "log2", "Base-2 logarithm of x."),
        (.log1p, "log1p", "Return the natural logarithm of one plus the input array, element-wise."),
        (.sin, "sin", "Trigonometric sine, element-wise (radians)."),
        (.cos, "cos", "Cosine element-wise (radians)."),
        (.tan, "tan", "Compute tangent element-wise (radians)."),
        (.arcsin, "arcsin", "Inverse sine, element-wise."),
        (.arccos, "arccos", "Trigonometric inverse cosine, element-wise."),
        (.arctan, "arctan", "Trigonometric inverse tangent, element-wise."),
        (.sinh, "sinh", "Hyperbolic sine, element-wise."),
        (.cosh, "cosh", "Hyperbolic cosine, element-wise."),
        (.tanh, "tanh", "Compute hyperbolic tangent element-wise."),
        (.arcsinh, "arcsinh", "Inverse hyperbolic sine element-wise."),
        (.arccosh, "arccosh", "Inverse hyperbolic cosine, element-wise."),
        (.arctanh, "arctanh", "Inverse hyperbolic tangent element-wise."),
        (.degrees, "degrees", "Convert angles from radians to degrees."),
        (.radians, "radians", "Convert angles from degrees to radians."),
        (.deg2rad, "deg2rad", "Convert angles from degrees to radians."),
        (.rad2deg, "rad2deg", "Convert angles from radians to degrees."),
        (.absolute, "abs", "Calculate the absolute value element-wise."),
        (.absolute, "absolute", "Calculate the absolute value element-wise."),
        (.negative, "negative", "Numerical negative, element-wise."),
        (.positive, "positive", "Numerical positive, element-wise."),
        (.sign, "sign", "Returns an element-wise indication of the sign of a number (-1, 0, 1; nan for nan)."),
        (.square, "square", "Return the element-wise square of the input."),
        (.reciprocal, "reciprocal", "Return the reciprocal of the argument, element-wise."),
        (.floor, "floor", "Return the floor of the input, element-wise."),
        (.ceil, "ceil", "Return the ceiling of the input, element-wise."),
        (.trunc, "trunc", "Return the truncated value of the input, element-wise."),
        (.rint, "rint", "Round elements of the array to the nearest integer (halves to even)."),
        (.isnan, "isnan", "Test element-wise for NaN and return result as a boolean array."),
        (.isfinite, "isfinite", "Test element-wise for finiteness (not infinity and not Not a Number)."),
        (.isinf, "isinf", "Test element-wise for positive or negative infinity."),
        (.logicalNot, "logical_not", "Compute the truth value of NOT x element-wise."),
        (.invert, "invert", "Compute bit-wise inversion, or bit-wise NOT, element-wise (logical NOT for booleans)."),
    ]

    static let binaryDocs: [(BinaryOperation, String, String)] = [
        (.add, "add", "Add arguments element-wise."),
        (.subtract, "subtract", "Subtract arguments, element-wise."),
        (.multiply, "multiply", "Multiply arguments element-wise."),
        (.divide, "divide", "Divide arguments element-wise (true division)."),
        (.divide, "true_divide", "Divide arguments element-wise (true division)."),
        (.floorDivide, "floor_divide", "Return the largest integer smaller or equal to the division of the inputs."),
        (.remainder, "remainder", "Returns the element-wise remainder of division, with the sign of the divisor."),
        (.remainder, "mod", "Returns the element-wise remainder of division, with the sign of the divisor."),
        (.power, "power", "First array elements raised to powers from second array, element-wise."),
        (.maximum, "maximum", "Element-wise maximum of array elements (NaN propagates)."),
        (.minimum, "minimum", "Element-wise minimum of array elements (NaN propagates)."),
        (.fmax, "fmax", "Element-wise maximum of array elements, ignoring NaN."),
        (.fmin, "fmin", "Element-wise minimum of array elements, ignoring NaN."),
        (.arctan2, "arctan2", "Element-wise arc tangent of x1/x2 choosing the quadrant correctly."),
        (.hypot, "hypot", "Given the legs of a right triangle, return its hypotenuse."),
        (.copysign, "copysign", "Change the sign of x1 to that of x2, element-wise."),
        (.equal, "equal", "Return (x1 == x2) element-wise."),
        (.notEqual, "not_equal", "Return (x1 != x2) element-wise."),
        (.less, "less", "Return the truth value of (x1 < x2) element-wise."),
        (.lessEqual, "less_equal", "Return the truth value of (x1 <= x2) element-wise."),
        (.greater, "greater", "Return the truth value of (x1 > x2) element-wise."),
        (.greaterEqual, "greater_equal", "Return the truth value of (x1 >= x2) element-wise."),
        (.logicalAnd, "logical_and", "Compute the truth value of x1 AND x2 element-wise."),
        (.logicalOr, "logical_or", "Compute the truth value of x1 OR x2 element-wise."),
        (.logicalXor, "logical_xor", "Compute the truth value of x1 XOR x2, element-wise."),
        (.bitwiseAnd, "bitwise_and", "Compute the bit-wise AND of two arrays element-wise."),
        (.bitwiseOr, "bitwise_or", "Compute the bit-wise OR of two arrays element-wise."),
        (.bitwiseXor, "bitwise_xor", "Compute the bit-wise XOR of two arrays element-wise."),
    ]

    static var all: [NumpyFunction] {
        unaryDocs.map { op, name, doc in
            NumpyFunction("\(name)(x, /)", doc) { b, i in ArrayConversion.value(try op.apply(b.array("x", i))) }
        } + binaryDocs.map { op, name, doc in
            NumpyFunction("\(name)(x1, x2, /)", doc) { b, i in
                ArrayConversion.value(try Elementwise.apply(op, b.array("x1", i), b.array("x2", i)))
            }
        } + others
    }

    static let others: [NumpyFunction] = [
        NumpyFunction("round(a, decimals=0)", "Evenly round to the given number of decimals (halves to even, as numpy does).") { b, i in
            ArrayConversion.value(try round(b.array("a", i), decimals: b.int("decimals") ?? 0))
        },
        NumpyFunction("around(a, decimals=0)", "Round an array to the given number of decimals (same as round).") { b, i in
            ArrayConversion.value(try round(b.array("a", i), decimals: b.int("decimals") ?? 0))
        },
        NumpyFunction("clip(a, a_min=None, a_max=None)", "Clip (limit) the values in an array to [a_min, a_max]; either bound may be None.") { b, i in
            ArrayConversion.value(try Selection.clip(b.array("a", i), low: b.optionalArray("a_min", i), high: b.optionalArray("a_max", i)))
        },
        NumpyFunction("where(condition, x=None, y=None)", "Return elements chosen from x or y depending on condition; with only condition, the indices where it is true (as nonzero).") { b, i in
            let condition = try b.array("condition", i)
            let x = try b.optionalArray("x", i), y = try b.optionalArray("y", i)
            if x == nil && y == nil { return .tuple(Selection.nonzero(condition).map(ArrayObject.wrap)) }
            guard let x, let y else { throw ScriptError.valueError("either both or neither of x and y should be given") }
            return ArrayObject.wrap(try Selection.choose(condition, x, y))
        },
        NumpyFunction("nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)", "Replace NaN with zero (or nan=) and infinity with large finite numbers (or posinf=/neginf=).") { b, i in
            ArrayConversion.value(Selection.nanToNumber(try b.array("x", i), nan: try b.double("nan") ?? 0,
                                                        posinf: try b.double("posinf"), neginf: try b.double("neginf")))
        },
        NumpyFunction("isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", "Element-wise test |a - b| <= atol + rtol * |b|.") { b, i in
            ArrayConversion.value(try isClose(b, i))
        },
        NumpyFunction("allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", "True if all elements are equal within a tolerance (see isclose).") { b, i in
            .bool(try isClose(b, i).reduced(.all).scalarValue != 0)
        },
        NumpyFunction("array_equal(a1, a2)", "True if two arrays have the same shape and elements.") { b, i in
            let a = try b.array("a1", i), c = try b.array("a2", i)
            guard a.shape == c.shape else { return .bool(false) }
            return .bool(try Elementwise.apply(.equal, a, c).reduced(.all).scalarValue != 0)
        },
    ]

    /// numpy's `round`: scale by 10**decimals, round halves to even, scale back.
    static func round(_ a: NDArray, decimals: Int) throws -> NDArray {
        if a.elementType == .bool {
            throw NumericsError.type("ufunc 'rint' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
        }
        if a.elementType != .float64 && decimals >= 0 { return a.contiguousCopy() }
        let factor = Glibc.pow(10.0, Double(Swift.abs(decimals)))
        if decimals >= 0 { return a.map(a.elementType) { Glibc.rint($0 * factor) / factor } }
        return a.map(a.elementType) { Glibc.rint($0 / factor) * factor }
    }

    private static func isClose(_ b: BoundArguments, _ i: Interpreter) throws -> NDArray {
        let x = try b.array("a", i).converted(to: .float64), y = try b.array("b", i).converted(to: .float64)
        let rtol = try b.double("rtol") ?? 1e-5, atol = try b.double("atol") ?? 1e-8
        let equalNaN = try b.bool("equal_nan", default: false)
        let shape = try Broadcasting.shape(x.shape, y.shape)
        let xv = try Broadcasting.view(x, as: shape).values, yv = try Broadcasting.view(y, as: shape).values
        return NDArray.make(shape: shape, elementType: .bool) { out, n in
            for k in 0..<n {
                let p = xv[k], q = yv[k]
                if p.isNaN || q.isNaN { out[k] = equalNaN && p.isNaN && q.isNaN ? 1 : 0; continue }
                if p.isInfinite || q.isInfinite { out[k] = p == q ? 1 : 0; continue }
                out[k] = Swift.abs(p - q) <= atol + rtol * Swift.abs(q) ? 1 : 0
            }
        }
    }
}
