/// `torch.distributions`: `Normal`, `Categorical` and `Bernoulli` with PyTorch's
/// constructor arguments (see `DistributionObject` for what they share).
enum DistributionBuiltins {
    /// Adds the constructors to the `torch.distributions` namespace.
    static func install(into distributions: Namespace) {
        distributions.function("Normal", Signature("Normal", ["loc", "scale", "validate_args"], required: 2)) { args, interpreter in
            .native(try NormalDistribution.make(args, interpreter))
        }
        distributions.function("Categorical", Signature("Categorical", ["probs", "logits", "validate_args"], required: 0)) {
            args, interpreter in
            .native(try CategoricalDistribution.make(args, interpreter))
        }
        distributions.function("Bernoulli", Signature("Bernoulli", ["probs", "logits", "validate_args"], required: 0)) {
            args, interpreter in
            .native(try BernoulliDistribution.make(args, interpreter))
        }
    }
}
