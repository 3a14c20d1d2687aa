import Tensor

/// `x[i]` and `x[i] = v` on tensors: ints (negative from the end), slices with steps, `None`, `...`,
/// tuples mixing them (`x[:, -1]`, `x[1:5, ::2]`), and int64 or bool tensors or lists as
/// indices. Reading is recorded for autograd; an error names the tensor's shape and the index.
extension TensorObject {
    func getItem(_ index: Value) throws -> Value? {
        let indices = try TensorIndexing.indices(index, context)
        // Ints, slices, None and `...` give a view in PyTorch (tensor indices give a copy there too).
        let basic = indices.allSatisfy { if case .tensor = $0 { false } else { true } }
        var single = true
        var items = [index]
        if case .tuple(let parts) = index { (single, items) = (false, parts) }
        // A bool index is a mask in PyTorch, which records an IndexBackward0.
        let mask = items.contains { TensorIndexing.boolScalar($0) != nil }
        let node = mask ? "IndexBackward0" : NodeNames.index(indices, single: single, shape: tensor.shape)
        let item = try located(index) {
            let result = tensor.view(try tensor.index(indices), named: node)
            return basic ? wrapViewCopy(result) : wrap(result)
        }
        return numpyScalar(item)  // one element of a numpy array is a number (NumpyMethods.swift)
    }

    func setItem(_ index: Value, _ value: Value) throws -> Bool {
        try checkWritable()
        let context = self.context
        let indices = try TensorIndexing.indices(index, context)
        let source: Tensor
        switch value {
        case .int(let i): source = try context.perform { try Tensor(scalar: Float(i), dtype: tensor.dtype) }
        case .float(let d): source = try context.perform { try Tensor(scalar: Float(d), dtype: tensor.dtype) }
        case .bool(let b): source = try context.perform { try Tensor(scalar: b ? 1 : 0, dtype: tensor.dtype) }
        case let array where array.isNumpyArray && !isNumpyArray:
            // PyTorch's refusal; numpy takes a tensor into an array (`a[0] = t`).
            let type = ["Bool", "Long", "Float"][tensor.dtype.rawValue]
            throw RuntimeError.type("can't assign a numpy.ndarray to a torch.\(type)Tensor" + TorchArgument.hint)
        default: source = try context.arrayOrTensor(value, "the assigned value")
        }
        try located(index) { try tensor.indexPut(indices, source) }
        return true
    }

    /// Runs an indexing operation, adding the shape and the index to an engine error.
    private func located<R>(_ index: Value, _ body: () throws -> R) throws -> R {
        do {
            return try context.perform(body)
        } catch var error as RuntimeError {
            error.message += " (indexing a tensor of shape \(describeShape(tensor.shape)) with [\(TensorIndexing.describe(index))])"
            throw error
        }
    }
}

/// The conversion of language index values into the engine's `TensorIndex`.
enum TensorIndexing {
    /// The components of a subscript: a tuple gives one per item, anything else one.
    static func indices(_ index: Value, _ context: TensorContext) throws -> [TensorIndex] {
        let items: [Value]
        if case .tuple(let parts) = index { items = parts } else { items = [index] }
        let components = try items.map { try component($0, context) }
        if items.contains(where: { boolScalar($0) != nil }),
           components.contains(where: { if case .tensor = $0 { true } else { false } }) {
            throw RuntimeError.index("indexing with True or False together with tensor indices is not supported; "
                                     + "index with the tensors first, then add the dimension with None")
        }
        return components
    }

    /// A Python bool or a 0-d bool tensor used as an index: PyTorch (and numpy) read it as a
    /// mask of no dimensions, which adds a dimension of 1 (True) or 0 (False) elements.
    static func boolScalar(_ value: Value) -> Bool? {
        switch value {
        case .bool(let b): return b
        case .native(let object as TensorObject) where object.tensor.dtype == .bool && object.tensor.ndim == 0:
            return object.tensor.scalars.first.map { $0 != 0 }
        default: return nil
        }
    }

    /// One component of a subscript.
    static func component(_ value: Value, _ context: TensorContext) throws -> TensorIndex {
        if let flag = boolScalar(value) {
            // `x[True]` is `x[None]`; `x[False]` would be an empty new dimension.
            guard flag else {
                throw RuntimeError.index("indexing with False (an empty selection) is not supported; write x[None][:0]")
            }
            return .newAxis
        }
        switch value {
        case .int(let i): return .at(i)
        case .none: return .newAxis
        case .native(is EllipsisObject): return .ellipsis
        case .native(let slice as SliceObject):
            func bound(_ v: Value) throws -> Int? { v.isNone ? nil : try v.asInt("slice index") }
            return .slice(start: try bound(slice.start), stop: try bound(slice.stop), step: try bound(slice.step))
        case .native(let object as TensorObject):
            return .tensor(object.tensor)
        case .list, .tuple:
            let t = try context.perform { try Tensor(data: try TensorValues.data(value)) }
            guard t.dtype != .float32 || t.count == 0 else {
                throw RuntimeError("tensors used as indices must be long or bool tensors, got a list of floats", id: "index-error")
            }
            return .tensor(t.count == 0 ? try context.perform { try t.long() } : t)
        default:
            throw RuntimeError.index("only integers, slices (`:`), ellipsis (`...`), None and long or bool tensors are valid indices "
                                     + "(got \(value.typeName))")
        }
    }

    /// An index as it was written: `1:5:2, -1`, `None`, `tensor of shape (3,)`.
    static func describe(_ index: Value) -> String {
        switch index {
        case .tuple(let items): return items.map(describe).joined(separator: ", ")
        case .native(let slice as SliceObject):
            func part(_ v: Value) -> String { v.isNone ? "" : v.repr() }
            let head = part(slice.start) + ":" + part(slice.stop)
            return slice.step.isNone ? head : head + ":" + part(slice.step)
        case .native(is EllipsisObject): return "..."
        case .native(let object as TensorObject):
            return "a \(object.tensor.dtype == .bool ? "bool" : "long") tensor of shape \(describeShape(object.tensor.shape))"
        default: return index.repr()
        }
    }
}
