import Tensor

/// A recurrent layer plus a linear readout at every step, the course's standard network:
/// `out, activity = net(x)` with activity the hidden states (T, B, H) and out the readout
/// (T, B, output_size).
///
/// Parameters are named `rnn.…` (the layer's names) and `fc.weight`, `fc.bias`.
public final class RNNNet: Module {
    /// The kind of recurrent layer an `RNNNet` is built on.
    public enum Cell: String, Sendable, CaseIterable {
        /// `LeakyRNN` (dt, τ and activation apply).
        case leaky
        /// `RNN` with tanh (or the given activation).
        case rnn
        /// `GRU`.
        case gru
        /// `LSTM`.
        case lstm

        /// Parses "leaky", "rnn", "gru" or "lstm".
        public init(named name: String) throws {
            guard let cell = Cell(rawValue: name.lowercased()) else {
                throw NeuralError("RNNNet: unknown cell '\(name)' (expected \"leaky\", \"rnn\", \"gru\" or \"lstm\")")
            }
            self = cell
        }
    }

    /// The recurrent layer.
    public let rnn: any RecurrentLayer
    /// The readout from the hidden state.
    public let fc: Linear

    /// Wraps an existing layer with a fresh readout of `outputSize` units.
    public convenience init(rnn: any RecurrentLayer, outputSize: Int, generator: Generator) throws {
        try self.init(rnn: rnn, fc: try Linear(rnn.hiddenSize, outputSize, generator: generator))
    }

    /// A network of an existing layer and readout (a snapshot's copies).
    public init(rnn: any RecurrentLayer, fc: Linear) throws {
        guard fc.inFeatures == rnn.hiddenSize else {
            throw NeuralError("RNNNet: the readout takes \(fc.inFeatures) features, the layer gives \(rnn.hiddenSize)")
        }
        self.rnn = rnn
        self.fc = fc
    }

    /// Builds the layer named by `cell` (activation nil: relu for leaky, tanh for rnn),
    /// then the readout.
    public convenience init(
        _ inputSize: Int, _ hiddenSize: Int, _ outputSize: Int, cell: Cell = .leaky, dt: Double? = nil,
        tau: Double = 100, activation: Activation? = nil, step: StepFunction? = nil, generator: Generator
    ) throws {
        let layer: any RecurrentLayer
        switch cell {
        case .leaky:
            layer = try LeakyRNN(
                inputSize, hiddenSize, dt: dt, tau: tau, activation: activation ?? .relu, step: step, generator: generator)
        case .rnn:
            layer = try RNN(inputSize, hiddenSize, nonlinearity: activation ?? .tanh, step: step, generator: generator)
        case .gru: layer = try GRU(inputSize, hiddenSize, step: step, generator: generator)
        case .lstm: layer = try LSTM(inputSize, hiddenSize, step: step, generator: generator)
        }
        try self.init(rnn: layer, outputSize: outputSize, generator: generator)
    }

    /// `rnn.…` then `fc.weight`, `fc.bias`.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) } + fc.namedParameters.map { ("fc." + $0.name, $0.tensor) }
    }

    /// `(out, activity)` for `x` (T, B, input_size), from `h0` or zeros.
    public func callAsFunction(_ x: Tensor, h0: Tensor? = nil) throws -> (output: Tensor, activity: Tensor) {
        let activity = try rnn.hiddenStates(x, h0: h0)
        return (try fc(activity), activity)
    }
}
