import Numerics
import Script

/// `fit(model, x, y, **initial)` and the line-shape functions (`gaussian(x, amplitude=…)`),
/// as cells call them.
enum FitBindings {
    static let fitDoc = """
    Fit a model to (x, y) by Levenberg–Marquardt, as lmfit does.

    model: 'gaussian', 'lorentzian', 'pseudo_voigt', 'linear', 'quadratic', 'exponential', 'step'
           (or the functions of those names). background=True adds a constant 'c'.
    Starting values by lmfit's parameter names (amplitude=, center=, sigma=, fraction=, slope=,
    intercept=, a=, b=, c=, decay=); the rest are guessed from the data.
    bounds={'sigma': (0, None)} limits parameters; fix=['center'] holds them; weights= scales residuals.

    Returns a result with params['center'].value / .stderr, best_fit, residual, chisqr, redchi,
    rsquared, aic, bic, report() and eval(x).
    """

    static func install(into interpreter: Interpreter) {
        interpreter.setBuiltin("fit", .object(BuiltinFunction("fit", signature: "fit(model, x, y, background=False, weights=None, bounds=None, fix=None, **initial)", doc: fitDoc) { args, interp in
            try fit(args, interp)
        }))
        for shape in LineShape.allCases { interpreter.setBuiltin(shape.rawValue, .object(LineShapeObject(shape))) }
    }

    private static func fit(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let known = ["model", "x", "y", "background", "weights", "bounds", "fix"]
        let b = try BoundArguments("fit", Arguments(args.positional, keywords: args.keywords.filter { known.contains($0.name) }),
                                   known, required: 3)
        let shape = try LineShapeObject.shape(of: b.required("model"))
        let x = try ArrayConversion.floatArray(b.required("x"), interp).raveled().values
        let y = try ArrayConversion.floatArray(b.required("y"), interp).raveled().values
        var initial: [String: Double] = [:]
        for (name, value) in args.keywords where !known.contains(name) {
            let a = try ArrayConversion.floatArray(value, interp)
            guard a.count == 1 else { throw ScriptError.typeError("fit(): starting value '\(name)' must be a number") }
            initial[name] = a.scalarValue
        }
        var bounds: [String: (Double?, Double?)] = [:]
        if let given = b.given("bounds") {
            guard case .dict(let d) = given else { throw ScriptError.typeError("fit(): bounds must be a dict like {'sigma': (0, None)}") }
            for (key, value) in d.entries {
                guard case .str(let name) = key else { throw ScriptError.typeError("fit(): bounds keys are parameter names") }
                let pair: [Value]
                switch value {
                case .tuple(let t): pair = t
                case .list(let l): pair = l.items
                default: throw ScriptError.typeError("fit(): the bounds of '\(name)' must be a pair (min, max), None for open")
                }
                guard pair.count == 2 else { throw ScriptError.valueError("fit(): the bounds of '\(name)' must be a pair (min, max)") }
                func side(_ v: Value) throws -> Double? { v.isNone ? nil : try ArrayConversion.floatArray(v, interp).scalarValue }
                bounds[name] = (try side(pair[0]), try side(pair[1]))
            }
        }
        var fixed: Set<String> = []
        if let given = b.given("fix") {
            try interp.forEach(given) { v in
                guard case .str(let name) = v else { throw ScriptError.typeError("fit(): fix= lists parameter names") }
                fixed.insert(name)
            }
        }
        let weights = try b.given("weights").map { try ArrayConversion.floatArray($0, interp).raveled().values }
        let problem = FitProblem(shape: shape, x: x, y: y, background: try b.bool("background", default: false), weights: weights,
                                 initial: initial, bounds: bounds, fixed: fixed)
        for name in bounds.keys.sorted() + fixed.sorted() where !problem.parameterNames.contains(name) {
            throw ScriptError.valueError("fit(): \(shape.rawValue) has no parameter '\(name)' (its parameters: \(problem.parameterNames.joined(separator: ", ")))")
        }
        do {
            return .object(FitResultObject(try CurveFit.fit(problem)))
        } catch let e as FitError {
            throw ScriptError.valueError("fit(): \(e.description)")
        }
    }
}

/// A line shape as a value: callable to evaluate it, and accepted by `fit` as the model.
final class LineShapeObject: ScriptObject {
    let shape: LineShape

    init(_ shape: LineShape) {
        self.shape = shape
    }

    var typeName: String { "function" }
    var signature: String? {
        "\(shape.rawValue)(x, " + zip(shape.parameterNames, shape.defaults).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
    }
    var docstring: String? { "\(shape.rawValue)(x, …) = \(shape.formula)\n\nPass it (or its name) to fit() as the model." }
    func repr(_ interpreter: Interpreter) throws -> String { "<function \(shape.rawValue)>" }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__name__": return .str(shape.rawValue)
        case "__doc__": return .str(docstring ?? "")
        case "param_names": return .list(shape.parameterNames.map { .str($0) })
        default: return nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let b = try BoundArguments(shape.rawValue, arguments, ["x"] + shape.parameterNames, required: 1)
        let values = try zip(shape.parameterNames, shape.defaults).map { try b.double($0.0) ?? $0.1 }
        let x = try ArrayConversion.floatArray(b.required("x"), interpreter)
        return ArrayConversion.value(x.map(.float64) { shape.value($0, values) })
    }

    /// The line shape a `model` argument names.
    static func shape(of v: Value) throws -> LineShape {
        switch v {
        case .object(let o as LineShapeObject): return o.shape
        case .str(let s):
            if let shape = LineShape(rawValue: s) ?? (s == "pvoigt" ? .pseudoVoigt : nil) { return shape }
            throw ScriptError.valueError("fit(): unknown model '\(s)'; choose one of \(LineShape.allCases.map(\.rawValue).joined(separator: ", "))")
        default:
            throw ScriptError.typeError("fit(): model must be a name like 'gaussian' or one of the model functions, not \(v.typeName)")
        }
    }
}
