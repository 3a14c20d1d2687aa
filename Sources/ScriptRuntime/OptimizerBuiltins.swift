import Neural
import Tensor

/// An optimizer seen from `rnn` code: `opt.zero_grad()`, `opt.step()`, `opt.lr`.
final class OptimizerObject: NativeObject {
    let optimizer: any Optimizer
    let name: String

    /// The learning rate as the user wrote it (the engine keeps a Float), so that `opt.lr`
    /// and the display show `0.1`, not `0.10000000149011612`.
    private(set) var writtenRate: Double?

    init(_ optimizer: any Optimizer, name: String, learningRate written: Double? = nil) {
        self.optimizer = optimizer
        self.name = name
        writtenRate = written
    }

    var typeName: String { name }
    func repr() -> String { "\(name)(lr=\(Value.float(rate).repr()))" }

    /// The learning rate: as written, while the engine's Float still equals it.
    var rate: Double {
        if let writtenRate, Float(writtenRate) == learningRate { return writtenRate }
        return Double(learningRate)
    }
    var attributeNames: [String] { ["lr", "step", "zero_grad"] }

    var learningRate: Float {
        get {
            if let adam = optimizer as? Adam { return adam.learningRate }
            if let sgd = optimizer as? SGD { return sgd.learningRate }
            return 0
        }
        set {
            if let adam = optimizer as? Adam { adam.learningRate = newValue }
            if let sgd = optimizer as? SGD { sgd.learningRate = newValue }
        }
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "lr" ? .float(rate) : nil
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        guard name == "lr" else { return false }
        let written = try value.asDouble("lr")
        learningRate = Float(written)
        writtenRate = written
        return true
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "zero_grad":
            // PyTorch's default drops the gradients; set_to_none=False zeroes them in place.
            let toNone = try Signature("zero_grad", ["set_to_none"], required: 0).bind(arguments).bool("set_to_none", true)
            if toNone {
                optimizer.zeroGrad()
            } else {
                let context = interpreter.tensors
                try context.perform { try context.withGrad(false) { for p in optimizer.parameters { try p.grad?.zero_() } } }
            }
            return Value.none
        case "step":
            // step(closure): the closure re-evaluates the loss (with gradients) first, and
            // its value is returned, as in PyTorch.
            let closure = try Signature("step", ["closure"], required: 0).bind(arguments)["closure"]
            let context = interpreter.tensors
            var loss = Value.none
            if let closure, !closure.isNone { loss = try context.withGrad(true) { try interpreter.call(closure, Arguments()) } }
            try ModelBuiltins.make { try context.perform { try context.withGrad(false) { try optimizer.step() } } }
            return loss
        default:
            return nil
        }
    }
}

