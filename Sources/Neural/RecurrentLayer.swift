import Tensor

/// A recurrent layer that maps a sequence (seq_len, batch, input_size) to its hidden
/// states (seq_len, batch, hidden_size), time-major as PyTorch's default
/// (`batch_first=False`). `RNNNet` drives any of them.
public protocol RecurrentLayer: Module {
    /// The input width.
    var inputSize: Int { get }
    /// The hidden width.
    var hiddenSize: Int { get }
    /// A user recurrence replacing the built-in one (run by generic autograd), or nil for
    /// the fused built-in path.
    var step: StepFunction? { get set }
    /// The hidden state after every step, (seq_len, batch, hidden_size), starting from
    /// `h0` (batch, hidden_size) or zeros.
    func hiddenStates(_ x: Tensor, h0: Tensor?) throws -> Tensor
}

extension RecurrentLayer {
    /// The last step of a (T, B, H) sequence: h_n as (B, H).
    func lastStep(_ states: Tensor) throws -> Tensor {
        try states.index([.at(states.shape[0] - 1)])
    }
}
