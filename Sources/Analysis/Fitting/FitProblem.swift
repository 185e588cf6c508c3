/// What to fit: a line shape (plus an optional constant background) to points (x, y),
/// with starting values, bounds and fixed parameters by lmfit's names.
public struct FitProblem: Sendable {
    /// The model.
    public var shape: LineShape
    /// Adds lmfit's `ConstantModel` (parameter `c`).
    public var background: Bool
    /// The independent variable.
    public var x: [Double]
    /// The data.
    public var y: [Double]
    /// Per-point weights multiplying the residual (lmfit's `weights`), or nil.
    public var weights: [Double]?
    /// Starting values by name; the rest are guessed from the data.
    public var initial: [String: Double]
    /// Bounds by name (nil for an open side); lmfit's hints apply to names not given.
    public var bounds: [String: (Double?, Double?)]
    /// Parameters held at their starting value.
    public var fixed: Set<String>

    /// Creates a problem.
    public init(shape: LineShape, x: [Double], y: [Double], background: Bool = false, weights: [Double]? = nil,
                initial: [String: Double] = [:], bounds: [String: (Double?, Double?)] = [:], fixed: Set<String> = []) {
        self.shape = shape
        self.x = x
        self.y = y
        self.background = background
        self.weights = weights
        self.initial = initial
        self.bounds = bounds
        self.fixed = fixed
    }

    /// Every parameter name, the shape's then `c` for the background.
    public var parameterNames: [String] { shape.parameterNames + (background ? ["c"] : []) }
}

/// Why a fit could not be attempted.
public struct FitError: Error, CustomStringConvertible, Sendable {
    /// The message a scientist reads.
    public let description: String
    init(_ message: String) { description = message }
}

/// One fitted (or derived) parameter, as lmfit's `Parameter` reports it.
public struct FitParameter: Sendable {
    /// lmfit's name (`amplitude`, `center`, `sigma`, `fwhm` …).
    public var name: String
    /// The best-fit value.
    public var value: Double
    /// The one-sigma uncertainty (nil when it could not be estimated or the parameter was fixed).
    public var standardError: Double?
    /// The starting value (nil for derived parameters).
    public var initialValue: Double?
    /// Lower and upper bounds (infinite when open).
    public var minimum: Double, maximum: Double
    /// Whether the fit varied it.
    public var varies: Bool
    /// The expression of a derived parameter (`2.3548200*sigma`), else nil.
    public var expression: String?
}

/// The outcome of a fit, with lmfit's statistics.
public struct FitResult: Sendable {
    /// The problem that was solved.
    public var problem: FitProblem
    /// Fitted parameters then derived ones (fwhm, height), in lmfit's order.
    public var parameters: [FitParameter]
    /// The model at the data's x with the best-fit parameters.
    public var bestFit: [Double]
    /// (model − data) × weights, as lmfit's `residual`.
    public var residual: [Double]
    /// Σ residual².
    public var chiSquare: Double
    /// chisqr / (ndata − nvarys).
    public var reducedChiSquare: Double
    /// 1 − Σ residual² / Σ (y − ȳ)².
    public var rSquared: Double
    /// Akaike and Bayesian information criteria, as lmfit computes them.
    public var aic: Double, bic: Double
    /// Points, varied parameters, model evaluations.
    public var ndata: Int, nvarys: Int, nfev: Int
    /// Whether the minimiser converged.
    public var success: Bool
    /// How it ended.
    public var message: String
    /// Covariance of the varied parameters (row-major), nil when singular.
    public var covariance: [Double]?

    /// The parameter named `name`.
    public func parameter(_ name: String) -> FitParameter? { parameters.first { $0.name == name } }

    /// The fitted model evaluated at other x values.
    public func evaluate(at x: [Double]) -> [Double] {
        let values = problem.parameterNames.map { parameter($0)?.value ?? 0 }
        let shapeValues = Array(values.prefix(problem.shape.parameterNames.count))
        let c = problem.background ? values.last ?? 0 : 0
        return x.map { problem.shape.value($0, shapeValues) + c }
    }
}
