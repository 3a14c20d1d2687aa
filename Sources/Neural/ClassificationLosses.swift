import Tensor

/// PyTorch's classification losses with all their options: `cross_entropy` (class
/// indices or class probabilities as targets, `weight`, `ignore_index`, `reduction`,
/// `label_smoothing`) and `nll_loss`, as `aten/src/ATen/native/LossNLL.cpp` defines them.
extension Losses {
    /// The options of `cross_entropy` and `nll_loss`.
    public struct ClassOptions {
        /// Per-class weights (C values), or nil.
        public var weight: Tensor?
        /// A label whose positions are left out (PyTorch's default −100).
        public var ignoreIndex: Int
        /// How the losses are combined.
        public var reduction: LossReduction
        /// ε of label smoothing, in [0, 1].
        public var labelSmoothing: Float
        /// rnnbook's mask of positions (the labels' shape), or nil.
        public var mask: Tensor?

        /// Options; the defaults are PyTorch's.
        public init(weight: Tensor? = nil, ignoreIndex: Int = -100, reduction: LossReduction = .mean,
                    labelSmoothing: Float = 0, mask: Tensor? = nil) {
            self.weight = weight
            self.ignoreIndex = ignoreIndex
            self.reduction = reduction
            self.labelSmoothing = labelSmoothing
            self.mask = mask
        }
    }

    /// Cross-entropy of `logits` against class indices (shape: the logits without their
    /// class dimension) or class probabilities (the logits' shape, float). `layout` is the
    /// preferred place of the classes; labels that fit only the other layout use it.
    public static func crossEntropy(
        _ logits: Tensor, _ target: Tensor, layout preferred: ClassLayout, options: ClassOptions
    ) throws -> Tensor {
        let epsilon = options.labelSmoothing
        guard epsilon >= 0, epsilon <= 1 else {
            throw NeuralError("cross_entropy: label_smoothing must be between 0.0 and 1.0. Got: \(epsilon)")
        }
        if logits.shape == target.shape, logits.ndim > 0 {
            return try probabilityCrossEntropy(logits, target, classDim: preferred.classDim(rank: logits.ndim), options: options)
        }
        let layout = ClassLayout.resolve(logits.shape, target.shape, preferred: preferred) ?? preferred
        let plain = try CrossEntropy.loss(logits, target, layout: layout, weight: options.weight,
                                          ignoreIndex: options.ignoreIndex, reduction: options.reduction, mask: options.mask)
        guard epsilon > 0 else { return plain }
        guard options.mask == nil else {
            throw NeuralError("cross_entropy: label_smoothing cannot be combined with rnnbook's mask=; use ignore_index")
        }
        let classDim = layout.classDim(rank: logits.ndim)
        let classes = logits.shape[classDim]
        var logp = try logits.logSoftmax(dim: classDim)
        if let weight = options.weight { logp = try logp.mul(broadcastable(weight, classDim: classDim, rank: logits.ndim)) }
        let kept = try target.ne(Tensor(scalar: Float(options.ignoreIndex))).float()
        let smooth = try logp.sum(dim: classDim).neg().mul(kept)
        let reduced: Tensor
        switch options.reduction {
        case .none: reduced = smooth
        case .sum: reduced = try smooth.sum()
        case .mean:
            let weights = try CrossEntropy.positionWeights(target, classes: classes, weight: options.weight,
                                                           ignoreIndex: options.ignoreIndex, mask: nil)
            reduced = try smooth.sum().div(Tensor(scalar: weights.reduce(0, +)))
        }
        return try plain.mul(1 - epsilon).add(reduced.mul(epsilon / Float(classes)))
    }

    /// Cross-entropy against class probabilities: −Σ_c w_c·t_c·log softmax(x)_c, the mean
    /// over positions (not weights), targets smoothed to t(1 − ε) + ε/C.
    static func probabilityCrossEntropy(
        _ logits: Tensor, _ target: Tensor, classDim: Int, options: ClassOptions
    ) throws -> Tensor {
        guard target.dtype == .float32 else {
            throw NeuralError("cross_entropy: Expected floating point type for target with class probabilities, got \(target.dtype)")
        }
        guard options.ignoreIndex < 0 else { throw NeuralError("cross_entropy: ignore_index is not supported for floating point target") }
        guard options.mask == nil else { throw NeuralError("cross_entropy: mask= needs class-index targets") }
        let classes = logits.shape[classDim]
        if let weight = options.weight, weight.shape != [classes] {
            throw NeuralError(
                "cross_entropy: weight tensor should be defined either for all \(classes) classes or no classes "
                    + "but got weight tensor of shape: \(describeShape(weight.shape))")
        }
        var t = target
        if options.labelSmoothing > 0 { t = try t.mul(1 - options.labelSmoothing).add(options.labelSmoothing / Float(classes)) }
        var products = try logits.logSoftmax(dim: classDim).mul(t)
        if let weight = options.weight { products = try products.mul(broadcastable(weight, classDim: classDim, rank: logits.ndim)) }
        switch options.reduction {
        case .none: return try products.sum(dim: classDim).neg()
        case .sum: return try products.sum().neg()
        // PyTorch divides by a number here (`DivBackward1`), not by a tensor.
        case .mean: return try products.sum().neg().div(Tensor(scalar: Float(logits.count / Swift.max(classes, 1)))).namedNode("DivBackward1")
        }
    }

    /// Negative log-likelihood of log-probabilities `input` at class indices `target`:
    /// −w_{y}·x_{y} per position, reduced (the mean divides by the weights of the positions kept).
    public static func nll(
        _ input: Tensor, _ target: Tensor, layout preferred: ClassLayout, options: ClassOptions
    ) throws -> Tensor {
        guard input.ndim >= 1, let layout = ClassLayout.resolve(input.shape, target.shape, preferred: preferred) else {
            throw NeuralError(
                "nll_loss: input of shape \(describeShape(input.shape)) needs a target of shape "
                    + "\(describeShape(preferred.labelShape(input.shape))), got \(describeShape(target.shape))")
        }
        let classDim = layout.classDim(rank: input.ndim)
        let classes = input.shape[classDim]
        let weights = try CrossEntropy.positionWeights(target, classes: classes, weight: options.weight,
                                                       ignoreIndex: options.ignoreIndex, mask: options.mask)
        let safe = try Tensor(ints: zip(target.ints, weights).map { $1 == 0 ? 0 : $0 }, shape: target.shape)
        let picked = try input.gather(dim: classDim, index: safe.unsqueeze(classDim)).squeeze(classDim)
        let losses = try picked.neg().mul(Tensor(weights, shape: target.shape))
        let node = layout.nllNodeName(rank: input.ndim, reduction: options.reduction)
        switch options.reduction {
        case .none: return losses.namedNode(node)
        case .sum: return try losses.sum().namedNode(node)
        case .mean:
            let total = weights.reduce(0, +)
            if options.mask != nil && total == 0 { throw NeuralError("nll_loss: the mask selects no positions") }
            return try losses.sum().div(Tensor(scalar: total)).namedNode(node)
        }
    }

    /// `weight` (C values) shaped to broadcast along `classDim` of a tensor of `rank`.
    static func broadcastable(_ weight: Tensor, classDim: Int, rank: Int) throws -> Tensor {
        var shape = [Int](repeating: 1, count: rank)
        shape[classDim] = weight.count
        return try weight.reshape(shape)
    }
}