/// Optimizers (PyTorch's update rules) and losses.
enum OptimizerBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("SGD", Signature("SGD", ["params", "lr", "momentum", "dampening", "weight_decay", "nesterov"],
                                           required: 1, keywordOnly: unsupportedFlags)) { args, interpreter in
            try refuseUnsupported(args)
            let params = try interpreter.tensors.tensors(in: args.value("params"), "SGD() params", interpreter)
            let lr = try args.double("lr", 1e-3)
            let momentum = Float(try args.double("momentum", 0))
            let dampening = Float(try args.double("dampening", 0))
            let decay = Float(try args.double("weight_decay", 0))
            let nesterov = try args.bool("nesterov", false)
            let sgd = try ModelBuiltins.make {
                try SGD(params, lr: Float(lr), momentum: momentum, dampening: dampening, weightDecay: decay, nesterov: nesterov)
            }
            return .native(OptimizerObject(sgd, name: "SGD", learningRate: lr))
        }
        for name in ["Adam", "AdamW"] {
            let signature = Signature(name, ["params", "lr", "betas", "eps", "weight_decay", "amsgrad"], required: 1,
                                      keywordOnly: unsupportedFlags + ["capturable"])
            registry.function(name, signature) { args, interpreter in
                try refuseUnsupported(args)
                let params = try interpreter.tensors.tensors(in: args.value("params"), "\(name)() params", interpreter)
                let lr = Float(try args.double("lr", 1e-3))
                var betas: (Float, Float) = (0.9, 0.999)
                if let given = args["betas"], !given.isNone {
                    let pair = try interpreter.numbers(given, "\(name)() betas")
                    guard pair.count == 2 else { throw RuntimeError.value("\(name)(): betas must be a pair") }
                    betas = (Float(pair[0]), Float(pair[1]))
                }
                let eps = Float(try args.double("eps", 1e-8))
                let decay = Float(try args.double("weight_decay", name == "AdamW" ? 0.01 : 0))
                let adam = try ModelBuiltins.make {
                    name == "Adam"
                        ? try Adam(params, lr: lr, betas: betas, eps: eps, weightDecay: decay)
                        : try Adam.adamW(params, lr: lr, betas: betas, eps: eps, weightDecay: decay)
                }
                return .native(OptimizerObject(adam, name: name, learningRate: try args.double("lr", 1e-3)))
            }
        }
        installLosses(&registry)
        LRSchedulerBuiltins.install(&registry)
    }

    /// PyTorch's optimizer flags beyond the update rule. `foreach` and `fused` choose an
    /// implementation of the same arithmetic, so any value is accepted (and
    /// `capturable`, a GPU flag, for Adam); the others change the update and are refused
    /// unless False (see `refuseUnsupported`).
    static let unsupportedFlags = ["maximize", "foreach", "differentiable", "fused"]

    /// Refuses `maximize=True`, `differentiable=True` and `amsgrad=True`, which rnnbook's
    /// optimizers do not implement, saying what to write instead.
    static func refuseUnsupported(_ args: BoundArguments) throws {
        let name = args.signature.name
        let advice = [
            "maximize": "minimize the negated objective instead (loss = -objective)",
            "differentiable": "rnnbook does not differentiate through optimizer steps",
            "amsgrad": "use \(name) without amsgrad",
        ]
        for (flag, instead) in advice.sorted(by: { $0.key < $1.key }) {
            if let value = args[flag], !value.isNone, try value.truthy() {
                throw RuntimeError.value("\(name)(\(flag)=True) is not supported: \(instead)")
            }
        }
    }

    /// The losses: PyTorch's (`LossBuiltins`) and rnnbook's task losses.
    static func installLosses(_ registry: inout Registry) {
        LossBuiltins.install(&registry)
        registry.function("flip_flop_loss", Signature("flip_flop_loss", ["input", "target"], keywordOnly: ["transition_blind"])) { args, interpreter in
            let blind = try args.int("transition_blind", 4)
            return try loss(args, interpreter) { input, target, _ in try Losses.flipFlop(input, target, transitionBlind: blind) }
        }
        registry.function("td_loss", Signature("td_loss", ["values", "rewards", "lengths", "gamma"])) { args, interpreter in
            let context = interpreter.tensors
            let values = try context.tensor(args.value("values"), "td_loss() values")
            let rewards = try context.tensor(args.value("rewards"), "td_loss() rewards")
            let lengths = try interpreter.numbers(args.value("lengths"), "td_loss() lengths").map { try CheckedCount.count($0, "td_loss() lengths") }
            let gamma = Float(try args.double("gamma", 0.9))
            return context.wrap(try ModelBuiltins.make {
                try context.perform { try Losses.temporalDifference(values: values, rewards: rewards, lengths: lengths, gamma: gamma) }
            })
        }
    }

    /// Evaluates a loss of (input, target, optional mask) tensors.
    static func loss(_ args: BoundArguments, _ interpreter: Interpreter,
                     _ body: (Tensor, Tensor, Tensor?) throws -> Tensor) throws -> Value {
        let context = interpreter.tensors
        let input = try context.tensor(args.value("input"), "\(args.signature.name)() input")
        let target = try context.tensor(args.value("target"), "\(args.signature.name)() target")
        let mask = try args["mask"].flatMap { $0.isNone ? nil : try context.tensor($0, "\(args.signature.name)() mask") }
        return context.wrap(try ModelBuiltins.make { try context.perform { try body(input, target, mask) } })
    }
}
