import Dispatch
import Testing
@testable import Tensor

/// Long products stop at their budget's deadline instead of running to the end: the
/// interpreter checks its clock only between operations.
@Suite struct DeadlineTests {
    @Test func aLargeProductPastTheDeadlineStopsBeforeItStarts() throws {
        let budget = TensorBudget()
        budget.deadline = 1
        let a = try Tensor.ones([4096, 4096])
        try budget.run {
            do {
                _ = try a.matmul(a)
                Issue.record("a product of 6.9e10 multiply-adds ran past its deadline")
            } catch let error as TensorError {
                #expect(error.isDeadline)
                #expect(error.message == "matmul: stopped at the time budget")
            }
            // A batched product checks between its matrices.
            let batch = try Tensor.ones([4, 1024, 1024])
            #expect(throws: TensorError.deadline("matmul")) { try batch.matmul(try Tensor.ones([4, 1024, 1024])) }
            // Small products never look at the clock.
            let small = try Tensor.ones([64, 64]).matmul(try Tensor.ones([64, 64]))
            #expect(small.data[0] == 64, "\(small.data[0]) \(small.shape)")
        }
    }

    @Test func chunksGiveTheSameProduct() throws {
        let generator = Generator(seed: 7)
        let a = try Tensor.randn([1300, 1800], generator: generator)
        let b = try Tensor.randn([1800, 1800], generator: generator)
        let whole = try a.matmul(b)
        let budget = TensorBudget()
        budget.deadline = DispatchTime.now().uptimeNanoseconds + 3_600_000_000_000
        let chunked = try budget.run { try a.matmul(b) }
        var largest: Float = 0
        for i in 0..<whole.count { largest = max(largest, abs(whole.data[i] - chunked.data[i])) }
        #expect(largest <= 1e-3)
    }
}
