/// In-place updates, for optimizers and for code running under `withNoGrad`.
///
/// They write into this tensor's storage (and so into every view sharing it) and are
/// never recorded; on a tensor that requires grad they throw while recording is on.
extension Tensor {
    /// Sets every element to 0 (PyTorch's `zero_`); returns `self`.
    @discardableResult
    public func zero_() throws -> Tensor { try fill_(0) }

    /// Sets every element to `value`; returns `self`.
    @discardableResult
    public func fill_(_ value: Float) throws -> Tensor {
        try checkInPlace("fill_")
        data.update(repeating: value, count: count)
        return self
    }

    /// `self += alpha * other`, `other` broadcast to this shape; returns `self`.
    @discardableResult
    public func add_(_ other: Tensor, alpha: Float = 1) throws -> Tensor {
        try checkInPlace("add_")
        let source = try other.materialized(to: shape, op: "add_")
        let (p, q) = (data, source.data)
        for i in 0..<count { p[i] += alpha * q[i] }
        return self
    }

    /// `self *= other`, `other` broadcast to this shape; returns `self`.
    @discardableResult
    public func mul_(_ other: Tensor) throws -> Tensor {
        try checkInPlace("mul_")
        let source = try other.materialized(to: shape, op: "mul_")
        let (p, q) = (data, source.data)
        for i in 0..<count { p[i] *= q[i] }
        return self
    }

    /// `self *= s`; returns `self`.
    @discardableResult
    public func mul_(_ s: Float) throws -> Tensor {
        try checkInPlace("mul_")
        for i in 0..<count { data[i] *= s }
        return self
    }

    /// Copies `other`, broadcast to this shape, into this tensor; returns `self`.
    @discardableResult
    public func copy_(_ other: Tensor) throws -> Tensor {
        try checkInPlace("copy_")
        let source = try other.materialized(to: shape, op: "copy_")
        data.update(from: source.data, count: count)
        return self
    }

    /// Sets `grad` to nil (PyTorch's `zero_grad(set_to_none=True)`).
    public func zeroGrad() {
        grad = nil
    }

    /// Throws if an in-place write would corrupt a recorded graph; otherwise counts the
    /// write (see `version`).
    private func checkInPlace(_ op: String) throws {
        if requiresGrad && GradMode.isEnabled {
            throw TensorError(
                "\(op): a tensor that requires grad cannot be changed in place while gradients are recorded; "
                    + "compute a new tensor (y = x * 2) or write the update inside 'with no_grad():'")
        }
        markWrittenInPlace()
    }
}
