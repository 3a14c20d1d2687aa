/// Nested Python-style data for `tensor(data)` and `x.tolist()`: numbers, booleans and
/// lists of them.
public indirect enum TensorData: Sendable, Equatable {
    /// A Python int.
    case int(Int)
    /// A Python float.
    case float(Float)
    /// A Python bool.
    case bool(Bool)
    /// A list (or tuple) of items of one shape.
    case list([TensorData])
}

extension Tensor {
    /// Makes a tensor from nested data, as PyTorch's `tensor(data)`: the shape from the
    /// nesting, the dtype bool if every item is a bool, int64 if every item is an int or
    /// bool, else float32. Ragged lists are an error naming the dimension.
    public convenience init(data: TensorData) throws {
        var shape: [Int] = []
        var probe = data
        while case .list(let items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var values: [Float] = []
        var dtype = DType.bool
        func collect(_ item: TensorData, depth: Int) throws {
            switch item {
            case .list(let items):
                guard depth < shape.count else {
                    throw TensorError("tensor: expected a number at dimension \(depth), got a list")
                }
                guard items.count == shape[depth] else {
                    throw TensorError("tensor: expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
                }
                for inner in items { try collect(inner, depth: depth + 1) }
            case .int(let v):
                try Tensor.expectNumber(at: depth, rank: shape.count)
                guard Swift.abs(v) <= 1 << 24 else {
                    throw TensorError("tensor: integer \(v) is beyond ±16777216 (int64 tensors are stored as Float32)")
                }
                dtype = Swift.max(dtype, .int64)
                values.append(Float(v))
            case .bool(let b):
                try Tensor.expectNumber(at: depth, rank: shape.count)
                values.append(b ? 1 : 0)
            case .float(let f):
                try Tensor.expectNumber(at: depth, rank: shape.count)
                dtype = .float32
                values.append(f)
            }
        }
        try collect(data, depth: 0)
        if values.isEmpty { dtype = .float32 }
        try self.init(values, shape: shape, dtype: dtype)
    }

    /// Throws unless a number at nesting `depth` sits where the shape says numbers are.
    private static func expectNumber(at depth: Int, rank: Int) throws {
        guard depth == rank else { throw TensorError("tensor: expected a list at dimension \(depth), got a number") }
    }

    /// The elements as nested data (PyTorch's `x.tolist()`): ints for int64, bools for bool.
    public func toData() -> TensorData {
        let values = scalars
        // Row-major strides, computed once: the cost stays linear in ndim plus the elements.
        let strides = Shape.strides(shape)
        func build(_ dim: Int, _ offset: Int) -> TensorData {
            guard dim < ndim else {
                let v = values[offset]
                switch dtype {
                case .bool: return .bool(v != 0)
                case .int64: return .int(DType.integer(v))
                case .float32: return .float(v)
                }
            }
            let step = strides[dim]
            return .list((0..<shape[dim]).map { build(dim + 1, offset + $0 * step) })
        }
        return build(0, 0)
    }
}
