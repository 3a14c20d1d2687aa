/// Names a result built from several recorded operations as PyTorch names the one operation
/// it stands for: `F.mse_loss` is a subtraction, a power and a mean here, but its `grad_fn`
/// shows `MseLossBackward0`, as in PyTorch.
extension Tensor {
    /// This tensor's values under a node named `name` whose gradient passes to this tensor
    /// unchanged; the tensor itself when it records no history (nothing to name).
    ///
    /// The node shares this tensor's storage. Like PyTorch's loss nodes, which save their
    /// inputs (not their result), it refuses a second `backward` without `retain_graph`.
    public func namedNode(_ name: String) -> Tensor {
        guard gradFn != nil else { return self }
        return Tensor.custom(name, output: detach(), inputs: [self]) { g in [g] }
    }
}

extension Tensor {
    /// `result` of a view operation on `self`, with its node named `name` as PyTorch names
    /// that view. PyTorch makes a new tensor for every view, even one that changes nothing
    /// (`x.squeeze(0)` of a dimension of 2, `x.transpose(1, 1)`, `x.reshape(x.shape)`);
    /// where the engine handed back `self`, the result is a new tensor sharing its storage,
    /// recorded as a view, so that it is not a leaf (`is_leaf`, `grad_fn`) as in PyTorch.
    public func view(_ result: Tensor, named name: String) -> Tensor {
        guard result === self else { return result.labelled(name, inputs: [self]) }
        let alias = Tensor(storage: storage, shape: shape, dtype: dtype)
        return Tensor.record(alias, .reshape, [self]).labelled(name, inputs: [self])
    }
}
