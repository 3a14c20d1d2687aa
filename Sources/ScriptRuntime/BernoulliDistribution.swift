import Foundation
import Tensor

/// `torch.distributions.Bernoulli(probs=None, logits=None, validate_args=None)`: 1 with
/// probability `probs`, else 0, with PyTorch's formulas:
///
/// - given `probs`: `logits = log(p) - log1p(-p)` with `p = clamp(probs, eps, 1 - eps)`;
///   given `logits`: `probs = sigmoid(logits)`;
/// - `log_prob(x) = -binary_cross_entropy_with_logits(logits, x)`, computed as PyTorch:
///   `-((1 - x)·logits + m + log(exp(-m) + exp(-logits - m)))` with `m = max(-logits, 0)`;
/// - `entropy() = binary_cross_entropy_with_logits(logits, probs)`;
/// - `mean = probs`, `variance = probs·(1 - probs)`, `mode` 1 where `probs > 0.5`, 0 where
///   below, NaN at exactly 0.5;
/// - `sample(shape)`: float 0/1, `rand < probs` from the session's generator.
final class BernoulliDistribution: DiscreteDistribution {
    static func make(_ args: BoundArguments, _ interpreter: Interpreter) throws -> BernoulliDistribution {
        let context = interpreter.tensors
        let (given, fromProbs) = try parameter(args, context, "Bernoulli")
        // PyTorch's batch_shape is () when the parameter is a Python number.
        let number = isNumber(args.value(fromProbs ? "probs" : "logits"))
        let (probs, logits) = try context.perform {
            if fromProbs {
                let p = try given.clamp(min: Float.ulpOfOne, max: 1 - Float.ulpOfOne)
                return (given, try p.log().sub(log1p(p.neg())))
            }
            return (try given.sigmoid(), given)
        }
        let distribution = BernoulliDistribution(probs: probs, logits: logits, fromProbs: fromProbs, batchShape: number ? [] : given.shape,
                                                 validates: try args.bool("validate_args", true), owner: interpreter)
        try context.perform {
            if fromProbs {
                try distribution.checkParameter("probs", probs, "Interval(lower_bound=0.0, upper_bound=1.0)",
                                                try probs.ge(0).logicalAnd(probs.le(1)))
            } else {
                try distribution.checkParameter("logits", logits, "Real()", try logits.eq(logits))
            }
        }
        return distribution
    }

    override var typeName: String { "Bernoulli" }
    override var supportName: String { "Boolean()" }

    override func mean(_ context: TensorContext) throws -> Tensor { probs }
    override func variance(_ context: TensorContext) throws -> Tensor { try probs.mul(probs.neg().add(1)) }
    override func mode(_ context: TensorContext) throws -> Tensor {
        let half = try probs.eq(0.5)
        return try Tensor.where(half, Tensor(scalar: .nan), probs.gt(0.5).float())
    }

    override func inSupport(_ value: Tensor) throws -> Tensor { try value.eq(0).logicalOr(value.eq(1)) }

    override func draw(_ shape: [Int], _ context: TensorContext) throws -> Tensor {
        try Tensor.rand(shape, generator: context.generator).lt(probs.expand(shape)).float()
    }

    override func logProbability(_ value: Tensor) throws -> Tensor {
        try Self.crossEntropyWithLogits(logits, value).neg()
    }

    override func entropy() throws -> Tensor {
        try Self.crossEntropyWithLogits(logits, probs)
    }

    /// PyTorch's `binary_cross_entropy_with_logits(x, z, reduction='none')`, in its stable form.
    static func crossEntropyWithLogits(_ x: Tensor, _ z: Tensor) throws -> Tensor {
        let m = try x.neg().relu()
        let softplus = try m.add(m.neg().exp().add(x.neg().sub(m).exp()).log())
        return try z.neg().add(1).mul(x).add(softplus)
    }

    /// `log1p(x)` elementwise, accurate for small `x`; its gradient is `1 / (1 + x)`.
    static func log1p(_ x: Tensor) throws -> Tensor {
        let values = x.scalars.map { Foundation.log1p($0) }
        let out = try Tensor(values, shape: x.shape)
        let saved = x.detach()
        return Tensor.custom("Log1PBackward0", output: out, inputs: [x]) { g in
            [try g.div(saved.add(1))]
        }
    }
}
