import Tensor

/// PyTorch's `nn.RNN`/`nn.GRU`/`nn.LSTM` with `num_layers` and `batch_first`: layers
/// stacked, the hidden states of layer k being the input of layer k + 1, each run by its
/// own fused kernel.
///
/// Parameters are PyTorch's: layer k's `weight_ih_lk`, `weight_hh_lk`, `bias_ih_lk`,
/// `bias_hh_lk` (a `LeakyRNN`, which only stands alone, keeps its own names).
public final class RecurrentStack: Module {
    /// The layers, bottom first; all of one kind.
    public let layers: [any RecurrentLayer]
    /// Whether inputs and outputs are (batch, seq_len, features) rather than time-major.
    public let batchFirst: Bool

    /// Stacks `layers` (at least one, each taking the previous one's hidden width).
    public init(layers: [any RecurrentLayer], batchFirst: Bool = false) throws {
        guard !layers.isEmpty else { throw NeuralError("a recurrent stack needs at least one layer") }
        for (lower, upper) in zip(layers, layers.dropFirst()) where upper.inputSize != lower.hiddenSize {
            throw NeuralError("stacked layers: a layer of input size \(upper.inputSize) cannot follow one of hidden size \(lower.hiddenSize)")
        }
        self.layers = layers
        self.batchFirst = batchFirst
    }

    /// The input width of the bottom layer.
    public var inputSize: Int { layers[0].inputSize }
    /// The hidden width (of every layer).
    public var hiddenSize: Int { layers[0].hiddenSize }
    /// Whether the layers are LSTMs (which also have a cell state).
    public var isLSTM: Bool { layers[0] is LSTM }

    /// Each layer's parameters, `_l0` renamed `_lk` for layer k.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        layers.enumerated().flatMap { k, layer in
            layer.namedParameters.map { name, tensor in
                (name.hasSuffix("_l0") ? String(name.dropLast(3)) + "_l\(k)" : name, tensor)
            }
        }
    }

    /// `(output, h_n, c_n)` as PyTorch's layer: output (T, B, H) ((B, T, H) when
    /// `batchFirst`) holds the top layer's hidden states; h_n and c_n (LSTM only, else nil)
    /// are (num_layers, B, H), from `h0`, `c0` of that shape or zeros.
    public func callAsFunction(_ x: Tensor, h0: Tensor? = nil, c0: Tensor? = nil) throws
        -> (output: Tensor, hidden: Tensor, cell: Tensor?)
    {
        let kind = String(describing: type(of: layers[0]))
        guard x.ndim == 3 else {
            let layout = batchFirst ? "(batch, seq_len, \(inputSize))" : "(seq_len, batch, \(inputSize))"
            throw NeuralError("\(kind): expected input of shape \(layout), got \(describeShape(x.shape))")
        }
        var input = batchFirst ? try x.transpose(0, 1) : x
        let batch = input.shape[1]
        let stateShape = [layers.count, batch, hiddenSize]
        for (state, name) in [(h0, "h_0"), (c0, "c_0")] {
            if let state, state.shape != stateShape {
                throw NeuralError("\(kind): expected \(name) of shape \(describeShape(stateShape)) (num_layers, batch, hidden_size), "
                                  + "got \(describeShape(state.shape))")
            }
        }
        var hidden: [Tensor] = []
        var cells: [Tensor] = []
        for (k, layer) in layers.enumerated() {
            let hk = try h0?.index([.at(k)])
            if let lstm = layer as? LSTM {
                let result = try lstm(input, h0: hk, c0: try c0?.index([.at(k)]))
                (input, hidden, cells) = (result.output, hidden + [result.hidden], cells + [result.cell])
            } else {
                input = try layer.hiddenStates(input, h0: hk)
                hidden.append(try input.index([.at(input.shape[0] - 1)]))
            }
        }
        let output = batchFirst ? try input.transpose(0, 1) : input
        return (output, try Tensor.stack(hidden, dim: 0), isLSTM ? try Tensor.stack(cells, dim: 0) : nil)
    }
}
