import Tensor

/// Copies of models, for session snapshots: a new model with the same configuration whose
/// parameters hold the same values, `requires_grad` flags and gradients.
extension Linear {
    /// A copy in the same state.
    public func copy() throws -> Linear {
        let twin = try Linear(inFeatures, outFeatures, bias: bias != nil, generator: Generator(seed: 0))
        try copyParameters(from: self, into: twin)
        return twin
    }
}

extension RNNNet {
    /// A copy in the same state (its recurrent layer and readout copied too).
    public func copy() throws -> RNNNet {
        let twin = try RNNNet(rnn: try copyLayer(rnn), outputSize: fc.outFeatures, generator: Generator(seed: 0))
        try copyParameters(from: self, into: twin)
        return twin
    }
}

/// A copy of any built-in recurrent layer, keeping its step function.
public func copyLayer(_ layer: any RecurrentLayer) throws -> any RecurrentLayer {
    let seed = Generator(seed: 0)
    let twin: any RecurrentLayer
    switch layer {
    case let leaky as LeakyRNN:
        twin = try LeakyRNN(leaky.inputSize, leaky.hiddenSize, dt: leaky.dt, tau: leaky.tau, activation: leaky.activation,
                            step: leaky.step, generator: seed)
    case let rnn as RNN:
        twin = try RNN(rnn.inputSize, rnn.hiddenSize, nonlinearity: rnn.nonlinearity, bias: rnn.weights.hasBias, step: rnn.step,
                       generator: seed)
    case let gru as GRU:
        twin = try GRU(gru.inputSize, gru.hiddenSize, bias: gru.weights.hasBias, step: gru.step, generator: seed)
    case let lstm as LSTM:
        twin = try LSTM(lstm.inputSize, lstm.hiddenSize, bias: lstm.weights.hasBias, step: lstm.step, generator: seed)
    default:
        throw NeuralError("cannot copy a layer of type \(type(of: layer))")
    }
    try copyParameters(from: layer, into: twin)
    return twin
}

/// Copies values, flags and gradients parameter by parameter (same names, same order).
func copyParameters(from source: any Module, into target: any Module) throws {
    let pairs = zip(source.namedParameters, target.namedParameters)
    for (from, to) in pairs {
        guard from.name == to.name, from.tensor.shape == to.tensor.shape else {
            throw NeuralError("copy: parameter \(from.name) does not match \(to.name)")
        }
        try GradMode.withNoGrad {
            try to.tensor.requiresGrad_(false)
            try to.tensor.copy_(from.tensor)
        }
        if from.tensor.requiresGrad { try to.tensor.requiresGrad_(true) }
        to.tensor.grad = try from.tensor.grad.map { grad in try GradMode.withNoGrad { try grad.detach().clone() } }
    }
}
