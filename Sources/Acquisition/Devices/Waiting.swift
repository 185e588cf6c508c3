import Glibc
import Platform
import Script

/// Interruptible waiting: sleeps in short slices so a kernel interrupt is noticed.
public enum Waiting {
    /// Sleeps until monotonic time `deadline`, checking the interpreter's interrupt flag;
    /// raises `KeyboardInterrupt` if it is set.
    public static func until(_ deadline: Double, _ interpreter: Interpreter) throws {
        while true {
            let remaining = deadline - Monotonic.now()
            if remaining <= 0 { return }
            if interpreter.interrupt.isSet {
                _ = interpreter.interrupt.take()
                throw ScriptError(ExceptionObject(type: BuiltinTypes.keyboardInterrupt, args: []))
            }
            usleep(useconds_t(min(remaining, 0.01) * 1e6))
        }
    }
}
