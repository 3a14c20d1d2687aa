import Foundation

/// Size limits for tensors: a maximum per tensor and a running total of live elements.
///
/// A budget is an owner (the interpreter makes one per notebook session) and is made
/// current for a scope with `TensorBudget.$current.withValue(budget) { … }` or
/// `budget.run { … }`. Every tensor allocated in that scope counts against it until it is
/// freed. Outside any budget only `TensorBudget.defaultMaxElements` per tensor applies.
/// The binding is task-local (thread-local outside tasks), so parallel tests and sessions
/// never share it. The counter is guarded by a lock, so tensors may be freed on any thread.
public final class TensorBudget: @unchecked Sendable {
    /// The per-tensor limit that applies when no budget is current (2^28 elements, 1 GiB).
    public static let defaultMaxElements = 1 << 28

    /// The budget in effect for the current task or thread, if any.
    @TaskLocal public static var current: TensorBudget?

    /// The most elements one tensor may have.
    public let maxElements: Int
    /// The most elements all live tensors of this budget may have together.
    public let maxTotalElements: Int

    /// When long operations must stop (`DispatchTime` nanoseconds; `.max`: never). The
    /// session sets it from its block's wall-clock budget; a product too large to finish
    /// between two checks of the interpreter runs in chunks and checks it between them.
    public var deadline: UInt64 = .max

    /// Throws `TensorError.deadline` when the current budget's deadline has passed.
    static func checkDeadline(_ op: String) throws {
        guard let budget = current, budget.deadline != .max else { return }
        if DispatchTime.now().uptimeNanoseconds > budget.deadline { throw TensorError.deadline(op) }
    }

    /// Whether a deadline is set for the current scope.
    static var hasDeadline: Bool { (current?.deadline ?? .max) != .max }

    private let lock = NSLock()
    private var live = 0

    /// Makes a budget with the given limits (counted in Float32 elements).
    public init(maxElements: Int = TensorBudget.defaultMaxElements, maxTotalElements: Int = 1 << 30) {
        self.maxElements = maxElements
        self.maxTotalElements = maxTotalElements
    }

    /// The number of elements held by live tensors allocated under this budget.
    public var liveElements: Int {
        lock.lock()
        defer { lock.unlock() }
        return live
    }

    /// Runs `body` with this budget current.
    public func run<R>(_ body: () throws -> R) rethrows -> R {
        try TensorBudget.$current.withValue(self, operation: body)
    }

    /// Runs async `body` with this budget current.
    public func run<R>(_ body: () async throws -> R) async rethrows -> R {
        try await TensorBudget.$current.withValue(self, operation: body)
    }

    /// Counts `count` elements against the budget, or throws if a limit would be exceeded.
    func reserve(_ count: Int, shape: [Int], op: String) throws {
        try TensorBudget.checkSize(count, shape: shape, limit: maxElements, op: op)
        lock.lock()
        defer { lock.unlock() }
        guard live + count <= maxTotalElements else {
            throw TensorError(
                "\(op): allocating a tensor of shape \(describeShape(shape)) would bring the live tensors to "
                    + "\(live + count) elements, more than the limit of \(maxTotalElements)")
        }
        live += count
    }

    /// Counts `bytes` of other session memory (a large list of the language) against the
    /// live total, as that many bytes of Float32 elements, so that tensors and other values
    /// share one limit. Returns false, counting nothing, if the total would pass the limit.
    public func reserveBytes(_ bytes: Int) -> Bool {
        let count = bytes / 4 + (bytes % 4 == 0 ? 0 : 1)
        lock.lock()
        defer { lock.unlock() }
        guard count <= maxTotalElements - live else { return false }
        live += count
        return true
    }

    /// Returns bytes counted by `reserveBytes`.
    public func releaseBytes(_ bytes: Int) {
        release(bytes / 4 + (bytes % 4 == 0 ? 0 : 1))
    }

    /// Returns `count` elements to the budget.
    func release(_ count: Int) {
        lock.lock()
        live -= count
        lock.unlock()
    }

    /// Throws if one tensor of `count` elements exceeds `limit`.
    static func checkSize(_ count: Int, shape: [Int], limit: Int, op: String) throws {
        guard count <= limit else {
            throw TensorError(
                "\(op): a tensor of shape \(describeShape(shape)) has \(count) elements, "
                    + "more than the limit of \(limit) per tensor")
        }
    }
}
