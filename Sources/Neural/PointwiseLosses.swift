import Tensor

/// PyTorch's losses between an input and a target of the same shape (`mse_loss`,
/// `l1_loss`, `smooth_l1_loss`, `huber_loss`, `binary_cross_entropy`,
/// `binary_cross_entropy_with_logits`), built from recorded tensor operations, so their
/// gradients (with respect to the input and the target, as in PyTorch) come from autograd.
///
/// Each result's node has PyTorch's name (`MseLossBackward0`, …; `l1_loss` is a mean, a sum
/// or an `abs` in PyTorch too).
///
/// PyTorch broadcasts a target of another shape with only a warning (usually a bug:
/// (N, 1) against (N,) gives an (N, N) loss); here it is an error.
extension Losses {
    /// Squared error (x − y)², reduced; with rnnbook's `mask` (of the input's shape, or
    /// without its last dimension) the mean is over the unmasked elements.
    public static func mse(
        _ input: Tensor, _ target: Tensor, reduction: LossReduction, mask: Tensor? = nil
    ) throws -> Tensor {
        try sameShape(input, target, "mse_loss")
        let squared = try input.sub(target).pow(2)
        guard let mask else { return try reduction.apply(squared).namedNode("MseLossBackward0") }
        let weights = try expandedMask(mask, to: input.shape, op: "mse_loss")
        let weighted = try squared.mul(weights)
        guard reduction == .mean else { return try reduction.apply(weighted).namedNode("MseLossBackward0") }
        let total = try weights.sum().item()
        guard total > 0 else { throw NeuralError("mse: the mask selects no elements") }
        return try weighted.sum().div(total).namedNode("MseLossBackward0")
    }

    /// Absolute error |x − y|, reduced.
    public static func l1(_ input: Tensor, _ target: Tensor, reduction: LossReduction) throws -> Tensor {
        try sameShape(input, target, "l1_loss")
        return try reduction.apply(input.sub(target).abs())
    }

    /// ½z²/β where z = |x − y| < β, else z − ½β (PyTorch's `smooth_l1_loss`; β = 0 is L1).
    public static func smoothL1(_ input: Tensor, _ target: Tensor, beta: Float, reduction: LossReduction) throws -> Tensor {
        try sameShape(input, target, "smooth_l1_loss")
        guard beta >= 0 else { throw NeuralError("smooth_l1_loss does not support negative values for beta.") }
        let z = try input.sub(target).abs()
        guard beta > 0 else { return try reduction.apply(z) }
        let quadratic = try z.mul(z).mul(0.5 / beta)
        return try reduction.apply(Tensor.where(z.lt(Tensor(scalar: beta)), quadratic, z.sub(0.5 * beta))).namedNode("SmoothL1LossBackward0")
    }

    /// ½z² where z = |x − y| < δ, else δ(z − ½δ) (PyTorch's `huber_loss`).
    public static func huber(_ input: Tensor, _ target: Tensor, delta: Float, reduction: LossReduction) throws -> Tensor {
        try sameShape(input, target, "huber_loss")
        guard delta > 0 else { throw NeuralError("huber_loss does not support non-positive values for delta.") }
        let z = try input.sub(target).abs()
        let linear = try z.sub(0.5 * delta).mul(delta)
        return try reduction.apply(Tensor.where(z.lt(Tensor(scalar: delta)), z.mul(z).mul(0.5), linear)).namedNode("HuberLossBackward0")
    }

    /// −w·(y·log x + (1 − y)·log(1 − x)) for probabilities x, each log clamped at −100 as
    /// PyTorch does (`binary_cross_entropy`); `weight` broadcasts to the input.
    public static func binaryCrossEntropy(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction
    ) throws -> Tensor {
        try sameShape(input, target, "binary_cross_entropy")
        for v in input.scalars where !(v >= 0 && v <= 1) {
            throw NeuralError("binary_cross_entropy: all elements of input should be between 0 and 1")
        }
        let logX = try input.log().clamp(min: -100)
        let logNotX = try Tensor.number(1).sub(input).log().clamp(min: -100)
        var losses = try target.mul(logX).add(Tensor.number(1).sub(target).mul(logNotX)).neg()
        if let weight { losses = try losses.mul(weight) }
        return try reduction.apply(losses).namedNode("BinaryCrossEntropyBackward0")
    }

    /// Binary cross-entropy of logits x, computed stably as (1 − y)·x + l·softplus(−x)
    /// with l = 1 + (pos_weight − 1)·y (PyTorch's `binary_cross_entropy_with_logits`).
    public static func binaryCrossEntropyWithLogits(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, posWeight: Tensor?, reduction: LossReduction
    ) throws -> Tensor {
        guard input.shape == target.shape else {
            throw NeuralError(
                "binary_cross_entropy_with_logits: Target size (\(describeShape(target.shape))) must be the same as "
                    + "input size (\(describeShape(input.shape)))")
        }
        let softplus = try input.neg().apply(.softplus)
        var scale = try Tensor.number(1)
        if let posWeight { scale = try posWeight.sub(Tensor.number(1)).mul(target).add(Tensor.number(1)) }
        var losses = try Tensor.number(1).sub(target).mul(input).add(scale.mul(softplus))
        if let weight { losses = try losses.mul(weight) }
        return try reduction.apply(losses).namedNode("BinaryCrossEntropyWithLogitsBackward0")
    }

    /// Throws unless `input` and `target` have the same shape.
    static func sameShape(_ input: Tensor, _ target: Tensor, _ op: String) throws {
        guard input.shape == target.shape else {
            throw NeuralError(
                "\(op): input of shape \(describeShape(input.shape)) and target of shape \(describeShape(target.shape)) "
                    + "differ (PyTorch would broadcast them, usually by mistake); reshape one to the other's shape")
        }
    }
}
