import Tensor

/// What `Categorical` and `Bernoulli` share: a distribution given by `probs` or by `logits`
/// (exactly one of them), both kept, both readable as attributes; `repr` shows the one given,
/// as PyTorch's (which shows the parameters in the instance's `__dict__`).
class DiscreteDistribution: DistributionObject {
    let probs: Tensor
    let logits: Tensor
    /// Whether the distribution was made from `probs` (else from `logits`).
    let fromProbs: Bool

    required init(probs: Tensor, logits: Tensor, fromProbs: Bool, batchShape: [Int], validates: Bool, owner: Interpreter?) {
        self.probs = probs
        self.logits = logits
        self.fromProbs = fromProbs
        super.init(batchShape: batchShape, validates: validates, owner: owner)
    }

    /// The one parameter given (`probs` or `logits`), as a float tensor, and whether it is `probs`.
    static func parameter(_ args: BoundArguments, _ context: TensorContext, _ name: String) throws -> (Tensor, Bool) {
        let probs = args["probs"].flatMap { $0.isNone ? nil : $0 }
        let logits = args["logits"].flatMap { $0.isNone ? nil : $0 }
        guard (probs == nil) != (logits == nil), let given = probs ?? logits else {
            throw RuntimeError.value("Either `probs` or `logits` must be specified, but not both.")
        }
        return (try floatTensor(given, "\(name)() argument '\(probs == nil ? "logits" : "probs")'", context), probs != nil)
    }

    override var shownParameters: [(name: String, tensor: Tensor)] { [fromProbs ? ("probs", probs) : ("logits", logits)] }
    override var ownAttributeNames: [String] { ["probs", "logits"] }

    override func ownAttribute(_ name: String, _ context: TensorContext) throws -> Value? {
        switch name {
        case "probs": context.wrap(probs)
        case "logits": context.wrap(logits)
        default: nil
        }
    }
}

extension DiscreteDistribution: SnapshotCopyable {
    /// A distribution of the same kind over the copies of its parameters.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        type(of: self).init(probs: try TensorObject.snapshotCopy(probs, copier), logits: try TensorObject.snapshotCopy(logits, copier),
                            fromProbs: fromProbs, batchShape: batchShape, validates: validates, owner: owner)
    }
}
