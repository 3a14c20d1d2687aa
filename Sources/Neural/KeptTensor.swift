import Tensor

/// A tensor a fused node's backward rule reads, dropped by the node's `release` once a
/// backward pass without `retainGraph` went through it (PyTorch frees saved tensors then).
final class KeptTensor {
    /// The tensor, nil once released.
    private(set) var tensor: Tensor?

    init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    /// Drops the tensor.
    func release() {
        tensor = nil
    }
}
