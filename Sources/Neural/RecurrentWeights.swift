import Tensor

/// The four parameters every built-in recurrent layer has, in PyTorch's layout: the input
/// weights (gates·H, I), the recurrent weights (gates·H, H) and two bias vectors (gates·H),
/// gate blocks stacked in PyTorch's order (GRU r, z, n; LSTM i, f, g, o).
///
/// Also checks a sequence against the layer and copies the weights for a fused kernel.
public struct RecurrentWeights {
    /// Input-to-hidden weights, (gates·H, I).
    public let inputWeight: Tensor
    /// Input-to-hidden bias, (gates·H).
    public let inputBias: Tensor
    /// Hidden-to-hidden weights, (gates·H, H).
    public let recurrentWeight: Tensor
    /// Hidden-to-hidden bias, (gates·H).
    public let recurrentBias: Tensor
    /// The input width I.
    public let inputSize: Int
    /// The hidden width H.
    public let hiddenSize: Int
    /// The number of gate blocks (1, 3 or 4).
    public let gates: Int
    /// Whether the biases are parameters (PyTorch's `bias=True`); without, they are zeros
    /// that no optimizer sees, so the fused kernels run unchanged.
    public let hasBias: Bool
    /// Scratch memory of the fused kernels, reused from call to call.
    let pool = BufferPool()

    /// Draws the four tensors; bound for the input weights is `inputBound`, for the rest
    /// `recurrentBound` (PyTorch: 1/√H for all of nn.RNN/GRU/LSTM). Without `bias`, the
    /// biases are constant zeros and nothing is drawn for them (as PyTorch's `bias=False`).
    init(
        _ layer: String, inputSize: Int, hiddenSize: Int, gates: Int,
        inputBound: Float, recurrentBound: Float, bias: Bool = true, generator: Generator
    ) throws {
        try Initialization.checkSizes(layer, [("input_size", inputSize), ("hidden_size", hiddenSize)], factor: gates)
        try Initialization.checkSizes(layer, [("hidden_size", hiddenSize), ("hidden_size", hiddenSize)], factor: gates)
        let rows = gates * hiddenSize
        // Drawn in the order the engine always has (weights saved under a seed keep their values).
        inputWeight = try Initialization.uniform([rows, inputSize], bound: inputBound, generator: generator)
        inputBias = bias ? try Initialization.uniform([rows], bound: inputBound, generator: generator) : try Tensor.zeros([rows])
        recurrentWeight = try Initialization.uniform([rows, hiddenSize], bound: recurrentBound, generator: generator)
        recurrentBias = bias ? try Initialization.uniform([rows], bound: recurrentBound, generator: generator) : try Tensor.zeros([rows])
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.gates = gates
        hasBias = bias
    }

