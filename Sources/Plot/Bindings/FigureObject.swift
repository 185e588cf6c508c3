import Platform
import Numerics
import Script

/// `figure()` as cells see it: `fig.plot / scatter / errorbar / imshow / hist`, `fig.title`,
/// `fig.xlabel`, `fig.ylabel`, `fig.xscale('log')`, `fig.legend()`; shown as SVG.
final class FigureObject: ScriptObject {
    var figure: Figure

    init(_ figure: Figure) {
        self.figure = figure
    }

    var typeName: String { "Figure" }
    var docstring: String? {
        "A figure: fig.plot(x, y, label=), fig.scatter(x, y), fig.errorbar(x, y, yerr=), fig.imshow(img, cmap='viridis', log=False, vmin=, vmax=), fig.hist(data, bins=10), fig.title(t), fig.xlabel(t), fig.ylabel(t), fig.xscale('log'), fig.yscale('log'), fig.legend(). Shown as SVG."
    }
    var attributeNames: [String] { Array(FigureObject.methods.keys).sorted() + ["svg"] }
    func repr(_ interpreter: Interpreter) throws -> String {
        "<Figure: \(figure.series.count) series, \(figure.bars.count) histograms\(figure.image == nil ? "" : ", 1 image")\(figure.title.isEmpty ? "" : ", '\(figure.title)'")>"
    }
    func displayData(_ interpreter: Interpreter) throws -> MimeBundle? {
        var bundle: MimeBundle = ["image/svg+xml": figure.svg(), "text/plain": try repr(interpreter)]
        if let image = figure.image { bundle["image/png"] = Base64.encode(image.png()) }
        return bundle
    }

    /// Each method's signature and docstring.
    static let methods: [String: (signature: String, doc: String)] = [
        "plot": ("plot(x, y=None, label=None, color=None, marker=False)",
                 "Add a line of y against x (or against 0, 1, 2, … when only one array is given); marker=True marks the points."),
        "scatter": ("scatter(x, y, label=None, color=None)", "Add markers at (x, y) without a line."),
        "errorbar": ("errorbar(x, y, yerr=None, xerr=None, label=None, color=None)",
                     "Add points with error bars (yerr, xerr: one value per point or one for all)."),
        "imshow": ("imshow(img, cmap='viridis', log=False, vmin=None, vmax=None)",
                   "Show a 2-D array as an image (row 0 at the top) with a colour bar; cmap 'viridis', 'magma', 'inferno' or 'gray'; log=True for logarithmic colours."),
        "hist": ("hist(data, bins=10, range=None, label=None, color=None)",
                 "Add a histogram of the data (bins: a number of equal bins or the edges)."),
        "title": ("title(text)", "Set the title."),
        "xlabel": ("xlabel(text)", "Label the x axis."),
        "ylabel": ("ylabel(text)", "Label the y axis."),
        "xscale": ("xscale(scale)", "'linear' or 'log'."),
        "yscale": ("yscale(scale)", "'linear' or 'log'."),
        "legend": ("legend(show=True)", "Show (or hide) the legend."),
        "size": ("size(width, height)", "Set the size in pixels."),
    ]

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if name == "svg" { return .str(figure.svg()) }
        guard let method = FigureObject.methods[name] else { return nil }
        return .object(NumpyFunction(method.signature, method.doc) { [self] b, i in
            try apply(name, b, i)
            return .none
        }.builtin)
    }

    private func values(_ v: Value, _ i: Interpreter) throws -> [Double] {
        try ArrayConversion.floatArray(v, i).raveled().values
    }

    private func errors(_ v: Value?, count: Int, _ i: Interpreter) throws -> [Double]? {
        guard let v, !v.isNone else { return nil }
        let e = try values(v, i)
        if e.count == 1 { return Array(repeating: e[0], count: count) }
        guard e.count == count else { throw ScriptError.valueError("errors have \(e.count) values for \(count) points") }
        return e
    }

    private func apply(_ name: String, _ b: BoundArguments, _ i: Interpreter) throws {
        switch name {
        case "plot", "scatter", "errorbar":
            var x = try values(b.required("x"), i)
            var y: [Double]
            if let yv = b.given("y") { y = try values(yv, i) } else { y = x; x = y.indices.map(Double.init) }
            guard x.count == y.count else {
                throw ScriptError.valueError("x and y must have same first dimension, but have shapes (\(x.count),) and (\(y.count),)")
            }
            let marker = try b.bool("marker", default: false)
            figure.series.append(Figure.Series(
                x: x, y: y, label: try b.string("label"), colour: try b.string("color"),
                line: name == "plot", markers: name != "plot" || marker,
                yErrors: try errors(b["yerr"], count: y.count, i), xErrors: try errors(b["xerr"], count: x.count, i)))
        case "imshow":
            let img = try ArrayConversion.floatArray(b.required("img"), i)
            guard img.ndim == 2 else { throw ScriptError.typeError("Invalid shape \(ArrayFormatter.pythonShape(img.shape)) for image data (imshow takes a 2-D array)") }
            let cmapName = try b.string("cmap") ?? "viridis"
            guard let cmap = Colormap(rawValue: cmapName == "grey" ? "gray" : cmapName) else {
                throw ScriptError.valueError("'\(cmapName)' is not a known colormap; choose one of \(Colormap.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            figure.image = ImageRaster(values: img.values, rows: img.shape[0], columns: img.shape[1], colormap: cmap,
                                       logarithmic: try b.bool("log", default: false), vmin: try b.double("vmin"), vmax: try b.double("vmax"))
        case "hist":
            let data = try ArrayConversion.floatArray(b.required("data"), i)
            var range: (Double, Double)?
            if let r = b.given("range") {
                let bounds = try values(r, i)
                guard bounds.count == 2 else { throw ScriptError.valueError("range must be (min, max)") }
                range = (bounds[0], bounds[1])
            }
            let result: (counts: NDArray, edges: NDArray)
            if let binsValue = b.given("bins"), case .int(let n) = binsValue {
                result = try numpyCall { try Histogram.histogram(data, bins: n, range: range) }
            } else if let edges = b.given("bins") {
                result = try numpyCall { try Histogram.histogram(data, edges: try ArrayConversion.floatArray(edges, i)) }
            } else {
                result = try numpyCall { try Histogram.histogram(data, bins: 10, range: range) }
            }
            figure.bars.append(Figure.Bars(edges: result.edges.values, counts: result.counts.values,
                                           label: try b.string("label"), colour: try b.string("color")))
        case "title": figure.title = try b.string("text") ?? ""
        case "xlabel": figure.xLabel = try b.string("text") ?? ""
        case "ylabel": figure.yLabel = try b.string("text") ?? ""
        case "xscale", "yscale":
            guard let scale = Figure.Scale(rawValue: try b.string("scale") ?? "") else {
                throw ScriptError.valueError("scale must be 'linear' or 'log'")
            }
            if name == "xscale" { figure.xScale = scale } else { figure.yScale = scale }
        case "legend": figure.legend = try b.bool("show", default: true)
        case "size":
            figure.width = Swift.max(160, try b.double("width") ?? figure.width)
            figure.height = Swift.max(120, try b.double("height") ?? figure.height)
        default: break
        }
    }
}

