/// `torch.utils.data.Subset(dataset, indices)`: the samples of `dataset` at `indices`, in
/// that order (what `random_split` returns). `len` is the number of indices; `sub[i]` is
/// `dataset[indices[i]]` (negative `i` counts from the end, as PyTorch's list indexing),
/// `sub[[i, j]]` is `dataset[[indices[i], indices[j]]]`; `.dataset` and `.indices` are
/// PyTorch's attributes.
final class SubsetObject: NativeObject {
    let dataset: Value
    let indices: [Int]
    /// The session, to read the dataset (weak: the session owns its values).
    private weak var owner: Interpreter?

    init(dataset: Value, indices: [Int], owner: Interpreter?) {
        self.dataset = dataset
        self.indices = indices
        self.owner = owner
    }

    var typeName: String { "Subset" }
    func repr() -> String { "<torch.utils.data.dataset.Subset object>" }
    var attributeNames: [String] { ["dataset", "indices"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "dataset": dataset
        case "indices": .list(ListObject(indices.map { .int($0) }))
        default: nil
        }
    }

    func length() throws -> Int? { indices.count }

    func getItem(_ index: Value) throws -> Value? {
        guard let interpreter = owner else {
            throw RuntimeError("this Subset belongs to a session that has ended", id: "runtime-error")
        }
        if case .list(let list) = index {
            let mapped = try list.items.map { Value.int(indices[try interpreter.position($0, indices.count, "list")]) }
            return try interpreter.item(dataset, .list(ListObject(mapped)))
        }
        return try interpreter.item(dataset, .int(indices[try interpreter.position(index, indices.count, "list")]))
    }

    func makeIterator() throws -> (() throws -> Value?)? {
        var i = 0
        return { [self] in
            guard i < indices.count else { return nil }
            defer { i += 1 }
            return try getItem(.int(i))
        }
    }
}

extension SubsetObject: SnapshotCopyable {
    /// A subset of the copy of its dataset (shared with the other copied values).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        SubsetObject(dataset: try copier.copy(dataset), indices: indices, owner: owner)
    }
}
