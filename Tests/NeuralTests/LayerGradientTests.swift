import Neural
import Testing
import Tensor
import EngineTestSupport

/// Finite-difference checks of every layer's fused backward pass: gradients with respect
/// to the input, the initial state and every parameter.
@Suite struct LayerGradientTests {
    let steps = 5, batch = 2, inputs = 3, hidden = 4

    func sequence(seed: UInt64 = 7) throws -> Tensor {
        try GradCheck.random([steps, batch, inputs], seed: seed)
    }

    @Test func linear() throws {
        let layer = try Linear(3, 2, generator: Generator(seed: 1))
        let x = try GradCheck.random([4, 2, 3])
        try GradCheck.check([x] + layer.parameters()) { try layer(x) }
    }

    @Test(arguments: [Activation.tanh, .relu])
    func rnn(nonlinearity: Activation) throws {
        let layer = try RNN(inputs, hidden, nonlinearity: nonlinearity, generator: Generator(seed: 2))
        let (x, h0) = (try sequence(), try GradCheck.random([batch, hidden], seed: 3, scale: 0.5))
        try GradCheck.check([x, h0] + layer.parameters(), eps: 1e-3, atol: 3e-3) { try layer(x, h0: h0).output }
    }

    @Test(arguments: [Activation.tanh, .relu])
    func leakyRNN(activation: Activation) throws {
        let layer = try LeakyRNN(inputs, hidden, dt: 20, tau: 100, activation: activation, generator: Generator(seed: 4))
        let (x, h0) = (try sequence(), try GradCheck.random([batch, hidden], seed: 5, scale: 0.5))
        try GradCheck.check([x, h0] + layer.parameters(), eps: 1e-3, atol: 3e-3) { try layer(x, h0: h0).output }
    }

    @Test func gru() throws {
        let layer = try GRU(inputs, hidden, generator: Generator(seed: 6))
        let (x, h0) = (try sequence(), try GradCheck.random([batch, hidden], seed: 7, scale: 0.5))
        try GradCheck.check([x, h0] + layer.parameters()) { try layer(x, h0: h0).output }
    }

    @Test func lstmOutputAndFinalStates() throws {
        let layer = try LSTM(inputs, hidden, generator: Generator(seed: 8))
        let x = try sequence()
        let (h0, c0) = (try GradCheck.random([batch, hidden], seed: 9, scale: 0.5), try GradCheck.random([batch, hidden], seed: 10))
        try GradCheck.check([x, h0, c0] + layer.parameters()) {
            let (out, h, c) = try layer(x, h0: h0, c0: c0)
            return try Tensor.cat([out.reshape([-1]), h.mul(2).reshape([-1]), c.mul(3).reshape([-1])])
        }
    }

    @Test func rnnNetReadsOutEveryStep() throws {
        let net = try RNNNet(inputs, hidden, 3, cell: .gru, generator: Generator(seed: 11))
        let x = try sequence()
        try GradCheck.check([x] + net.parameters()) {
            let (out, activity) = try net(x)
            #expect(out.shape == [steps, batch, 3])
            #expect(activity.shape == [steps, batch, hidden])
            return out
        }
    }

    @Test func shapesAndNamesFollowPyTorch() throws {
        let lstm = try LSTM(3, 2, generator: Generator(seed: 1))
        #expect(lstm.namedParameters.map(\.name) == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        #expect(lstm.parameterCount == 56)
        let gru = try GRU(3, 128, generator: Generator(seed: 1))
        let readout = try Linear(128, 3, generator: Generator(seed: 1))
        #expect(gru.parameterCount + readout.parameterCount + 128 == 51_587)
        let net = try RNNNet(3, 64, 3, dt: 20, generator: Generator(seed: 1))
        #expect(net.namedParameters.map(\.name) == ["rnn.W_in", "rnn.b_in", "rnn.W_rec", "rnn.b_rec", "fc.weight", "fc.bias"])
        let leaky = try #require(net.rnn as? LeakyRNN)
        #expect(leaky.alpha == 0.2)
        let bound = 1 / Float(64).squareRoot()
        #expect(leaky.weights.recurrentWeight.scalars.allSatisfy { abs($0) <= bound })
        #expect(leaky.weights.inputWeight.scalars.contains { abs($0) > bound })
    }

    @Test func badInputsAreErrors() throws {
        let layer = try GRU(3, 4, generator: Generator(seed: 1))
        #expect(throws: NeuralError.self) { try layer(Tensor.zeros([5, 2, 4])) }
        #expect(throws: NeuralError.self) { try layer(Tensor.zeros([5, 3])) }
        #expect(throws: NeuralError.self) { try layer(Tensor.zeros([5, 2, 3]), h0: Tensor.zeros([2, 5])) }
        #expect(throws: NeuralError.self) { try LeakyRNN(3, 4, dt: 200, tau: 100, generator: Generator(seed: 1)) }
        #expect(throws: NeuralError.self) { try Activation(named: "gelu") }
    }
}
