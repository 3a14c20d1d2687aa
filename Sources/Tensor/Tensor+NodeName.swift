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
