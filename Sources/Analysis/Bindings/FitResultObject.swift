import Numerics
import Script

/// A fit's result as cells see it (lmfit's `ModelResult` names).
final class FitResultObject: ScriptObject {
    let result: FitResult

    init(_ result: FitResult) {
        self.result = result
    }

    var typeName: String { "FitResult" }
    var docstring: String? {
        "The result of fit(): params['name'].value / .stderr, best_fit, residual, chisqr, redchi, rsquared, aic, bic, ndata, nvarys, nfev, success, message, report(), eval(x)."
    }
    var attributeNames: [String] {
        ["aic", "best_fit", "bic", "chisqr", "covar", "eval", "fit_report", "init_values", "message", "model", "ndata", "nfev",
         "nfree", "nvarys", "params", "redchi", "report", "residual", "rsquared", "success", "userkws", "values", "x", "y"]
    }

    func repr(_ interpreter: Interpreter) throws -> String {
        let params = result.parameters.filter { $0.expression == nil }.map { "\($0.name)=\(FitReport.g($0.value, digits: 6))" }
        return "<FitResult \(FitReport.modelName(result.problem)): \(params.joined(separator: ", ")), redchi=\(FitReport.g(result.reducedChiSquare, digits: 4))>"
    }

    func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        ["text/plain": FitReport.text(result), "text/html": html()]
    }

    private func html() -> String {
        var rows = ""
        for p in result.parameters {
            let error = p.standardError.map { FitReport.g($0, digits: 6) } ?? ""
            let note = p.expression.map { "= \(escapeHTML($0))" } ?? (p.varies ? "" : "fixed")
            rows += "<tr><td>\(escapeHTML(p.name))</td><td>\(FitReport.g(p.value, digits: 8))</td><td>\(error)</td><td>\(note)</td></tr>"
        }
        let stats = [("model", FitReport.modelName(result.problem)), ("success", result.success ? "True" : "False"),
                     ("data points", "\(result.ndata)"), ("variables", "\(result.nvarys)"), ("function evals", "\(result.nfev)"),
                     ("chi-square", FitReport.g(result.chiSquare)), ("reduced chi-square", FitReport.g(result.reducedChiSquare)),
                     ("R-squared", FitReport.g(result.rSquared))]
        let statRows = stats.map { "<tr><td>\($0.0)</td><td>\(escapeHTML($0.1))</td></tr>" }.joined()
        return "<h4>Fit result</h4><table>\(statRows)</table><table><tr><th>name</th><th>value</th><th>standard error</th><th></th></tr>\(rows)</table>"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let r = result
        switch name {
        case "params": return .object(ParametersObject(r.parameters))
        case "best_fit": return ArrayObject.wrap(NDArray(r.bestFit))
        case "residual": return ArrayObject.wrap(NDArray(r.residual))
        case "x": return ArrayObject.wrap(NDArray(r.problem.x))
        case "y", "data": return ArrayObject.wrap(NDArray(r.problem.y))
        case "chisqr": return .float(r.chiSquare)
        case "redchi": return .float(r.reducedChiSquare)
        case "rsquared": return .float(r.rSquared)
        case "aic": return .float(r.aic)
        case "bic": return .float(r.bic)
        case "ndata": return .int(r.ndata)
        case "nvarys": return .int(r.nvarys)
        case "nfree": return .int(r.ndata - r.nvarys)
        case "nfev": return .int(r.nfev)
        case "success": return .bool(r.success)
        case "message": return .str(r.message)
        case "model": return .str(FitReport.modelName(r.problem))
        case "values":
            let d = DictObject()
            for p in r.parameters { try d.set(HashKey(.str(p.name)), .float(p.value)) }
            return .dict(d)
        case "init_values":
            let d = DictObject()
            for p in r.parameters { if let i = p.initialValue { try d.set(HashKey(.str(p.name)), .float(i)) } }
            return .dict(d)
        case "covar":
            guard let c = r.covariance else { return Value.none }
            return ArrayObject.wrap(NDArray(c, shape: [r.nvarys, r.nvarys]))
        case "report", "fit_report":
            return .object(BuiltinFunction(name, signature: "\(name)()", doc: "lmfit's fit report: statistics, parameters with errors, correlations.") { _, _ in
                .str(FitReport.text(r))
            })
        case "eval":
            return .object(BuiltinFunction("eval", signature: "eval(x)", doc: "The fitted model evaluated at x (e.g. a finer grid for plotting).") { args, interp in
                let b = try BoundArguments("eval", args, ["x"], required: 1)
                let x = try ArrayConversion.floatArray(b.required("x"), interp)
                return ArrayConversion.value(NDArray(r.evaluate(at: x.values), shape: x.shape))
            })
        default: return nil
        }
    }
}

