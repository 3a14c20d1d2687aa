import Foundation

/// A learning-rate scheduler seen from `rnn` code (PyTorch's `torch.optim.lr_scheduler`):
/// `StepLR(optimizer, step_size, gamma=0.1)` and `CosineAnnealingLR(optimizer, T_max,
/// eta_min=0.0)`. Each `scheduler.step()` counts one epoch (`last_epoch`) and writes the
/// learning rate of that epoch into the optimizer, from the optimizer's learning rate when
/// the scheduler was made (`base_lrs`, kept in the group as `'initial_lr'`): StepLR gives base · γ^⌊epoch / step_size⌋,
/// CosineAnnealingLR η_min + (base − η_min)(1 + cos(π · epoch / T_max))/2 (PyTorch's
/// closed form, which its recursive update equals while nothing else sets the rate).
final class LRSchedulerObject: NativeObject, SnapshotCopyable {
    /// The rule of the rate at an epoch.
    enum Rule {
        case step(size: Int, gamma: Double)
        case cosine(period: Int, minimum: Double)
    }

    let optimizer: OptimizerObject
    let rule: Rule
    let name: String
    let baseRate: Double
    private(set) var lastEpoch = 0

    init(_ optimizer: OptimizerObject, rule: Rule, name: String, baseRate: Double? = nil, lastEpoch: Int = 0) {
        self.optimizer = optimizer
        self.rule = rule
        self.name = name
        self.baseRate = baseRate ?? ((try? optimizer.entry("initial_lr")?.asDouble("initial_lr")) ?? optimizer.rate)
        self.lastEpoch = lastEpoch
    }

    /// A copy driving the snapshot's copy of the optimizer.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let copied as OptimizerObject) = try copier.copy(.native(optimizer)) else {
            throw SnapshotError(message: "cannot snapshot a \(name)")
        }
        return LRSchedulerObject(copied, rule: rule, name: name, baseRate: baseRate, lastEpoch: lastEpoch)
    }

    var typeName: String { name }
    func repr() -> String { "<torch.optim.lr_scheduler.\(name) object>" }
    var attributeNames: [String] { ["step", "get_last_lr", "last_epoch", "base_lrs", "optimizer"] }

    /// The learning rate at `epoch`.
    func rate(at epoch: Int) -> Double {
        switch rule {
        case .step(let size, let gamma):
            return baseRate * Foundation.pow(gamma, Double(epoch / size))
        case .cosine(let period, let minimum):
            return minimum + (baseRate - minimum) * (1 + Foundation.cos(Double.pi * Double(epoch) / Double(period))) / 2
        }
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "last_epoch": .int(lastEpoch)
        case "base_lrs": .list(ListObject([.float(baseRate)]))
        case "optimizer": .native(optimizer)
        default: nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "step":
            let args = try Signature("step", ["epoch"], required: 0).bind(arguments)
            if let epoch = args["epoch"], !epoch.isNone {
                throw RuntimeError.value("\(self.name).step(epoch) is not supported (PyTorch deprecates it): call step() once per epoch")
            }
            lastEpoch += 1
            try optimizer.setAttribute("lr", .float(rate(at: lastEpoch)), interpreter)
            return Value.none
        case "get_last_lr":
            _ = try Signature("get_last_lr").bind(arguments)
            return .list(ListObject([.float(optimizer.rate)]))
        default:
            return nil
        }
    }
}

/// `torch.optim.lr_scheduler`'s `StepLR` and `CosineAnnealingLR`.
enum LRSchedulerBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("StepLR", Signature("StepLR", ["optimizer", "step_size", "gamma", "last_epoch"], required: 2)) { args, _ in
            let size = try args.int("step_size", 1)
            guard size >= 1 else { throw RuntimeError.value("StepLR: step_size must be a positive integer, got \(size)") }
            return .native(LRSchedulerObject(try optimizer(args, "StepLR"), rule: .step(size: size, gamma: try args.double("gamma", 0.1)),
                                             name: "StepLR"))
        }
        registry.function("CosineAnnealingLR", Signature("CosineAnnealingLR", ["optimizer", "T_max", "eta_min", "last_epoch"],
                                                         required: 2)) { args, _ in
            let period = try args.int("T_max", 1)
            guard period >= 1 else { throw RuntimeError.value("CosineAnnealingLR: T_max must be a positive integer, got \(period)") }
            let rule = LRSchedulerObject.Rule.cosine(period: period, minimum: try args.double("eta_min", 0))
            return .native(LRSchedulerObject(try optimizer(args, "CosineAnnealingLR"), rule: rule, name: "CosineAnnealingLR"))
        }
    }

    /// The optimizer argument; `last_epoch` other than -1 (resuming a schedule) is refused.
    static func optimizer(_ args: BoundArguments, _ name: String) throws -> OptimizerObject {
        if try args.int("last_epoch", -1) != -1 {
            throw RuntimeError.value("\(name)(last_epoch=…) is not supported: make the scheduler at the start and call step() per epoch")
        }
        guard case .native(let optimizer as OptimizerObject) = try args.value("optimizer") else {
            throw RuntimeError.type("\(name)() argument 'optimizer' must be an optimizer such as torch.optim.Adam(...)")
        }
        // As PyTorch: the group keeps its rate at the start as 'initial_lr', the schedule's base.
        if optimizer.entry("initial_lr") == nil, let rate = optimizer.entry("lr") {
            optimizer.group.set(.str("initial_lr"), try HashKey(.str("initial_lr")), rate)
        }
        return optimizer
    }
}
