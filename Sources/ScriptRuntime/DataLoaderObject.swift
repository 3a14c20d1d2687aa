import Tensor

/// `torch.utils.data.DataLoader(dataset, batch_size=1, shuffle=False, …)`: iterates over a
/// dataset in batches, in the session.
///
/// The dataset is any value with `len(ds)` and `ds[i]` (a `TensorDataset`, a `Subset`, a
/// list, a user class with `__len__` and `__getitem__`): it is read through the
/// interpreter's generic `length` and `item`. Each `for batch in loader:` asks the dataset
/// for its length, draws a new order from the session's generator when `shuffle=True`
/// (PyTorch's `RandomSampler` draws a permutation per epoch too), and gives the samples
/// `batch_size` at a time through `collate_fn` (`default_collate` when None). `len(loader)`
/// is the number of batches; `batch_size=None` gives the samples one by one, uncollated.
final class DataLoaderObject: NativeObject {
    let dataset: Value
    /// Samples per batch; nil for `batch_size=None` (no batching).
    let batchSize: Int?
    let shuffle: Bool
    let dropLast: Bool
    /// The user's collate function, or nil for `default_collate`.
    let collateFunction: Value?
    /// The session, to read the dataset and draw shuffles (weak: the session owns its values).
    private weak var owner: Interpreter?

    init(dataset: Value, batchSize: Int?, shuffle: Bool, dropLast: Bool, collateFunction: Value?, owner: Interpreter?) {
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.dropLast = dropLast
        self.collateFunction = collateFunction
        self.owner = owner
    }

    var typeName: String { "DataLoader" }
    func repr() -> String { "<torch.utils.data.dataloader.DataLoader object>" }
    var attributeNames: [String] { ["dataset", "batch_size", "drop_last", "collate_fn"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "dataset": return dataset
        case "batch_size": return batchSize.map { .int($0) } ?? Value.none
        case "drop_last": return .bool(dropLast)
        case "collate_fn": return collateFunction ?? Value.none
        default: return nil
        }
    }

    /// The session, or an error once it has gone.
    private func session() throws -> Interpreter {
        guard let owner else { throw RuntimeError("this DataLoader belongs to a session that has ended", id: "runtime-error") }
        return owner
    }

    /// The number of batches: `ceil(n / batch_size)`, or `floor` with `drop_last=True`.
    func length() throws -> Int? {
        Self.batchCount(try session().length(dataset), batchSize, dropLast)
    }

    /// How many batches `count` samples make (without overflow for any batch size).
    static func batchCount(_ count: Int, _ batchSize: Int?, _ dropLast: Bool) -> Int {
        guard let batchSize else { return count }
        return dropLast || count == 0 ? count / batchSize : (count - 1) / batchSize + 1
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        let interpreter = try session()
        let count = try interpreter.length(dataset)
        let context = interpreter.tensors
        let order = shuffle ? try context.perform { try Tensor.randperm(count, generator: context.generator).ints } : Array(0..<count)
        let size = batchSize ?? 1
        let batches = Self.batchCount(count, batchSize, dropLast)
        var next = 0
        return { [self] in
            guard next < batches else { return nil }
            defer { next += 1 }
            let start = next * size
            let positions = order[start..<(start + Swift.min(size, count - start))]
            let samples = try positions.map { try interpreter.item(dataset, .int($0)) }
            guard batchSize != nil else { return samples[0] }
            if let collateFunction { return try interpreter.call(collateFunction, Arguments([.list(ListObject(samples))])) }
            return try DataCollation.collate(samples, interpreter)
        }
    }
}

extension DataLoaderObject: SnapshotCopyable {
    /// A loader over the copy of its dataset (shared with the other copied values).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        DataLoaderObject(dataset: try copier.copy(dataset), batchSize: batchSize, shuffle: shuffle, dropLast: dropLast,
                         collateFunction: try collateFunction.map(copier.copy), owner: owner)
    }
}
