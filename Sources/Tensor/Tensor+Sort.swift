/// Sorting and order statistics: `sort`, `argsort`, `topk`, `median`, `quantile`.
///
/// Sorting is stable and puts NaN after every number (before, when descending), as
/// PyTorch does; the values are gathered at the sorted indices, so gradients flow back to
/// the elements picked.
extension Tensor {
    /// The elements sorted along `dim` and the int64 indices they came from.
    public func sort(dim: Int = -1, descending: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let indices = try argsort(dim: dim, descending: descending)
        guard ndim > 0 else { return (try clone(), indices) }
        return (try gather(dim: dim, index: indices).labelled("SortBackward0", inputs: [self]), indices)
    }

    /// The int64 indices that sort the elements along `dim` (stable; not recorded).
    public func argsort(dim: Int = -1, descending: Bool = false) throws -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "sort")
        let out = try Tensor(uninitialized: shape, dtype: .int64, op: "sort")
        var line: [(value: Float, index: Int)] = []
        Tensor.forEachLine(ReductionKernels.split(ndim == 0 ? [1] : shape, d, d)) { base, step, n in
            line.removeAll(keepingCapacity: true)
            for j in 0..<n { line.append((data[base + j * step], j)) }
            // Swift's sort is stable (a merge sort), so equal values keep their order.
            line.sort { a, b in Tensor.ordered(a.value, b.value, descending: descending) }
            for (j, entry) in line.enumerated() { out.data[base + j * step] = Float(entry.index) }
        }
        return out
    }

    /// Whether `a` sorts strictly before `b`: NaN counts as larger than every number.
    @inline(__always)
    static func ordered(_ a: Float, _ b: Float, descending: Bool) -> Bool {
        if a.isNaN || b.isNaN { return descending ? (a.isNaN && !b.isNaN) : (!a.isNaN && b.isNaN) }
        return descending ? a > b : a < b
    }

    /// The `k` largest (or smallest) elements along `dim` and their indices, in sorted
    /// order (PyTorch's `topk`).
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "topk")
        let n = ndim == 0 ? 1 : shape[d]
        guard k >= 0, k <= n else { throw TensorError("topk: selected index k out of range") }
        let order = try argsort(dim: d, descending: largest)
        let indices = ndim == 0 ? order : try order.narrow(dim: d, start: 0, length: k)
        return ((ndim == 0 ? try clone() : try gather(dim: d, index: indices)).labelled("TopkBackward0", inputs: [self]), indices)
    }

    /// The median of all elements: the lower of the two middle values when their number
    /// is even, NaN if any is NaN (PyTorch's `median()`). The gradient is shared evenly by
    /// the elements equal to the result.
    public func median() throws -> Tensor {
        guard count > 0 else { return try Tensor(scalar: .nan, dtype: dtype) }
        let flat = try GradMode.withNoGrad { try reshape([-1]).sort().values }
        let hasNaN = flat.data[count - 1].isNaN
        let value = hasNaN ? Float.nan : flat.data[(count - 1) / 2]
        let out = try Tensor(scalar: value, dtype: dtype)
        guard Tensor.needsGraph(self) else { return out }
        let x = detach()
        return Tensor.custom("MedianBackward0", output: out, inputs: [self]) { g in
            let mask = hasNaN ? try x.isNaN().float() : try x.eq(Tensor(scalar: value)).float()
            return [try mask.mul(g).div(mask.sum())]
        }
    }

    /// The lower median along `dim` and its index (PyTorch's `median(dim)`); NaN where a
    /// line has one.
    public func median(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        let d = try Shape.normalize(dim: dim, rank: ndim, op: "median")
        let n = ndim == 0 ? 1 : shape[d]
        guard n > 0 else {
            throw TensorError("median: expected a non-empty dimension \(d) in a tensor of shape \(describeShape(shape))")
        }
        let order = try argsort(dim: d)
        guard ndim > 0 else { return (try clone(), try Tensor(scalar: 0, dtype: .int64)) }
        let last = try GradMode.withNoGrad { try gather(dim: d, index: order.narrow(dim: d, start: n - 1, length: 1)) }
        let middle = try order.narrow(dim: d, start: (n - 1) / 2, length: 1)
        // A line holding NaN has it last; its median is that NaN.
        let nanLast = try last.isNaN()
        let picked = try Tensor.where(nanLast, order.narrow(dim: d, start: n - 1, length: 1), middle)
        let values = try gather(dim: d, index: picked)
        let result = keepdim ? values : try values.squeeze(d)
        return (result.labelled("MedianBackward1", inputs: [self]), keepdim ? picked : try picked.squeeze(d))
    }

    /// The `q`-quantiles (each in [0, 1]) over `dim` (all elements when nil), interpolated
    /// as PyTorch's `quantile`: at rank q·(n−1) between the sorted values below and above,
    /// by `interpolation` ("linear", "lower", "higher", "nearest", "midpoint"). With
    /// `qIsTensor` the q's make a new first dimension; NaN where a line has one.
    public func quantile(
        _ q: [Float], qIsTensor: Bool, dim: Int? = nil, keepdim: Bool = false, interpolation: String = "linear"
    ) throws -> Tensor {
        guard dtype == .float32 else {
            throw TensorError("quantile: quantile() input tensor must be either float or double dtype")
        }
        guard q.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw TensorError("quantile: quantile() q values must be in the range [0, 1]")
        }
        let modes = ["linear", "lower", "higher", "nearest", "midpoint"]
        guard modes.contains(interpolation) else {
            throw TensorError("quantile: interpolation must be one of linear, lower, higher, midpoint or nearest. Got \(interpolation)")
        }
        let d = try dim.map { try Shape.normalize(dim: $0, rank: ndim, op: "quantile") }
        var x = d == nil ? try reshape([-1]) : self
        if x.ndim == 0 { x = try x.reshape([1]) }
        let axis = d ?? 0
        let n = x.shape[axis]
        guard n > 0 else { throw TensorError("quantile: quantile() input tensor must be non-empty") }
        let order = (0..<x.ndim).filter { $0 != axis } + [axis]
        let sorted = try x.permute(order).sort(dim: -1).values
        let last = Array(repeating: TensorIndex.ellipsis, count: 1)
        let nanLine = try sorted.index(last + [.at(n - 1)]).detach().isNaN()
        var results: [Tensor] = []
        for value in q {
            var rank = value * Float(n - 1)
            if interpolation == "lower" { rank = rank.rounded(.down) }
            if interpolation == "higher" { rank = rank.rounded(.up) }
            if interpolation == "nearest" { rank = rank.rounded(.toNearestOrEven) }
            let below = Int(rank.rounded(.down))
            let above = Swift.min(Int(rank.rounded(.up)), n - 1)
            let weight = interpolation == "midpoint" ? Float(0.5) : rank - Float(below)
            let a = try sorted.index(last + [.at(below)])
            let b = try sorted.index(last + [.at(above)])
            // torch.lerp: a + w·(b − a) below w = ½, b − (b − a)·(1 − w) from there.
            let lerped = weight < 0.5 ? try a.add(b.sub(a).mul(weight)) : try b.sub(b.sub(a).mul(1 - weight))
            results.append(try Tensor.where(nanLine, Tensor(scalar: .nan), lerped))
        }
        var out = qIsTensor ? try Tensor.stack(results) : results[0]
        if keepdim {
            let offset = qIsTensor ? 1 : 0
            if let d {
                out = try out.unsqueeze(d + offset)
            } else {
                out = try out.reshape(Array(out.shape.prefix(offset)) + Array(repeating: 1, count: ndim))
            }
        }
        // PyTorch's last step squeezes the dimension it computed along.
        return out.labelled("SqueezeBackward4", inputs: [self])
    }
}
