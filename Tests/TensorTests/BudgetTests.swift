import Testing
@testable import Tensor

@Suite struct BudgetTests {
    @Test func perTensorLimitOfTheCurrentBudget() throws {
        let budget = TensorBudget(maxElements: 100, maxTotalElements: 1000)
        try budget.run {
            _ = try Tensor.zeros([10, 10])
            #expect(throws: TensorError("zeros: a tensor of shape (10, 11) has 110 elements, more than the limit of 100 per tensor")) {
                try Tensor.zeros([10, 11])
            }
        }
    }

    @Test func runningTotalCountsLiveTensorsAndReleasesFreedOnes() throws {
        let budget = TensorBudget(maxElements: 1000, maxTotalElements: 1000)
        try budget.run {
            var kept: [Tensor] = []
            for _ in 0..<4 { kept.append(try Tensor.zeros([250])) }
            #expect(budget.liveElements == 1000)
            #expect(throws: TensorError.self) { try Tensor.zeros([1]) }
            kept.removeLast()
            #expect(budget.liveElements == 750)
            _ = try Tensor.zeros([250])
            _ = try kept[0].add(kept[1])
        }
        #expect(budget.liveElements == 0)
    }

    @Test func viewsShareTheirElements() throws {
        let budget = TensorBudget(maxElements: 100, maxTotalElements: 100)
        try budget.run {
            let x = try Tensor.ones([60])
            let v = try x.reshape([6, 10])
            #expect(budget.liveElements == 60)
            try withNoGrad { try v.fill_(2) }
            #expect(try x.sum().item() == 120)
        }
    }
}
