import Script

/// Reshaping, joining, sorting, products, histograms and polynomial fits.
enum ArrangementFunctions {
    /// The arrays of a sequence argument (`concatenate((a, b))`).
    static func arrays(_ v: Value, _ i: Interpreter) throws -> [NDArray] {
        var out: [NDArray] = []
        if case .object(let o as ArrayObject) = v {
            for k in 0..<(o.array.shape.first ?? 0) { out.append(try o.array.indexed([.integer(k)])) }
            return out
        }
        try i.forEach(v) { out.append(try ArrayConversion.array($0, i)) }
        return out
    }

    static let all: [NumpyFunction] = [
        NumpyFunction("reshape(a, shape)", "Gives a new shape to an array without changing its data; one dimension may be -1.") { b, i in
            ArrayObject.wrap(try b.array("a", i).reshaped(b.shape("shape")))
        },
        NumpyFunction("transpose(a, axes=None)", "Returns an array with axes transposed (reversed, or in the order of axes).") { b, i in
            ArrayObject.wrap(try b.array("a", i).transposed(b.given("axes").map(ShapeArgument.parse)))
        },
        NumpyFunction("ravel(a)", "Return a contiguous flattened array.") { b, i in
            ArrayConversion.value(try b.array("a", i).raveled())
        },
        NumpyFunction("squeeze(a, axis=None)", "Remove axes of length one.") { b, i in
            var a = try b.array("a", i)
            guard let axes = try b.axes() else { return ArrayObject.wrap(try a.squeezed()) }
            for axis in try axes.map({ try NDArray.normalizeAxis($0, a.ndim) }).sorted(by: >) { a = try a.squeezed(axis: axis) }
            return ArrayObject.wrap(a)
        },
        NumpyFunction("expand_dims(a, axis)", "Insert a new axis of length one at position axis.") { b, i in
            var a = try b.array("a", i)
            let axes = try b.axes() ?? [0]
            let total = a.ndim + axes.count
            for axis in try axes.map({ try NDArray.normalizeAxis($0, total) }).sorted() { a = try a.expandingDimension(at: axis) }
            return ArrayConversion.value(a)
        },
        NumpyFunction("flip(m, axis=None)", "Reverse the order of elements along the given axis (all axes when None).") { b, i in
            let a = try b.array("m", i)
            let axes = try b.axes() ?? Array(0..<a.ndim)
            var components = [IndexComponent](repeating: .slice(start: nil, stop: nil, step: nil), count: a.ndim)
            for axis in axes { components[try NDArray.normalizeAxis(axis, a.ndim)] = .slice(start: nil, stop: nil, step: -1) }
            return ArrayConversion.value(try a.indexed(components))
        },
        NumpyFunction("concatenate(arrays, axis=0)", "Join a sequence of arrays along an existing axis.") { b, i in
            let parts = try arrays(b.required("arrays"), i)
            if let axis = b["axis"], axis.isNone { return ArrayConversion.value(try NDArray.concatenate(parts.map { $0.raveled() }, axis: 0)) }
            return ArrayConversion.value(try NDArray.concatenate(parts, axis: b.int("axis") ?? 0))
        },
        NumpyFunction("stack(arrays, axis=0)", "Join a sequence of arrays of the same shape along a new axis.") { b, i in
            ArrayConversion.value(try NDArray.stack(arrays(b.required("arrays"), i), axis: b.int("axis") ?? 0))
        },
        NumpyFunction("vstack(tup)", "Stack arrays in sequence vertically (row wise).") { b, i in
            let parts = try arrays(b.required("tup"), i).map { $0.ndim < 2 ? try $0.reshaped([1, $0.count]) : $0 }
            return ArrayConversion.value(try NDArray.concatenate(parts, axis: 0))
        },
        NumpyFunction("hstack(tup)", "Stack arrays in sequence horizontally (column wise).") { b, i in
            let parts = try arrays(b.required("tup"), i).map { $0.ndim == 0 ? try $0.reshaped([1]) : $0 }
            return ArrayConversion.value(try NDArray.concatenate(parts, axis: parts.first?.ndim == 1 ? 0 : 1))
        },
        NumpyFunction("shape(a)", "Return the shape of an array.") { b, i in
            .tuple(try b.array("a", i).shape.map { .int($0) })
        },
        NumpyFunction("ndim(a)", "Return the number of dimensions of an array.") { b, i in .int(try b.array("a", i).ndim) },
        NumpyFunction("size(a)", "Return the number of elements of an array.") { b, i in .int(try b.array("a", i).count) },
        NumpyFunction("dot(a, b)", "Dot product of two arrays: inner product of vectors, matrix product of 2-D arrays.") { b, i in
            ArrayConversion.value(try LinearAlgebra.dot(b.array("a", i), b.array("b", i)))
        },
        NumpyFunction("matmul(x1, x2, /)", "Matrix product of two arrays (the @ operator).") { b, i in
            ArrayConversion.value(try LinearAlgebra.matmul(b.array("x1", i), b.array("x2", i)))
        },
        NumpyFunction("outer(a, b)", "Compute the outer product of two vectors.") { b, i in
            let x = try b.array("a", i).raveled(), y = try b.array("b", i).raveled()
            return ArrayConversion.value(try Elementwise.apply(.multiply, x.reshaped([x.count, 1]), y))
        },
        NumpyFunction("sort(a, axis=-1)", "Return a sorted copy of an array (NaN last); axis=None sorts the flattened array.") { b, i in
            ArrayConversion.value(try Sorting.sort(b.array("a", i), axis: b["axis"] == nil ? -1 : b.int("axis")))
        },
        NumpyFunction("argsort(a, axis=-1)", "Returns the indices that would sort an array (stable for equal values).") { b, i in
            ArrayConversion.value(try Sorting.argsort(b.array("a", i), axis: b["axis"] == nil ? -1 : b.int("axis")))
        },
        NumpyFunction("searchsorted(a, v, side='left')", "Find indices where elements of v should be inserted in sorted a to maintain order.") { b, i in
            let side = try b.string("side") ?? "left"
            guard side == "left" || side == "right" else {
                throw ScriptError.valueError("side must be 'left' or 'right' (got '\(side)')")
            }
            return ArrayConversion.value(Sorting.searchSorted(try b.array("a", i), try b.array("v", i), right: side == "right"))
        },
        NumpyFunction("unique(ar)", "Find the sorted unique elements of an array.") { b, i in
            ArrayConversion.value(Selection.unique(try b.array("ar", i)))
        },
        NumpyFunction("nonzero(a)", "Return the indices of the elements that are non-zero, one array per dimension.") { b, i in
            let a = try b.array("a", i)
            guard a.ndim > 0 else {
                throw ScriptError.valueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.")
            }
            return .tuple(Selection.nonzero(a).map(ArrayObject.wrap))
        },
        NumpyFunction("argwhere(a)", "Find the indices of array elements that are non-zero, grouped by element.") { b, i in
            let a = try b.array("a", i)
            if a.ndim == 0 { return ArrayObject.wrap(NDArray([], shape: [a.scalarValue != 0 ? 1 : 0, 0], elementType: .int64)) }
            return ArrayConversion.value(try NDArray.stack(Selection.nonzero(a), axis: 1))
        },
        NumpyFunction("histogram(a, bins=10, range=None, weights=None)", "Compute the histogram of a dataset: (counts, bin_edges). bins is a count of equal bins or the edges.") { b, i in
            let a = try b.array("a", i)
            let weights = try b.optionalArray("weights", i)
            let result: (counts: NDArray, edges: NDArray)
            var range: (Double, Double)?
            if let r = b.given("range") {
                let bounds = try ArrayConversion.array(r, i).values
                guard bounds.count == 2 else { throw ScriptError.valueError("range must be a pair (min, max)") }
                range = (bounds[0], bounds[1])
            }
            if case .float? = b.given("bins") { throw ScriptError.typeError("`bins` must be an integer, a string, or an array") }
            if let bins = b.given("bins"), case .int(let n) = bins {
                result = try Histogram.histogram(a, bins: n, range: range, weights: weights)
            } else if let edges = try b.optionalArray("bins", i) {
                result = try Histogram.histogram(a, edges: edges, weights: weights)
            } else {
                result = try Histogram.histogram(a, bins: 10, range: range, weights: weights)
            }
            return .tuple([ArrayObject.wrap(result.counts), ArrayObject.wrap(result.edges)])
        },
        NumpyFunction("polyfit(x, y, deg, w=None)", "Least squares polynomial fit: coefficients of p(x) = p[0]*x**deg + … + p[deg], highest power first.") { b, i in
            let x = try b.array("x", i).converted(to: .float64), y = try b.array("y", i).converted(to: .float64)
            let degree = try b.int("deg") ?? 1, weights = try b.optionalArray("w", i)
            guard y.ndim == 2 else { return ArrayConversion.value(try Polynomial.fit(x: x, y: y, degree: degree, weights: weights)) }
            // One fit per column, coefficients in the rows (numpy's layout).
            let columns = try (0..<y.shape[1]).map { c in
                try Polynomial.fit(x: x, y: y.indexed([.slice(start: nil, stop: nil, step: nil), .integer(c)]).contiguousCopy(),
                                   degree: degree, weights: weights)
            }
            return ArrayConversion.value(try NDArray.stack(columns, axis: 1))
        },
        NumpyFunction("polyval(p, x)", "Evaluate a polynomial (coefficients highest power first) at x.") { b, i in
            ArrayConversion.value(try Polynomial.evaluate(b.array("p", i), at: b.array("x", i)))
        },
    ]
}
