import Tensor

/// `torch.distributions.Categorical(probs=None, logits=None, validate_args=None)`: one of
/// the categories `0..<K` of the last dimension, with PyTorch's formulas:
///
/// - given `probs`: `probs / probs.sum(-1)` and `logits = log(clamp(probs, eps, 1 - eps))`
///   (eps the float32 machine epsilon); given `logits`: `logits - logsumexp(logits, -1)`
///   and `probs = softmax(logits, -1)`;
/// - `log_prob(k) = logits[..., k]` (gathered, differentiable in the parameters);
/// - `entropy() = -Σ probs · max(logits, finfo.min)`;
/// - `mean` and `variance` are NaN (as PyTorch: categories are labels), `mode` the argmax;
/// - `sample(shape)`: int64 categories, drawn by inverse CDF from the session's generator.
final class CategoricalDistribution: DiscreteDistribution {
    static func make(_ args: BoundArguments, _ interpreter: Interpreter) throws -> CategoricalDistribution {
        let context = interpreter.tensors
        let (given, fromProbs) = try parameter(args, context, "Categorical")
        guard given.ndim >= 1 else {
            throw RuntimeError.value("`\(fromProbs ? "probs" : "logits")` parameter must be at least one-dimensional.")
        }
        let validates = try args.bool("validate_args", true)
        let (probs, logits) = try context.perform {
            if fromProbs {
                let probs = try given.div(given.sum(dim: -1, keepdim: true))
                return (probs, try probs.clamp(min: Float.ulpOfOne, max: 1 - Float.ulpOfOne).log())
            }
            let logits = try given.sub(given.logSumExp(dim: -1, keepdim: true))
            return (try logits.softmax(dim: -1), logits)
        }
        let distribution = CategoricalDistribution(probs: probs, logits: logits, fromProbs: fromProbs, batchShape: Array(probs.shape.dropLast()),
                                                   validates: validates, owner: interpreter)
        try context.perform {
            if fromProbs {
                let simplex = try probs.ge(0).float().min(dim: -1).values.mul(probs.sum(dim: -1).sub(1).abs().lt(1e-6).float())
                try distribution.checkParameter("probs", probs, "Simplex()", simplex)
            } else {
                try distribution.checkParameter("logits", logits, "IndependentConstraint(Real(), 1)",
                                                try logits.eq(logits).float().min(dim: -1).values)
            }
        }
        return distribution
    }

    override var typeName: String { "Categorical" }
    var categories: Int { probs.shape.last ?? 0 }
    override var supportName: String { "IntegerInterval(lower_bound=0, upper_bound=\(categories - 1))" }

    override func mean(_ context: TensorContext) throws -> Tensor { try Tensor.full(batchShape, .nan) }
    override func variance(_ context: TensorContext) throws -> Tensor { try Tensor.full(batchShape, .nan) }
    override func mode(_ context: TensorContext) throws -> Tensor { try probs.argmax(dim: -1) }

    override func inSupport(_ value: Tensor) throws -> Tensor {
        try value.floor().eq(value).logicalAnd(value.ge(0)).logicalAnd(value.le(Float(categories - 1)))
    }

    override func draw(_ shape: [Int], _ context: TensorContext) throws -> Tensor {
        let out = try Tensor.zeros(shape, dtype: .int64)
        let rows = probs.count / Swift.max(categories, 1)
        guard rows > 0 else { return out }
        let weights = probs.scalars
        try out.withUnsafeMutableBufferPointer { values in
            for i in 0..<values.count {
                let r = i % rows
                values[i] = Float(try Self.pick(weights[(r * categories)..<((r + 1) * categories)], context.generator))
            }
        }
        return out
    }

    /// One category drawn with probability proportional to its weight (inverse CDF).
    static func pick(_ weights: ArraySlice<Float>, _ generator: Generator) throws -> Int {
        var total = 0.0
        for w in weights {
            guard w.isFinite, w >= 0 else { throw TensorError("probability tensor contains either `inf`, `nan` or element < 0") }
            total += Double(w)
        }
        guard total > 0 else { throw TensorError("invalid multinomial distribution (sum of probabilities <= 0)") }
        let target = generator.nextDouble() * total
        var cumulative = 0.0
        var last = 0
        for (k, w) in weights.enumerated() where w > 0 {
            cumulative += Double(w)
            last = k
            if cumulative > target { return k }
        }
        return last
    }

    override func logProbability(_ value: Tensor) throws -> Tensor {
        let chosen = try Tensor.oneHot(value.long(), classes: categories).bool()
        return try Tensor.where(chosen, logits, Tensor(scalar: 0)).sum(dim: -1)
    }

    override func entropy() throws -> Tensor {
        try logits.clamp(min: -Float.greatestFiniteMagnitude).mul(probs).sum(dim: -1).neg()
    }
}
