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
    /// The same for a batch-first sequence (batch, seq_len, input_size): the states as
    /// (batch, seq_len, hidden_size). Layers whose kernel reads and writes that layout in
    /// place implement it; the default transposes around `hiddenStates(_:h0:)`.
    func hiddenStates(batchFirst x: Tensor, h0: Tensor?) throws -> Tensor
}

extension RecurrentLayer {
    public func hiddenStates(batchFirst x: Tensor, h0: Tensor?) throws -> Tensor {
        try hiddenStates(x.transpose(0, 1), h0: h0).transpose(0, 1)
    }

    /// The last step of a (T, B, H) sequence: h_n as (B, H).
    func lastStep(_ states: Tensor) throws -> Tensor {
        try states.index([.at(states.shape[0] - 1)])
    }
}
