import Numerics
import Script

/// `roi_sum`, `roi_stats`, `mean_frame`, `median_frame` and `flat_field` for cells.
enum ImageBindings {
    static func install(into interpreter: Interpreter) {
        func add(_ name: String, _ signature: String, _ doc: String, _ body: @escaping (BoundArguments, Interpreter) throws -> Value) {
            interpreter.setBuiltin(name, .object(NumpyFunction(signature, doc, body).builtin))
        }
        add("roi_sum", "roi_sum(image, roi)", "Sum of the pixels in roi = (top, bottom, left, right) (half-open rows and columns, like img[top:bottom, left:right]); for a stack of frames, one sum per frame.") { b, i in
            ArrayConversion.value(try ImageTools.regionSum(try b.array("image", i), try region(b.required("roi"), i)))
        }
        add("roi_stats", "roi_stats(image, roi)", "Statistics of the pixels in roi = (top, bottom, left, right): sum, mean, std, min, max, count and the centre of mass (com_row, com_column) in image pixels.") { b, i in
            let stats = try ImageTools.regionStatistics(try b.array("image", i), try region(b.required("roi"), i))
            let d = DictObject()
            for (k, v) in stats { try d.set(HashKey(.str(k)), k == "count" ? .int(Int(v)) : .float(v)) }
            return .dict(d)
        }
        add("mean_frame", "mean_frame(frames)", "The pixel-by-pixel mean of a stack of frames (3-D array or list of 2-D frames).") { b, i in
            ArrayConversion.value(try ImageTools.meanFrame(try b.array("frames", i)))
        }
        add("median_frame", "median_frame(frames)", "The pixel-by-pixel median of a stack of frames (removes zingers).") { b, i in
            ArrayConversion.value(try ImageTools.medianFrame(try b.array("frames", i)))
        }
        add("flat_field", "flat_field(image, dark=None, flat=None)", "Dark subtraction and flat-field correction: (image - dark) / (flat - dark) * mean(flat - dark); pixels with flat == dark become 0.") { b, i in
            ArrayConversion.value(try ImageTools.correct(try b.array("image", i), dark: try b.optionalArray("dark", i), flat: try b.optionalArray("flat", i)))
        }
    }

    private static func region(_ v: Value, _ interpreter: Interpreter) throws -> ImageTools.Region {
        let bounds = try ArrayConversion.array(v, interpreter)
        guard bounds.count == 4, bounds.elementType != .float64 else {
            throw ScriptError.typeError("roi must be four integers (top, bottom, left, right)")
        }
        let b = bounds.values.map { Int($0) }
        return ImageTools.Region(top: b[0], bottom: b[1], left: b[2], right: b[3])
    }
}
