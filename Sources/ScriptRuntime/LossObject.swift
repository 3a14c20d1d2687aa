import Tensor

/// A loss object of `torch.nn` (`CrossEntropyLoss(weight=w)`): called on `(input,
/// target)`, it computes the loss with the options it was made with, which it shows as
/// attributes (`loss.reduction`, `loss.weight`, …).
final class LossObject: NativeObject {
    let kind: LossKind
    /// The constructor's arguments.
    let options: BoundArguments

    init(kind: LossKind, options: BoundArguments) {
        self.kind = kind
        self.options = options
    }

    /// The class name, as PyTorch shows it.
    var name: String { kind.rawValue }
    var typeName: String { name }
    /// PyTorch shows a loss by its class name alone.
    func repr() -> String { "\(name)()" }
    var attributeNames: [String] { kind.options.filter { $0 != "size_average" && $0 != "reduce" } }

    /// An option as given, or PyTorch's default.
    func attribute(_ member: String, _ interpreter: Interpreter) throws -> Value? {
        guard attributeNames.contains(member) else { return nil }
        if let given = options[member], !given.isNone { return given }
        switch member {
        case "reduction": return .str("mean")
        case "ignore_index": return .int(-100)
        case "label_smoothing": return .float(0)
        case "beta", "delta": return .float(1)
        default: return Value.none
        }
    }

    /// `loss(input, target)`: classes in dimension 1, as PyTorch.
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature(name, ["input", "target"]).bind(arguments)
        let context = interpreter.tensors
        let (input, target) = try kind.operands(args, context)
        return context.wrap(try kind.evaluate(input, target, options, layout: .pytorch, context))
    }

    /// The loss of `output` against `targets` in `train` (classes last, as `train`'s
    /// (T, B, C) outputs have them).
    func trainingLoss(_ output: Tensor, _ targets: Tensor, _ interpreter: Interpreter) throws -> Tensor {
        try kind.evaluate(output, targets, options, layout: .last, interpreter.tensors)
    }
}
