import Neural
import Tensor

/// PyTorch's losses with exactly PyTorch's arguments: the classes of `torch.nn`
/// (`CrossEntropyLoss(weight=…, ignore_index=…, reduction=…, label_smoothing=…)`,
/// `MSELoss`, `L1Loss`, `SmoothL1Loss`, `HuberLoss`, `NLLLoss`, `BCELoss`,
/// `BCEWithLogitsLoss`) and the functions of `torch.nn.functional` (`cross_entropy`,
/// `mse_loss`, …), plus rnnbook's own `cross_entropy(logits, labels, mask=None)` and
/// `mse(pred, target, mask=None)` (LANGUAGE.md), which take the same keywords.
///
/// `size_average` and `reduce` (deprecated in PyTorch) are refused unless None, with the
/// `reduction=` to write instead.
/// The losses of `torch.nn`, by class name.
enum LossKind: String, CaseIterable {
    case crossEntropy = "CrossEntropyLoss"
    case mse = "MSELoss"
    case l1 = "L1Loss"
    case smoothL1 = "SmoothL1Loss"
    case huber = "HuberLoss"
    case nll = "NLLLoss"
    case bce = "BCELoss"
    case bceWithLogits = "BCEWithLogitsLoss"

    /// The `torch.nn.functional` name.
    var functionName: String {
        switch self {
        case .crossEntropy: "cross_entropy"
        case .mse: "mse_loss"
        case .l1: "l1_loss"
        case .smoothL1: "smooth_l1_loss"
        case .huber: "huber_loss"
        case .nll: "nll_loss"
        case .bce: "binary_cross_entropy"
        case .bceWithLogits: "binary_cross_entropy_with_logits"
        }
    }

    /// The options, in PyTorch's order: the class's parameters, and the function's after
    /// `input, target`.
    var options: [String] {
        switch self {
        case .crossEntropy: ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"]
        case .mse, .l1: ["size_average", "reduce", "reduction"]
        case .smoothL1: ["size_average", "reduce", "reduction", "beta"]
        case .huber: ["reduction", "delta"]
        case .nll: ["weight", "size_average", "ignore_index", "reduce", "reduction"]
        case .bce: ["weight", "size_average", "reduce", "reduction"]
        case .bceWithLogits: ["weight", "size_average", "reduce", "reduction", "pos_weight"]
        }
    }

    /// Evaluates the loss with the options in `args` (rnnbook's `mask` among them, for the
    /// functions that take it); `layout` is where the classes are preferred to be.
    func evaluate(_ input: Tensor, _ target: Tensor, _ args: BoundArguments, layout: ClassLayout,
                  _ context: TensorContext) throws -> Tensor {
        let reduction = try checkOptions(args)
        let weight = try optionalTensor(args, "weight", context)
        let mask = try optionalTensor(args, "mask", context)
        return try ModelBuiltins.make {
            try context.perform {
                switch self {
                case .crossEntropy, .nll:
                    let options = Losses.ClassOptions(
                        weight: weight, ignoreIndex: try args.int("ignore_index", -100), reduction: reduction,
                        labelSmoothing: Float(try args.double("label_smoothing", 0)), mask: mask)
                    return self == .nll
                        ? try Losses.nll(input, target, layout: layout, options: options)
                        : try Losses.crossEntropy(input, target, layout: layout, options: options)
                case .mse: return try Losses.mse(input, target, reduction: reduction, mask: mask)
                case .l1: return try Losses.l1(input, target, reduction: reduction)
                case .smoothL1: return try Losses.smoothL1(input, target, beta: Float(try args.double("beta", 1)), reduction: reduction)
                case .huber: return try Losses.huber(input, target, delta: Float(try args.double("delta", 1)), reduction: reduction)
                case .bce: return try Losses.binaryCrossEntropy(input, target, weight: weight, reduction: reduction)
                case .bceWithLogits:
                    return try Losses.binaryCrossEntropyWithLogits(
                        input, target, weight: weight, posWeight: try optionalTensor(args, "pos_weight", context), reduction: reduction)
                }
            }
        }
    }

    /// A tensor argument that may be None.
    private func optionalTensor(_ args: BoundArguments, _ name: String, _ context: TensorContext) throws -> Tensor? {
        guard let value = args[name], !value.isNone else { return nil }
        return try context.tensor(value, "\(args.signature.name)() argument '\(name)'")
    }
}

