import Neural
import Testing
import Tensor
import EngineTestSupport

/// The GRU kernel's paths beyond the small default case: batch-first sequences read and
/// written in place, a hidden size that is not a multiple of the 16 lanes, inputs wide
/// enough for the GEMM projection, batches cut into blocks of unequal sizes, the thread
/// count, and the saved values' lifetime.
@Suite struct GRUKernelTests {
    /// Finite differences through the batch-first path, with a hidden size of 20 (a
    /// partial last block of lanes) and 10 input features (the GEMM projection and dx).
    @Test(arguments: [3, 10])
    func batchFirstGradients(inputs: Int) throws {
        let layer = try GRU(inputs, 20, generator: Generator(seed: 31))
        let x = try GradCheck.random([2, 4, inputs], seed: 32)
        let h0 = try GradCheck.random([2, 20], seed: 33, scale: 0.5)
        try GradCheck.check([x, h0] + layer.parameters()) { try layer.hiddenStates(batchFirst: x, h0: h0) }
    }

    /// The batch-first path gives the time-major path's states, transposed, and its gradients.
    @Test func batchFirstMatchesTimeMajor() throws {
        let layer = try GRU(5, 20, generator: Generator(seed: 34))
        let x = try GradCheck.random([6, 3, 5], seed: 35).requiresGrad_()
        let h0 = try GradCheck.random([3, 20], seed: 36, scale: 0.5).requiresGrad_()
        let weights = try GradCheck.random([6, 3, 20], seed: 37)
        func run(_ batchFirst: Bool) throws -> [Tensor?] {
            for t in [x, h0] + layer.parameters() { t.zeroGrad() }
            let states = batchFirst
                ? try layer.hiddenStates(batchFirst: x.transpose(0, 1), h0: h0).transpose(0, 1)
                : try layer.hiddenStates(x, h0: h0)
            try states.mul(weights).sum().backward()
            return [states.detach(), x.grad, h0.grad] + layer.parameters().map(\.grad)
        }
        let (timeMajor, batchFirst) = (try run(false), try run(true))
        for (i, (a, b)) in zip(timeMajor, batchFirst).enumerated() { GradCheck.expectClose(a, b, "tensor \(i)") }
    }

    /// A batch of 513 is cut into blocks of 257 and 256 rows; the fused kernel still
    /// agrees with the generic step path, hidden size 20 and batch-first included.
    @Test(arguments: [false, true])
    func unevenBlocksMatchGenericPath(batchFirst: Bool) throws {
        try expectFusedMatchesGeneric(steps: 3, batch: 513, inputs: 3, hidden: 20, batchFirst: batchFirst, seed: 38, atol: 1e-5)
    }

    /// With two batch blocks and a hidden size of whole 32-column panels, the per-step
    /// products are `PanelProduct`'s (W_hh packed once per call): blocks of 258 and 257
    /// rows (partial register tiles), both layouts, thin and GEMM-projected inputs (dx
    /// included) agree with the generic step path, states and every gradient. The generic
    /// path's products are OpenBLAS's, summed in another order; the weight gradients sum
    /// 1,545 rows, so the floor is 3e-5 (with OpenBLAS on both sides the worst is 1e-5;
    /// `PanelProductTests` holds the products themselves to a double-precision reference).
    @Test(arguments: [(false, 3), (true, 3), (true, 10)])
    func panelProductsMatchGenericPath(batchFirst: Bool, inputs: Int) throws {
        for hidden in [32, 64] {
            try expectFusedMatchesGeneric(
                steps: 3, batch: 515, inputs: inputs, hidden: hidden, batchFirst: batchFirst, seed: 70, atol: 3e-5)
        }
    }

    /// Runs a GRU on random data with the fused kernel and with the generic step path and
    /// expects the same states and gradients (x, h0 and every parameter) within `atol`.
    private func expectFusedMatchesGeneric(
        steps: Int, batch: Int, inputs: Int, hidden: Int, batchFirst: Bool, seed: UInt64, atol: Float,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let layer = try GRU(inputs, hidden, generator: Generator(seed: seed))
        let shape = batchFirst ? [batch, steps, inputs] : [steps, batch, inputs]
        let x = try GradCheck.random(shape, seed: seed + 1).requiresGrad_()
        let h0 = try GradCheck.random([batch, hidden], seed: seed + 2, scale: 0.3).requiresGrad_()
        let weights = try GradCheck.random(batchFirst ? [batch, steps, hidden] : [steps, batch, hidden], seed: seed + 3)
        func run() throws -> [Tensor?] {
            for t in [x, h0] + layer.parameters() { t.zeroGrad() }
            let states = batchFirst ? try layer.hiddenStates(batchFirst: x, h0: h0) : try layer.hiddenStates(x, h0: h0)
            try states.mul(weights).sum().backward()
            return [states.detach(), x.grad, h0.grad] + layer.parameters().map(\.grad)
        }
        layer.step = nil
        let fused = try run()
        layer.step = GRU.builtinStep(hiddenSize: hidden)
        let generic = try run()
        for (i, (a, b)) in zip(fused, generic).enumerated() {
            GradCheck.expectClose(a, b, rtol: 1e-4, atol: atol, "hidden \(hidden), tensor \(i)", sourceLocation: sourceLocation)
        }
    }

