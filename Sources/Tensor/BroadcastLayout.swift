/// How two operands of a broadcasting operation are walked: the output's dimensions with
/// each operand's strides (0 along a broadcast dimension), with size-1 dimensions dropped
/// and contiguous neighbours merged, so the innermost loop is as long as possible.
struct BroadcastLayout {
    /// The merged dimensions of the output.
    private(set) var dims: [Int] = []
    /// The first operand's stride along each merged dimension.
    private(set) var stridesA: [Int] = []
    /// The second operand's stride along each merged dimension.
    private(set) var stridesB: [Int] = []

    /// Lays out operands of shapes `a` and `b` broadcast to `shape` (already checked).
    init(shape: [Int], a: [Int], b: [Int]) {
        self.init(
            shape: shape, stridesA: BroadcastLayout.broadcastStrides(a, to: shape),
            stridesB: BroadcastLayout.broadcastStrides(b, to: shape))
    }

    /// Lays out one operand read with arbitrary `strides` into a contiguous `shape`.
    init(shape: [Int], strides: [Int]) {
        self.init(shape: shape, stridesA: strides, stridesB: [Int](repeating: 0, count: shape.count))
    }

    /// Lays out operands read with the given strides along each dimension of `shape`.
    init(shape: [Int], stridesA sa: [Int], stridesB sb: [Int]) {
        for i in 0..<shape.count where shape[i] != 1 {
            if let last = dims.indices.last,
                stridesA[last] == sa[i] * shape[i], stridesB[last] == sb[i] * shape[i]
            {
                dims[last] *= shape[i]
                stridesA[last] = sa[i]
                stridesB[last] = sb[i]
            } else {
                dims.append(shape[i])
                stridesA.append(sa[i])
                stridesB.append(sb[i])
            }
        }
        if dims.isEmpty {
            dims = [1]
            stridesA = [0]
            stridesB = [0]
        }
    }

    /// The strides of a contiguous tensor of shape `s` read as if broadcast to `shape`.
    static func broadcastStrides(_ s: [Int], to shape: [Int]) -> [Int] {
        let offset = shape.count - s.count
        let contiguous = Shape.strides(s)
        var strides = [Int](repeating: 0, count: shape.count)
        for i in 0..<s.count where s[i] != 1 {
            strides[i + offset] = contiguous[i]
        }
        return strides
    }

    /// The length of the innermost loop.
    var inner: Int { dims[dims.count - 1] }
    /// The first operand's innermost stride.
    var innerStrideA: Int { stridesA[stridesA.count - 1] }
    /// The second operand's innermost stride.
    var innerStrideB: Int { stridesB[stridesB.count - 1] }

    /// Calls `body(offsetA, offsetB, offsetOut)` for the start of every innermost row, in
    /// row-major order of the output.
    @inline(__always)
    func forEachRow(_ body: (Int, Int, Int) -> Void) {
        let outer = dims.count - 1
        let rows = dims.dropLast().reduce(1, *)
        var index = [Int](repeating: 0, count: max(outer, 1))
        var offA = 0
        var offB = 0
        for row in 0..<rows {
            body(offA, offB, row * inner)
            var d = outer - 1
            while d >= 0 {
                index[d] += 1
                offA += stridesA[d]
                offB += stridesB[d]
                if index[d] < dims[d] { break }
                offA -= stridesA[d] * dims[d]
                offB -= stridesB[d] * dims[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}

extension Tensor {
    /// Applies `K` elementwise to `a` and `b` broadcast together, giving a `dtype` tensor.
    static func broadcasting<K: BinaryKernel>(
        _: K.Type, _ a: Tensor, _ b: Tensor, op: String, symbol: String, dtype: DType
    ) throws -> Tensor {
        if a.shape == b.shape {
            let out = try Tensor(uninitialized: a.shape, dtype: dtype, op: op)
            Loops.binary(K.self, a.data, 1, b.data, 1, out.data, a.count)
            return out
        }
        let shape = try Shape.broadcast(a.shape, b.shape, op: op, symbol: symbol)
        let out = try Tensor(uninitialized: shape, dtype: dtype, op: op)
        if b.count == 1 && a.count == out.count {
            Loops.binary(K.self, a.data, 1, b.data, 0, out.data, out.count)
        } else if a.count == 1 && b.count == out.count {
            Loops.binary(K.self, a.data, 0, b.data, 1, out.data, out.count)
        } else {
            let layout = BroadcastLayout(shape: shape, a: a.shape, b: b.shape)
            let (pa, pb, po) = (a.data, b.data, out.data)
            let (n, sa, sb) = (layout.inner, layout.innerStrideA, layout.innerStrideB)
            layout.forEachRow { oa, ob, oo in
                Loops.binary(K.self, pa + oa, sa, pb + ob, sb, po + oo, n)
            }
        }
        return out
    }

    /// Applies `K` to every element, giving a tensor of the same shape and `dtype`.
    static func mapping<K: UnaryKernel>(_: K.Type, _ x: Tensor, op: String, dtype: DType? = nil) throws -> Tensor {
        let out = try Tensor(uninitialized: x.shape, dtype: dtype ?? x.dtype, op: op)
        Loops.unary(K.self, x.data, out.data, x.count)
        return out
    }

    /// This tensor's elements repeated along broadcast dimensions to `shape` (a copy).
    func materialized(to shape: [Int], op: String) throws -> Tensor {
        if shape == self.shape { return self }
        guard (try? Shape.broadcast(self.shape, shape, op: op, symbol: "to")) == shape else {
            throw TensorError("\(op): the shape \(describeShape(self.shape)) cannot be expanded to \(describeShape(shape))")
        }
        let zero = try Tensor(storage: TensorStorage(repeating: 0, count: 1, shape: [], op: op), shape: [], dtype: dtype)
        let out = try Tensor(uninitialized: shape, dtype: dtype, op: op)
        let layout = BroadcastLayout(shape: shape, a: self.shape, b: [])
        let (pa, pz, po) = (data, zero.data, out.data)
        let (n, sa) = (layout.inner, layout.innerStrideA)
        layout.forEachRow { oa, _, oo in
            Loops.binary(AddKernel.self, pa + oa, sa, pz, 0, po + oo, n)
        }
        return out
    }
}
