import Foundation
import Testing
@testable import Tensor

/// OpenBLAS's thread count is process-wide: a change made while other threads run products
/// (`torch.set_num_threads` in one session, or a batched kernel switching to one thread,
/// while another session multiplies) waits for the products under way (`BLASCalls`), and
/// every product equals the one computed single-threaded.
@Suite(.serialized) struct BLASThreadCountTests {
    /// Operand pairs, of sizes OpenBLAS runs on several threads (64×64 and above).
    static func operands() throws -> [(Tensor, Tensor)] {
        let generator = Generator(seed: 11)
        return try [64, 96, 160, 256].map { n in
            (try Tensor.randn([n, n], generator: generator), try Tensor.randn([n, n], generator: generator))
        }
    }

    @Test func productsStayExactWhileAnotherThreadChangesTheThreadCount() throws {
        let original = BLAS.threadCount
        defer { BLAS.setThreadCount(original) }
        let pairs = Shared(try Self.operands())
        BLAS.setThreadCount(1)
        let expected = try pairs.value.map { try $0.0.matmul($0.1).scalars }
        let products = try pairs.value.map { try Tensor.product($0.0, $0.1).scalars }
        #expect(products == expected)

        let mismatches = Counter()
        let stop = Counter()
        let multipliers = DispatchGroup()
        // Four threads multiply over and over, by both product entry points…
        for worker in 0..<4 {
            multipliers.enter()
            Thread.detachNewThread {
                defer { multipliers.leave() }
                for round in 0..<150 {
                    let k = (worker + round) % pairs.value.count
                    let (a, b) = pairs.value[k]
                    let result = round % 2 == 0 ? try? a.matmul(b) : try? Tensor.product(a, b)
                    if result?.scalars != expected[k] { mismatches.add() }
                }
            }
        }
        // …while another changes the thread count, up and down, as fast as it can.
        let changes = Counter()
        let changer = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let counts = [1, 2, 4, 2, 1, 3]
            var index = 0
            while stop.value == 0 {
                BLAS.setThreadCount(counts[index % counts.count])
                index += 1
                changes.add()
            }
            changer.signal()
        }
        multipliers.wait()
        stop.add()
        changer.wait()
        #expect(mismatches.value == 0)
        #expect(changes.value > 10)
    }
}

/// Operands several threads read (and never write).
final class Shared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A counter several threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
