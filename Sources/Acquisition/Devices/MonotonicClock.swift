import Glibc
import Script

/// The monotonic clock the simulated devices and waits use.
public enum MonotonicClock {
    /// Seconds since an arbitrary fixed point.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// Interruptible waiting: sleeps in short slices so a kernel interrupt is noticed.
public enum Waiting {
    /// Sleeps until monotonic time `deadline`, checking the interpreter's interrupt flag;
    /// raises `KeyboardInterrupt` if it is set.
    public static func until(_ deadline: Double, _ interpreter: Interpreter) throws {
        while true {
            let remaining = deadline - MonotonicClock.now()
            if remaining <= 0 { return }
            if interpreter.interrupt.isSet {
                _ = interpreter.interrupt.take()
                throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
            }
            usleep(useconds_t(min(remaining, 0.01) * 1e6))
        }
    }
}
