import Foundation
import Tensor

/// Cross-entropy of class scores against integer labels, averaged over the unmasked
/// positions (PyTorch's `F.cross_entropy` with `reduction="mean"` when there is no mask).
///
/// Fused: one pass computes the log-softmax and the loss; one graph node whose backward is
/// (softmax − one_hot(label)) · w / Σw. Classes are the last dimension of `logits`
/// (…, C); `labels` has the leading shape (…) and int64 (or whole-number float) values in
/// 0..<C; `mask` (same shape as `labels`, bool or float weights) selects the positions
/// that count.
public enum CrossEntropy {
    /// The mean loss over positions whose mask is non-zero (weighted by the mask).
    public static func loss(_ logits: Tensor, _ labels: Tensor, mask: Tensor? = nil) throws -> Tensor {
        guard logits.ndim >= 1, labels.shape == Array(logits.shape.dropLast()) else {
            throw NeuralError(
                "cross_entropy: logits of shape \(describeShape(logits.shape)) need labels of shape "
                    + "\(describeShape(Array(logits.shape.dropLast()))), got \(describeShape(labels.shape))")
        }
        if let mask, mask.shape != labels.shape {
            throw NeuralError(
                "cross_entropy: mask of shape \(describeShape(mask.shape)) does not match labels \(describeShape(labels.shape))")
        }
        let classes = logits.shape[logits.ndim - 1]
        guard classes > 0 else { throw NeuralError("cross_entropy: logits need at least one class, got \(describeShape(logits.shape))") }
        let rows = labels.count
        let classOf = labels.scalars
        let weights = mask?.scalars ?? [Float](repeating: 1, count: rows)
        for (i, y) in classOf.enumerated() where weights[i] != 0 && !(y >= 0 && y < Float(classes) && y.rounded() == y) {
            throw NeuralError("cross_entropy: label \(y) at position \(i) is not a class index in 0..<\(classes)")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw NeuralError("cross_entropy: the mask selects no positions") }
        let x = FloatBuffer(copying: logits)
        let probabilities = FloatBuffer(zeros: rows * classes)
        var sum = 0.0
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
            let label = Int(classOf[r])
            sum += Double(weights[r]) * Double(-(row[label] - top - Foundation.log(z)))
        }
        let value = try Tensor(scalar: Float(sum / Double(total)))
        let shape = logits.shape
        return Tensor.custom("NllLossBackward0", output: value, inputs: [logits]) { g in
            let scale = try g.item() / total
            let d = FloatBuffer(zeros: rows * classes)
            for r in 0..<rows where weights[r] != 0 {
                let (p, dr) = (probabilities.at(r * classes), d.at(r * classes))
                let w = weights[r] * scale
                for j in 0..<classes { dr[j] = p[j] * w }
                dr[Int(classOf[r])] -= w
            }
            return [try d.tensor(shape)]
        }
    }
}
