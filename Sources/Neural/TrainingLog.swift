import Tensor

/// The result of `train`: one loss per step.
public struct TrainingLog: Sendable {
    /// The loss of every step, in order.
    public let losses: [Float]
    /// Wall-clock seconds for the whole run.
    public let seconds: Double

    /// The losses as a 1-D tensor (the language's `log.loss`).
    public func lossTensor() throws -> Tensor { try Tensor(losses) }
}