/// Binds `figure`, `plot` and `Markdown` into a session.
public enum PlotBindings {
    /// Installs the names as builtins.
    public static func install(into interpreter: Interpreter) {
        interpreter.setBuiltin("figure", .object(NumpyFunction("figure(title=None, xlabel=None, ylabel=None, width=560, height=360)",
            "A new figure to draw on: fig.plot, fig.scatter, fig.errorbar, fig.imshow, fig.hist, fig.title, fig.xlabel, fig.ylabel, fig.xscale, fig.yscale, fig.legend. Show it as a cell's last expression or with display(fig).") { b, _ in
            var f = Figure()
            f.title = try b.string("title") ?? ""
            f.xLabel = try b.string("xlabel") ?? ""
            f.yLabel = try b.string("ylabel") ?? ""
            f.width = Swift.max(160, try b.double("width") ?? 560)
            f.height = Swift.max(120, try b.double("height") ?? 360)
            return .object(FigureObject(f))
        }.builtin))
        interpreter.setBuiltin("plot", .object(NumpyFunction("plot(x, y=None, label=None, title=None, xlabel=None, ylabel=None, marker=False, logy=False)",
            "Plot y against x and return the figure (shown when it is the cell's last expression); add more with fig.plot(...).") { b, i in
            var f = Figure()
            f.title = try b.string("title") ?? ""
            f.xLabel = try b.string("xlabel") ?? ""
            f.yLabel = try b.string("ylabel") ?? ""
            if try b.bool("logy", default: false) { f.yScale = .log }
            let object = FigureObject(f)
            var keywords: [(name: String, value: Value)] = []
            for name in ["label", "marker"] { if let v = b[name] { keywords.append((name, v)) } }
            guard case .object(let method)? = try object.attribute("plot", i) else { return .none }
            _ = try method.call(Arguments([try b.required("x")] + (b["y"].map { [$0] } ?? []), keywords: keywords), i)
            return .object(object)
        }.builtin))
        interpreter.setBuiltin("Markdown", .object(NumpyFunction("Markdown(text)", "Markdown text shown formatted (text/markdown), as IPython.display.Markdown.") { b, _ in
            guard case .str(let text)? = b["text"] else { throw ScriptError.typeError("Markdown() takes a string") }
            return .object(MarkdownObject(text))
        }.builtin))
    }
}

/// `Markdown("…")`: displayed as `text/markdown`.
final class MarkdownObject: ScriptObject {
    let text: String
    init(_ text: String) { self.text = text }
    var typeName: String { "Markdown" }
    func repr(_ interpreter: Interpreter) throws -> String { "<IPython.core.display.Markdown object>" }
    func displayData(_ interpreter: Interpreter) throws -> MimeBundle? { ["text/markdown": text, "text/plain": try repr(interpreter)] }
}
