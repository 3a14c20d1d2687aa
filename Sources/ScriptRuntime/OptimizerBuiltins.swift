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
            optimizer.zeroGrad()
            return Value.none
        case "step":
            let context = interpreter.tensors
            try ModelBuiltins.make { try context.perform { try context.withGrad(false) { try optimizer.step() } } }
            return Value.none
        default:
            return nil
        }
    }
}

/// Optimizers (PyTorch's update rules) and losses.
enum OptimizerBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("SGD", Signature("SGD", ["params", "lr", "momentum"], required: 2, keywordOnly: ["weight_decay", "nesterov"])) { args, interpreter in
            let params = try interpreter.tensors.tensors(in: args.value("params"), "SGD() params", interpreter)
            let lr = Float(try args.double("lr", 0.01))
            let momentum = Float(try args.double("momentum", 0))
            let decay = Float(try args.double("weight_decay", 0))
            let nesterov = try args.bool("nesterov", false)
            let sgd = try ModelBuiltins.make { try SGD(params, lr: lr, momentum: momentum, weightDecay: decay, nesterov: nesterov) }
            return .native(OptimizerObject(sgd, name: "SGD", learningRate: try args.double("lr", 0.01)))
        }
        for name in ["Adam", "AdamW"] {
            registry.function(name, Signature(name, ["params", "lr", "betas"], required: 1, keywordOnly: ["eps", "weight_decay"])) { args, interpreter in
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
    }

    static func installLosses(_ registry: inout Registry) {
        registry.function("cross_entropy", Signature("cross_entropy", ["input", "target", "mask"], required: 2)) { args, interpreter in
            try loss(args, interpreter) { input, target, mask in try Losses.crossEntropy(input, target, mask: mask) }
        }
        registry.function("mse", Signature("mse", ["input", "target", "mask"], required: 2)) { args, interpreter in
            try loss(args, interpreter) { input, target, mask in try Losses.mse(input, target, mask: mask) }
        }
        registry.function("flip_flop_loss", Signature("flip_flop_loss", ["input", "target"], keywordOnly: ["transition_blind"])) { args, interpreter in
            let blind = try args.int("transition_blind", 4)
            return try loss(args, interpreter) { input, target, _ in try Losses.flipFlop(input, target, transitionBlind: blind) }
        }
        registry.function("td_loss", Signature("td_loss", ["values", "rewards", "lengths", "gamma"])) { args, interpreter in
            let context = interpreter.tensors
            let values = try context.tensor(args.value("values"), "td_loss() values")
            let rewards = try context.tensor(args.value("rewards"), "td_loss() rewards")
            let lengths = try interpreter.numbers(args.value("lengths"), "td_loss() lengths").map { Int($0) }
            let gamma = Float(try args.double("gamma", 0.9))
            return context.wrap(try ModelBuiltins.make {
                try context.perform { try Losses.temporalDifference(values: values, rewards: rewards, lengths: lengths, gamma: gamma) }
            })
        }
        for (name, function) in [("CrossEntropyLoss", "cross_entropy"), ("MSELoss", "mse")] {
            registry.function(name, Signature(name, [], acceptsAnyKeyword: true)) { _, _ in
                .native(LossObject(name: name, function: function))
            }
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

/// `CrossEntropyLoss()` and `MSELoss()`: callable loss objects, as in `torch.nn`.
final class LossObject: NativeObject {
    let name: String
    let function: String

    init(name: String, function: String) {
        self.name = name
        self.function = function
    }

    var typeName: String { name }
    func repr() -> String { "\(name)()" }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature(name, ["input", "target"]).bind(arguments)
        return try OptimizerBuiltins.loss(args, interpreter) { input, target, _ in
            function == "mse" ? try Losses.mse(input, target) : try Losses.crossEntropy(input, target)
        }
    }
}
