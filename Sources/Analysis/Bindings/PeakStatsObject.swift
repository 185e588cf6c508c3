import Numerics
import Script

/// `peak_stats(x, y)`'s result: bluesky's PeakStats attributes.
final class PeakStatsObject: ScriptObject {
    let stats: PeakStatistics

    init(_ stats: PeakStatistics) {
        self.stats = stats
    }

    static let doc = "Peak statistics of y(x) as bluesky's PeakStats computes them: max and min as (x, y), com (centre of mass), cen (mid-point of the half-maximum crossings), fwhm, crossings. cen and fwhm are None when y does not cross its half maximum twice."

    var typeName: String { "PeakStats" }
    var docstring: String? { PeakStatsObject.doc }
    var attributeNames: [String] { ["cen", "com", "crossings", "fwhm", "max", "min"] }
    func repr(_ interpreter: Interpreter) throws -> String {
        func f(_ v: Double?) -> String { v.map { FitReport.g($0, digits: 6) } ?? "None" }
        return "PeakStats(max=(\(f(stats.max.x)), \(f(stats.max.y))), min=(\(f(stats.min.x)), \(f(stats.min.y))), com=\(f(stats.com)), cen=\(f(stats.cen)), fwhm=\(f(stats.fwhm)))"
    }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "max": return .tuple([.float(stats.max.x), .float(stats.max.y)])
        case "min": return .tuple([.float(stats.min.x), .float(stats.min.y)])
        case "com": return .float(stats.com)
        case "cen": return stats.cen.map { .float($0) } ?? Value.none
        case "fwhm": return stats.fwhm.map { .float($0) } ?? Value.none
        case "crossings": return ArrayObject.wrap(NDArray(stats.crossings))
        default: return nil
        }
    }
}

/// Binds the analysis functions into a session: `peak_stats`, `fit` and the line shapes.
public enum AnalysisBindings {
    /// Installs the names as builtins (shadowable by the user's own).
    public static func install(into interpreter: Interpreter) {
        interpreter.setBuiltin("peak_stats", .object(BuiltinFunction("peak_stats", signature: "peak_stats(x, y)", doc: PeakStatsObject.doc) { args, interp in
            let b = try BoundArguments("peak_stats", args, ["x", "y"], required: 2)
            let x = try ArrayConversion.floatArray(b.required("x"), interp).raveled().values
            let y = try ArrayConversion.floatArray(b.required("y"), interp).raveled().values
            guard x.count == y.count else { throw ScriptError.valueError("peak_stats(): x and y have different lengths (\(x.count) and \(y.count))") }
            guard let stats = PeakStatistics.compute(x: x, y: y) else { throw ScriptError.valueError("peak_stats(): no points") }
            return .object(PeakStatsObject(stats))
        }))
        FitBindings.install(into: interpreter)
        ImageBindings.install(into: interpreter)
        CorrelationBindings.install(into: interpreter)
        IntegrationBindings.install(into: interpreter)
    }
}
