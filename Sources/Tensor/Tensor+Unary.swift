/// Elementwise functions of one tensor.
extension Tensor {
    /// `-self`.
    public func neg() throws -> Tensor {
        let out = try Tensor.mapping(NegKernel.self, self, op: "neg", dtype: dtype == .bool ? .int64 : dtype)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .neg, self) : out
    }

    /// `|self|`.
    public func abs() throws -> Tensor {
        let out = try Tensor.mapping(AbsKernel.self, self, op: "abs")
        return Tensor.needsGraph(self) ? Tensor.attach(out, .abs, self) : out
    }

    /// `max(self, 0)`.
    public func relu() throws -> Tensor {
        let out = try Tensor.mapping(ReluKernel.self, self, op: "relu")
        return Tensor.needsGraph(self) ? Tensor.attach(out, .relu, self) : out
    }

    /// `e^self`.
    public func exp() throws -> Tensor {
        let out = try Tensor.mapping(ExpKernel.self, self, op: "exp", dtype: .float32)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .exp(output: out.saved), self) : out
    }

    /// The natural logarithm (`-inf` at 0, `nan` below).
    public func log() throws -> Tensor {
        let out = try Tensor.mapping(LogKernel.self, self, op: "log", dtype: .float32)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .log, self) : out
    }

    /// The square root (`nan` below 0).
    public func sqrt() throws -> Tensor {
        let out = try Tensor.mapping(SqrtKernel.self, self, op: "sqrt", dtype: .float32)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .sqrt(output: out.saved), self) : out
    }

    /// The hyperbolic tangent.
    public func tanh() throws -> Tensor {
        let out = try Tensor.mapping(TanhKernel.self, self, op: "tanh", dtype: .float32)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .tanh(output: out.saved), self) : out
    }

    /// The logistic function `1 / (1 + e^-self)`, computed without overflow.
    public func sigmoid() throws -> Tensor {
        let out = try Tensor.mapping(SigmoidKernel.self, self, op: "sigmoid", dtype: .float32)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .sigmoid(output: out.saved), self) : out
    }

    /// Each element limited to `[low, high]` (either bound may be nil); the gradient is 1
    /// inside the bounds and 0 outside, as in PyTorch.
    public func clamp(min low: Float? = nil, max high: Float? = nil) throws -> Tensor {
        guard low != nil || high != nil else {
            throw TensorError("clamp: at least one of 'min' or 'max' must not be None")
        }
        let out = try Tensor(uninitialized: shape, dtype: dtype, op: "clamp")
        let (x, o) = (data, out.data)
        let lo = low ?? -.infinity
        let hi = high ?? .infinity
        for i in 0..<count { o[i] = Swift.min(Swift.max(x[i], lo), hi) }
        return Tensor.needsGraph(self) ? Tensor.attach(out, .clamp(low: low, high: high), self) : out
    }

    /// The sign of each element: -1, 0 or 1 (gradient 0, as in PyTorch).
    public func sign() throws -> Tensor { recordFlat(try Tensor.mapping(SignKernel.self, self, op: "sign"), "SignBackward0") }

    /// Each element rounded down (gradient 0, as in PyTorch).
    public func floor() throws -> Tensor { recordFlat(try Tensor.mapping(FloorKernel.self, self, op: "floor"), "FloorBackward0") }

    /// Each element rounded to the nearest whole number, ties to even (gradient 0, as in PyTorch).
    public func round() throws -> Tensor { recordFlat(try Tensor.mapping(RoundKernel.self, self, op: "round"), "RoundBackward0") }

    /// `out`, a step function of `self` (sign, floor, ceil, round), recorded as PyTorch
    /// records it: a node named `name` whose gradient is 0 (the function is flat between
    /// its steps), so that the result requires grad when `self` does.
    func recordFlat(_ out: Tensor, _ name: String) -> Tensor {
        guard Tensor.needsGraph(self), out.dtype == .float32 else { return out }
        let inputShape = shape
        return Tensor.custom(name, output: out, inputs: [self]) { _ in [try Tensor.zeros(inputShape)] }
    }

    /// A copy that is recorded, so gradients flow back to `self` (PyTorch's `clone`).
    public func clone() throws -> Tensor {
        let out = try Tensor(uninitialized: shape, dtype: dtype, op: "clone")
        out.data.update(from: data, count: count)
        return Tensor.needsGraph(self) ? Tensor.attach(out, .identity, self) : out
    }

    /// A tensor sharing this one's storage but cut off from the graph (PyTorch's `detach`).
    public func detach() -> Tensor { saved }

    /// This tensor as float32: itself if it already is, else a float copy.
    public func float() throws -> Tensor {
        if dtype == .float32 { return self }
        let out = try Tensor(uninitialized: shape, dtype: .float32, op: "float")
        out.data.update(from: data, count: count)
        return out
    }

    /// This tensor as int64, rounding toward zero like PyTorch's `long()` (not recorded).
    public func long() throws -> Tensor {
        if dtype == .int64 { return self }
        return try Tensor.mapping(TruncKernel.self, self, op: "long", dtype: .int64)
    }

    /// This tensor as bool: nonzero is true (not recorded).
    public func bool() throws -> Tensor {
        if dtype == .bool { return self }
        return try Tensor.mapping(StepKernel.self, try abs(), op: "bool", dtype: .bool)
    }
}
