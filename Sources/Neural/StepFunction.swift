import Tensor

/// A user-written recurrence: given the input at one time step `x` (batch, input_size), the
/// previous state `h` (batch, state_size) and the layer's parameters by name, returns the
/// next state (batch, state_size). Built from ordinary `Tensor` operations, it is
/// differentiated by the generic autograd (one graph node per operation per step).
///
/// The language binding wraps a user `def step(x, h, params)` in such a closure: it calls
/// the interpreter and unwraps the returned tensor. Errors thrown inside propagate out
/// of the layer's forward pass unchanged.
public typealias StepFunction = (_ x: Tensor, _ h: Tensor, _ parameters: [String: Tensor]) throws -> Tensor

/// Runs a `StepFunction` over a sequence: the generic, unfused path of every recurrent
/// layer.
public enum StepRunner {
    /// Applies `step` to each time step of `x` (T, B, I) from `h0` (B, S); returns the
    /// states after each step stacked to (T, B, S). Throws if a step returns a tensor of
    /// another shape than `h0`'s, naming the step.
    public static func run(
        _ layer: String, x: Tensor, h0: Tensor, parameters: [String: Tensor], step: StepFunction
    ) throws -> Tensor {
        guard x.ndim == 3 else {
            throw NeuralError("\(layer): expected input of shape (seq_len, batch, input_size), got \(describeShape(x.shape))")
        }
        var h = h0
        var states: [Tensor] = []
        states.reserveCapacity(x.shape[0])
        for t in 0..<x.shape[0] {
            let next = try step(try x.index([.at(t)]), h, parameters)
            guard next.shape == h0.shape else {
                throw NeuralError(
                    "\(layer): the step function returned a state of shape \(describeShape(next.shape)) at step \(t); "
                        + "expected \(describeShape(h0.shape)), the shape of h")
            }
            guard next.dtype == .float32 else {
                throw NeuralError("\(layer): the step function returned a \(next.dtype) tensor at step \(t); expected float32")
            }
            states.append(next)
            h = next
        }
        return try Tensor.stack(states, dim: 0)
    }

    /// x Wᵀ + b for a step function: the affine map of PyTorch's `F.linear`.
    public static func linear(_ x: Tensor, _ weight: Tensor, _ bias: Tensor?) throws -> Tensor {
        let product = try x.matmul(weight.transpose(0, 1))
        guard let bias else { return product }
        return try product.add(bias)
    }

    /// Columns [start, start + width) of a (batch, n) state: a gate block.
    public static func block(_ x: Tensor, _ index: Int, width: Int) throws -> Tensor {
        try x.index([.all, .slice(start: index * width, stop: (index + 1) * width)])
    }
}