    /// The weights by the names a step function sees (`W_ih`, `b_ih`, `W_hh`, `b_hh`
    /// unless a layer renames them).
    func dictionary(_ names: [String]) -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: zip(names, [inputWeight, inputBias, recurrentWeight, recurrentBias]))
    }

    /// Checks that `x` is (seq_len, batch, input_size) ((batch, seq_len, input_size) when
    /// `batchFirst`) and returns (seq_len, batch).
    func checkInput(_ layer: String, _ x: Tensor, batchFirst: Bool = false) throws -> (steps: Int, batch: Int) {
        guard x.ndim == 3, x.shape[2] == inputSize, x.shape[0] > 0, x.shape[1] > 0 else {
            let layout = batchFirst ? "(batch, seq_len, \(inputSize))" : "(seq_len, batch, \(inputSize))"
            throw NeuralError("\(layer): expected input of shape \(layout), got \(describeShape(x.shape))")
        }
        guard x.dtype == .float32 else {
            throw NeuralError("\(layer): expected a float32 input, got \(x.dtype) (use x.float())")
        }
        return batchFirst ? (x.shape[1], x.shape[0]) : (x.shape[0], x.shape[1])
    }

    /// `state`, checked to be (batch, H), or zeros of that shape when nil.
    func initialState(_ layer: String, _ state: Tensor?, batch: Int, name: String = "h0") throws -> Tensor {
        guard let state else { return try Tensor.zeros([batch, hiddenSize]) }
        guard state.shape == [batch, hiddenSize] else {
            throw NeuralError(
                "\(layer): expected \(name) of shape (\(batch), \(hiddenSize)), got \(describeShape(state.shape))")
        }
        return state
    }

    /// The tensors a fused node takes, in the order its backward returns gradients:
    /// x, W_ih, b_ih, W_hh, b_hh, then the initial states.
    func nodeInputs(_ x: Tensor, _ states: [Tensor]) -> [Tensor] {
        [x, inputWeight, inputBias, recurrentWeight, recurrentBias] + states
    }

    /// Copies of the four tensors for a kernel (W_ih, b_ih, W_hh, b_hh), and W_hhᵀ
    /// (H, gates·H) for the forward pass's untransposed per-step products.
    func buffers() -> (wih: FloatBuffer, bih: FloatBuffer, whh: FloatBuffer, bhh: FloatBuffer, whhT: FloatBuffer) {
        let whh = FloatBuffer(copying: recurrentWeight, pool: pool)
        let whhT = FloatBuffer(uninitialized: whh.count, pool: pool)
        whh.transpose(rows: gates * hiddenSize, columns: hiddenSize, into: whhT)
        return (FloatBuffer(copying: inputWeight, pool: pool), FloatBuffer(copying: inputBias, pool: pool),
                whh, FloatBuffer(copying: recurrentBias, pool: pool), whhT)
    }

    /// The weight gradients every kernel computes the same way from the pre-activation
    /// gradients `da` ((T·B, gates·H)) and `dRecurrent` ((T·B, gates·H), what reaches W_hh):
    /// dW_ih = daᵀ X, db_ih = Σ da, dW_hh = dRecurrentᵀ H_prev, db_hh = Σ dRecurrent, and
    /// dX = da W_ih (skipped when `wantInput` is false).
    ///
    /// A kernel that summed dW_ihᵀ ((I, gates·H)) and Σ da itself, step by step while `da`
    /// was in cache, passes them as `summed`.
    func weightGradients(
        da: FloatBuffer, dRecurrent: FloatBuffer, x: FloatBuffer, previous: UnsafePointer<Float>,
        wih: FloatBuffer, rows: Int, wantInput: Bool, inputShape: [Int],
        summed: (inputWeightT: FloatBuffer, bias: FloatBuffer)? = nil
    ) throws -> [Tensor?] {
        let (g, h, i) = (gates * hiddenSize, hiddenSize, inputSize)
        let dwih = FloatBuffer(uninitialized: g * i, pool: pool)
        if let summed {
            summed.inputWeightT.transpose(rows: i, columns: g, into: dwih)
        } else {
            // dW_ih as (Xᵀ da)ᵀ: OpenBLAS is twice as fast with the thin side (I) as rows.
            let dwihT = FloatBuffer(uninitialized: i * g, pool: pool)
            sgemm(true, false, i, g, rows, x.pointer, da.pointer, beta: 0, dwihT.pointer)
            dwihT.transpose(rows: i, columns: g, into: dwih)
        }
        let dwhh = FloatBuffer(uninitialized: g * h, pool: pool)
        sgemm(true, false, g, h, rows, dRecurrent.pointer, previous, beta: 0, dwhh.pointer)
        var dx: Tensor?
        if wantInput {
            let dxb = try FloatBuffer(counted: rows * i, pool: pool, op: "RNNBackward")
            sgemm(false, false, rows, i, g, da.pointer, wih.pointer, beta: 0, dxb.pointer)
            dx = try dxb.tensor(inputShape)
        }
        let dbih = summed?.bias ?? da.columnSums(rows: rows, columns: g)
        let dbhh = dRecurrent === da ? dbih : dRecurrent.columnSums(rows: rows, columns: g)
        return [dx, try dwih.tensor([g, i]), try dbih.tensor([g]), try dwhh.tensor([g, h]), try dbhh.tensor([g])]
    }
}

extension RecurrentWeights {
    /// PyTorch's parameter names for layer 0, in `named_parameters()` order.
    public static let pytorchNames = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]

    /// The parameters under PyTorch's names and order (the biases only with `hasBias`).
    var pytorchNamed: [(name: String, tensor: Tensor)] {
        let all = zip(Self.pytorchNames, [inputWeight, recurrentWeight, inputBias, recurrentBias]).map { ($0, $1) }
        return hasBias ? all : Array(all.prefix(2))
    }

    /// The four tensors by PyTorch name (zero biases included), for a step function.
    var pytorchDictionary: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: zip(Self.pytorchNames, [inputWeight, recurrentWeight, inputBias, recurrentBias]).map { ($0, $1) })
    }

    /// W_ih, b_ih, W_hh, b_hh from a step function's parameters; throws if one is missing.
    static func pytorchParameters(_ p: [String: Tensor], layer: String) throws -> (Tensor, Tensor, Tensor, Tensor) {
        guard let wih = p["weight_ih_l0"], let whh = p["weight_hh_l0"], let bih = p["bias_ih_l0"],
            let bhh = p["bias_hh_l0"]
        else { throw NeuralError("\(layer) step: parameters \(pytorchNames.joined(separator: ", ")) are required") }
        return (wih, bih, whh, bhh)
    }
}
