import Neural
import Tensor

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
            let entries = groupEntries(args, [("lr", .float(1e-3)), ("momentum", .int(0)), ("dampening", .int(0)),
                                               ("weight_decay", .int(0)), ("nesterov", .bool(false))])
            return .native(try OptimizerObject(sgd, name: "SGD", entries: entries, interpreter))
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
                let entries = groupEntries(args, [("lr", .float(1e-3)), ("betas", .tuple([.float(0.9), .float(0.999)])),
                                                   ("eps", .float(1e-8)), ("weight_decay", .float(name == "AdamW" ? 0.01 : 0)),
                                                   ("amsgrad", .bool(false))])
                return .native(try OptimizerObject(adam, name: name, entries: entries, interpreter))
            }
        }
        installLosses(&registry)
        LRSchedulerBuiltins.install(&registry)
    }

    /// The entries of an optimizer's parameter group, in PyTorch's order: each
    /// hyper-parameter as the user wrote it (or its default), then PyTorch's flags.
    static func groupEntries(_ args: BoundArguments, _ defaults: [(String, Value)]) -> [(String, Value)] {
        let given = { (key: String, fallback: Value) -> Value in
            if let value = args[key], !value.isNone { return value }
            return fallback
        }
        var entries = defaults.map { ($0.0, given($0.0, $0.1)) }
        let capturable = args.signature.name == "SGD" ? [] : ["capturable"]
        for flag in ["maximize", "foreach"] + capturable + ["differentiable", "fused"] {
            let absent: Value = flag == "foreach" || flag == "fused" ? .none : .bool(false)
            entries.append((flag, args[flag] ?? absent))
        }
        return entries
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
            let values = try context.arrayOrTensor(args.value("values"), "td_loss() values")
            let rewards = try context.arrayOrTensor(args.value("rewards"), "td_loss() rewards")
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
        let input = try context.arrayOrTensor(args.value("input"), "\(args.signature.name)() input")
        let target = try context.arrayOrTensor(args.value("target"), "\(args.signature.name)() target")
        let mask = try args["mask"].flatMap { $0.isNone ? nil : try context.arrayOrTensor($0, "\(args.signature.name)() mask") }
        return context.wrap(try ModelBuiltins.make { try context.perform { try body(input, target, mask) } })
    }
}
