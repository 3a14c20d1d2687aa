import Tensor

/// PyTorch's `default_collate`: turns a list of samples into a batch, by the type of the
/// first sample.
///
/// - tensors are stacked along a new first dimension (`stack expects each tensor to be
///   equal size…` otherwise);
/// - ints give an int64 tensor, bools a bool tensor; floats a float32 tensor (PyTorch gives
///   float64, which the engine does not have: this is the one documented difference);
/// - strings stay a list of strings;
/// - dicts give a dict of the collated values of each key (the first sample's keys);
/// - lists and tuples are transposed and each position collated: the result is a **list**
///   (also for tuples, as PyTorch's own "backwards compatibility" rule gives), so
///   `x, y = batch` works for a dataset of `(x, y)` pairs;
/// - anything else is a type error, in PyTorch's words.
enum DataCollation {
    static func collate(_ batch: [Value], _ interpreter: Interpreter, depth: Int = 0) throws -> Value {
        // Samples nest a few levels deep; a list that contains itself would not end.
        guard depth < maxDepth else {
            throw RuntimeError("default_collate: samples nested more than \(maxDepth) levels deep (does a list contain itself?)",
                               id: "recursion")
        }
        guard let first = batch.first else {
            throw RuntimeError.index("default_collate(): the batch is empty")
        }
        let context = interpreter.tensors
        switch first {
        case .native(let object) where object is TensorObject:
            let tensors = try batch.map { sample -> Tensor in
                guard let t = sample.tensorObject?.tensor else { throw unsupported(sample) }
                return t
            }
            return try context.perform { context.wrap(try Tensor.stack(tensors, dim: 0)) }
        case .int, .bool, .float:
            var t = try context.perform { try Tensor(data: try TensorValues.data(.list(ListObject(batch)))) }
            if case .float = first, t.dtype != .float32 { t = try context.perform { try t.float() } }
            return context.wrap(t)
        case .str:
            return .list(ListObject(batch))
        case .dict(let dict):
            let result = DictObject()
            for key in dict.keys {
                let hash = try HashKey(key)
                let column = try batch.map { sample -> Value in
                    guard case .dict(let other) = sample, let value = other.get(hash) else {
                        throw RuntimeError.key("default_collate(): a sample has no key \(key.repr()) (every dict in a batch needs the first one's keys)")
                    }
                    return value
                }
                result.set(key, hash, try collate(column, interpreter, depth: depth + 1))
            }
            return .dict(result)
        case .list, .tuple:
            let rows = try batch.map { sample -> [Value] in
                guard let items = TensorValues.sequence(sample) else { throw unsupported(sample) }
                return items
            }
            let size = rows[0].count
            guard rows.allSatisfy({ $0.count == size }) else {
                throw RuntimeError("each element in list of batch should be of equal size", id: "runtime-error")
            }
            return .list(ListObject(try (0..<size).map { i in try collate(rows.map { $0[i] }, interpreter, depth: depth + 1) }))
        default:
            throw unsupported(first)
        }
    }

    /// How deeply samples may nest.
    static let maxDepth = 100

    /// PyTorch's error for a sample it cannot collate.
    static func unsupported(_ value: Value) -> RuntimeError {
        RuntimeError.type("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
                          + "found \(value.typeName) (write a collate_fn for it)")
    }
}
