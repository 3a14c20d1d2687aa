import Testing
@testable import Tensor
import EngineTestSupport

@Suite struct AutogradTests {
    @Test func gradientsAccumulateUntilZeroed() throws {
        let w = try Tensor([1, 2, 3]).requiresGrad_()
        try w.mul(w).sum().backward()
        #expect(w.grad?.scalars == [2, 4, 6])
        try w.sum().backward()
        #expect(w.grad?.scalars == [3, 5, 7])
        w.zeroGrad()
        #expect(w.grad == nil)
    }

    @Test func noGradStopsRecordingInItsScopeOnly() throws {
        let w = try Tensor([1, 2]).requiresGrad_()
        let inside = try withNoGrad { try w.mul(2) }
        #expect(!inside.requiresGrad)
        #expect(inside.gradFnName == nil)
        let outside = try w.mul(2)
        #expect(outside.requiresGrad)
        #expect(outside.gradFnName == "MulBackward0")
    }

    @Test func noGradIsNotSharedBetweenConcurrentTasks() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let w = try Tensor([1, 2]).requiresGrad_()
                    if i.isMultiple(of: 2) {
                        return try withNoGrad {
                            var recorded = false
                            for _ in 0..<200 where try w.mul(3).requiresGrad { recorded = true }
                            return !recorded
                        }
                    }
                    var allRecorded = true
                    for _ in 0..<200 where try !w.mul(3).requiresGrad { allRecorded = false }
                    return allRecorded
                }
            }
            for try await ok in group { #expect(ok) }
        }
    }

    @Test func detachCutsTheGraphButSharesStorage() throws {
        let w = try Tensor([1, 2]).requiresGrad_()
        let d = try w.mul(2).detach()
        #expect(!d.requiresGrad)
        let y = try w.mul(d).sum()
        try y.backward()
        #expect(w.grad?.scalars == [2, 4])
    }

    @Test func longChainDoesNotOverflowTheStack() throws {
        let x = try Tensor([1]).requiresGrad_()
        var h = x
        for _ in 0..<100_000 { h = try h.mul(1.0).add(0.0) }
        try h.sum().backward()
        #expect(x.grad?.scalars == [1])
        h = x
    }

    @Test func unrolledRecurrenceMatchesFiniteDifferences() throws {
        let w = try GradCheck.random([3, 3], seed: 3).mul(0.5)
        let x = try GradCheck.random([5, 2, 3], seed: 4)
        try GradCheck.check([w, x]) { p in
            var h = try Tensor.zeros([2, 3])
            for t in 0..<5 { h = try (h.matmul(p[0]) + p[1][t]).tanh() }
            return h
        }
    }

    @Test func crossEntropyThroughIndexingMatchesFiniteDifferences() throws {
        let labels = try Tensor(ints: [2, 0, 1, 2])
        try GradCheck.check([GradCheck.random([4, 3])]) { p in
            let logp = try p[0].logSoftmax(dim: 1)
            return try logp[.tensor(try Tensor.arange(4)), .tensor(labels)].mean().neg()
        }
    }

    @Test func clipGradNormScalesToTheLimit() throws {
        let a = try Tensor([1, 0]).requiresGrad_()
        let b = try Tensor([4]).requiresGrad_()
        try (a.mul(Tensor([3, 0])).sum() + b.sum() * 4).backward()
        let norm = try Tensor.clipGradNorm([a, b], maxNorm: 1)
        #expect(norm == 5)
        let total = (a.grad?.scalars ?? []) + (b.grad?.scalars ?? [])
        #expect(abs(total.map { $0 * $0 }.reduce(0, +) - 1) < 1e-4)
    }

    @Test func backwardWithExplicitGradient() throws {
        let x = try Tensor([1, 2, 3]).requiresGrad_()
        try x.mul(x).backward(try Tensor([1, 0, 2]))
        #expect(x.grad?.scalars == [2, 0, 12])
    }
}
