import Glibc
import Synchronization

/// Keeps a few freed large array buffers (already paged in) for the next array of about
/// the same size. Array expressions on big data (`a * b + c` on 10 million elements)
/// allocate and free temporaries of one size over and over; fresh memory costs the kernel
/// a page fault and a zeroing pass per page, reused memory costs nothing. numpy gets the
/// same effect by computing into its temporaries in place.
///
/// At most `capacity` bytes are kept; anything beyond is returned to the system at once.
enum LargeBufferPool {
    /// Buffers below this size come from malloc as usual.
    static let threshold = 4 << 20
    private static let capacity = 512 << 20
    private static let alignment = 2 << 20

    private struct Entry {
        let pointer: UnsafeMutableRawPointer
        let bytes: Int
    }

    private static let free = Mutex<[Entry]>([])

    /// A 2 MiB-aligned block of at least `bytes` (huge pages advised when fresh).
    static func take(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let reused: UnsafeMutableRawPointer? = free.withLock { entries in
            guard let i = entries.indices.filter({ entries[$0].bytes >= bytes && entries[$0].bytes <= 2 * bytes })
                .min(by: { entries[$0].bytes < entries[$1].bytes }) else { return nil }
            return entries.remove(at: i).pointer
        }
        if let reused { return reused }
        let rounded = (bytes + alignment - 1) / alignment * alignment
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, alignment, rounded) == 0, let raw else { return nil }
        _ = madvise(raw, rounded, 14 /* MADV_HUGEPAGE */)
        return raw
    }

    /// Returns a block from `take` whose caller asked for `bytes`.
    static func give(_ pointer: UnsafeMutableRawPointer, requested bytes: Int) {
        let rounded = (bytes + alignment - 1) / alignment * alignment
        let kept: Bool = free.withLock { entries in
            let held = entries.reduce(0) { $0 + $1.bytes }
            guard held + rounded <= capacity else { return false }
            entries.append(Entry(pointer: pointer, bytes: rounded))
            return true
        }
        if !kept { Glibc.free(pointer) }
    }
}
