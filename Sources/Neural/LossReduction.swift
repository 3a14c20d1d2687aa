import Tensor

/// How a loss combines its per-element values: PyTorch's `reduction=` argument.
public enum LossReduction: String, Sendable, CaseIterable {
    /// The (weighted) mean.
    case mean
    /// The sum.
    case sum
    /// No reduction: one loss per element (or position).
    case none

    /// Parses `"mean"`, `"sum"` or `"none"`, with PyTorch's error otherwise.
    public init(named name: String) throws {
        guard let reduction = LossReduction(rawValue: name) else {
            throw NeuralError("\(name) is not a valid value for reduction (expected 'mean', 'sum' or 'none')")
        }
        self = reduction
    }

    /// `losses` reduced: their mean, their sum, or themselves.
    public func apply(_ losses: Tensor) throws -> Tensor {
        switch self {
        case .mean: try losses.mean()
        case .sum: try losses.sum()
        case .none: losses
        }
    }
}

/// Where the classes are in a classification loss's input: PyTorch's dimension 1 of
/// (N, C, d1, …), or rnnbook's last dimension of (…, C) (the layout of `train`'s outputs).
public enum ClassLayout: Sendable {
    /// Classes in dimension 1 (dimension 0 for a 1-D input), labels of shape (N, d1, …).
    case pytorch
    /// Classes in the last dimension, labels of the leading shape (…).
    case last

    /// The dimension holding the classes in an input of rank `rank`.
    func classDim(rank: Int) -> Int {
        switch self {
        case .pytorch: rank == 1 ? 0 : 1
        case .last: rank - 1
        }
    }

    /// PyTorch's name for the node of `nll_loss` (and of `cross_entropy` with class indices)
    /// on an input of `rank`: `NllLossBackward0` for (C) and (N, C); `NllLoss2DBackward0` for
    /// more dimensions, whose unreduced loss PyTorch reshapes back (`ViewBackward0`) unless
    /// the input is 4-D. rnnbook's classes-last layout is named as (N, C) rows.
    func nllNodeName(rank: Int, reduction: LossReduction) -> String {
        guard self == .pytorch, rank > 2 else { return "NllLossBackward0" }
        return reduction == .none && rank != 4 ? "ViewBackward0" : "NllLoss2DBackward0"
    }

    /// The labels' shape for `input` of `shape` in this layout.
    func labelShape(_ shape: [Int]) -> [Int] {
        guard !shape.isEmpty else { return [] }
        var labels = shape
        labels.remove(at: classDim(rank: shape.count))
        return labels
    }

    /// The layout for `input` and `labels` shapes: `preferred` when the labels fit it, else
    /// the other one when they fit that; nil when they fit neither.
    public static func resolve(_ input: [Int], _ labels: [Int], preferred: ClassLayout) -> ClassLayout? {
        let other: ClassLayout = preferred == .pytorch ? .last : .pytorch
        if preferred.labelShape(input) == labels { return preferred }
        if other.labelShape(input) == labels { return other }
        return nil
    }
}
