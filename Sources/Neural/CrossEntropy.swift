import Foundation
import Tensor

/// Cross-entropy of class scores against integer labels (PyTorch's `F.cross_entropy`
/// with class-index targets), with per-class `weight`, `ignoreIndex`, a reduction, and
/// rnnbook's `mask` of positions.
///
/// Fused: one pass computes the log-softmax and the loss; one graph node whose backward is
/// (softmax − one_hot(label)) · w_r (· g_r, or / Σw for the mean). Each position r has the
/// weight w_r = weight[label_r] · mask_r, and 0 when its label is `ignoreIndex`; the mean
/// is Σ w_r·ℓ_r / Σ w_r, PyTorch's weighted mean (NaN when every position is ignored).
public enum CrossEntropy {
    /// The mean loss over positions whose mask is non-zero (weighted by the mask), classes
    /// in the last dimension: (…, C) logits, (…) labels.
    public static func loss(_ logits: Tensor, _ labels: Tensor, mask: Tensor? = nil) throws -> Tensor {
        try loss(logits, labels, layout: .last, mask: mask)
    }

    /// The loss with PyTorch's options; `layout` says where the classes are.
    public static func loss(
        _ logits: Tensor, _ labels: Tensor, layout: ClassLayout, weight: Tensor? = nil, ignoreIndex: Int = -100,
        reduction: LossReduction = .mean, mask: Tensor? = nil
    ) throws -> Tensor {
        guard logits.ndim >= 1, labels.shape == layout.labelShape(logits.shape) else {
            throw NeuralError(
                "cross_entropy: logits of shape \(describeShape(logits.shape)) need labels of shape "
                    + "\(describeShape(layout.labelShape(logits.shape))), got \(describeShape(labels.shape))")
        }
        if let mask, mask.shape != labels.shape {
            throw NeuralError(
                "cross_entropy: mask of shape \(describeShape(mask.shape)) does not match labels \(describeShape(labels.shape))")
        }
        let classDim = layout.classDim(rank: logits.ndim)
        let classes = logits.shape[classDim]
        guard classes > 0 else { throw NeuralError("cross_entropy: logits need at least one class, got \(describeShape(logits.shape))") }
        let rowWeights = try positionWeights(labels, classes: classes, weight: weight, ignoreIndex: ignoreIndex, mask: mask)
        var order = Array(0..<logits.ndim)
        order.remove(at: classDim)
        order.append(classDim)
        let rows = try classDim == logits.ndim - 1 ? logits : logits.permute(order)
        return try fused(rows, classOf: labels.scalars, weights: rowWeights, labelShape: labels.shape,
                         reduction: reduction, masked: mask != nil, node: layout.nllNodeName(rank: logits.ndim, reduction: reduction))
    }

    /// w_r for each position: the class weight of its label times its mask, 0 when ignored;
    /// checks the labels of the positions that count.
    static func positionWeights(
        _ labels: Tensor, classes: Int, weight: Tensor?, ignoreIndex: Int, mask: Tensor?
    ) throws -> [Float] {
        if let weight, weight.shape != [classes] {
            throw NeuralError(
                "cross_entropy: weight tensor should be defined either for all \(classes) classes or no classes "
                    + "but got weight tensor of shape: \(describeShape(weight.shape))")
        }
        let classWeights = weight?.scalars
        let maskValues = mask?.scalars
        return try labels.scalars.enumerated().map { i, y in
            if y == Float(ignoreIndex) { return 0 }
            let m = maskValues?[i] ?? 1
            if m == 0 { return 0 }
            guard y >= 0, y < Float(classes), y.rounded() == y else {
                throw NeuralError("cross_entropy: label \(y) at position \(i) is not a class index in 0..<\(classes)")
            }
            return (classWeights?[Int(y)] ?? 1) * m
        }
    }

    /// The fused loss over (…, C) `logits` rows, its node named `node` (PyTorch's name).
    private static func fused(
        _ logits: Tensor, classOf: [Float], weights: [Float], labelShape: [Int], reduction: LossReduction, masked: Bool,
        node: String
    ) throws -> Tensor {
        let classes = logits.shape[logits.ndim - 1]
        let rows = classOf.count
        let total = weights.reduce(0, +)
        if masked && reduction == .mean && total == 0 { throw NeuralError("cross_entropy: the mask selects no positions") }
        let x = try FloatBuffer(countedCopy: logits, op: node)
        let probabilities = try FloatBuffer(countedZeros: rows * classes, op: node)
        var losses = [Float](repeating: 0, count: rows)
        for r in 0..<rows where weights[r] != 0 {
            let (row, p) = (x.at(r * classes), probabilities.at(r * classes))
            var top = row[0]
            for j in 1..<classes { top = Swift.max(top, row[j]) }
            var z: Float = 0
            for j in 0..<classes {
                p[j] = FastMath.exp(row[j] - top)
                z += p[j]
            }
            for j in 0..<classes { p[j] /= z }
            losses[r] = weights[r] * -(row[Int(classOf[r])] - top - Foundation.log(z))
        }
        let value: Tensor
        switch reduction {
        case .none: value = try Tensor(losses, shape: labelShape)
        case .sum: value = try Tensor(scalar: Float(losses.reduce(0.0) { $0 + Double($1) }))
        case .mean: value = try Tensor(scalar: Float(losses.reduce(0.0) { $0 + Double($1) } / Double(total)))
        }
        let shape = logits.shape
        return Tensor.custom(node, output: value, inputs: [logits]) { g in
            let scale: Float = reduction == .mean ? 1 / total : 1
            let d = try FloatBuffer(countedZeros: rows * classes, op: node)
            let upstream = g.scalars
            for r in 0..<rows where weights[r] != 0 {
                let (p, dr) = (probabilities.at(r * classes), d.at(r * classes))
                let w = weights[r] * scale * upstream[reduction == .none ? r : 0]
                for j in 0..<classes { dr[j] = p[j] * w }
                dr[Int(classOf[r])] -= w
            }
            return [try d.tensor(shape)]
        }
    }
}
