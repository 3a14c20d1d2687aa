import Tensor

/// The transition-blind mask of the N-bit flip-flop loss (specs/tasks.md §2.2,
/// CTDB's `NBFFLoss`).
///
/// Per bit, when the target takes a new value at step s, step s is kept and steps
/// s+1 … s+`transitionBlind` are masked (the network gets time to flip); the first
/// `warmup` steps (5 in CTDB) are masked too. Everything else is 1.
public enum FlipFlopMask {
    /// The mask (T, B, n) for targets (T, B, n), time-major; float 0/1.
    public static func mask(_ target: Tensor, transitionBlind: Int = 4, warmup: Int = 5) throws -> Tensor {
        guard target.ndim == 3 else {
            throw NeuralError("flip_flop_mask: expected targets of shape (T, B, n), got \(describeShape(target.shape))")
        }
        guard transitionBlind >= 0, warmup >= 0 else {
            throw NeuralError("flip_flop_mask: transition_blind and warmup must not be negative")
        }
        let (steps, width) = (target.shape[0], target.shape[1] * target.shape[2])
        let values = target.scalars
        var mask = [Float](repeating: 1, count: values.count)
        for column in 0..<width {
            var blindUntil = -1
            for t in 0..<steps {
                let i = t * width + column
                if t <= blindUntil || t < warmup { mask[i] = 0 }
                if t > 0 && values[i] != values[i - width] { blindUntil = t + transitionBlind }
            }
        }
        return try Tensor(mask, shape: target.shape)
    }
}
