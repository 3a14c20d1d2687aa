import Neural
import Testing
import Tensor
import EngineTestSupport

/// The fused kernels and the generic step-function path give the same outputs and the
/// same gradients (to 1e-5 relative) for the same weights and data.
@Suite struct FusedPathTests {
    let steps = 12, batch = 3, inputs = 3, hidden = 8

    /// Runs `forward` twice, fused and with `step`, and compares the outputs and the
    /// gradients of input, initial state and every parameter.
    func compare(
        _ layer: any RecurrentLayer, step: @escaping StepFunction, h0 hasState: Bool = true, hidden: Int? = nil,
        inputs: Int? = nil,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ forward: (Tensor, Tensor?) throws -> Tensor
    ) throws {
        let (hidden, inputs) = (hidden ?? self.hidden, inputs ?? self.inputs)
        let x = try GradCheck.random([steps, batch, inputs], seed: 21).requiresGrad_()
        let h0 = hasState ? try GradCheck.random([batch, hidden], seed: 22, scale: 0.3).requiresGrad_() : nil
        let weights = try GradCheck.random([steps, batch, hidden], seed: 23)
        func run() throws -> (Tensor, [Tensor?]) {
            x.zeroGrad()
            h0?.zeroGrad()
            layer.zeroGrad()
            let out = try forward(x, h0)
            try out.mul(weights).sum().backward()
            return (out.detach(), [x.grad, h0?.grad] + layer.parameters().map(\.grad))
        }
        layer.step = nil
        let (fusedOut, fusedGrads) = try run()
        layer.step = step
        let (genericOut, genericGrads) = try run()
        GradCheck.expectClose(fusedOut, genericOut, "output", sourceLocation: sourceLocation)
        for (i, (a, b)) in zip(fusedGrads, genericGrads).enumerated() where i != 1 || hasState {
            GradCheck.expectClose(a, b, "gradient \(i)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [Activation.tanh, .relu])
    func rnn(nonlinearity: Activation) throws {
        let layer = try RNN(inputs, hidden, nonlinearity: nonlinearity, generator: Generator(seed: 1))
        try compare(layer, step: RNN.builtinStep(nonlinearity: nonlinearity)) { try layer($0, h0: $1).output }
    }

    @Test(arguments: [Activation.relu, .tanh])
    func leakyRNN(activation: Activation) throws {
        let layer = try LeakyRNN(inputs, hidden, dt: 20, activation: activation, generator: Generator(seed: 2))
        try compare(layer, step: LeakyRNN.builtinStep(alpha: 0.2, activation: activation)) { try layer($0, h0: $1).output }
    }

    @Test func gru() throws {
        let layer = try GRU(inputs, hidden, generator: Generator(seed: 3))
        try compare(layer, step: GRU.builtinStep(hiddenSize: hidden)) { try layer($0, h0: $1).output }
    }

    /// Widths below, at and past the fused kernel's vector width (16 lanes), so that its
    /// whole-vector blocks and its padded last block are both checked; inputs narrow
    /// enough to be projected step by step, and wide enough for the one big GEMM.
    @Test(arguments: [(8, 3), (16, 3), (37, 3), (100, 3), (16, LSTMKernelSizes.wideInput)])
    func lstm(hidden: Int, inputs: Int) throws {
        let layer = try LSTM(inputs, hidden, generator: Generator(seed: 4))
        try compare(layer, step: LSTM.builtinStep(hiddenSize: hidden), h0: false, hidden: hidden, inputs: inputs) { x, _ in
            let (out, h, c) = try layer(x)
            return try out.add(h.mul(0.5)).add(c.mul(0.25))
        }
    }

    /// `hiddenStates` (what `RNNNet` uses; no cell state in the kernel's output) gives
    /// the same states and gradients as the full call's output.
    @Test func lstmHiddenStatesMatchTheFullOutput() throws {
        let layer = try LSTM(inputs, 20, generator: Generator(seed: 9))
        let x = try GradCheck.random([steps, batch, inputs], seed: 31).requiresGrad_()
        let weights = try GradCheck.random([steps, batch, 20], seed: 32)
        func run(_ forward: () throws -> Tensor) throws -> (Tensor, [Tensor?]) {
            x.zeroGrad()
            layer.zeroGrad()
            let out = try forward()
            try out.mul(weights).sum().backward()
            return (out.detach(), [x.grad] + layer.parameters().map(\.grad))
        }
        let (full, fullGrads) = try run { try layer(x).output }
        let (states, stateGrads) = try run { try layer.hiddenStates(x) }
        GradCheck.expectClose(states, full, "output")
        for (i, (a, b)) in zip(stateGrads, fullGrads).enumerated() { GradCheck.expectClose(a, b, "gradient \(i)") }
    }

    @Test func userStepWritesItsOwnRecurrence() throws {
        // A student-style step: h' = tanh(W_in x + W_rec h) without biases, no leak.
        let step: StepFunction = { x, h, p in
            guard let wIn = p["W_in"], let wRec = p["W_rec"] else { throw NeuralError("missing") }
            return try x.matmul(wIn.T).add(h.matmul(wRec.T)).tanh()
        }
        let layer = try LeakyRNN(inputs, hidden, activation: .tanh, step: step, generator: Generator(seed: 5))
        let x = try GradCheck.random([steps, batch, inputs], seed: 6)
        let (out, last) = try layer(x)
        #expect(out.shape == [steps, batch, hidden])
        try last.sum().backward()
        #expect(layer.weights.inputWeight.grad != nil)
        #expect(layer.weights.inputBias.grad == nil)
    }

    @Test func stepReturningTheWrongShapeIsAnError() throws {
        let step: StepFunction = { x, _, _ in x }
        let layer = try LeakyRNN(inputs, hidden, step: step, generator: Generator(seed: 5))
        #expect(throws: NeuralError.self) { try layer(Tensor.zeros([4, 2, inputs])) }
    }
}

/// Sizes around the LSTM kernel's choice between a per-step and a one-GEMM input projection.
enum LSTMKernelSizes {
    /// An input wider than the kernel projects step by step (8 features).
    static let wideInput = 11
}
