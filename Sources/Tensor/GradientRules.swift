/// The gradient rules of every recorded operation, in one place.
///
/// `inputGradients` gets a node and the gradient of its output and returns one gradient
/// per input (nil for inputs that need none), each of that input's shape: broadcasting
/// is undone by summing back (`sumTo`). It runs with recording off, on ordinary ops.
enum GradientRules {
    static func inputGradients(_ node: GradNode, _ g: Tensor) throws -> [Tensor?] {
        let x = node.inputs
        let wants = x.map(\.requiresGrad)
        switch node.op {
        case .add:
            return [wants[0] ? try g.sumTo(x[0].shape) : nil, wants[1] ? try g.sumTo(x[1].shape) : nil]
        case .sub:
            return [wants[0] ? try g.sumTo(x[0].shape) : nil, wants[1] ? try g.neg().sumTo(x[1].shape) : nil]
        case .mul:
            return [wants[0] ? try g.mul(x[1]).sumTo(x[0].shape) : nil,
                    wants[1] ? try g.mul(x[0]).sumTo(x[1].shape) : nil]
        case .div:
            return [wants[0] ? try g.div(x[1]).sumTo(x[0].shape) : nil,
                    wants[1] ? try g.mul(x[0]).div(x[1].mul(x[1])).neg().sumTo(x[1].shape) : nil]
        case .pow:
            let (base, exponent) = (x[0], x[1])
            let dBase = wants[0] ? try g.mul(exponent).mul(base.pow(exponent.sub(Tensor.number(1)))).sumTo(base.shape) : nil
            let dExponent = wants[1] ? try g.mul(base.pow(exponent)).mul(base.log()).sumTo(exponent.shape) : nil
            return [dBase, dExponent]
        case .neg:
            return [try g.neg()]
        case .abs:
            return [try g.mul(x[0].sign())]
        case .relu:
            return [try g.mul(Tensor.mapping(StepKernel.self, x[0], op: "relu_backward"))]
        case .exp(let y):
            return [try g.mul(y)]
        case .log:
            return [try g.div(x[0])]
        case .sqrt(let y):
            return [try g.div(y.mul(Tensor.number(2)))]
        case .tanh(let y):
            return [try g.mul(Tensor.number(1).sub(y.mul(y)))]
        case .sigmoid(let y):
            return [try g.mul(y.mul(Tensor.number(1).sub(y)))]
        case .clamp(let low, let high):
            let inside = try x[0].ge(Tensor.number(low ?? -.infinity)).logicalAnd(x[0].le(Tensor.number(high ?? .infinity)))
            return [try g.mul(inside)]
        case .sum(let dims, let keepdim, _):
            return [try g.unreduced(to: x[0].shape, dims: dims, keepdim: keepdim)]
        case .mean(let dims, let keepdim, _):
            let n = dims.reduce(1) { $0 * x[0].shape[$1] }
            return [try g.unreduced(to: x[0].shape, dims: dims, keepdim: keepdim).div(Tensor.number(Float(n)))]
        case .maxAlong(let dim, let keepdim, let indices):
            if x[0].ndim == 0 { return [try g.reshape([])] }
            let gk = keepdim ? g : try g.unsqueeze(dim)
            let ik = keepdim ? indices : try indices.unsqueeze(dim)
            return [try Tensor.scatterAlong(dim: dim, indices: ik, values: gk, shape: x[0].shape)]
        case .selectFlat(let index):
            let out = try Tensor.zeros(x[0].shape)
            out.data[index] = g.data[0]
            return [out]
        case .reshape, .identity:
            return [try g.reshape(x[0].shape)]
        case .transpose(let a, let b):
            return [try g.transpose(a, b)]
        case .expand:
            return [try g.sumTo(x[0].shape)]
        case .matmul:
            return try matmulGradients(x[0], x[1], g, wants: wants)
        case .softmax(let dim, let y):
            let gy = try g.mul(y)
            return [try gy.sub(y.mul(gy.sum(dim: dim, keepdim: true)))]
        case .logSoftmax(let dim, let y):
            return [try g.sub(y.exp().mul(g.sum(dim: dim, keepdim: true)))]
        case .index(let plan):
            let out = try Tensor.zeros(plan.sourceShape)
            plan.scatter(from: g.data, into: out.data, accumulate: true)
            return [out]
        case .indexPut(let plan):
            var kept: Tensor?
            if wants[0] {
                let zeros = try Tensor.zeros(plan.resultShape)
                let untouched = try g.copied(shape: g.shape, dtype: .float32)
                plan.scatter(from: zeros.data, into: untouched.data, accumulate: false)
                kept = untouched
            }
            var written: Tensor?
            if wants[1] {
                let picked = try Tensor(uninitialized: plan.resultShape, op: "index_put_backward")
                plan.gather(from: g.data, into: picked.data)
                written = try picked.sumTo(x[1].shape)
            }
            return [kept, written]
        case .cat(let dim):
            var start = 0
            return try x.map { t in
                defer { start += t.shape[dim] }
                guard t.requiresGrad else { return nil }
                return try g.narrow(dim: dim, start: start, length: t.shape[dim])
            }
        case .whereSelect(let condition):
            let zero = try Tensor.zeros([])
            return [wants[0] ? try Tensor.where(condition, g, zero).sumTo(x[0].shape) : nil,
                    wants[1] ? try Tensor.where(condition, zero, g).sumTo(x[1].shape) : nil]
        case .custom(let name, let rule, _, _):
            let grads = try rule(g)
            guard grads.count == x.count else {
                throw TensorError("\(name): backward returned \(grads.count) gradients for \(x.count) inputs")
            }
            return grads
        }
    }

