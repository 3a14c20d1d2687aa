import Tensor

/// PyTorch's `nn.RNN`/`nn.GRU`/`nn.LSTM` with `num_layers`, `batch_first`,
/// `bidirectional` and `dropout`: layers stacked, the hidden states of layer k being the
/// input of layer k + 1, each direction run by its own fused kernel (the reverse one on
/// the time-reversed sequence, its states reversed back and joined after the forward
/// ones, 2H features). In training mode with `dropout` > 0, the output of every layer but
/// the last goes through dropout, drawn from `generator`.
///
/// Parameters are PyTorch's: layer k's `weight_ih_lk`, `weight_hh_lk`, `bias_ih_lk`,
/// `bias_hh_lk`, then the same with `_reverse` (a `LeakyRNN`, which only stands alone,
/// keeps its own names).
public final class RecurrentStack: Module {
    /// The layers, bottom first, each layer's reverse direction right after it; all of one kind.
    public let layers: [any RecurrentLayer]
    /// Whether inputs and outputs are (batch, seq_len, features) rather than time-major.
    public let batchFirst: Bool
    /// Whether each layer also runs backwards in time.
    public let bidirectional: Bool
    /// The dropout probability between layers in training mode.
    public let dropout: Double
    /// Whether the stack is in training mode (dropout applies).
    public var training = true
    /// Where dropout masks are drawn from.
    public let generator: Generator?

    /// Stacks `layers` (num_layers × directions of them, each taking the previous layer's
    /// output width: hidden, or 2·hidden when bidirectional).
    public init(
        layers: [any RecurrentLayer], batchFirst: Bool = false, bidirectional: Bool = false, dropout: Double = 0,
        generator: Generator? = nil
    ) throws {
        let directions = bidirectional ? 2 : 1
        guard !layers.isEmpty, layers.count % directions == 0 else {
            throw NeuralError("a recurrent stack needs a whole number of layers per direction")
        }
        let width = layers[0].hiddenSize * directions
        for (i, layer) in layers.enumerated() where i >= directions && layer.inputSize != width {
            throw NeuralError("stacked layers: a layer of input size \(layer.inputSize) cannot follow layers giving \(width) features")
        }
        guard dropout >= 0, dropout <= 1 else { throw NeuralError("dropout must lie in [0, 1], got \(dropout)") }
        self.layers = layers
        self.batchFirst = batchFirst
        self.bidirectional = bidirectional
        self.dropout = dropout
        self.generator = generator
    }

    /// The input width of the bottom layer.
    public var inputSize: Int { layers[0].inputSize }
    /// The hidden width (of every layer and direction).
    public var hiddenSize: Int { layers[0].hiddenSize }
    /// 2 when bidirectional, else 1.
    public var directions: Int { bidirectional ? 2 : 1 }
    /// The number of stacked layers.
    public var numLayers: Int { layers.count / directions }
    /// Whether the layers are LSTMs (which also have a cell state).
    public var isLSTM: Bool { layers[0] is LSTM }

    /// Each layer's parameters, `_l0` renamed `_lk` for layer k (`_lk_reverse` for its
    /// reverse direction).
    public var namedParameters: [(name: String, tensor: Tensor)] {
        layers.enumerated().flatMap { i, layer in
            let suffix = "_l\(i / directions)" + (i % directions == 1 ? "_reverse" : "")
            return layer.namedParameters.map { name, tensor in
                (name.hasSuffix("_l0") ? String(name.dropLast(3)) + suffix : name, tensor)
            }
        }
    }

    /// `(output, h_n, c_n)` as PyTorch's layer: output (T, B, D·H) ((B, T, D·H) when
    /// `batchFirst`) holds the top layer's hidden states; h_n and c_n (LSTM only, else nil)
    /// are (D·num_layers, B, H), from `h0`, `c0` of that shape or zeros.
    public func callAsFunction(_ x: Tensor, h0: Tensor? = nil, c0: Tensor? = nil) throws
        -> (output: Tensor, hidden: Tensor, cell: Tensor?)
    {
        let kind = String(describing: type(of: layers[0]))
        guard x.ndim == 3 else {
            let layout = batchFirst ? "(batch, seq_len, \(inputSize))" : "(seq_len, batch, \(inputSize))"
            throw NeuralError("\(kind): expected input of shape \(layout), got \(describeShape(x.shape))")
        }
        let stateShape = [layers.count, x.shape[batchFirst ? 0 : 1], hiddenSize]
        for (state, name) in [(h0, "h_0"), (c0, "c_0")] {
            if let state, state.shape != stateShape {
                throw NeuralError("\(kind): expected \(name) of shape \(describeShape(stateShape)) (num_layers, batch, hidden_size), "
                                  + "got \(describeShape(state.shape))")
            }
        }
        if batchFirst, !bidirectional, !isLSTM { return try batchFirstForward(x, h0: h0) }
        var input = batchFirst ? try x.transpose(0, 1) : x
        var hidden: [Tensor] = []
        var cells: [Tensor] = []
        for k in 0..<numLayers {
            var outputs: [Tensor] = []
            for d in 0..<directions {
                let i = k * directions + d
                let sequence = d == 0 ? input : try Self.reversed(input)
                let (states, last, cell) = try run(layers[i], sequence, try h0?.index([.at(i)]), try c0?.index([.at(i)]))
                outputs.append(d == 0 ? states : try Self.reversed(states))
                hidden.append(last)
                if let cell { cells.append(cell) }
            }
            input = outputs.count == 1 ? outputs[0] : try Tensor.cat(outputs, dim: 2)
            if training, dropout > 0, k < numLayers - 1, let generator {
                input = try Dropout.apply(input, p: dropout, generator: generator)
            }
        }
        let output = batchFirst ? try input.transpose(0, 1) : input
        return (output, try Tensor.stack(hidden, dim: 0), isLSTM ? try Tensor.stack(cells, dim: 0) : nil)
    }

    /// `callAsFunction` for a batch-first stack of one direction without cell states: each
    /// layer reads and writes (B, T, features) directly, so no sequence is transposed.
    private func batchFirstForward(_ x: Tensor, h0: Tensor?) throws -> (output: Tensor, hidden: Tensor, cell: Tensor?) {
        var input = x
        var hidden: [Tensor] = []
        for (k, layer) in layers.enumerated() {
            input = try layer.hiddenStates(batchFirst: input, h0: try h0?.index([.at(k)]))
            hidden.append(try input.index([.all, .at(input.shape[1] - 1)]))
            if training, dropout > 0, k < layers.count - 1, let generator {
                input = try Dropout.apply(input, p: dropout, generator: generator)
            }
        }
        return (input, try Tensor.stack(hidden, dim: 0), nil)
    }

    /// One layer over a time-major sequence: its states, the last one, and an LSTM's cell state.
    private func run(_ layer: any RecurrentLayer, _ x: Tensor, _ h0: Tensor?, _ c0: Tensor?) throws
        -> (states: Tensor, last: Tensor, cell: Tensor?)
    {
        if let lstm = layer as? LSTM {
            let result = try lstm(x, h0: h0, c0: c0)
            return (result.output, result.hidden, result.cell)
        }
        let states = try layer.hiddenStates(x, h0: h0)
        return (states, try states.index([.at(states.shape[0] - 1)]), nil)
    }

    /// A time-major sequence in reverse time order (recorded, so gradients flow back).
    static func reversed(_ x: Tensor) throws -> Tensor {
        let steps = x.shape[0]
        let order = try Tensor((0..<steps).map { Float(steps - 1 - $0) }, shape: [steps], dtype: .int64)
        return try x.index([.tensor(order)])
    }
}
