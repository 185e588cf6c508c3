import Script

/// Reductions and statistics: `sum`, `mean`, `std`, `median`, `percentile`, cumulative
/// sums, differences, gradients and integrals.
enum StatisticsFunctions {
    /// Applies a one-axis reduction over several axes (highest first), as numpy's tuple `axis=`.
    static func overAxes(_ a: NDArray, _ axes: [Int]?, keepdims: Bool,
                         _ reduce: (NDArray, Int?, Bool) throws -> NDArray) throws -> NDArray {
        guard let axes, axes.count > 1 else { return try reduce(a, axes?.first, keepdims) }
        let normalized = try axes.map { try NDArray.normalizeAxis($0, a.ndim) }.sorted(by: >)
        guard Set(normalized).count == normalized.count else { throw NumericsError.value("duplicate value in 'axis'") }
        // Move the reduced axes to the end, merge them into one, reduce that.
        let kept = (0..<a.ndim).filter { !normalized.contains($0) }
        let merged = normalized.reduce(1) { $0 * a.shape[$1] }
        let moved = try a.transposed(kept + normalized.reversed()).reshaped(kept.map { a.shape[$0] } + [merged])
        var result = try reduce(moved, -1, false)
        if keepdims {
            var shape = a.shape
            for axis in normalized { shape[axis] = 1 }
            result = try result.reshaped(shape)
        }
        return result
    }

    static func reduction(_ name: String, _ r: Reduction, _ doc: String) -> NumpyFunction {
        NumpyFunction("\(name)(a, axis=None, keepdims=False)", doc) { b, i in
            let a = try b.array("a", i)
            return ArrayConversion.value(try overAxes(a, b.axes(), keepdims: b.bool("keepdims", default: false)) {
                try $0.reduced(r, axis: $1, keepdims: $2)
            })
        }
    }

