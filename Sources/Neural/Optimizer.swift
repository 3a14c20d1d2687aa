import Tensor

/// An optimizer updating parameters in place from their gradients (PyTorch's
/// `torch.optim.Optimizer`): `zeroGrad()`, backward, `step()`.
///
/// Parameters whose `grad` is nil (frozen, or unused by the loss) are skipped, as PyTorch
/// does. The per-parameter state (momentum, moments) is kept by position in `parameters`.
public protocol Optimizer: AnyObject {
    /// The parameters updated, in order.
    var parameters: [Tensor] { get }
    /// The learning rate (may be changed between steps, for schedules).
    var learningRate: Float { get set }
    /// Applies one update from the current gradients.
    func step() throws
}

extension Optimizer {
    /// Sets every parameter's gradient to nil.
    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }
}

/// The shared checks and the in-place element loop of the optimizers.
enum OptimizerSupport {
    /// Throws unless `value` is finite and not negative.
    static func checkNonNegative(_ optimizer: String, _ name: String, _ value: Float) throws {
        guard value.isFinite, value >= 0 else {
            throw NeuralError("\(optimizer): \(name) must be a non-negative number, got \(value)")
        }
    }

    /// Throws unless `parameters` are float32 tensors that are not repeated.
    static func checkParameters(_ optimizer: String, _ parameters: [Tensor]) throws {
        guard !parameters.isEmpty else { throw NeuralError("\(optimizer): got an empty parameter list") }
        var seen = Set<ObjectIdentifier>()
        for p in parameters {
            guard p.dtype == .float32 else { throw NeuralError("\(optimizer): can only optimize float32 tensors, got \(p.dtype)") }
            guard seen.insert(ObjectIdentifier(p)).inserted else {
                throw NeuralError("\(optimizer): some parameters appear more than once")
            }
        }
    }

    /// Calls `update(value, gradient, index)` for every element of `p` with a gradient,
    /// writing the returned value back into `p`.
    static func update(_ p: Tensor, _ body: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int) -> Void) throws {
        guard let grad = p.grad else { return }
        guard grad.shape == p.shape else {
            throw NeuralError("optimizer: gradient of shape \(describeShape(grad.shape)) for a parameter of shape \(describeShape(p.shape))")
        }
        grad.withUnsafeBufferPointer { g in
            p.withUnsafeMutableBufferPointer { v in
                guard let gp = g.baseAddress, let vp = v.baseAddress else { return }
                body(vp, gp, v.count)
            }
        }
    }
}
