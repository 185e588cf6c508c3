import Numerics
import Script

/// `g2` and `two_time` for cells (XPCS).
enum CorrelationBindings {
    static func install(into interpreter: Interpreter) {
        interpreter.setBuiltin("g2", .object(NumpyFunction("g2(frames, labels, num_levels=7, num_bufs=8)", """
            Multi-tau one-time intensity autocorrelation g2(lag) for each ROI, as scikit-beam's multi_tau_auto_corr
            computes it. frames: (frame, row, column); labels: (row, column) ROI numbers, 0 for background.
            Returns (g2, lag_steps): g2 has shape (lags, ROIs), lag_steps counts frames.
            """) { b, i in
            let frames = try b.array("frames", i).converted(to: .float64)
            let labels = try b.array("labels", i)
            let (g2, lags) = try Correlation.oneTime(frames: frames, labels: labels, levels: try b.int("num_levels") ?? 7,
                                                     buffers: try b.int("num_bufs") ?? 8)
            return .tuple([ArrayObject.wrap(g2), ArrayObject.wrap(NDArray(lags.map(Double.init), elementType: .int64))])
        }.builtin))
        interpreter.setBuiltin("two_time", .object(NumpyFunction("two_time(frames, labels)", """
            Two-time correlation C(t1, t2) = <I(t1) I(t2)> / (<I(t1)> <I(t2)>) over each ROI's pixels, shape
            (ROIs, frames, frames), as scikit-beam's two_time_corr with one level.
            """) { b, i in
            ArrayObject.wrap(try Correlation.twoTime(frames: try b.array("frames", i).converted(to: .float64), labels: try b.array("labels", i)))
        }.builtin))
    }
}
