import Glibc

/// Runs a closure on a fresh POSIX thread with a 512 MiB stack and joins it. Deep recursion
/// in cells (RecursionError at depth 1000 needs far more than the default 8 MiB in a
/// tree-walker) runs there; the memory is reserved, not committed, until used.
enum LargeStackThread {
    /// Stack size reserved for the thread.
    static let stackSize = 512 << 20

    /// Runs `body` on the large stack and returns its result; if no thread can be made,
    /// runs it on the caller's stack instead.
    static func run<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let job = Job { result = body() }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().work()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return body()
        }
        pthread_join(thread, nil)
        return result ?? body()
    }
}

/// The closure handed to the thread.
private final class Job {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}
