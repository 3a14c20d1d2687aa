import Diagnostics
import Foundation

/// Counts operations and calls against a block's budget. The counters live behind a raw
/// pointer so compiled code can bump them without exclusivity checks; the wall clock is read
/// only every `clockInterval` operations.
final class Meter {
    /// [0] operations so far, [1] the count at which `check` must run next, [2] call depth.
    let counters: UnsafeMutablePointer<Int>
    var operationLimit = Int.max
    var secondsLimit: Double = .infinity
    var deadline: UInt64 = .max
    static let clockInterval = 2048
    /// The deepest nesting of user-function calls, as Python's default recursion limit.
    static let maximumDepth = 1000

    init() {
        counters = .allocate(capacity: 3)
        counters.initialize(repeating: 0, count: 3)
    }

    deinit {
        counters.deallocate()
    }

    /// Starts a block with a fresh budget.
    func start(_ budget: Budget) {
        operationLimit = max(1, budget.operations)
        secondsLimit = budget.seconds
        let now = DispatchTime.now().uptimeNanoseconds
        // No wall-clock budget: no deadline at all, so engine work never needs to check it.
        deadline = budget.seconds.isFinite && budget.seconds >= 0 ? now &+ UInt64(min(budget.seconds, 1e9) * 1e9) : .max
        counters[0] = 0
        counters[1] = min(operationLimit, Meter.clockInterval)
        counters[2] = 0
    }

    var operations: Int { counters[0] }

    /// Counts one operation; checks the budget when due.
    @inline(__always) func tick() throws {
        counters[0] &+= 1
        if counters[0] >= counters[1] { try check() }
    }

    /// Counts one operation of the statement at `range`; a budget error says where it was.
    @inline(__always) func tick(at range: SourceRange, in block: BlockInfo) throws {
        counters[0] &+= 1
        if counters[0] >= counters[1] { try check(at: range, in: block) }
    }

    @inline(never)
    func check(at range: SourceRange, in block: BlockInfo) throws {
        do {
            try check()
        } catch var error as RuntimeError {
            error.locate(range, in: block)
            throw error
        }
    }

    /// The error of a call nested deeper than `maximumDepth`.
    @inline(never)
    static func recursionError() -> RuntimeError {
        RuntimeError("maximum recursion depth exceeded (more than \(maximumDepth) nested calls)", id: "recursion")
    }

    /// Throws when the operation count or the wall clock is past the budget.
    func check() throws {
        if counters[0] >= operationLimit {
            throw RuntimeError("block exceeded its budget of \(operationLimit) operations", id: "budget")
        }
        try checkClock()
        counters[1] = min(operationLimit, counters[0] + Meter.clockInterval)
    }

    /// Throws when the wall clock is past the budget. Engine work calls it after each
    /// operation, since one matrix product or forward pass can take longer than thousands
    /// of interpreted operations.
    func checkClock() throws {
        if DispatchTime.now().uptimeNanoseconds > deadline {
            let seconds = secondsLimit == secondsLimit.rounded() ? String(Int(secondsLimit)) : String(secondsLimit)
            throw RuntimeError("block exceeded its budget of \(seconds) second\(secondsLimit == 1 ? "" : "s")", id: "budget")
        }
    }
}

/// Where a statement counts against the budget: the meter's counters and the statement's
/// position for the error, in one object so that a compiled statement captures a single
/// reference.
final class BudgetSite {
    let counters: UnsafeMutablePointer<Int>
    let meter: Meter
    let site: ErrorSite

    init(_ meter: Meter, _ range: SourceRange, _ block: BlockInfo) {
        self.meter = meter
        counters = meter.counters
        site = ErrorSite(range, block)
    }

    /// Counts one operation; checks the budget when due.
    @inline(__always) func count() throws {
        counters[0] &+= 1
        if counters[0] >= counters[1] { try check() }
    }

    @inline(never)
    func check() throws {
        do { try meter.check() } catch { throw site.locate(error) }
    }
}
