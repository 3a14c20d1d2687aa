import Tensor

/// neurogym's `Dataset` (specs/tasks.md §1.6): batches of (seq_len, batch) steps cut from
/// `batch` independent continuous streams of whole trials.
///
/// Each column of the cache is filled by generating trials back to back until the cache
/// length is reached (the last trial is truncated; no padding, no separator). Each call
/// returns the next `seqLen` steps of every column; when fewer than `seqLen` unserved
/// steps would remain after a batch (`s + seqLen ≥ cacheLength`), the cache is rebuilt
/// first, so every cache starts on a trial boundary. With neurogym's defaults
/// (batch 16, seq_len 100, 3 channels) the cache holds 1600 steps and serves 15 batches.
public final class Dataset {
    /// The task generating the trials.
    public let environment: any TrialEnvironment
    /// Columns per batch.
    public let batchSize: Int
    /// Steps per batch.
    public let seqLen: Int
    /// Steps per cache: ⌊1e5 / (obs + 1) / batch⌋ rounded up to the next multiple of
    /// seq_len, as neurogym computes it.
    public let cacheLength: Int
    private var inputs: [Float] = []
    private var labels: [Float] = []
    private var position = 0

    /// Makes a dataset and fills its first cache; throws for non-positive sizes or a
    /// task whose trials are empty.
    public init(_ environment: any TrialEnvironment, batchSize: Int = 16, seqLen: Int = 100, cacheLength: Int? = nil) throws {
        guard batchSize > 0, seqLen > 0 else {
            throw TaskError("Dataset: batch_size and seq_len must be positive, got \(batchSize) and \(seqLen)")
        }
        self.environment = environment
        self.batchSize = batchSize
        self.seqLen = seqLen
        let neurogym = Int(1e5 / Double(environment.observationSize + 1) / Double(batchSize))
        let length = cacheLength ?? (1 + neurogym / seqLen) * seqLen
        guard length > seqLen else {
            throw TaskError("Dataset: the cache length \(length) must exceed seq_len \(seqLen)")
        }
        self.cacheLength = length
        try refill()
    }

    /// A dataset with an empty cache, to be filled by a copy.
    private init(unfilled environment: any TrialEnvironment, batchSize: Int, seqLen: Int, cacheLength: Int) {
        self.environment = environment
        self.batchSize = batchSize
        self.seqLen = seqLen
        self.cacheLength = cacheLength
    }

    /// The next batch: inputs (seq_len, batch, obs) float32 and labels (seq_len, batch)
    /// int64.
    public func next() throws -> (inputs: Tensor, labels: Tensor) {
        if position + seqLen >= cacheLength { try refill() }
        let obs = environment.observationSize
        let start = position
        position += seqLen
        let x = Array(inputs[(start * batchSize * obs)..<((start + seqLen) * batchSize * obs)])
        let y = Array(labels[(start * batchSize)..<((start + seqLen) * batchSize)])
        return (try Tensor(x, shape: [seqLen, batchSize, obs]), try Tensor(y, shape: [seqLen, batchSize], dtype: .int64))
    }

    /// `dataset()`: the next batch.
    public func callAsFunction() throws -> (inputs: Tensor, labels: Tensor) { try next() }

    /// Rebuilds the cache: every column a fresh stream of whole trials.
    private func refill() throws {
        let obs = environment.observationSize
        inputs = [Float](repeating: 0, count: cacheLength * batchSize * obs)
        labels = [Float](repeating: 0, count: cacheLength * batchSize)
        for column in 0..<batchSize {
            var t = 0
            while t < cacheLength {
                let trial = try environment.nextTrialArrays()
                let length = trial.labels.count
                guard length > 0, trial.observations.count == length * obs else {
                    throw TaskError("Dataset: the task produced an empty or malformed trial")
                }
                for step in 0..<min(length, cacheLength - t) {
                    let row = (t + step) * batchSize + column
                    for k in 0..<obs { inputs[row * obs + k] = trial.observations[step * obs + k] }
                    labels[row] = trial.labels[step]
                }
                t += length
            }
        }
        position = 0
    }
}

extension Dataset {
    /// A dataset in the same state (cache and position) drawing new trials from `environment`,
    /// for session snapshots.
    public func copy(environment: any TrialEnvironment) -> Dataset {
        Dataset(copying: self, environment: environment)
    }

    private convenience init(copying other: Dataset, environment: any TrialEnvironment) {
        self.init(unfilled: environment, batchSize: other.batchSize, seqLen: other.seqLen, cacheLength: other.cacheLength)
        inputs = other.inputs
        labels = other.labels
        position = other.position
    }
}
