import Tensor

/// `torch.nn.utils.rnn.PackedSequence`: a batch of sequences of different lengths, as made
/// by `pack_padded_sequence` / `pack_sequence` and returned by a recurrent layer fed one.
///
/// It is kept padded: `padded` is (T, batch, *) in the caller's batch order (T at least the
/// longest length) with `lengths` per sequence; PyTorch's fields are computed from that on
/// demand, with PyTorch's values: `data` (the valid steps, time-major, each step's sequences
/// from longest to shortest; differentiable), `batch_sizes` (how many sequences are still
/// running at each step, int64), `sorted_indices` / `unsorted_indices` (None when made with
/// `enforce_sorted=True`). Like PyTorch's namedtuple it unpacks into those four.
final class PackedSequenceObject: NativeObject {
    /// (T, batch, *), time-major, in the caller's batch order; steps past a length are unused.
    let padded: Tensor
    /// Each sequence's length, in the caller's batch order (all > 0 and ≤ T).
    let lengths: [Int]
    /// Whether the lengths were required to be sorted (then the sorted indices are None).
    let enforceSorted: Bool
    /// The session, whose budget and grad mode the fields are computed under (weak: the
    /// session owns its values).
    private(set) weak var owner: Interpreter?

    init(padded: Tensor, lengths: [Int], enforceSorted: Bool, owner: Interpreter?) {
        self.padded = padded
        self.lengths = lengths
        self.enforceSorted = enforceSorted
        self.owner = owner
    }

    /// The batch positions from the longest sequence to the shortest (ties in batch order).
    var sortedIndices: [Int] {
        lengths.indices.sorted { (lengths[$1], $0) < (lengths[$0], $1) }
    }

    /// The inverse permutation of `sortedIndices`.
    var unsortedIndices: [Int] {
        var inverse = [Int](repeating: 0, count: lengths.count)
        for (position, index) in sortedIndices.enumerated() { inverse[index] = position }
        return inverse
    }

    var maxLength: Int { lengths.max() ?? 0 }

    /// How many sequences are longer than each step.
    var batchSizes: [Int] {
        (0..<maxLength).map { t in lengths.filter { $0 > t }.count }
    }

    /// PyTorch's `data`: the valid steps in packed order, (sum of lengths, *).
    func packedData() throws -> Tensor {
        let batch = lengths.count
        let order = sortedIndices
        var rows: [Int] = []
        for t in 0..<maxLength {
            for b in order where lengths[b] > t { rows.append(t * batch + b) }
        }
        let flat = try padded.reshape([padded.shape[0] * batch] + padded.shape.dropFirst(2))
        return try flat.index([.tensor(try Tensor(ints: rows))])
    }

    static let fields = ["data", "batch_sizes", "sorted_indices", "unsorted_indices"]

    var typeName: String { "PackedSequence" }
    var attributeNames: [String] { Self.fields }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        guard let position = Self.fields.firstIndex(of: name) else { return nil }
        return try field(position, context)
    }

    /// The namedtuple's field at `position`.
    func field(_ position: Int, _ context: TensorContext) throws -> Value {
        try context.perform {
            switch position {
            case 0: return context.wrap(try packedData())
            case 1: return context.wrap(try Tensor(ints: batchSizes))
            case 2: return enforceSorted ? Value.none : context.wrap(try Tensor(ints: sortedIndices))
            default: return enforceSorted ? Value.none : context.wrap(try Tensor(ints: unsortedIndices))
            }
        }
    }

    func repr() -> String {
        let parts = Self.fields.indices.map { position in
            let shown = (try? field(position, context).repr()) ?? "?"
            return "\(Self.fields[position])=\(shown)"
        }
        return "PackedSequence(\(parts.joined(separator: ", ")))"
    }

    /// The session's tensor state (a fresh one once the session has gone).
    private var context: TensorContext {
        owner?.tensors ?? TensorContext(seed: 0, budget: TensorBudget(), interpreter: nil)
    }

    func length() throws -> Int? { Self.fields.count }

    func getItem(_ index: Value) throws -> Value? {
        var i = try index.asInt("PackedSequence index")
        if i < 0 { i += Self.fields.count }
        guard i >= 0, i < Self.fields.count else { throw RuntimeError.index("tuple index out of range") }
        return try field(i, context)
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        var i = 0
        return { [self] in
            guard i < Self.fields.count else { return nil }
            defer { i += 1 }
            return try field(i, context)
        }
    }
}

extension PackedSequenceObject: SnapshotCopyable {
    /// A packed sequence over the copy of its tensor.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        PackedSequenceObject(padded: try TensorObject.snapshotCopy(padded, copier), lengths: lengths, enforceSorted: enforceSorted,
                             owner: owner)
    }
}
