import Tensor

/// PyTorch's `nn.RNNCell`/`nn.GRUCell`/`nn.LSTMCell`: one step of the corresponding layer,
/// computed by that layer's fused kernel on a sequence of length one, so a cell and a
/// layer with the same weights give the same numbers.
///
/// Parameters are PyTorch's cell names: `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
public final class RecurrentCell: Module {
    /// The single-layer layer whose step this is (RNN, GRU or LSTM).
    public let layer: any RecurrentLayer

    /// A cell over `layer`'s weights.
    public init(_ layer: any RecurrentLayer) {
        self.layer = layer
    }

    /// The input width.
    public var inputSize: Int { layer.inputSize }
    /// The hidden width.
    public var hiddenSize: Int { layer.hiddenSize }

    /// The layer's parameters without the `_l0` suffix.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        layer.namedParameters.map { name, tensor in (name.hasSuffix("_l0") ? String(name.dropLast(3)) : name, tensor) }
    }

    /// One step from `x` (B, I) and `h` (B, H) (zeros when nil), and for an LSTM `c`:
    /// the next hidden state (B, H), and the next cell state for an LSTM.
    public func callAsFunction(_ x: Tensor, h: Tensor?, c: Tensor?) throws -> (hidden: Tensor, cell: Tensor?) {
        let kind = String(describing: type(of: layer)) + "Cell"
        guard x.ndim == 2, x.shape[1] == inputSize else {
            throw NeuralError("\(kind): expected input of shape (batch, \(inputSize)), got \(describeShape(x.shape))")
        }
        for (state, name) in [(h, "hx"), (c, "cx")] {
            if let state, state.shape != [x.shape[0], hiddenSize] {
                throw NeuralError("\(kind): expected \(name) of shape (\(x.shape[0]), \(hiddenSize)), got \(describeShape(state.shape))")
            }
        }
        let sequence = try x.unsqueeze(0)
        if let lstm = layer as? LSTM {
            let result = try lstm(sequence, h0: h, c0: c)
            return (result.hidden, result.cell)
        }
        return (try layer.hiddenStates(sequence, h0: h).index([.at(0)]), nil)
    }
}
