import Tensor

/// What `train` reports after every step, for a progress bar or log lines.
public struct TrainingProgress: Sendable {
    /// The step just finished, 1-based.
    public let step: Int
    /// The number of steps in the run.
    public let totalSteps: Int
    /// This step's loss.
    public let loss: Float
    /// The mean loss over the steps since the last log step (or the start).
    public let meanLoss: Float
    /// Steps per second since the start of the run.
    public let stepsPerSecond: Double
    /// Estimated seconds left at that rate.
    public let secondsRemaining: Double
    /// Whether this is a log step (every `logEvery` steps, and the last), when a
    /// non-terminal output prints a plain line.
    public let isLogStep: Bool
}
