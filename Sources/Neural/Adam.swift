import Foundation
import Tensor

/// Adam (Kingma & Ba), PyTorch's `torch.optim.Adam` and `AdamW` update rules.
///
/// At step t, with g = ∇θ: coupled decay (Adam) adds wd·θ to g; decoupled decay (AdamW)
/// first sets θ ← θ·(1 − lr·wd). Then m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε), exactly as PyTorch orders the
/// operations. ε defaults to 1e-8.
public final class Adam: Optimizer {
    /// How weight decay is applied.
    public enum Decay: Sendable {
        /// Added to the gradient (`torch.optim.Adam`'s `weight_decay`).
        case coupled
        /// Applied to the weights before the update (`torch.optim.AdamW`).
        case decoupled
    }

    /// The parameters updated.
    public let parameters: [Tensor]
    /// The learning rate.
    public var learningRate: Float
    /// β₁ and β₂.
    public private(set) var betas: (Float, Float)
    /// ε added to the denominator.
    public private(set) var eps: Float
    /// The weight decay factor.
    public private(set) var weightDecay: Float
    /// Coupled (Adam) or decoupled (AdamW) decay.
    public let decay: Decay
    /// The number of steps taken per parameter.
    fileprivate(set) var steps: [Int]
    fileprivate(set) var moments: [(m: [Float], v: [Float])?]

    /// Makes an optimizer (`decay: .decoupled` for AdamW); throws for bad hyper-parameters.
    public init(
        _ parameters: [Tensor], lr: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999), eps: Float = 1e-8,
        weightDecay: Float = 0, decay: Decay = .coupled
    ) throws {
        try OptimizerSupport.checkParameters(decay == .coupled ? "Adam" : "AdamW", parameters)
        try Self.check(decay, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay)
        self.parameters = parameters
        learningRate = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.decay = decay
        steps = Array(repeating: 0, count: parameters.count)
        moments = Array(repeating: nil, count: parameters.count)
    }

    /// Changes the hyper-parameters for the next steps (PyTorch's `param_groups`); throws,
    /// changing nothing, for bad values.
    public func configure(lr: Float, betas: (Float, Float), eps: Float, weightDecay: Float) throws {
        try Self.check(decay, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay)
        learningRate = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
    }

    /// Throws for a negative rate, ε or decay, or β outside [0, 1).
    static func check(_ decay: Decay, lr: Float, betas: (Float, Float), eps: Float, weightDecay: Float) throws {
        let name = decay == .coupled ? "Adam" : "AdamW"
        for (label, v) in [("lr", lr), ("eps", eps), ("weight_decay", weightDecay)] {
            try OptimizerSupport.checkNonNegative(name, label, v)
        }
        guard (0..<1).contains(betas.0), (0..<1).contains(betas.1) else {
            throw NeuralError("\(name): betas must lie in [0, 1), got (\(betas.0), \(betas.1))")
        }
    }

    /// AdamW: Adam with decoupled weight decay (default 0.01, as PyTorch).
    public static func adamW(
        _ parameters: [Tensor], lr: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999), eps: Float = 1e-8,
        weightDecay: Float = 0.01
    ) throws -> Adam {
        try Adam(parameters, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, decay: .decoupled)
    }

    /// One update of every parameter that has a gradient.
    public func step() throws {
        let (lr, b1, b2, eps, wd) = (learningRate, betas.0, betas.1, eps, weightDecay)
        let coupled = decay == .coupled
        for (index, p) in parameters.enumerated() where p.grad != nil {
            steps[index] += 1
            let t = Float(steps[index])
            let correction1 = 1 - Foundation.pow(b1, t)
            let correction2Root = (1 - Foundation.pow(b2, t)).squareRoot()
            let stepSize = lr / correction1
            var (m, v) = moments[index] ?? ([Float](repeating: 0, count: p.count), [Float](repeating: 0, count: p.count))
            // Let go of the stored copies so that m and v are updated in place, not copied
            // on write; they go back even if the update throws.
            moments[index] = nil
            defer { moments[index] = (m, v) }
            try m.withUnsafeMutableBufferPointer { mp in
                try v.withUnsafeMutableBufferPointer { vp in
                    try OptimizerSupport.update(p) { theta, g, n in
                        for i in 0..<n {
                            var grad = g[i]
                            if coupled { grad += wd * theta[i] } else { theta[i] *= 1 - lr * wd }
                            mp[i] = b1 * mp[i] + (1 - b1) * grad
                            vp[i] = b2 * vp[i] + (1 - b2) * grad * grad
                            theta[i] -= stepSize * mp[i] / (vp[i].squareRoot() / correction2Root + eps)
                        }
                    }
                }
            }
        }
    }
}

extension Adam {
    /// An optimizer in the same state (moments, step counts) over `parameters`, which
    /// stand for this one's in order (a copied model's), for session snapshots.
    public func copy(parameters newParameters: [Tensor]) throws -> Adam {
        let twin = try Adam(newParameters, lr: learningRate, betas: betas, eps: eps, weightDecay: weightDecay, decay: decay)
        twin.steps = steps
        twin.moments = moments
        return twin
    }
}