    static let all: [NumpyFunction] = [
        reduction("sum", .sum, "Sum of array elements over a given axis (all elements when axis is None)."),
        reduction("prod", .prod, "Return the product of array elements over a given axis."),
        reduction("mean", .mean, "Compute the arithmetic mean along the specified axis."),
        reduction("min", .min, "Return the minimum of an array or minimum along an axis (NaN propagates)."),
        reduction("max", .max, "Return the maximum of an array or maximum along an axis (NaN propagates)."),
        reduction("amin", .min, "Return the minimum of an array or minimum along an axis."),
        reduction("amax", .max, "Return the maximum of an array or maximum along an axis."),
        reduction("ptp", .ptp, "Range of values (maximum - minimum) along an axis."),
        reduction("any", .any, "Test whether any array element along a given axis evaluates to True."),
        reduction("all", .all, "Test whether all array elements along a given axis evaluate to True."),
        NumpyFunction("argmin(a, axis=None, keepdims=False)", "Returns the indices of the minimum values along an axis (of the flattened array when axis is None).") { b, i in
            ArrayConversion.value(try b.array("a", i).reduced(.argmin, axis: b.int("axis"), keepdims: b.bool("keepdims", default: false)))
        },
        NumpyFunction("argmax(a, axis=None, keepdims=False)", "Returns the indices of the maximum values along an axis (of the flattened array when axis is None).") { b, i in
            ArrayConversion.value(try b.array("a", i).reduced(.argmax, axis: b.int("axis"), keepdims: b.bool("keepdims", default: false)))
        },
        NumpyFunction("std(a, axis=None, ddof=0, keepdims=False)", "Compute the standard deviation along the specified axis; ddof=1 for the sample estimate.") { b, i in
            let ddof = try b.double("ddof") ?? 0
            return ArrayConversion.value(try overAxes(b.array("a", i), b.axes(), keepdims: b.bool("keepdims", default: false)) {
                try $0.standardDeviation(axis: $1, ddof: ddof, keepdims: $2)
            })
        },
        NumpyFunction("var(a, axis=None, ddof=0, keepdims=False)", "Compute the variance along the specified axis; ddof=1 for the sample estimate.") { b, i in
            let ddof = try b.double("ddof") ?? 0
            return ArrayConversion.value(try overAxes(b.array("a", i), b.axes(), keepdims: b.bool("keepdims", default: false)) {
                try $0.variance(axis: $1, ddof: ddof, keepdims: $2)
            })
        },
        NumpyFunction("median(a, axis=None, keepdims=False)", "Compute the median along the specified axis (NaN if any element is NaN).") { b, i in
            let keepdims = try b.bool("keepdims", default: false)
            let result = try overAxes(b.array("a", i), b.axes(), keepdims: keepdims) { try $0.median(axis: $1, keepdims: $2) }
            return keepdims ? ArrayObject.wrap(result) : ArrayConversion.value(result)
        },
        NumpyFunction("percentile(a, q, axis=None, keepdims=False)", "Compute the q-th percentile (0–100, linear interpolation) along the specified axis; q may be a list.") { b, i in
            try quantiles(b, i, percent: true)
        },
        NumpyFunction("quantile(a, q, axis=None, keepdims=False)", "Compute the q-th quantile (0–1, linear interpolation) along the specified axis; q may be a list.") { b, i in
            try quantiles(b, i, percent: false)
        },
        NumpyFunction("count_nonzero(a, axis=None)", "Counts the number of non-zero values in the array.") { b, i in
            // Counted in place: no temporary boolean array.
            return ArrayConversion.value(try overAxes(b.array("a", i), b.axes(), keepdims: false) { a, axis, keepdims in
                try a.reducedRows(.int64, axis: axis, keepdims: keepdims) { p, n, stride in
                    var count = 0
                    // ±0.0 are the only doubles whose bits, less the sign, are all zero; the
                    // top bit of x | -x says whether x is nonzero, with no branch to mispredict.
                    for k in 0..<n {
                        let x = p[k &* stride].bitPattern &<< 1
                        count &+= Int(truncatingIfNeeded: (x | (0 &- x)) >> 63)
                    }
                    return Double(count)
                }
            })
        },
        NumpyFunction("cumsum(a, axis=None)", "Return the cumulative sum of the elements along a given axis (flattened when axis is None).") { b, i in
            ArrayConversion.value(try Calculus.cumulative(b.array("a", i), axis: b.int("axis")))
        },
        NumpyFunction("cumprod(a, axis=None)", "Return the cumulative product of elements along a given axis.") { b, i in
            ArrayConversion.value(try Calculus.cumulative(b.array("a", i), axis: b.int("axis"), product: true))
        },
        NumpyFunction("diff(a, n=1, axis=-1)", "Calculate the n-th discrete difference along the given axis.") { b, i in
            ArrayConversion.value(try Calculus.diff(b.array("a", i), n: b.int("n") ?? 1, axis: b.int("axis") ?? -1))
        },
        NumpyFunction("gradient(f, spacing=None, edge_order=1)", "Return the gradient of a 1-D array: central differences inside, one-sided at the boundaries; spacing is a scalar step or the coordinates.") { b, i in
            ArrayConversion.value(try Calculus.gradient(b.array("f", i), spacing: b.optionalArray("spacing", i), edgeOrder: b.int("edge_order") ?? 1))
        },
        NumpyFunction("trapezoid(y, x=None, dx=1.0, axis=-1)", "Integrate along the array using the composite trapezoidal rule (x gives the sample points, else spacing dx).") { b, i in
            ArrayConversion.value(try Calculus.trapezoid(b.array("y", i).converted(to: .float64), x: b.optionalArray("x", i), dx: b.double("dx") ?? 1, axis: b.int("axis") ?? -1))
        },
        NumpyFunction("trapz(y, x=None, dx=1.0, axis=-1)", "Integrate along the array using the composite trapezoidal rule (numpy 1's name for trapezoid).") { b, i in
            ArrayConversion.value(try Calculus.trapezoid(b.array("y", i).converted(to: .float64), x: b.optionalArray("x", i), dx: b.double("dx") ?? 1, axis: b.int("axis") ?? -1))
        },
        NumpyFunction("interp(x, xp, fp, left=None, right=None)", "One-dimensional linear interpolation of the points (xp, fp), xp increasing, evaluated at x.") { b, i in
            ArrayConversion.value(try Calculus.interp(b.array("x", i), b.array("xp", i), b.array("fp", i),
                                                      left: b.double("left"), right: b.double("right")))
        },
    ]

    private static func quantiles(_ b: BoundArguments, _ i: Interpreter, percent: Bool) throws -> Value {
        let a = try b.array("a", i), q = try b.array("q", i)
        let axes = try b.axes(), keepdims = try b.bool("keepdims", default: false)
        // An integer q (0 or 1) picks an element: numpy keeps the data's integer type.
        let keepsType = !percent && q.elementType != .float64 && a.elementType == .int64
        let results = try q.values.map { p in
            if percent && !(p >= 0 && p <= 100) { throw NumericsError.value("Percentiles must be in the range [0, 100]") }
            let r = try overAxes(a, axes, keepdims: keepdims) { try $0.quantile(percent ? p / 100 : p, axis: $1, keepdims: $2) }
            return keepsType ? r.converted(to: .int64) : r
        }
        if q.ndim == 0, let only = results.first { return keepdims ? ArrayObject.wrap(only) : ArrayConversion.value(only) }
        return ArrayConversion.value(try NDArray.stack(results).reshaped(q.shape + (results.first?.shape ?? [])))
    }
}
