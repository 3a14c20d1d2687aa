/// PyTorch's `Tensor.repeat`: the tensor tiled along each dimension.
extension Tensor {
    /// The tensor repeated `repeats[i]` times along dimension i (PyTorch's `x.repeat(*sizes)`).
    /// `repeats` may be longer than the shape: the tensor is first given leading dimensions of
    /// size 1, as PyTorch does; a repeat of 0 gives an empty dimension. Recorded as PyTorch's
    /// `RepeatBackward0`, whose gradient sums over the copies.
    public func repeated(_ repeats: [Int]) throws -> Tensor {
        guard repeats.count >= ndim else {
            throw TensorError(
                "repeat: number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let padded = Array(repeating: 1, count: repeats.count - ndim) + shape
        var result: [Int] = []
        for (size, times) in zip(padded, repeats) {
            let (product, overflow) = size.multipliedReportingOverflow(by: times)
            guard !overflow else { throw TensorError("repeat: the result's dimension \(size) × \(times) is too large") }
            result.append(product)
        }
        if let negative = result.first(where: { $0 < 0 }) {
            throw TensorError("repeat: trying to create tensor with negative dimension \(negative): [\(result.map(String.init).joined(separator: ", "))]")
        }
        let total = try Shape.count(result, op: "repeat")
        try TensorBudget.checkSize(
            total, shape: result, limit: TensorBudget.current?.maxElements ?? TensorBudget.defaultMaxElements, op: "repeat")
        // (s0, s1, …) viewed as (1, s0, 1, s1, …), expanded to (r0, s0, r1, s1, …), then merged.
        let interleaved = padded.flatMap { [1, $0] }
        let expanded = zip(padded, repeats).flatMap { [$1, $0] }
        let out = try GradMode.withNoGrad { try reshape(interleaved).expand(expanded).reshape(result) }
        let sourceShape = shape
        let copies = Array(stride(from: 0, to: expanded.count, by: 2))
        return Tensor.custom("RepeatBackward0", output: out, inputs: [self]) { g in
            [try g.reshape(expanded).sum(dims: copies).reshape(sourceShape)]
        }
    }
}
