import Script

/// `np.array`, `zeros`, `arange`, `linspace` and the other ways to make an array.
enum CreationFunctions {
    static let all: [NumpyFunction] = [
        NumpyFunction("array(object, dtype=None, copy=True, ndmin=0)", "Create an array from a list (nested for more dimensions), a tuple, a range, a number or another array. dtype= converts the elements (float, int, bool).") { b, i in
            var a = try b.array("object", i)
            if case .object(let o as ArrayObject)? = b["object"], o.array.buffer === a.buffer { a = a.contiguousCopy() }
            if let t = try b.elementType() {
                try a.checkStorable(in: t)
                a = a.converted(to: t)
            }
            let ndmin = try b.int("ndmin") ?? 0
            if a.ndim < ndmin { a = try a.reshaped(Array(repeating: 1, count: ndmin - a.ndim) + a.shape) }
            return ArrayObject.wrap(a)
        },
        NumpyFunction("asarray(a, dtype=None)", "Convert the input to an array without copying when it already is one.") { b, i in
            var a = try b.array("a", i)
            if let t = try b.elementType(), t != a.elementType { a = a.converted(to: t) }
            return ArrayObject.wrap(a)
        },
        NumpyFunction("copy(a)", "Return an array copy of the given object.") { b, i in
            ArrayObject.wrap(try b.array("a", i).contiguousCopy())
        },
        NumpyFunction("zeros(shape, dtype=float)", "Return a new array of given shape filled with zeros.") { b, i in
            ArrayObject.wrap(NDArray(shape: try b.shape("shape"), repeating: 0, elementType: try b.elementType() ?? .float64))
        },
        NumpyFunction("ones(shape, dtype=None)", "Return a new array of given shape filled with ones.") { b, i in
            ArrayObject.wrap(NDArray(shape: try b.shape("shape"), repeating: 1, elementType: try b.elementType() ?? .float64))
        },
        NumpyFunction("empty(shape, dtype=float)", "Return a new array of given shape (Beamtime fills it with zeros).") { b, i in
            ArrayObject.wrap(NDArray(shape: try b.shape("shape"), repeating: 0, elementType: try b.elementType() ?? .float64))
        },
        NumpyFunction("full(shape, fill_value, dtype=None)", "Return a new array of given shape filled with fill_value.") { b, i in
            let fill = try b.array("fill_value", i)
            let type = try b.elementType() ?? fill.elementType
            let result = NDArray(shape: try b.shape("shape"), repeating: 0, elementType: type)
            try result.assignChecked(fill)
            return ArrayObject.wrap(result)
        },
        NumpyFunction("zeros_like(a, dtype=None)", "Return an array of zeros with the same shape and type as a given array.") { b, i in
            let a = try b.array("a", i)
            return ArrayObject.wrap(NDArray(shape: a.shape, repeating: 0, elementType: try b.elementType() ?? a.elementType))
        },
        NumpyFunction("ones_like(a, dtype=None)", "Return an array of ones with the same shape and type as a given array.") { b, i in
            let a = try b.array("a", i)
            return ArrayObject.wrap(NDArray(shape: a.shape, repeating: 1, elementType: try b.elementType() ?? a.elementType))
        },
        NumpyFunction("full_like(a, fill_value, dtype=None)", "Return a full array with the same shape and type as a given array.") { b, i in
            let a = try b.array("a", i)
            let type = try b.elementType() ?? a.elementType
            let fill = try b.array("fill_value", i).converted(to: type)
            return ArrayObject.wrap(NDArray(shape: a.shape, repeating: fill.scalarValue, elementType: type))
        },
        NumpyFunction("arange(start, stop=None, step=None, dtype=None)", "Return evenly spaced values within [start, stop) with the given step. arange(n) counts from 0 to n-1; integers in give an integer array.") { b, i in
            let startValue = try b.array("start", i)
            var start = startValue.scalarValue
            var stop: Double
            var integral = startValue.elementType != .float64
            if let s = try b.optionalArray("stop", i) {
                stop = s.scalarValue
                integral = integral && s.elementType != .float64
            } else {
                stop = start
                start = 0
            }
            let stepArray = try b.optionalArray("step", i)
            let step = stepArray?.scalarValue ?? 1
            if let stepArray, stepArray.elementType == .float64 { integral = false }
            let type = try b.elementType() ?? (integral ? .int64 : .float64)
            return ArrayObject.wrap(try Creation.arange(start: start, stop: stop, step: step, elementType: type))
        },
        NumpyFunction("linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None)", "Return num evenly spaced numbers over [start, stop] (stop excluded with endpoint=False). retstep=True also returns the spacing.") { b, i in
            let num = try b.int("num") ?? 50
            let (values, step) = try Creation.linspace(start: try b.array("start", i).scalarValue, stop: try b.array("stop", i).scalarValue,
                                                       num: num, endpoint: try b.bool("endpoint", default: true))
            // numpy floors before converting to an integer type.
            let typed = try b.elementType().map { $0 == .float64 ? values : values.map(.float64) { $0.rounded(.down) }.converted(to: $0) } ?? values
            if try b.bool("retstep", default: false) { return .tuple([ArrayObject.wrap(typed), .float(step)]) }
            return ArrayObject.wrap(typed)
        },
        NumpyFunction("logspace(start, stop, num=50, endpoint=True, base=10.0)", "Return numbers spaced evenly on a log scale: base**linspace(start, stop, num).") { b, i in
            let (exponents, _) = try Creation.linspace(start: try b.array("start", i).scalarValue, stop: try b.array("stop", i).scalarValue,
                                                       num: try b.int("num") ?? 50, endpoint: try b.bool("endpoint", default: true))
            return ArrayObject.wrap(try Elementwise.apply(.power, .scalar(try b.double("base") ?? 10), exponents))
        },
        NumpyFunction("eye(N, M=None, k=0)", "Return a 2-D array with ones on the k-th diagonal and zeros elsewhere.") { b, i in
            ArrayObject.wrap(try Creation.eye(try b.int("N") ?? 0, try b.int("M"), k: try b.int("k") ?? 0))
        },
        NumpyFunction("identity(n)", "Return the n×n identity array.") { b, i in
            ArrayObject.wrap(try Creation.eye(try b.int("n") ?? 0))
        },
        NumpyFunction("meshgrid(x, y, indexing='xy')", "Return coordinate matrices (X, Y) from coordinate vectors, as for images: X varies along columns, Y along rows (indexing='ij' swaps them).") { b, i in
            let x = try b.array("x", i).raveled(), y = try b.array("y", i).raveled()
            let indexing = try b.string("indexing") ?? "xy"
            guard indexing == "xy" || indexing == "ij" else { throw ScriptError.valueError("Valid values for `indexing` are 'xy' and 'ij'.") }
            let ij = indexing == "ij"
            let shape = ij ? [x.count, y.count] : [y.count, x.count]
            let xs = try Broadcasting.view(ij ? x.reshaped([x.count, 1]) : x, as: shape).contiguousCopy()
            let ys = try Broadcasting.view(ij ? y : y.reshaped([y.count, 1]), as: shape).contiguousCopy()
            return .tuple([ArrayObject.wrap(xs), ArrayObject.wrap(ys)])
        },
    ]
}
