import Tensor

/// The losses the labs use, built from recorded tensor operations (so their gradients
/// come from the generic autograd), besides the fused `CrossEntropy`.
public enum Losses {
    /// Cross-entropy over (…, C) logits and (…) int labels, mean over unmasked positions.
    public static func crossEntropy(_ logits: Tensor, _ labels: Tensor, mask: Tensor? = nil) throws -> Tensor {
        try CrossEntropy.loss(logits, labels, mask: mask)
    }

    /// Mean squared error, mean over the unmasked elements (PyTorch's `MSELoss()` when
    /// there is no mask). `target` has `prediction`'s shape; `mask` has that shape, or
    /// that shape without its last dimension (then it applies to every feature).
    public static func mse(_ prediction: Tensor, _ target: Tensor, mask: Tensor? = nil) throws -> Tensor {
        try mse(prediction, target, reduction: .mean, mask: mask)
    }

    /// The semi-gradient TD(0) loss of specs/tasks.md §3.3 for padded sequences:
    /// δ(t) = r(t+1) + γ·V(t+1) − V(t) with no gradient through V(t+1), summed over
    /// t < l_i − 1 of every sequence i and divided by Σ l_i.
    ///
    /// `values` and `rewards` are (T, B); `lengths` has B entries in 1…T.
    public static func temporalDifference(
        values: Tensor, rewards: Tensor, lengths: [Int], gamma: Float
    ) throws -> Tensor {
        guard values.ndim == 2, rewards.shape == values.shape, lengths.count == values.shape[1] else {
            throw NeuralError(
                "td_loss: expected values and rewards of shape (T, B) and B lengths, got \(describeShape(values.shape)), "
                    + "\(describeShape(rewards.shape)) and \(lengths.count) lengths")
        }
        let (steps, batch) = (values.shape[0], values.shape[1])
        guard steps >= 2 else { throw NeuralError("td_loss: sequences need at least 2 steps, got \(steps)") }
        if let bad = lengths.first(where: { $0 < 1 || $0 > steps }) {
            throw NeuralError("td_loss: length \(bad) is outside 1…\(steps)")
        }
        let now = try values.index([.slice(start: 0, stop: steps - 1)])
        let next = try values.detach().index([.slice(start: 1)])
        let reward = try rewards.detach().index([.slice(start: 1)])
        let target = try reward.add(next.mul(gamma))
        var keep = [Float](repeating: 0, count: (steps - 1) * batch)
        for t in 0..<(steps - 1) { for i in 0..<batch where t < lengths[i] - 1 { keep[t * batch + i] = 1 } }
        let mask = try Tensor(keep, shape: [steps - 1, batch])
        let total = Float(lengths.reduce(0, +))
        return try now.sub(target).pow(2).mul(mask).sum().div(total)
    }

    /// The N-bit flip-flop loss of specs/tasks.md §2.2: the mean over all elements of
    /// (prediction − target)² times `FlipFlopMask.mask(target)` (masked elements still
    /// count in the denominator). Both are (T, B, n).
    public static func flipFlop(_ prediction: Tensor, _ target: Tensor, transitionBlind: Int = 4) throws -> Tensor {
        guard prediction.shape == target.shape, prediction.ndim == 3 else {
            throw NeuralError(
                "flip_flop_loss: expected prediction and target of the same shape (T, B, n), got "
                    + "\(describeShape(prediction.shape)) and \(describeShape(target.shape))")
        }
        let mask = try FlipFlopMask.mask(target, transitionBlind: transitionBlind)
        return try prediction.sub(target.detach()).pow(2).mul(mask).mean()
    }

    /// `mask` as float weights of `shape` (it may lack the last dimension).
    static func expandedMask(_ mask: Tensor, to shape: [Int], op: String) throws -> Tensor {
        let weights = try mask.detach().float()
        if mask.shape == shape { return weights }
        if mask.shape == Array(shape.dropLast()) {
            return try weights.unsqueeze(-1).expand(shape).mul(1)
        }
        throw NeuralError(
            "\(op): mask of shape \(describeShape(mask.shape)) fits neither \(describeShape(shape)) "
                + "nor \(describeShape(Array(shape.dropLast())))")
    }
}