    /// The gradients of `a @ b` (both at least 2-D) as BLAS products with transpose flags.
    private static func matmulGradients(_ a: Tensor, _ b: Tensor, _ g: Tensor, wants: [Bool]) throws -> [Tensor?] {
        var ga: Tensor?
        var gb: Tensor?
        if wants[0] {
            ga = try Tensor.gemm(g, transposeA: false, b, transposeB: true).sumTo(a.shape)
        }
        if wants[1] {
            if b.ndim == 2 {
                let k = a.shape[a.ndim - 1]
                let m = b.shape[1]
                gb = try Tensor.gemm(a.reshape([-1, k]), transposeA: true, g.reshape([-1, m]), transposeB: false)
            } else {
                gb = try Tensor.gemm(a, transposeA: true, g, transposeB: false).sumTo(b.shape)
            }
        }
        return [ga, gb]
    }
}

/// Shape helpers used by the gradient rules.
extension Tensor {
    /// This tensor summed over the dimensions that broadcasting stretched, back to `target`
    /// (for gradients in custom backward rules); recorded like any op.
    public func sumTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = ndim - target.count
        guard lead >= 0, target.indices.allSatisfy({ target[$0] == 1 || target[$0] == shape[$0 + lead] }) else {
            throw TensorError("sum_to: \(describeShape(shape)) cannot be summed to \(describeShape(target))")
        }
        var dims = Array(0..<lead)
        for i in 0..<target.count where target[i] == 1 && shape[i + lead] != 1 {
            dims.append(i + lead)
        }
        let total = Tensor.needsGraph(self) ? try sum(dims: dims) : try rawSum(dims: dims, keepdim: false)
        return try total.reshape(target)
    }

    /// A reduction's output gradient spread back over the reduced dimensions of `shape`.
    func unreduced(to shape: [Int], dims: [Int], keepdim: Bool) throws -> Tensor {
        let kept = ReductionKernels.reducedShape(shape, dims, keepdim: true)
        return try reshape(kept).materialized(to: shape, op: "sum_backward")
    }

    /// The elements `start..<start+length` along `dim` (a copy).
    func narrow(dim: Int, start: Int, length: Int) throws -> Tensor {
        var indices = [TensorIndex](repeating: .all, count: dim)
        indices.append(.slice(start: start, stop: start + length, step: 1))
        return try index(indices)
    }

    /// A zero tensor of `shape` with `values` added at `indices` along `dim`
    /// (PyTorch's `scatter_add`; `indices` and `values` have `shape` except along `dim`).
    static func scatterAlong(dim: Int, indices: Tensor, values: Tensor, shape: [Int]) throws -> Tensor {
        let out = try Tensor.zeros(shape)
        let split = ReductionKernels.split(shape, dim, dim)
        let m = indices.shape[dim]
        for o in 0..<split.outer {
            for j in 0..<m {
                for i in 0..<split.inner {
                    let k = (o * m + j) * split.inner + i
                    let target = Int(indices.data[k])
                    out.data[(o * split.n + target) * split.inner + i] += values.data[k]
                }
            }
        }
        return out
    }
}
