import Tensor

/// A leaky (continuous-time) RNN, the course's CTRNN:
/// `h_t = (1 − α) h_{t−1} + α f(W_in x_t + b_in + W_rec h_{t−1} + b_rec)`, α = dt/τ
/// (1 when dt is nil), f = relu by default (LANGUAGE.md).
///
/// Parameters `W_in` (H, I), `b_in` (H), `W_rec` (H, H), `b_rec` (H), initialised like the
/// tutorial's two `nn.Linear` layers: U(±1/√I) for the input pair, U(±1/√H) for the
/// recurrent pair. The built-in recurrence runs fused (`ElmanKernel`); a `step` function
/// receives the parameters under those four names.
public final class LeakyRNN: RecurrentLayer {
    /// The four parameters (input weights, input bias, recurrent weights, recurrent bias).
    public let weights: RecurrentWeights
    /// The time step in ms, or nil (then α = 1).
    public let dt: Double?
    /// The time constant in ms.
    public let tau: Double
    /// dt/τ, the fraction of the new drive mixed in per step.
    public let alpha: Float
    /// The nonlinearity f.
    public let activation: Activation
    /// A user recurrence, or nil for the built-in one.
    public var step: StepFunction?
    /// The parameter names, in order.
    public static let parameterNames = ["W_in", "b_in", "W_rec", "b_rec"]

    /// Makes a layer; throws for non-positive sizes, τ or dt, or dt > τ.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, dt: Double? = nil, tau: Double = 100,
        activation: Activation = .relu, step: StepFunction? = nil, generator: Generator
    ) throws {
        guard tau > 0 else { throw NeuralError("LeakyRNN: tau must be positive, got \(tau)") }
        if let dt, !(dt > 0 && dt <= tau) {
            throw NeuralError("LeakyRNN: dt must lie in (0, tau] = (0, \(tau)], got \(dt)")
        }
        weights = try RecurrentWeights(
            "LeakyRNN", inputSize: inputSize, hiddenSize: hiddenSize, gates: 1,
            inputBound: Initialization.bound(fanIn: inputSize), recurrentBound: Initialization.bound(fanIn: hiddenSize),
            generator: generator)
        self.dt = dt
        self.tau = tau
        alpha = dt.map { Float($0 / tau) } ?? 1
        self.activation = activation
        self.step = step
    }

    /// The input width I.
    public var inputSize: Int { weights.inputSize }
    /// The hidden width H.
    public var hiddenSize: Int { weights.hiddenSize }

    /// `W_in`, `b_in`, `W_rec`, `b_rec`.
    public var namedParameters: [(name: String, tensor: Tensor)] {
        zip(Self.parameterNames, [weights.inputWeight, weights.inputBias, weights.recurrentWeight, weights.recurrentBias])
            .map { ($0, $1) }
    }

    /// The hidden states (T, B, H) for `x` (T, B, I), from `h0` or zeros.
    public func hiddenStates(_ x: Tensor, h0: Tensor? = nil) throws -> Tensor {
        let (_, batch) = try weights.checkInput("LeakyRNN", x)
        let start = try weights.initialState("LeakyRNN", h0, batch: batch)
        if let step {
            return try StepRunner.run("LeakyRNN", x: x, h0: start, parameters: weights.dictionary(Self.parameterNames), step: step)
        }
        return try ElmanKernel.run("LeakyRNNBackward", weights: weights, x: x, h0: start, alpha: alpha, activation: activation)
    }

    /// `(output, h_n)`: the hidden states (T, B, H) and the last one (B, H).
    public func callAsFunction(_ x: Tensor, h0: Tensor? = nil) throws -> (output: Tensor, hidden: Tensor) {
        let states = try hiddenStates(x, h0: h0)
        return (states, try lastStep(states))
    }

    /// The built-in recurrence written as a step function of ordinary tensor operations
    /// (what the fused kernel computes): the model for a student's `step`.
    public static func builtinStep(alpha: Float, activation: Activation) -> StepFunction {
        { x, h, p in
            guard let wIn = p["W_in"], let bIn = p["b_in"], let wRec = p["W_rec"], let bRec = p["b_rec"] else {
                throw NeuralError("LeakyRNN step: parameters W_in, b_in, W_rec, b_rec are required")
            }
            let drive = try StepRunner.linear(x, wIn, bIn).add(StepRunner.linear(h, wRec, bRec))
            return try h.mul(1 - alpha).add(activation.apply(drive).mul(alpha))
        }
    }
}
