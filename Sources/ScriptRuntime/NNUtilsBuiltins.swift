import Foundation
import Tensor

/// `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`, as PyTorch computes them.
enum NNUtilsBuiltins {
    static func install(_ registry: inout Registry) {
        // `clip_grad_norm` is PyTorch's deprecated spelling of the same function.
        for name in ["clip_grad_norm_", "clip_grad_norm"] {
            let signature = Signature(name, ["parameters", "max_norm", "norm_type", "error_if_nonfinite", "foreach"], required: 2)
            registry.function(name, signature) { args, interpreter in
                let context = interpreter.tensors
                let parameters = try context.tensors(in: args.value("parameters"), "\(name)() parameter", interpreter)
                let maxNorm = try args.double("max_norm", 0)
                let order = try normType(args.value("norm_type", .float(2)))
                let total = try clipGradNorm(parameters, maxNorm: maxNorm, order: order,
                                             errorIfNonfinite: try args.bool("error_if_nonfinite", false), context)
                return try context.perform { context.wrap(try Tensor(scalar: Float(total))) }
            }
        }
        registry.function("clip_grad_value_", Signature("clip_grad_value_", ["parameters", "clip_value", "foreach"], required: 2)) { args, interpreter in
            let context = interpreter.tensors
            let parameters = try context.tensors(in: args.value("parameters"), "clip_grad_value_() parameter", interpreter)
            let limit = Float(try args.double("clip_value", 0))
            try context.withGrad(false) {
                try context.perform {
                    for grad in parameters.compactMap(\.grad) { _ = try grad.copy_(try grad.clamp(min: -limit, max: limit)) }
                }
            }
            return Value.none
        }
    }

    /// The norm order: a positive number or `inf` (`float('inf')`, `'inf'`).
    static func normType(_ value: Value) throws -> Double {
        if case .str(let text) = value, text == "inf" { return .infinity }
        let order = try value.asDouble("clip_grad_norm_() argument 'norm_type'")
        guard order > 0 else { throw RuntimeError.value("clip_grad_norm_(): norm_type must be positive or inf, got \(value.repr())") }
        return order
    }

    /// PyTorch's `clip_grad_norm_`: the `order`-norm of the per-gradient norms; every
    /// gradient is multiplied by min(max_norm / (total + 1e-6), 1). Returns the total norm
    /// before clipping (0 when no parameter has a gradient).
    static func clipGradNorm(_ parameters: [Tensor], maxNorm: Double, order: Double, errorIfNonfinite: Bool,
                             _ context: TensorContext) throws -> Double {
        let grads = parameters.compactMap(\.grad)
        guard !grads.isEmpty else { return 0 }
        func norm(_ values: [Double]) -> Double {
            if order == .infinity { return values.map(Swift.abs).max() ?? 0 }
            return Foundation.pow(values.reduce(0) { $0 + Foundation.pow(Swift.abs($1), order) }, 1 / order)
        }
        // Each gradient's norm in float32, as PyTorch, then the norm of those.
        let total = Double(Float(norm(grads.map { grad in Double(Float(norm(grad.scalars.map(Double.init)))) })))
        if errorIfNonfinite, !total.isFinite {
            throw RuntimeError("The total norm of order \(Value.float(order).repr()) for gradients from `parameters` is non-finite, "
                               + "so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm "
                               + "anyway, set `error_if_nonfinite=False`")
        }
        // In float32, as PyTorch's tensor arithmetic.
        let coefficient = Swift.min(Float(maxNorm) / (Float(total) + 1e-6), 1)
        try context.withGrad(false) { try context.perform { for grad in grads { _ = try grad.mul_(coefficient) } } }
        return total
    }
}
