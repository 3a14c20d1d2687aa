import Tensor

/// PyTorch's single-layer `nn.LSTM` (gate order i, f, g, o):
/// i, f, o = σ(W_i· x + b_i· + W_h· h + b_h·), g = tanh(…), c′ = f ⊙ c + i ⊙ g,
/// h′ = o ⊙ tanh(c′).
///
/// Parameters `weight_ih_l0` (4H, I), `weight_hh_l0` (4H, H), `bias_ih_l0`, `bias_hh_l0`
/// (4H), all U(±1/√H). A `step` function sees the state as one tensor (batch, 2H): h in
/// the first H columns, c in the last H, and returns the next such state.
public final class LSTM: RecurrentLayer {
    /// The four parameters (gate blocks i, f, g, o stacked).
    public let weights: RecurrentWeights
    /// A user recurrence on the joined state [h, c], or nil for the built-in one.
    public var step: StepFunction?

    /// Makes a layer with PyTorch's initialisation (without biases when `bias` is false);
    /// throws for non-positive sizes.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, step: StepFunction? = nil, generator: Generator
    ) throws {
        let bound = Initialization.bound(fanIn: hiddenSize)
        weights = try RecurrentWeights(
            "LSTM", inputSize: inputSize, hiddenSize: hiddenSize, gates: 4, inputBound: bound, recurrentBound: bound,
            bias: bias, generator: generator)
        self.step = step
    }

    /// The input width I.
    public var inputSize: Int { weights.inputSize }
    /// The hidden width H.
    public var hiddenSize: Int { weights.hiddenSize }

    /// PyTorch's names and order: weight_ih, weight_hh, bias_ih, bias_hh.
    public var namedParameters: [(name: String, tensor: Tensor)] { weights.pytorchNamed }

    /// `(output, (h_n, c_n))` for `x` (T, B, I) from `h0`, `c0` (B, H) or zeros, as
    /// PyTorch's `nn.LSTM`: output (T, B, H), h_n and c_n (B, H).
    public func callAsFunction(
        _ x: Tensor, h0: Tensor? = nil, c0: Tensor? = nil
    ) throws -> (output: Tensor, hidden: Tensor, cell: Tensor) {
        let (steps, batch) = try weights.checkInput("LSTM", x)
        let h = hiddenSize
        let hStart = try weights.initialState("LSTM", h0, batch: batch)
        let cStart = try weights.initialState("LSTM", c0, batch: batch, name: "c0")
        if let step {
            let start = try Tensor.cat([hStart, cStart], dim: 1)
            let states = try StepRunner.run("LSTM", x: x, h0: start, parameters: weights.pytorchDictionary, step: step)
            let output = try states.index([.all, .all, .slice(start: 0, stop: h)])
            let last = try states.index([.at(steps - 1)])
            return (output, try StepRunner.block(last, 0, width: h), try StepRunner.block(last, 1, width: h))
        }
        let joined = try LSTMKernel.run(weights: weights, x: x, h0: hStart, c0: cStart)
        let output = try joined.index([.slice(start: 0, stop: steps)])
        return (output, try joined.index([.at(steps - 1)]), try joined.index([.at(steps)]))
    }

    /// The hidden states (T, B, H), for `RNNNet`; on the fused path without the cell
    /// state, so that no slice of the kernel's output sits between it and the readout.
    public func hiddenStates(_ x: Tensor, h0: Tensor? = nil) throws -> Tensor {
        guard step == nil else { return try self(x, h0: h0).output }
        let (_, batch) = try weights.checkInput("LSTM", x)
        let hStart = try weights.initialState("LSTM", h0, batch: batch)
        let cStart = try weights.initialState("LSTM", nil, batch: batch, name: "c0")
        return try LSTMKernel.run(weights: weights, x: x, h0: hStart, c0: cStart, withCell: false)
    }

    /// The built-in recurrence as a step function on the joined state [h, c].
    public static func builtinStep(hiddenSize h: Int) -> StepFunction {
        { x, state, p in
            let (wih, bih, whh, bhh) = try RecurrentWeights.pytorchParameters(p, layer: "LSTM")
            let hPrev = try StepRunner.block(state, 0, width: h)
            let cPrev = try StepRunner.block(state, 1, width: h)
            let gates = try StepRunner.linear(x, wih, bih).add(StepRunner.linear(hPrev, whh, bhh))
            let i = try StepRunner.block(gates, 0, width: h).sigmoid()
            let f = try StepRunner.block(gates, 1, width: h).sigmoid()
            let g = try StepRunner.block(gates, 2, width: h).tanh()
            let o = try StepRunner.block(gates, 3, width: h).sigmoid()
            let c = try f.mul(cPrev).add(i.mul(g))
            return try Tensor.cat([o.mul(c.tanh()), c], dim: 1)
        }
    }
}
