import Tensor

/// A `torch.distributions` distribution: what `Normal`, `Categorical` and `Bernoulli` share.
///
/// As in PyTorch: parameters are tensors broadcast together (`batch_shape`; `event_shape`
/// is `()` for the three); `sample(sample_shape=())` draws `sample_shape + batch_shape`
/// values without recording them for autograd; `log_prob(value)` and `entropy()` are
/// differentiable in the parameters; arguments are validated (PyTorch's default,
/// `validate_args=False` turns it off): parameters against their constraint when made,
/// `log_prob`'s value against the support. Samples come from the session's generator, so a
/// notebook's seed (and `torch.manual_seed`) fixes them; they are not PyTorch's numbers.
/// A parameter already of the batch shape is shared with the caller (an in-place change to
/// it reaches the distribution, as in PyTorch); one that is broadcast is a copy, since the
/// engine's `expand` copies.
class DistributionObject: NativeObject {
    let batchShape: [Int]
    let validates: Bool
    /// The session, for its generator and budget (weak: the session owns its values).
    weak var owner: Interpreter?

    init(batchShape: [Int], validates: Bool, owner: Interpreter?) {
        self.batchShape = batchShape
        self.validates = validates
        self.owner = owner
    }

    // MARK: What each distribution states

    var typeName: String { "Distribution" }
    /// The parameters shown by `repr`, in PyTorch's order.
    var shownParameters: [(name: String, tensor: Tensor)] { [] }
    /// The support's name (`Real()`, `Boolean()`), for messages.
    var supportName: String { "Real()" }
    var hasRsample: Bool { false }
    /// Attributes beyond the shared ones (`loc`, `probs`, …).
    var ownAttributeNames: [String] { [] }
    func ownAttribute(_ name: String, _ context: TensorContext) throws -> Value? { nil }
    func mean(_ context: TensorContext) throws -> Tensor { try unsupported("mean") }
    func mode(_ context: TensorContext) throws -> Tensor { try unsupported("mode") }
    func variance(_ context: TensorContext) throws -> Tensor { try unsupported("variance") }
    func stddev(_ context: TensorContext) throws -> Tensor { try variance(context).sqrt() }
    /// Values of `shape` (sample_shape + batch_shape), recorded when reparameterised.
    func draw(_ shape: [Int], _ context: TensorContext) throws -> Tensor { try unsupported("sample") }
    func logProbability(_ value: Tensor) throws -> Tensor { try unsupported("log_prob") }
    func entropy() throws -> Tensor { try unsupported("entropy") }
    /// A bool tensor: which elements of `value` lie in the support.
    func inSupport(_ value: Tensor) throws -> Tensor { try value.eq(value) }

    func unsupported(_ what: String) throws -> Never {
        throw RuntimeError("\(typeName).\(what) is not implemented", id: "not-implemented")
    }

    // MARK: The language's view

    /// PyTorch's repr: a one-element parameter shows as a tensor, others by their size.
    func repr() -> String {
        let shown = shownParameters.map { name, t in
            "\(name): \(t.count == 1 ? t.description : "torch.Size([\(t.shape.map(String.init).joined(separator: ", "))])")"
        }
        return "\(typeName)(\(shown.joined(separator: ", ")))"
    }

    static let sharedAttributes = ["batch_shape", "event_shape", "mean", "mode", "stddev", "variance", "has_rsample"]
    static let methods = ["sample", "rsample", "log_prob", "entropy", "perplexity"]

