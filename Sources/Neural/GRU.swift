import Tensor

/// PyTorch's single-layer `nn.GRU` (gate order r, z, n):
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h′ = (1 − z) ⊙ n + z ⊙ h.
///
/// Parameters `weight_ih_l0` (3H, I), `weight_hh_l0` (3H, H), `bias_ih_l0`, `bias_hh_l0`
/// (3H), all U(±1/√H), so weights saved by PyTorch mean the same thing here.
public final class GRU: RecurrentLayer {
    /// The four parameters (gate blocks r, z, n stacked).
    public let weights: RecurrentWeights
    /// A user recurrence, or nil for the built-in one.
    public var step: StepFunction?

    /// Makes a layer with PyTorch's initialisation (without biases when `bias` is false);
    /// throws for non-positive sizes.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, step: StepFunction? = nil, generator: Generator
    ) throws {
        let bound = Initialization.bound(fanIn: hiddenSize)
        weights = try RecurrentWeights(
            "GRU", inputSize: inputSize, hiddenSize: hiddenSize, gates: 3, inputBound: bound, recurrentBound: bound,
            bias: bias, generator: generator)
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
        let (_, batch) = try weights.checkInput("GRU", x)
        let start = try weights.initialState("GRU", h0, batch: batch)
        if let step {
            return try StepRunner.run("GRU", x: x, h0: start, parameters: weights.pytorchDictionary, step: step)
        }
        return try GRUKernel.run(weights: weights, x: x, h0: start)
    }

    /// The hidden states (B, T, H) for a batch-first `x` (B, T, I), from `h0` or zeros;
    /// the fused kernel reads and writes that layout in place.
    public func hiddenStates(batchFirst x: Tensor, h0: Tensor? = nil) throws -> Tensor {
        guard step == nil else { return try hiddenStates(x.transpose(0, 1), h0: h0).transpose(0, 1) }
        let (_, batch) = try weights.checkInput("GRU", x, batchFirst: true)
        let start = try weights.initialState("GRU", h0, batch: batch)
        return try GRUKernel.run(weights: weights, x: x, h0: start, batchFirst: true)
    }

    /// `(output, h_n)`: the hidden states (T, B, H) and the last one (B, H).
    public func callAsFunction(_ x: Tensor, h0: Tensor? = nil) throws -> (output: Tensor, hidden: Tensor) {
        let states = try hiddenStates(x, h0: h0)
        return (states, try lastStep(states))
    }

    /// The built-in recurrence as a step function of ordinary tensor operations.
    public static func builtinStep(hiddenSize h: Int) -> StepFunction {
        { x, state, p in
            let (wih, bih, whh, bhh) = try RecurrentWeights.pytorchParameters(p, layer: "GRU")
            let gi = try StepRunner.linear(x, wih, bih)
            let gh = try StepRunner.linear(state, whh, bhh)
            func gate(_ k: Int) throws -> (Tensor, Tensor) {
                (try StepRunner.block(gi, k, width: h), try StepRunner.block(gh, k, width: h))
            }
            let (ir, hr) = try gate(0)
            let (iz, hz) = try gate(1)
            let (inn, hn) = try gate(2)
            let r = try ir.add(hr).sigmoid()
            let z = try iz.add(hz).sigmoid()
            let n = try inn.add(r.mul(hn)).tanh()
            return try z.mul(-1).add(1).mul(n).add(z.mul(state))
        }
    }
}
