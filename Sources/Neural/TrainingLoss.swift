import Tensor

/// The objective `train` minimises, from the network's output and the batch's targets.
public enum TrainingLoss {
    /// `CrossEntropy` over (T, B, C) outputs and (T, B) int labels.
    case crossEntropy
    /// Mean squared error over outputs and targets of the same shape.
    case mse
    /// Any loss: `(output, targets) -> scalar tensor` (a user `def` wrapped by the binding).
    case custom((_ output: Tensor, _ targets: Tensor) throws -> Tensor)

    /// Parses "cross_entropy" or "mse".
    public init(named name: String) throws {
        switch name.lowercased() {
        case "cross_entropy", "crossentropy", "ce": self = .crossEntropy
        case "mse": self = .mse
        default: throw NeuralError("train: unknown loss '\(name)' (expected \"cross_entropy\", \"mse\" or a function)")
        }
    }

    /// The loss of `output` against `targets`.
    func evaluate(_ output: Tensor, _ targets: Tensor) throws -> Tensor {
        switch self {
        case .crossEntropy: try CrossEntropy.loss(output, targets)
        case .mse: try Losses.mse(output, targets)
        case .custom(let f): try f(output, targets)
        }
    }
}
