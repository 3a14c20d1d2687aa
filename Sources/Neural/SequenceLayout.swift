/// Where the row of step t and batch element b lives in a sequence tensor: time-major
/// (T, B, F), PyTorch's default, or batch-first (B, T, F) (`batch_first=True`). A fused
/// kernel reads its input and writes its states in either layout in place, so that a
/// batch-first layer needs no transposed copies of its (possibly huge) sequences.
struct SequenceLayout {
    /// T.
    let steps: Int
    /// B.
    let batch: Int
    /// Whether the batch dimension comes first.
    let batchFirst: Bool

    /// The index of the row (t, b), in rows of the feature width.
    @inline(__always)
    func row(_ t: Int, _ b: Int) -> Int { batchFirst ? b * steps + t : t * batch + b }

    /// Rows between (t, b) and (t, b + 1): the leading dimension, in rows, of the
    /// matrix of one step's rows.
    var batchStride: Int { batchFirst ? steps : 1 }

    /// The tensor shape of such a sequence with `features` per row.
    func shape(_ features: Int) -> [Int] { batchFirst ? [batch, steps, features] : [steps, batch, features] }
}
