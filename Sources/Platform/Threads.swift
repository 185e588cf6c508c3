import Glibc

/// A POSIX thread running one closure, optionally with a large stack (cells recurse deeply).
public final class PlatformThread: @unchecked Sendable {
    private var thread = pthread_t()
    private let finished = Event()

    /// Starts `body` on a new thread with `stackSize` bytes of stack (0: the default).
    /// Throws when the system refuses to make the thread.
    public init(stackSize: Int = 0, _ body: @escaping () -> Void) throws {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if stackSize > 0 { pthread_attr_setstacksize(&attributes, stackSize) }
        let done = finished
        let job = ThreadJob { body(); done.signal() }
        let context = Unmanaged.passRetained(job).toOpaque()
        let rc = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<ThreadJob>.fromOpaque(raw).takeRetainedValue().work()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<ThreadJob>.fromOpaque(context).release()
            throw ThreadError(code: rc)
        }
        pthread_detach(thread)
    }

    /// Waits up to `seconds` for the closure to finish; returns whether it did.
    @discardableResult
    public func join(timeout seconds: Double) -> Bool { finished.wait(timeout: seconds) }

    /// Waits until the closure finishes.
    public func join() { finished.wait() }
}

/// The system refused to create a thread.
public struct ThreadError: Error, CustomStringConvertible {
    /// The pthread error code.
    public var code: Int32
    public var description: String { "cannot start a thread: \(String(cString: strerror(code)))" }
}

private final class ThreadJob {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}

/// A one-shot event: threads wait until another signals it.
public final class Event: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var isSet = false

    /// An unsignalled event.
    public init() { initializeLock(&mutex, &condition) }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Wakes every waiter, now and later.
    public func signal() {
        pthread_mutex_lock(&mutex)
        isSet = true
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Waits until signalled.
    public func wait() {
        pthread_mutex_lock(&mutex)
        while !isSet { pthread_cond_wait(&condition, &mutex) }
        pthread_mutex_unlock(&mutex)
    }

    /// Waits until signalled or `seconds` pass; returns whether it was signalled.
    public func wait(timeout seconds: Double) -> Bool {
        let deadline = Monotonic.deadline(after: seconds)
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var ts = deadline
        while !isSet {
            if pthread_cond_timedwait(&condition, &mutex, &ts) == ETIMEDOUT { return isSet }
        }
        return true
    }
}

/// A mutex with a condition variable, for queues shared between threads.
public final class Monitor: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    /// A new monitor.
    public init() { initializeLock(&mutex, &condition) }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Runs `body` holding the lock.
    public func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Holding the lock, waits until `ready()` is true (re-checked after every wake-up),
    /// then runs `body`.
    public func await<T>(until ready: () -> Bool, then body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while !ready() { pthread_cond_wait(&condition, &mutex) }
        return body()
    }

    /// Like `await(until:then:)`, but gives up after `timeout` seconds and returns nil.
    public func await<T>(until ready: () -> Bool, timeout: Double, then body: () -> T) -> T? {
        var deadline = Monotonic.deadline(after: timeout)
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while !ready() {
            if pthread_cond_timedwait(&condition, &mutex, &deadline) == ETIMEDOUT { return ready() ? body() : nil }
        }
        return body()
    }

    /// Changes state under the lock and wakes every waiter.
    public func change(_ body: () -> Void) {
        pthread_mutex_lock(&mutex)
        body()
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }
}

/// Sets up a mutex and a condition variable whose timed waits use the monotonic clock.
private func initializeLock(_ mutex: inout pthread_mutex_t, _ condition: inout pthread_cond_t) {
    pthread_mutex_init(&mutex, nil)
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(&condition, &attributes)
    pthread_condattr_destroy(&attributes)
}

/// The monotonic clock.
public enum Monotonic {
    /// Seconds since an arbitrary fixed point.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func deadline(after seconds: Double) -> timespec {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        let whole = Int(seconds.rounded(.down))
        var nanoseconds = t.tv_nsec + Int((seconds - Double(whole)) * 1e9)
        var secs = t.tv_sec + whole
        if nanoseconds >= 1_000_000_000 { secs += 1; nanoseconds -= 1_000_000_000 }
        return timespec(tv_sec: secs, tv_nsec: nanoseconds)
    }
}
