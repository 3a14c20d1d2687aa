#if canImport(Glibc)
import Glibc
#endif

/// Whether this process runs under AddressSanitizer (a `--sanitize=address` build).
///
/// AddressSanitizer reserves terabytes of address space for its shadow memory and cannot
/// map more once `RLIMIT_AS` caps the address space (its documentation: "Perhaps you're
/// using ulimit -v"), so a sanitized worker would die on its first allocation after the
/// cap. Such a worker keeps the session's own memory budget and no address-space cap.
enum AddressSanitizerCheck {
    /// True when the AddressSanitizer runtime is linked into the process.
    static let isActive: Bool = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
}