    var attributeNames: [String] { Self.sharedAttributes + ownAttributeNames + Self.methods }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "batch_shape": return TensorValues.sizeValue(batchShape)
        case "event_shape": return TensorValues.sizeValue([])
        case "has_rsample": return .bool(hasRsample)
        case "mean": return try context.perform { context.wrap(try mean(context)) }
        case "mode": return try context.perform { context.wrap(try mode(context)) }
        case "stddev": return try context.perform { context.wrap(try stddev(context)) }
        case "variance": return try context.perform { context.wrap(try variance(context)) }
        default: return try ownAttribute(name, context)
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "sample", "rsample":
            let args = try Signature(name, ["sample_shape"], required: 0).bind(arguments)
            let shape = try Self.sampleShape(args["sample_shape"], name) + batchShape
            if name == "rsample" {
                guard hasRsample else { try unsupported("rsample") }
                return try context.perform { context.wrap(try draw(shape, context)) }
            }
            return try context.withGrad(false) { try context.perform { context.wrap(try draw(shape, context).detach()) } }
        case "log_prob":
            let value = try Signature(name, ["value"]).bind(arguments).value("value")
            let t = try checkedValue(value, context)
            return try context.perform { context.wrap(try logProbability(t)) }
        case "entropy", "perplexity":
            _ = try Signature(name).bind(arguments)
            return try context.perform { context.wrap(name == "entropy" ? try entropy() : try entropy().exp()) }
        default:
            return nil
        }
    }

    /// A `sample_shape`: a tuple or list of ints (`torch.Size`), as PyTorch requires.
    static func sampleShape(_ value: Value?, _ method: String) throws -> [Int] {
        guard let value, !value.isNone else { return [] }
        guard let items = TensorValues.sequence(value) else {
            throw RuntimeError.type("\(method)() argument 'sample_shape' must be a tuple of ints, not \(value.typeName); "
                                    + "write \(method)((\(value.repr()),)) for \(value.repr()) samples")
        }
        let shape = try items.map { try $0.asInt("\(method)() sample_shape size") }
        if let negative = shape.first(where: { $0 < 0 }) {
            throw RuntimeError("Trying to create tensor with negative dimension \(negative): \(describeShape(shape))", id: "runtime-error")
        }
        return shape
    }

    /// `log_prob`'s value, checked as PyTorch's `_validate_sample` when validating.
    func checkedValue(_ value: Value, _ context: TensorContext) throws -> Tensor {
        guard validates else { return try floatParameter(value, "log_prob() argument 'value'", context) }
        guard let t = value.tensorObject?.tensor else {
            throw RuntimeError.value("The value argument to log_prob must be a Tensor")
        }
        for (i, j) in zip(t.shape.reversed(), batchShape.reversed()) where i != 1 && j != 1 && i != j {
            throw RuntimeError.value("Value is not broadcastable with batch_shape+event_shape: "
                                     + "torch.Size(\(t.shape)) vs torch.Size(\(batchShape)).")
        }
        let valid = try context.perform { try inSupport(t) }
        if valid.scalars.contains(0) {
            throw RuntimeError.value("Expected value argument (Tensor of shape \(describeShape(t.shape))) to be within the support "
                                     + "(\(supportName)) of the distribution \(repr()), but found invalid values:\n\(t.description)")
        }
        return t
    }

    /// Throws PyTorch's error when `valid` (a bool tensor) has a false element.
    func checkParameter(_ name: String, _ t: Tensor, _ constraint: String, _ valid: Tensor) throws {
        guard validates, valid.scalars.contains(0) else { return }
        throw RuntimeError.value("Expected parameter \(name) (Tensor of shape \(describeShape(t.shape))) of distribution \(repr()) "
                                 + "to satisfy the constraint \(constraint), but found invalid values:\n\(t.description)")
    }
}

extension DistributionObject {
    /// A parameter as a float32 tensor (Python numbers and int tensors converted).
    func floatParameter(_ value: Value, _ what: String, _ context: TensorContext) throws -> Tensor {
        try Self.floatTensor(value, what, context)
    }

    /// Whether a parameter is a Python number (then PyTorch's batch_shape ignores it).
    static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .float, .bool: true
        default: false
        }
    }

    static func floatTensor(_ value: Value, _ what: String, _ context: TensorContext) throws -> Tensor {
        let t = try context.arrayOrTensor(value, what)
        return t.dtype == .float32 ? t : try context.perform { try t.float() }
    }
}

extension DistributionObject {
    /// PyTorch's `broadcast_all`: the tensors expanded to their common shape (gradients reach
    /// the originals through the expansion).
    static func broadcastAll(_ tensors: [Tensor]) throws -> [Tensor] {
        var shape: [Int] = []
        for t in tensors {
            let rank = Swift.max(shape.count, t.ndim)
            let a = [Int](repeating: 1, count: rank - shape.count) + shape
            let b = [Int](repeating: 1, count: rank - t.ndim) + t.shape
            shape = try zip(a, b).enumerated().map { dim, sizes in
                guard sizes.0 == sizes.1 || sizes.0 == 1 || sizes.1 == 1 else {
                    throw RuntimeError("The size of tensor a (\(sizes.0)) must match the size of tensor b (\(sizes.1)) "
                                       + "at non-singleton dimension \(dim)", id: "runtime-error")
                }
                return sizes.0 == 1 ? sizes.1 : sizes.0
            }
        }
        return try tensors.map { $0.shape == shape ? $0 : try $0.expand(shape) }
    }
}
