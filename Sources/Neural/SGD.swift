import Tensor

/// Stochastic gradient descent with momentum, PyTorch's `torch.optim.SGD` update:
/// g ← ∇ + wd·θ; with momentum μ: b ← g on the first step, else b ← μ·b + (1 − dampening)·g,
/// and g ← b (or g + μ·b with Nesterov); θ ← θ − lr·g.
public final class SGD: Optimizer {
    /// The parameters updated.
    public let parameters: [Tensor]
    /// The learning rate.
    public var learningRate: Float
    /// The momentum factor μ (0: plain SGD).
    public private(set) var momentum: Float
    /// Dampening of the momentum's new gradient.
    public private(set) var dampening: Float
    /// L2 penalty added to the gradient.
    public private(set) var weightDecay: Float
    /// Whether to use Nesterov momentum.
    public private(set) var nesterov: Bool
    fileprivate(set) var buffers: [[Float]?]

    /// Makes an optimizer; throws for a negative rate, momentum or decay.
    public init(
        _ parameters: [Tensor], lr: Float, momentum: Float = 0, dampening: Float = 0, weightDecay: Float = 0,
        nesterov: Bool = false
    ) throws {
        try OptimizerSupport.checkParameters("SGD", parameters)
        try Self.check(lr: lr, momentum: momentum, dampening: dampening, weightDecay: weightDecay, nesterov: nesterov)
        self.parameters = parameters
        learningRate = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        buffers = Array(repeating: nil, count: parameters.count)
    }

    /// Changes the hyper-parameters for the next steps (PyTorch's `param_groups`); throws,
    /// changing nothing, for bad values.
    public func configure(lr: Float, momentum: Float, dampening: Float, weightDecay: Float, nesterov: Bool) throws {
        try Self.check(lr: lr, momentum: momentum, dampening: dampening, weightDecay: weightDecay, nesterov: nesterov)
        learningRate = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    /// Throws for a negative rate, momentum or decay, or Nesterov without momentum.
    static func check(lr: Float, momentum: Float, dampening: Float, weightDecay: Float, nesterov: Bool) throws {
        for (name, v) in [("lr", lr), ("momentum", momentum), ("weight_decay", weightDecay)] {
            try OptimizerSupport.checkNonNegative("SGD", name, v)
        }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw NeuralError("SGD: Nesterov momentum requires a momentum and zero dampening")
        }
    }

    /// One update of every parameter that has a gradient.
    public func step() throws {
        let (lr, mu, wd, damp, nesterov) = (learningRate, momentum, weightDecay, dampening, nesterov)
        for (index, p) in parameters.enumerated() where p.grad != nil {
            guard mu != 0 else {
                try OptimizerSupport.update(p) { v, g, n in
                    for i in 0..<n { v[i] -= lr * (g[i] + wd * v[i]) }
                }
                continue
            }
            let first = buffers[index] == nil
            var buffer = buffers[index] ?? [Float](repeating: 0, count: p.count)
            // Let go of the stored copy so that `buffer` is updated in place, not copied on
            // write; it goes back even if the update throws.
            buffers[index] = nil
            defer { buffers[index] = buffer }
            try buffer.withUnsafeMutableBufferPointer { b in
                try OptimizerSupport.update(p) { v, g, n in
                    for i in 0..<n {
                        let d = g[i] + wd * v[i]
                        b[i] = first ? d : mu * b[i] + (1 - damp) * d
                        v[i] -= lr * (nesterov ? d + mu * b[i] : b[i])
                    }
                }
            }
        }
    }
}

extension SGD {
    /// An optimizer in the same state (momentum buffers) over `parameters`, for snapshots.
    public func copy(parameters newParameters: [Tensor]) throws -> SGD {
        let twin = try SGD(newParameters, lr: learningRate, momentum: momentum, dampening: dampening,
                           weightDecay: weightDecay, nesterov: nesterov)
        twin.buffers = buffers
        return twin
    }
}
