import Neural
import Testing
import Tensor
import EngineTestSupport

/// `Linear` with a few outputs over an input of at least 2²⁰ elements runs its three
/// products in `ThinProducts` (one pass over the input each) instead of OpenBLAS: output
/// and every gradient agree with the same layer written as tensor operations, for 1 to 4
/// outputs, with and without bias, for a width of whole `Lanes` (dx written by streaming
/// stores) and one with a remainder.
@Suite struct ThinLinearTests {
    @Test(arguments: [(1, 128, true), (3, 128, true), (4, 130, false), (2, 37, true)])
    func agreesWithTensorOperations(outputs: Int, inputs: Int, bias: Bool) throws {
        let rows = (1 << 20) / inputs + 3
        let layer = try Linear(inputs, outputs, bias: bias, generator: Generator(seed: 80))
        let x = try GradCheck.random([rows / 2, 2, inputs], seed: 81).requiresGrad_()
        let weights = try GradCheck.random([rows / 2, 2, outputs], seed: 82)
        for t in [x] + layer.parameters() { t.zeroGrad() }
        let fast = try layer(x)
        try fast.mul(weights).sum().backward()
        let thin = [fast.detach(), x.grad] + layer.parameters().map(\.grad)

        for t in [x] + layer.parameters() { t.zeroGrad() }
        var reference = try x.matmul(layer.weight.transpose(0, 1))
        if let b = layer.bias { reference = try reference.add(b) }
        try reference.mul(weights).sum().backward()
        let generic = [reference.detach(), x.grad] + layer.parameters().map(\.grad)

        #expect(thin.count == (bias ? 4 : 3))
        for (i, (a, b)) in zip(thin, generic).enumerated() {
            // dW and db sum about 10⁶ / inputs · 2 rows in another order than OpenBLAS's.
            GradCheck.expectClose(a, b, rtol: 1e-4, atol: 1e-4, "outputs \(outputs), inputs \(inputs), tensor \(i)")
        }
    }

    /// The same call twice gives the same bytes (the sums have a fixed order).
    @Test func repeatable() throws {
        let layer = try Linear(128, 3, generator: Generator(seed: 83))
        let x = try GradCheck.random([8200, 128], seed: 84).requiresGrad_()
        func run() throws -> [[Float]] {
            for t in [x] + layer.parameters() { t.zeroGrad() }
            let y = try layer(x)
            try y.mul(y).sum().backward()
            return [y.scalars, x.grad?.scalars ?? [], layer.weight.grad?.scalars ?? []]
        }
        #expect(try run() == run())
    }
}
