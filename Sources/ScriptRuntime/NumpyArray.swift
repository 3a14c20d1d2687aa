import Tensor

/// A numpy array while a `np.` function computes on it: a shape, row-major Doubles (numpy
/// computes in float64) and the dtype the result takes as a tensor (numpy's float64 becomes
/// the engine's float32, int64 stays int64, bool stays bool; docs/numpy.md).
///
/// Operands come from tensors (the arrays of this language), nested lists and tuples, and
/// Python numbers; results go back as tensors, or as Python numbers where numpy gives a
/// scalar (a reduction to one value, a ufunc of Python numbers).
struct NDArray {
    var shape: [Int]
    var values: [Double]
    var dtype: DType

    var count: Int { values.count }
    var ndim: Int { shape.count }

    init(shape: [Int], values: [Double], dtype: DType) {
        self.shape = shape
        self.values = values
        self.dtype = dtype
    }

    /// A 0-d array holding a Python number.
    init(scalar: Double, dtype: DType) {
        self.init(shape: [], values: [scalar], dtype: dtype)
    }

    /// The array a language value stands for, or numpy's errors: tensors (refused while they
    /// require grad, as `np.asarray` refuses them), numbers, ranges, nested lists and tuples.
    static func from(_ value: Value, _ what: String) throws -> NDArray {
        switch value {
        case .int(let i): return NDArray(scalar: Double(i), dtype: .int64)
        case .float(let d): return NDArray(scalar: d, dtype: .float32)
        case .bool(let b): return NDArray(scalar: b ? 1 : 0, dtype: .bool)
        case .native(let object as TensorObject): return try from(object.tensor)
        case .native(let range as RangeObject):
            let n = Swift.max(0, ((Double(range.stop) - Double(range.start)) / Double(range.step)).rounded(.up))
            guard n <= Double(TensorContext.defaultMaxElements) else {
                throw RuntimeError("\(what): a range of \(Int(n)) numbers is more than the limit of "
                                   + "\(TensorContext.defaultMaxElements) elements", id: "memory")
            }
            let values = stride(from: range.start, to: range.stop, by: range.step).map(Double.init)
            return NDArray(shape: [values.count], values: values, dtype: .int64)
        case .list, .tuple, .native(is TorchSizeObject):
            var builder = NestedBuilder()
            try builder.add(value, depth: 0)
            return NDArray(shape: builder.shape ?? [0], values: builder.values, dtype: builder.dtype ?? .float32)
        default:
            throw RuntimeError.type("\(what) must be an array, a list or a number, not \(value.typeName)")
        }
    }

    /// The array of a tensor; a tensor that requires grad is refused with PyTorch's message.
    static func from(_ tensor: Tensor) throws -> NDArray {
        try NDArray.checkNoGrad(tensor)
        return NDArray(shape: tensor.shape, values: tensor.scalars.map(Double.init), dtype: tensor.dtype)
    }

