/// `torch.utils.data.TensorDataset(*tensors)`: samples are the rows of tensors that share
/// their first dimension. `len(ds)` is that dimension; `ds[i]` is the tuple `(t[i] for t in
/// tensors)` (any index a tensor takes: an int, a slice, an index tensor); `ds.tensors` is
/// the tuple of tensors, shared with the caller as in PyTorch.
final class TensorDatasetObject: NativeObject {
    /// The tensors, as given (each a `TensorObject` value).
    let tensors: [TensorObject]

    init(_ tensors: [TensorObject]) {
        self.tensors = tensors
    }

    /// Checks the arguments as PyTorch does: every one a tensor, all of one first size.
    static func make(_ values: [Value]) throws -> TensorDatasetObject {
        let objects = try values.enumerated().map { position, value in
            guard let object = value.tensorObject else {
                throw RuntimeError.type("TensorDataset() argument \(position + 1) must be a Tensor, not \(value.typeName)")
            }
            guard object.tensor.ndim > 0 else {
                throw RuntimeError.type("TensorDataset() argument \(position + 1) is a 0-d tensor; each tensor needs a first dimension of samples")
            }
            return object
        }
        guard let first = objects.first else {
            throw RuntimeError.type("TensorDataset() needs at least one tensor")
        }
        if let other = objects.first(where: { $0.tensor.shape[0] != first.tensor.shape[0] }) {
            throw RuntimeError("Size mismatch between tensors: TensorDataset() needs one first size, got \(first.tensor.shape[0]) and \(other.tensor.shape[0])",
                               id: "assertion")
        }
        return TensorDatasetObject(objects)
    }

    var typeName: String { "TensorDataset" }
    func repr() -> String { "<torch.utils.data.dataset.TensorDataset object>" }
    var attributeNames: [String] { ["tensors"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "tensors" ? .tuple(tensors.map { .native($0) }) : nil
    }

    func length() throws -> Int? { tensors[0].tensor.shape[0] }

    func getItem(_ index: Value) throws -> Value? {
        .tuple(try tensors.map { tensor in
            guard let row = try tensor.getItem(index) else {
                throw RuntimeError.type("TensorDataset indices must be integers, slices or tensors, not \(index.typeName)")
            }
            return row
        })
    }

    /// Iterates over the samples, as Python's fallback iteration through `__getitem__` does.
    func makeIterator() throws -> (() throws -> Value?)? {
        let count = tensors[0].tensor.shape[0]
        var i = 0
        return { [self] in
            guard i < count else { return nil }
            defer { i += 1 }
            return try getItem(.int(i))
        }
    }
}

extension TensorDatasetObject: SnapshotCopyable {
    /// A dataset over the copies of its tensors (shared with the other copied values).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        TensorDatasetObject(try tensors.map { tensor in
            guard let copied = try copier.copy(.native(tensor)).tensorObject else {
                throw SnapshotError(message: "cannot snapshot a TensorDataset")
            }
            return copied
        })
    }
}
