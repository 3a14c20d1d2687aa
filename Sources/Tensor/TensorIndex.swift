/// One component of a subscript, as in `x[0, 1:5:2, None, ..., idx]`.
public enum TensorIndex: Sendable {
    /// A single position; removes the dimension. Negative counts from the end.
    case at(Int)
    /// Python's `start:stop:step` (each optional; step must be positive).
    case slice(start: Int? = nil, stop: Int? = nil, step: Int? = nil)
    /// Python's `:`, the whole dimension.
    case all
    /// Python's `None`: a new dimension of size 1.
    case newAxis
    /// Python's `...`: as many `:` as needed.
    case ellipsis
    /// An int64 tensor of positions, or a bool mask over as many dimensions as it has.
    case tensor(TensorIndexTensor)

    /// An index by an int64 tensor of positions or a bool mask.
    public static func tensor(_ t: Tensor) -> TensorIndex { .tensor(TensorIndexTensor(t)) }
}

/// A tensor used as an index, copied so that `TensorIndex` is `Sendable`.
public struct TensorIndexTensor: Sendable {
    /// The shape of the index tensor.
    public let shape: [Int]
    /// Its elements, row-major.
    public let values: [Float]
    /// Its dtype: int64 positions or a bool mask (anything else is an error when used).
    public let dtype: DType

    /// Copies `tensor` for use as an index.
    public init(_ tensor: Tensor) {
        shape = tensor.shape
        values = tensor.scalars
        dtype = tensor.dtype
    }
}

extension TensorIndex: ExpressibleByIntegerLiteral {
    /// `x[3]` through a literal.
    public init(integerLiteral value: Int) { self = .at(value) }
}

extension TensorIndex {
    /// A slice over a Swift range, `x[.range(1..<5)]`.
    public static func range(_ r: Range<Int>, step: Int = 1) -> TensorIndex {
        .slice(start: r.lowerBound, stop: r.upperBound, step: step)
    }

    /// How many source dimensions the index consumes.
    var consumed: Int {
        switch self {
        case .at, .slice, .all: 1
        case .newAxis, .ellipsis: 0
        case .tensor(let t): t.dtype == .bool ? t.shape.count : 1
        }
    }
}

extension Tensor {
    /// The elements picked by `indices` (a copy), recorded for autograd.
    public func index(_ indices: [TensorIndex]) throws -> Tensor {
        let plan = try IndexPlan(shape: shape, indices: indices)
        let out = try Tensor(uninitialized: plan.resultShape, dtype: dtype, op: "index")
        plan.gather(from: data, into: out.data)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .index(plan), self) : out
    }

    /// `x[i, j, …]`: the elements picked by the indices (a copy).
    public subscript(_ indices: TensorIndex...) -> Tensor {
        get throws { try index(indices) }
    }

    /// `x[i, j, …]` with integer positions.
    public subscript(_ positions: Int...) -> Tensor {
        get throws { try index(positions.map(TensorIndex.at)) }
    }

    /// `x[indices] = value`: writes `value`, broadcast to the picked shape, in place.
    ///
    /// Recorded like PyTorch's in-place `index_put_`: when `value` requires grad, this
    /// tensor becomes the result of the assignment (its former contents are kept as the
    /// operation's input), so gradients flow to `value` and to the untouched elements.
    /// Throws for a leaf that requires grad, as PyTorch does. Operations recorded earlier
    /// that read this tensor keep reading it, not its former contents: `backward` refuses
    /// them (see `version`) rather than differentiate with the new values.
    public func indexPut(_ indices: [TensorIndex], _ value: Tensor) throws {
        let recording = GradMode.isEnabled && (requiresGrad || value.requiresGrad)
        if recording && requiresGrad && gradFn == nil {
            throw TensorError("index_put: a leaf tensor that requires grad cannot be assigned into in place")
        }
        let plan = try IndexPlan(shape: shape, indices: indices)
        let source = try value.materialized(to: plan.resultShape, op: "index_put")
        if recording {
            let before = try copied(shape: shape, dtype: dtype)
            before.requiresGrad = requiresGrad
            before.gradFn = gradFn
            gradFn = GradNode(op: .indexPut(plan), before, value)
            requiresGrad = true
        }
        markWrittenInPlace()
        plan.scatter(from: source.data, into: data, accumulate: false)
    }

    /// `x[indices] = value` for a number.
    public func indexPut(_ indices: [TensorIndex], _ value: Float) throws {
        try indexPut(indices, Tensor(scalar: value, dtype: dtype))
    }
}
