import Script

/// The methods of `ndarray`: most are the `np` function of the same name with the array
/// as its first argument (`a.sum(axis=0)` is `np.sum(a, axis=0)`); the rest are here.
enum ArrayMethods {
    /// Methods that forward to the `np` function of the same name.
    static let forwarded: Set<String> = [
        "sum", "prod", "mean", "std", "var", "min", "max", "ptp", "any", "all", "argmin", "argmax",
        "cumsum", "cumprod", "clip", "round", "argsort", "dot", "nonzero", "squeeze", "searchsorted",
    ]

    /// Methods with their own behaviour.
    static let own: [String: (signature: String, doc: String)] = [
        "reshape": ("reshape(*shape)", "Returns an array containing the same data with a new shape (a view when possible)."),
        "transpose": ("transpose(*axes)", "Returns a view of the array with axes transposed."),
        "ravel": ("ravel()", "Return a flattened array (a view when possible)."),
        "flatten": ("flatten()", "Return a copy of the array collapsed into one dimension."),
        "copy": ("copy()", "Return a copy of the array."),
        "tolist": ("tolist()", "Return the array as nested Python lists of Python numbers."),
        "item": ("item(*args)", "Copy an element of an array to a standard Python scalar and return it."),
        "astype": ("astype(dtype)", "Copy of the array, cast to a specified type (float, int, bool)."),
        "fill": ("fill(value)", "Fill the array with a scalar value, in place."),
        "sort": ("sort(axis=-1)", "Sort an array in place (NaN last)."),
    ]

    static var names: [String] { Array(forwarded) + Array(own.keys) }

    /// The bound method `name` of `array`, or nil when ndarray has no such method.
    static func method(_ name: String, _ object: ArrayObject) -> BuiltinFunction? {
        let array = object.array
        if forwarded.contains(name), let f = NumpyModule.functions[name] {
            return BuiltinFunction(name, signature: "ndarray." + f.signature.replacingFirstParameter(), doc: f.doc) { args, interp in
                try f.call(Arguments([.object(object)] + args.positional, keywords: args.keywords), interp)
            }
        }
        guard let (signature, doc) = own[name] else { return nil }
        return BuiltinFunction(name, signature: "ndarray." + signature, doc: doc) { args, interp in
            try numpyCall { try call(name, array, args, interp) }
        }
    }

    private static func shapeArguments(_ args: Arguments) throws -> [Int] {
        if args.positional.count == 1 { return try ShapeArgument.parse(args.positional[0]) }
        return try ShapeArgument.parse(.tuple(args.positional))
    }

    private static func call(_ name: String, _ array: NDArray, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        switch name {
        case "reshape":
            if let shape = args.keyword("shape") { return ArrayObject.wrap(try array.reshaped(ShapeArgument.parse(shape))) }
            if args.positional.count == 1, case .int(let n) = args.positional[0] { return ArrayObject.wrap(try array.reshaped([n])) }
            return ArrayObject.wrap(try array.reshaped(shapeArguments(args)))
        case "transpose":
            if args.positional.isEmpty || (args.positional.count == 1 && args.positional[0].isNone) {
                return ArrayObject.wrap(try array.transposed())
            }
            return ArrayObject.wrap(try array.transposed(shapeArguments(args)))
        case "ravel": return ArrayConversion.value(array.raveled())
        case "flatten": return ArrayConversion.value(array.contiguousCopy().raveled())
        case "copy": return ArrayObject.wrap(array.contiguousCopy())
        case "tolist": return ArrayConversion.list(array)
        case "item":
            if args.positional.isEmpty {
                guard array.count == 1 else { throw NumericsError.value("can only convert an array of size 1 to a Python scalar") }
                return ArrayConversion.scalar(array.scalarValue, array.elementType)
            }
            if args.positional.count == 1, case .int(let flat) = args.positional[0] {
                let values = array.raveled()
                return ArrayConversion.value(try values.indexed([.integer(flat)]))
            }
            return ArrayConversion.value(try array.indexed(ArrayConversion.index(.tuple(args.positional), interp)))
        case "astype":
            let b = try BoundArguments("astype", args, ["dtype"], required: 1)
            return ArrayObject.wrap(array.converted(to: try b.elementType() ?? .float64))
        case "fill":
            let b = try BoundArguments("fill", args, ["value"], required: 1)
            try array.assignChecked(try b.array("value", interp))
            return .none
        case "sort":
            let b = try BoundArguments("sort", args, ["axis"])
            if b["axis"]?.isNone == true { throw ScriptError.typeError("'NoneType' object cannot be interpreted as an integer") }
            let sorted = try Sorting.sort(array, axis: b["axis"] == nil ? -1 : try b.int("axis"))
            try array.assignChecked(b["axis"] != nil && b["axis"]?.isNone == true ? try sorted.reshaped(array.shape) : sorted)
            return .none
        default:
            throw ScriptError.attributeError("'numpy.ndarray' object has no attribute '\(name)'")
        }
    }
}

extension String {
    /// `sum(a, axis=None)` → `sum(axis=None)`.
    func replacingFirstParameter() -> String {
        guard let open = firstIndex(of: "(") else { return self }
        let rest = self[index(after: open)...]
        if let comma = rest.firstIndex(of: ",") {
            return String(self[...open]) + rest[rest.index(after: comma)...].drop { $0 == " " }
        }
        return String(self[...open]) + ")"
    }
}
