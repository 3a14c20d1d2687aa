import Tensor

/// Bytes of a large language value (a list of a million items) counted against the
/// session's memory budget, the same live total its tensors count against (`memory:` in
/// the front matter, 1024 MB unless set). The value holds its charge; when the value is
/// freed, the charge is, and the bytes return to the budget.
///
/// Only values made in bulk (`[0] * n`, `a + b`, `extend`, `list(…)`) of at least
/// `threshold` bytes are charged, so the interpreter's hot paths (ints, small lists) pay
/// nothing; one list is also capped by `SizeLimit`.
final class MemoryCharge {
    /// Values smaller than this (64 KiB) are not charged.
    static let threshold = 1 << 16

    private let budget: TensorBudget
    private var bytes: Int

    private init(budget: TensorBudget, bytes: Int) {
        self.budget = budget
        self.bytes = bytes
    }

    deinit {
        budget.releaseBytes(bytes)
    }

    /// The charge for a list of `count` items, or nil when it is small or no budget is
    /// current; throws a `memory` error (which `except` cannot catch) when the session's
    /// values would pass the budget.
    static func list(_ count: Int, _ what: @autoclosure () -> String) throws -> MemoryCharge? {
        try charge(count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride).partialValue, what())
    }

    /// Reserves the bytes beyond the charge's for a value grown to `total` bytes.
    func grow(to total: Int, _ what: @autoclosure () -> String) throws {
        guard total > bytes else { return }
        guard budget.reserveBytes(total - bytes) else { throw MemoryCharge.exceeded(budget, total - bytes, what()) }
        bytes = total
    }

    /// The charge for `bytes` bytes of a value named `what`.
    static func charge(_ bytes: Int, _ what: @autoclosure () -> String) throws -> MemoryCharge? {
        guard bytes >= threshold, let budget = TensorBudget.current else { return nil }
        guard budget.reserveBytes(bytes) else { throw exceeded(budget, bytes, what()) }
        return MemoryCharge(budget: budget, bytes: bytes)
    }

    /// The `memory` error of a value of `bytes` more bytes than `budget` has left.
    private static func exceeded(_ budget: TensorBudget, _ bytes: Int, _ what: String) -> RuntimeError {
        let megabyte = 1 << 20
        let limit = budget.maxTotalElements / (megabyte / 4)
        let live = budget.liveElements / (megabyte / 4)
        return RuntimeError(
            "\(what) would need \(bytes / megabyte + 1) MB more, but the session's tensors and lists already use "
                + "\(live) MB of its memory budget of \(limit) MB (set `memory:` in the front matter to change it)",
            id: "memory")
    }
}

extension ListObject {
    /// A list of `items` made in bulk, charged against the session's memory budget.
    static func charged(_ items: [Value], _ what: @autoclosure () -> String) throws -> ListObject {
        let list = ListObject(items)
        list.charge = try MemoryCharge.list(items.count, what())
        return list
    }

    /// Charges the list for growing in bulk to `count` items, before it grows: only the
    /// difference is reserved, so a list near the limit is not counted twice.
    func chargeGrowth(to count: Int, _ what: @autoclosure () -> String) throws {
        if let charge {
            try charge.grow(to: count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride).partialValue, what())
        } else {
            charge = try MemoryCharge.list(count, what())
        }
    }
}
