import Testing
@testable import Tensor

/// In-place writes count versions; `backward` refuses an operation whose inputs or saved
/// output changed after it was recorded, rather than differentiate with the new values.
@Suite struct InPlaceVersionTests {
    func expectRefused(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("backward was not refused", sourceLocation: sourceLocation)
        } catch let error as TensorError {
            #expect(error.message.hasPrefix("backward: a tensor that "), sourceLocation: sourceLocation)
            #expect(error.message.contains("was changed in place afterwards"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func writesCountVersions() throws {
        let x = try Tensor([1, 2, 3])
        let view = try x.reshape([3, 1])
        #expect(x.version == 0)
        try x.indexPut([0], 5)
        try x.add_(try Tensor([1, 1, 1]))
        try view.zero_()
        x.withUnsafeMutableBufferPointer { $0[0] = 1 }
        // Views share the counter with their storage.
        #expect(x.version == 4 && view.version == 4)
        #expect(try x.reshape([3]).index([1]).version == 0)
    }

    @Test func readThenOverwrittenBufferFollowsTheHistoryItRead() throws {
        // buf[0] = a; c = buf[0] * 3; buf[1] = c: the read of buf[0] saw the first write, and
        // its gradient flows through that history (PyTorch: a.grad = 1 + 3 = 4).
        let a = try Tensor(scalar: 1).requiresGrad_()
        let buf = try Tensor.zeros([2])
        try buf.indexPut([0], a.mul(1))
        let c = try buf.index([0]).mul(3)
        try buf.indexPut([1], c)
        try buf.sum().backward()
        #expect(a.grad?.scalars == [4])
    }

    @Test func leakyIntegratorInAPreallocatedBufferMatchesStacking() throws {
        // acts[t] = 0.5 * acts[t-1] + 0.5 * inp[t], in place, against the same with a list.
        let inp = try Tensor([1, 2, 3, 4]).requiresGrad_()
        let acts = try Tensor.zeros([4])
        try acts.indexPut([0], inp.index([0]))
        for t in 1..<4 {
            try acts.indexPut([.at(t)], acts.index([.at(t - 1)]).mul(0.5).add(inp.index([.at(t)]).mul(0.5)))
        }
        try acts.mul(try Tensor([1, 2, 3, 4])).sum().backward()
        let other = try Tensor([1, 2, 3, 4]).requiresGrad_()
        var states = [try other.index([0])]
        for t in 1..<4 { states.append(try states[t - 1].mul(0.5).add(other.index([.at(t)]).mul(0.5))) }
        try Tensor.stack(states).mul(try Tensor([1, 2, 3, 4])).sum().backward()
        #expect(acts.grad == nil)
        #expect(inp.grad?.scalars == other.grad?.scalars)
    }

    @Test func changedInputIsRefused() throws {
        let w = try Tensor([1, 2]).requiresGrad_()
        let y = try w.mul(2)
        let z = try y.mul(y).sum()
        try y.indexPut([1], 0)
        expectRefused { try z.backward() }
    }

    @Test func changedSavedOutputIsRefused() throws {
        let w = try Tensor([1, 2]).requiresGrad_()
        let e = try w.exp()
        try e.indexPut([0], 5)
        expectRefused { try e.sum().backward() }
    }

    @Test func parameterUpdatedBeforeBackwardIsRefused() throws {
        let w = try Tensor([1, 2]).requiresGrad_()
        let loss = try w.mul(w).sum()
        try withNoGrad { try w.mul_(0.5) }
        expectRefused { try loss.backward() }
    }

    @Test func writeOnlyBufferStillDifferentiates() throws {
        // out[t] = h for each step, read only afterwards: the usual unrolled loop.
        let w = try Tensor([1, 2]).requiresGrad_()
        let out = try Tensor.zeros([3, 2])
        var h = w
        for t in 0..<3 {
            h = try h.mul(0.5).tanh()
            try out.indexPut([.at(t)], h)
        }
        try out.sum().backward()
        // The same loop collected in a list and stacked.
        let v = try Tensor([1, 2]).requiresGrad_()
        var states: [Tensor] = []
        var g = v
        for _ in 0..<3 {
            g = try g.mul(0.5).tanh()
            states.append(g)
        }
        try Tensor.stack(states, dim: 0).sum().backward()
        let expected = try #require(v.grad?.scalars)
        let got = try #require(w.grad?.scalars)
        for (p, q) in zip(got, expected) { #expect(abs(p - q) < 1e-6) }
    }

    @Test func inPlaceOnARecordedTensorNamesTheWayOut() throws {
        let x = try Tensor([1, 2]).requiresGrad_()
        let y = try x.mul(2)
        #expect(throws: TensorError.self) { try y.mul_(2) }
        do {
            try y.mul_(2)
        } catch let error as TensorError {
            #expect(error.message.contains("with no_grad():"))
            #expect(!error.message.contains("withNoGrad"))
        }
    }

    @Test func secondBackwardThroughSavedValuesIsRefusedUnlessRetained() throws {
        let x = try Tensor([1, 2]).requiresGrad_()
        let y = try x.mul(x).sum()
        try y.backward()
        #expect(throws: TensorError.self) { try y.backward() }
        // Retained, the second pass accumulates as in PyTorch.
        let z = try Tensor([1, 2]).requiresGrad_()
        let w = try z.mul(z).sum()
        try w.backward(retainGraph: true)
        try w.backward()
        #expect(z.grad?.scalars == [4, 8])
        // A graph of sums and reshapes saves nothing, so PyTorch lets it run again.
        let s = try z.reshape([2, 1]).sum()
        try s.backward()
        try s.backward()
        #expect(z.grad?.scalars == [6, 10])
    }
}
