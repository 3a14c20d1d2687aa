import Tensor

/// The nonlinearity of an Elman-type recurrence (`RNN`, `LeakyRNN`).
public enum Activation: String, Sendable, CaseIterable {
    /// tanh(x); derivative 1 − tanh².
    case tanh
    /// max(x, 0); derivative 1 where the output is positive (0 at 0, as PyTorch).
    case relu

    /// Parses `"tanh"` or `"relu"` (PyTorch's `nonlinearity=` values).
    public init(named name: String) throws {
        guard let value = Activation(rawValue: name.lowercased()) else {
            throw NeuralError("unknown activation '\(name)' (expected \"tanh\" or \"relu\")")
        }
        self = value
    }

    /// f′ expressed through the output a = f(x).
    @inline(__always)
    func derivative(output a: Float) -> Float {
        switch self {
        case .tanh: 1 - a * a
        case .relu: a > 0 ? 1 : 0
        }
    }

    /// f applied to a tensor through recorded operations (for step functions).
    public func apply(_ x: Tensor) throws -> Tensor {
        switch self {
        case .tanh: try x.tanh()
        case .relu: try x.relu()
        }
    }
}
