import Tensor

/// PyTorch's single-layer Elman `nn.RNN`: `h_t = f(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)`
/// with f = tanh or relu.
///
/// Parameters `weight_ih_l0` (H, I), `weight_hh_l0` (H, H), `bias_ih_l0`, `bias_hh_l0` (H),
/// all U(±1/√H). The built-in recurrence runs fused; a `step` function receives the
/// parameters under their PyTorch names.
public final class RNN: RecurrentLayer {
    /// The four parameters.
    public let weights: RecurrentWeights
    /// The nonlinearity.
    public let nonlinearity: Activation
    /// A user recurrence, or nil for the built-in one.
    public var step: StepFunction?

    /// Makes a layer with PyTorch's initialisation (without biases when `bias` is false);
    /// throws for non-positive sizes.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, nonlinearity: Activation = .tanh, bias: Bool = true,
        step: StepFunction? = nil, generator: Generator
    ) throws {
        let bound = Initialization.bound(fanIn: hiddenSize)
        weights = try RecurrentWeights(
            "RNN", inputSize: inputSize, hiddenSize: hiddenSize, gates: 1, inputBound: bound, recurrentBound: bound,
            bias: bias, generator: generator)
        self.nonlinearity = nonlinearity
        self.step = step
    }

    /// The input width I.
    public var inputSize: Int { weights.inputSize }
    /// The hidden width H.
    public var hiddenSize: Int { weights.hiddenSize }

    /// PyTorch's names and order: weight_ih, weight_hh, bias_ih, bias_hh.
    public var namedParameters: [(name: String, tensor: Tensor)] { weights.pytorchNamed }

    /// The hidden states (T, B, H) for `x` (T, B, I), from `h0` or zeros.
    public func hiddenStates(_ x: Tensor, h0: Tensor? = nil) throws -> Tensor {
        let (_, batch) = try weights.checkInput("RNN", x)
        let start = try weights.initialState("RNN", h0, batch: batch)
        if let step {
            return try StepRunner.run("RNN", x: x, h0: start, parameters: weights.pytorchDictionary, step: step)
        }
        return try ElmanKernel.run("RNNBackward", weights: weights, x: x, h0: start, alpha: 1, activation: nonlinearity)
    }

    /// `(output, h_n)`: the hidden states (T, B, H) and the last one (B, H).
    public func callAsFunction(_ x: Tensor, h0: Tensor? = nil) throws -> (output: Tensor, hidden: Tensor) {
        let states = try hiddenStates(x, h0: h0)
        return (states, try lastStep(states))
    }

    /// The built-in recurrence as a step function of ordinary tensor operations.
    public static func builtinStep(nonlinearity: Activation) -> StepFunction {
        { x, h, p in
            let (wih, bih, whh, bhh) = try RecurrentWeights.pytorchParameters(p, layer: "RNN")
            return try nonlinearity.apply(StepRunner.linear(x, wih, bih).add(StepRunner.linear(h, whh, bhh)))
        }
    }
}