    /// GRU-100 (six whole blocks of lanes and a partial one of 4, padded on the stack) agrees
    /// with the generic step path, states and every gradient.
    @Test func hidden100MatchesGenericPath() throws {
        let (steps, batch, hidden) = (7, 5, 100)
        let layer = try GRU(3, hidden, generator: Generator(seed: 49))
        let x = try GradCheck.random([batch, steps, 3], seed: 50).requiresGrad_()
        let h0 = try GradCheck.random([batch, hidden], seed: 51, scale: 0.3).requiresGrad_()
        let weights = try GradCheck.random([batch, steps, hidden], seed: 52)
        func run() throws -> [Tensor?] {
            for t in [x, h0] + layer.parameters() { t.zeroGrad() }
            let states = try layer.hiddenStates(batchFirst: x, h0: h0)
            try states.mul(weights).sum().backward()
            return [states.detach(), x.grad, h0.grad] + layer.parameters().map(\.grad)
        }
        layer.step = nil
        let fused = try run()
        layer.step = GRU.builtinStep(hiddenSize: hidden)
        let generic = try run()
        for (i, (a, b)) in zip(fused, generic).enumerated() { GradCheck.expectClose(a, b, rtol: 1e-4, atol: 1e-5, "tensor \(i)") }
    }

    /// The backward pass sums the bias and W_ih gradients over tiles of 8 rows in
    /// registers, with the W_ih sums of up to 4 features there and further ones in memory:
    /// every feature count up to the GEMM projection, a batch that ends in a partial tile,
    /// whole and partial blocks of lanes, all agree with the generic step path.
    @Test(arguments: [1, 2, 3, 4, 5, 8])
    func tiledGradientSumsMatchGenericPath(features: Int) throws {
        for hidden in [32, 20] {
            let (steps, batch) = (3, 13)
            let layer = try GRU(features, hidden, generator: Generator(seed: UInt64(60 + features)))
            let x = try GradCheck.random([batch, steps, features], seed: 61).requiresGrad_()
            let weights = try GradCheck.random([batch, steps, hidden], seed: 62)
            func run() throws -> [Tensor?] {
                for t in [x] + layer.parameters() { t.zeroGrad() }
                let states = try layer.hiddenStates(batchFirst: x, h0: nil)
                try states.mul(weights).sum().backward()
                return [states.detach(), x.grad] + layer.parameters().map(\.grad)
            }
            layer.step = nil
            let fused = try run()
            layer.step = GRU.builtinStep(hiddenSize: hidden)
            let generic = try run()
            for (i, (a, b)) in zip(fused, generic).enumerated() {
                GradCheck.expectClose(a, b, rtol: 1e-4, atol: 1e-5, "features \(features), hidden \(hidden), tensor \(i)")
            }
        }
    }

    /// One thread or two give the same bytes: the blocks depend on the batch size only.
    @Test func threadCountDoesNotChangeResults() throws {
        let layer = try GRU(3, 32, generator: Generator(seed: 42))
        let x = try GradCheck.random([600, 4, 3], seed: 43)
        let weights = try GradCheck.random([600, 4, 32], seed: 44)
        let original = BLAS.threadCount
        defer { BLAS.setThreadCount(original) }
        func run(threads: Int) throws -> [[Float]] {
            BLAS.setThreadCount(threads)
            layer.zeroGrad()
            let states = try layer.hiddenStates(batchFirst: x, h0: nil)
            try states.mul(weights).sum().backward()
            return [states.scalars] + layer.parameters().map { $0.grad?.scalars ?? [] }
        }
        #expect(try run(threads: 1) == run(threads: 2))
    }

    /// Without a gradient to compute, the kernel saves nothing and gives the same states.
    @Test func noGradGivesTheSameStates() throws {
        let layer = try GRU(3, 20, generator: Generator(seed: 45))
        let x = try GradCheck.random([5, 2, 3], seed: 46)
        let recorded = try layer.hiddenStates(x, h0: nil)
        let plain = try withNoGrad { try layer.hiddenStates(x, h0: nil) }
        #expect(recorded.requiresGrad && !plain.requiresGrad)
        #expect(recorded.scalars == plain.scalars)
    }

    /// The output is the states backward reads: writing to it first is refused; after a
    /// backward the saved values are freed, unless it retained the graph.
    @Test func savedValuesLifetime() throws {
        let layer = try GRU(3, 4, generator: Generator(seed: 47))
        let x = try GradCheck.random([5, 2, 3], seed: 48)
        let changed = try layer.hiddenStates(x, h0: nil)
        try changed.withUnsafeMutableBufferPointer { $0[0] += 1 }
        #expect(throws: TensorError.self) { try changed.sum().backward() }

        let states = try layer.hiddenStates(x, h0: nil)
        layer.zeroGrad()
        try states.sum().backward(retainGraph: true)
        let once = try #require(layer.parameters()[0].grad).scalars
        try states.sum().backward()
        let twice = try #require(layer.parameters()[0].grad).scalars
        for (a, b) in zip(once, twice) { #expect(abs(2 * a - b) <= 1e-6 * max(1, abs(b))) }
        #expect(throws: TensorError.self) { try states.sum().backward() }
    }
}
