/// The largest list, tuple or string a program may build: ten million items (characters,
/// for strings; `what` names the result, and one ending in "string" is measured in characters). Growing past it is a `memory` error (graded as a budget overrun), so that
/// doubling a list in a loop ends with a message, not with the machine out of memory.
enum SizeLimit {
    static let maximumItems = 10_000_000

    /// Throws unless a result of `count` items (or characters) is allowed.
    @inline(__always)
    static func check(_ count: Int, _ what: @autoclosure () -> String) throws {
        if count > maximumItems { throw tooLarge(count, what()) }
    }

    /// Throws unless `a + b` items are allowed (without overflowing).
    @inline(__always)
    static func check(_ a: Int, plus b: Int, _ what: @autoclosure () -> String) throws {
        if a > maximumItems - b { throw tooLarge(a &+ b, what()) }
    }

    @inline(never)
    static func tooLarge(_ count: Int, _ what: String) -> RuntimeError {
        let size = what.hasSuffix("string") ? "be \(count) characters long" : "hold \(count) items"
        return RuntimeError("\(what) would \(size), more than the limit of \(maximumItems)", id: "memory")
    }
}