    /// PyTorch's refusal to hand a tensor that requires grad to numpy.
    static func checkNoGrad(_ tensor: Tensor) throws {
        guard tensor.requiresGrad else { return }
        throw RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
                           id: "tensor-error")
    }

    /// The element `i` as a Python number of the array's dtype.
    func scalar(_ i: Int) -> Value {
        NDArray.number(values[i], dtype)
    }

    /// A Double as a Python number of `dtype` (ints never trap: NaN and huge values clamp).
    static func number(_ x: Double, _ dtype: DType) -> Value {
        switch dtype {
        case .float32: return .float(x)
        case .bool: return .bool(x != 0)
        case .int64:
            guard x.isFinite else { return .int(Int.min) }
            return .int(Swift.abs(x) < 9.2e18 ? Int(x.rounded(.towardZero)) : (x < 0 ? Int.min : Int.max))
        }
    }

    /// The array as a value: a 0-d result as a Python number (numpy's ufuncs and reductions
    /// give scalars), else a tensor.
    func value(_ context: TensorContext) throws -> Value {
        shape.isEmpty ? scalar(0) : try tensor(context)
    }

    /// The array as a tensor value (float64 values rounded to float32; ints truncated).
    func tensor(_ context: TensorContext) throws -> Value {
        let floats = values.map { x -> Float in
            switch dtype {
            case .float32: Float(x)
            case .bool: x != 0 ? 1 : 0
            case .int64: x.isNaN ? 0 : Float(x.rounded(.towardZero))
            }
        }
        return NDArray.numpyArray(try context.perform { try Tensor(floats, shape: shape, dtype: dtype) }, context)
    }

    /// A tensor wrapped as a numpy array (its methods follow numpy).
    static func numpyArray(_ tensor: Tensor, _ context: TensorContext) -> Value {
        let value = context.wrap(tensor)
        value.tensorObject?.isNumpyArray = true
        return value
    }

    /// Row-major strides of a shape.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for d in shape.indices.reversed() {
            strides[d] = step
            step *= shape[d]
        }
        return strides
    }

    /// The element count of a shape, refused (as a memory error) beyond the session's
    /// per-tensor limit or for a negative dimension, before anything is allocated.
    static func checkedCount(_ shape: [Int], _ context: TensorContext, _ what: String) throws -> Int {
        var n = 1
        for d in shape {
            guard d >= 0 else { throw RuntimeError.value("\(what): negative dimensions are not allowed") }
            let (product, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow, product <= context.budget.maxElements else {
                throw RuntimeError("\(what): an array of shape \(describeShape(shape)) is more than the limit of "
                                   + "\(context.budget.maxElements) elements", id: "memory")
            }
            n = product
        }
        return n
    }

    /// An axis argument made non-negative, or numpy's `AxisError` message.
    static func axis(_ axis: Int, _ ndim: Int) throws -> Int {
        let a = axis < 0 ? axis + ndim : axis
        guard a >= 0, a < ndim else {
            throw RuntimeError.value("axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        return a
    }

    /// The array with the same values in a new shape (one dimension may be -1).
    func reshaped(_ newShape: [Int]) throws -> NDArray {
        var shape = newShape
        let known = newShape.filter { $0 != -1 }.reduce(1) { $0 &* $1 }
        if let unknown = newShape.firstIndex(of: -1) {
            guard newShape.filter({ $0 == -1 }).count == 1 else {
                throw RuntimeError.value("can only specify one unknown dimension")
            }
            if known > 0, count % known == 0 { shape[unknown] = count / known }
        }
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, { $0 &* $1 }) == count else {
            throw RuntimeError.value("cannot reshape array of size \(count) into shape \(describeShape(newShape))")
        }
        return NDArray(shape: shape, values: values, dtype: dtype)
    }
}

/// Gathers the shape, values and dtype of nested lists and tuples (which may hold tensors),
/// with numpy's error for ragged data.
private struct NestedBuilder {
    var shape: [Int]?
    var values: [Double] = []
    var dtype: DType?

    mutating func add(_ value: Value, depth: Int) throws {
        guard depth <= 32 else { throw RuntimeError.value("array(): nesting deeper than 32 levels") }
        switch value {
        case .list, .tuple, .native(is TorchSizeObject):
            let items = TensorValues.sequence(value) ?? []
            guard !items.isEmpty else { return try place([0], depth: depth, dtype: nil) }
            for item in items { try add(item, depth: depth + 1) }
            try close(depth: depth, length: items.count)
            return
        case .native(let object as TensorObject):
            let array = try NDArray.from(object.tensor)
            values += array.values
            try place(array.shape, depth: depth, dtype: array.dtype)
        case .int, .float, .bool:
            let array = try NDArray.from(value, "array() element")
            values += array.values
            try place([], depth: depth, dtype: array.dtype)
        default:
            throw RuntimeError.type("array(): invalid element type '\(value.typeName)'")
        }
    }

    /// Records that a leaf of shape `leaf` sits at `depth`; the full shape is fixed by the
    /// first leaf, and the lengths of the enclosing lists are checked as they close.
    private mutating func place(_ leaf: [Int], depth: Int, dtype leafType: DType?) throws {
        if let leafType { dtype = Swift.max(dtype ?? leafType, leafType) }
        if shape == nil { shape = Array(repeating: -1, count: depth) + leaf }
        guard let shape, shape.count == depth + leaf.count, Array(shape[depth...]) == leaf else { throw ragged(depth) }
    }

    /// Records (or checks) the length of a list that ends at `depth`.
    private mutating func close(depth: Int, length: Int) throws {
        guard let shape, depth < shape.count else { throw ragged(depth) }
        let known = shape[depth]
        if known == -1 { self.shape?[depth] = length } else if known != length { throw ragged(depth) }
    }

    private func ragged(_ depth: Int) -> RuntimeError {
        RuntimeError.value("setting an array element with a sequence. The requested array has an "
                           + "inhomogeneous shape after \(depth) dimensions")
    }
}
