import Glibc

/// The `time` module: wall-clock and monotonic clocks, and an interruptible `sleep`.
enum TimeModule {
    static func make(_ interp: Interpreter) -> ModuleObject {
        func clock(_ id: clockid_t) -> Double {
            var t = timespec()
            clock_gettime(id, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        return ModuleObject(name: "time", doc: "Time access: time(), monotonic(), perf_counter(), sleep(seconds).", members: [
            "time": .object(BuiltinFunction("time", signature: "time()", doc: "Seconds since the Unix epoch, as a float.") { _, _ in
                .float(clock(CLOCK_REALTIME))
            }),
            "monotonic": .object(BuiltinFunction("monotonic", signature: "monotonic()",
                                                 doc: "Seconds on a clock that never goes backwards (for measuring intervals).") { _, _ in
                .float(clock(CLOCK_MONOTONIC))
            }),
            "perf_counter": .object(BuiltinFunction("perf_counter", signature: "perf_counter()",
                                                    doc: "A high-resolution monotonic clock, in seconds (for timing code).") { _, _ in
                .float(clock(CLOCK_MONOTONIC))
            }),
            "sleep": .object(BuiltinFunction("sleep", signature: "sleep(seconds, /)",
                                             doc: "Wait for the given number of seconds; an interrupt stops the wait with KeyboardInterrupt.") { args, interp in
                try ArgumentReader("sleep", args, interp).count(1)
                guard let seconds = args.positional[0].numericValue, seconds.isFinite else {
                    throw ScriptError.typeError("sleep() needs a number of seconds")
                }
                guard seconds >= 0 else { throw ScriptError.valueError("sleep length must be non-negative") }
                let deadline = clock(CLOCK_MONOTONIC) + seconds
                while true {
                    let remaining = deadline - clock(CLOCK_MONOTONIC)
                    if remaining <= 0 { return .none }
                    if interp.interrupt.take() && !(interp.interruptHook?() ?? false) {
                        throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
                    }
                    usleep(useconds_t(min(remaining, 0.01) * 1e6))
                }
            }),
        ])
    }
}