/// Installs the loss classes and functions.
enum LossBuiltins {
    /// Adds the loss classes, and rnnbook's `cross_entropy` and `mse` (LANGUAGE.md), as
    /// global names.
    static func install(_ registry: inout Registry) {
        for kind in LossKind.allCases {
            let signature = Signature(kind.rawValue, kind.options, required: 0)
            registry.function(kind.rawValue, signature) { args, interpreter in
                // Checked now, as PyTorch does when the loss is made.
                _ = try kind.checkOptions(args)
                return .native(LossObject(kind: kind, options: args))
            }
        }
        let classOptions = LossKind.crossEntropy.options
        registry.function("cross_entropy", Signature("cross_entropy", ["input", "target", "mask"], required: 2,
                                                     keywordOnly: classOptions)) { args, interpreter in
            try call(.crossEntropy, args, layout: .last, interpreter)
        }
        registry.function("mse", Signature("mse", ["input", "target", "mask"], required: 2, keywordOnly: ["reduction"])) {
            args, interpreter in
            try call(.mse, args, layout: .pytorch, interpreter)
        }
    }

    /// The `torch.nn.functional` losses (`F.cross_entropy(input, target, weight=None,
    /// size_average=None, ignore_index=-100, reduce=None, reduction='mean',
    /// label_smoothing=0.0)`, `F.mse_loss`, …): PyTorch's parameters, classes in dimension 1,
    /// and rnnbook's `mask=` for `cross_entropy` and `mse_loss`. They are members of the
    /// module, not global names.
    static func functionalMembers() -> [(String, Value)] {
        LossKind.allCases.map { kind in
            let keywordOnly = kind == .crossEntropy || kind == .mse ? ["mask"] : []
            let signature = Signature(kind.functionName, ["input", "target"] + kind.options, required: 2, keywordOnly: keywordOnly)
            return (kind.functionName, TensorMathFunctions.function(kind.functionName, signature) { args, interpreter in
                try call(kind, args, layout: .pytorch, interpreter)
            })
        }
    }

    /// Evaluates `kind` on the `input` and `target` of `args`.
    static func call(_ kind: LossKind, _ args: BoundArguments, layout: ClassLayout, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let (input, target) = try kind.operands(args, context)
        return context.wrap(try kind.evaluate(input, target, args, layout: layout, context))
    }
}

extension LossKind {
    /// The `input` and `target` of a call; numpy arrays are refused as PyTorch 2 refuses them
    /// (NumpyArrayRefusal.swift).
    func operands(_ args: BoundArguments, _ context: TensorContext) throws -> (input: Tensor, target: Tensor) {
        let what = args.signature.name
        return (try context.tensorArgument(args.value("input"), numpyRefusal(what, "input", 1), "\(what)() argument 'input'"),
                try context.tensorArgument(args.value("target"), numpyRefusal(what, "target", 2), "\(what)() argument 'target'"))
    }

    /// PyTorch's refusal of a numpy `input` or `target` of `function`: the classification
    /// losses' argument parser, or (the others read `target.size()`, an int for an array) a
    /// call of an int. rnnbook's own `mse` says it in the parser's words.
    private func numpyRefusal(_ function: String, _ name: String, _ position: Int) -> NumpyArrayRefusal {
        if function == "mse" { return .argument(function: function, name: name, position: position) }
        switch self {
        case .crossEntropy: return .argument(function: "cross_entropy_loss", name: name, position: position)
        case .nll: return .argument(function: "nll_loss_nd", name: name, position: position)
        default: return .typeError("'int' object is not callable", attribute: "size")
        }
    }

    /// Checks the options that do not need tensors (the deprecated flags, `reduction`,
    /// `label_smoothing`'s range) and returns the reduction.
    func checkOptions(_ args: BoundArguments) throws -> LossReduction {
        let what = args.signature.name
        for deprecated in ["size_average", "reduce"] where !(args[deprecated]?.isNone ?? true) {
            throw RuntimeError.value(
                "\(what)(): \(deprecated)= is deprecated in PyTorch and not supported here; write reduction='mean' "
                    + "(the default), reduction='sum' or reduction='none'")
        }
        let smoothing = try args.double("label_smoothing", 0)
        guard smoothing >= 0, smoothing <= 1 else {
            throw RuntimeError.value("\(what)(): label_smoothing must be between 0.0 and 1.0. Got: \(Value.float(smoothing).repr())")
        }
        return try ModelBuiltins.make { try LossReduction(named: try args.string("reduction", "mean")) }
    }
}