/// `result.params`: parameters by name, as lmfit's `Parameters` (a dict of `Parameter`).
final class ParametersObject: ScriptObject {
    let parameters: [FitParameter]

    init(_ parameters: [FitParameter]) {
        self.parameters = parameters
    }

    var typeName: String { "Parameters" }
    var docstring: String? { "Fitted parameters by name: params['center'].value, params['center'].stderr." }
    func repr(_ interpreter: Interpreter) throws -> String {
        "Parameters({" + (try parameters.map { "'\($0.name)': " + (try ParameterObject($0).repr(interpreter)) }.joined(separator: ", ")) + "})"
    }
    func item(_ key: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .str(let name) = key, let p = parameters.first(where: { $0.name == name }) else { throw ScriptError.keyError(key) }
        return .object(ParameterObject(p))
    }
    func length(_ interpreter: Interpreter) throws -> Int? { parameters.count }
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        guard case .str(let name) = value else { return false }
        return parameters.contains { $0.name == name }
    }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? {
        try interpreter.iterator(.list(parameters.map { .str($0.name) }))
    }
    var attributeNames: [String] { ["items", "keys", "values", "valuesdict"] }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let params = parameters
        switch name {
        case "keys": return .object(BuiltinFunction("keys", signature: "keys()", doc: "Parameter names.") { _, _ in .list(params.map { .str($0.name) }) })
        case "values": return .object(BuiltinFunction("values", signature: "values()", doc: "Parameters.") { _, _ in .list(params.map { .object(ParameterObject($0)) }) })
        case "items": return .object(BuiltinFunction("items", signature: "items()", doc: "(name, Parameter) pairs.") { _, _ in
            .list(params.map { .tuple([.str($0.name), .object(ParameterObject($0))]) })
        })
        case "valuesdict": return .object(BuiltinFunction("valuesdict", signature: "valuesdict()", doc: "A dict of name → value.") { _, _ in
            let d = DictObject()
            for p in params { try d.set(HashKey(.str(p.name)), .float(p.value)) }
            return .dict(d)
        })
        default: return nil
        }
    }
}

/// One parameter (`value`, `stderr`, `init_value`, `min`, `max`, `vary`, `expr`); usable as a number.
final class ParameterObject: ScriptObject {
    let parameter: FitParameter

    init(_ parameter: FitParameter) {
        self.parameter = parameter
    }

    var typeName: String { "Parameter" }
    var docstring: String? { "A fitted parameter: .value, .stderr (one sigma), .init_value, .min, .max, .vary, .expr." }
    var attributeNames: [String] { ["expr", "init_value", "max", "min", "name", "stderr", "value", "vary"] }
    func repr(_ interpreter: Interpreter) throws -> String {
        let p = parameter
        var s = "<Parameter '\(p.name)', value=\(FitReport.g(p.value, digits: 8))"
        if let e = p.standardError { s += " +/- \(FitReport.g(e, digits: 3))" }
        if let expr = p.expression { s += ", expr='\(expr)'" } else { s += ", bounds=[\(FitReport.g(p.minimum)):\(FitReport.g(p.maximum))]" }
        return s + ">"
    }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let p = parameter
        switch name {
        case "name": return .str(p.name)
        case "value": return .float(p.value)
        case "stderr": return p.standardError.map { .float($0) } ?? Value.none
        case "init_value": return p.initialValue.map { .float($0) } ?? Value.none
        case "min": return .float(p.minimum)
        case "max": return .float(p.maximum)
        case "vary": return .bool(p.varies)
        case "expr": return p.expression.map { .str($0) } ?? Value.none
        default: return nil
        }
    }
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        let v = Value.float(parameter.value)
        return try reflected ? interpreter.binary(op, other, v) : interpreter.binary(op, v, other)
    }
    func unary(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        op == .neg ? .float(-parameter.value) : (op == .pos ? .float(parameter.value) : nil)
    }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        try interpreter.richCompare(op, .float(parameter.value), other)
    }
}
