import Tensor

extension CompetencyTask {
    /// A batch of whole trials side by side, time-major.
    public struct Batch {
        /// Observations (trialLength, B, 53) float32.
        public let inputs: Tensor
        /// Labels (trialLength, B) int64: 0, then ground truth + 1 in the decision period.
        public let labels: Tensor
        /// Each column's trial.
        public let trials: [Trial]
    }

    /// `count` fresh trials at once (for validation and psychometric curves), drawn as
    /// `count` calls of `newTrial` would draw them; the current `ob`/`gt` stay as they are.
    /// `groundTruth` and `difference` fix those of every trial. Throws for a non-positive
    /// count, a bad ground truth or difference, or a batch larger than the current tensor
    /// budget allows per tensor (checked before allocating).
    public func batch(_ count: Int, groundTruth: Int? = nil, difference: Double? = nil) throws -> Batch {
        guard count > 0 else { throw TaskError("CompetencyTask: the batch size must be positive, got \(count)") }
        try SizeLimit.check([trialLength, count, observationSize], "CompetencyTask: a batch")
        var ob = [Float](repeating: 0, count: trialLength * count * observationSize)
        var gt = [Float](repeating: 0, count: trialLength * count)
        var trials: [Trial] = []
        trials.reserveCapacity(count)
        for column in 0..<count {
            trials.append(try drawTrial(groundTruth: groundTruth, difference: difference, into: &ob, labels: &gt,
                                        column: column, columns: count))
        }
        return Batch(inputs: try Tensor(ob, shape: [trialLength, count, observationSize]),
                     labels: try Tensor(gt, shape: [trialLength, count], dtype: .int64), trials: trials)
    }
}
