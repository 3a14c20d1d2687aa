import Neural
import Tensor

/// Reads an optimizer's `param_groups[0]` dict before a step and configures the engine's
/// update rule with it, refusing what rnnbook does not implement (several groups, a
/// changed parameter list, `maximize`/`amsgrad`/`differentiable` set to True).
struct OptimizerGroup {
    let object: OptimizerObject
    let interpreter: Interpreter

    init(_ object: OptimizerObject, _ interpreter: Interpreter) {
        self.object = object
        self.interpreter = interpreter
    }

    /// Applies the group's hyper-parameters to the engine optimizer.
    func configure() throws {
        try checkStructure()
        do {
            switch object.optimizer {
            case let sgd as SGD:
                try sgd.configure(lr: try float("lr"), momentum: try float("momentum"), dampening: try float("dampening"),
                                  weightDecay: try float("weight_decay"), nesterov: try value("nesterov").truthy())
            case let adam as Adam:
                try adam.configure(lr: try float("lr"), betas: try betas(), eps: try float("eps"),
                                   weightDecay: try float("weight_decay"))
            default:
                throw RuntimeError.type("\(object.name) has no param_groups")
            }
        } catch let error as NeuralError {
            throw RuntimeError.value("\(error.message) (set in param_groups)")
        }
    }

    /// One group, its `params` the optimizer's parameters, no unsupported flag set.
    private func checkStructure() throws {
        let name = object.name
        guard object.groups.items.count == 1, case .dict(let only) = object.groups.items[0], only === object.group else {
            throw RuntimeError.value("\(name).param_groups must hold its one original group: rnnbook's optimizers have a "
                                     + "single parameter group; make one optimizer per group of parameters")
        }
        guard case .list(let params) = try value("params"), params.items.count == object.optimizer.parameters.count,
              zip(params.items, object.optimizer.parameters).allSatisfy({ item, p in
                  if case .native(let t as TensorObject) = item { return t.tensor === p }
                  return false
              }) else {
            throw RuntimeError.value("changing \(name).param_groups[0]['params'] is not supported: "
                                     + "make a new optimizer over the new parameters")
        }
        // SGD has no `amsgrad` entry (PyTorch ignores one added to its group).
        for flag in ["maximize", "differentiable"] + (object.optimizer is Adam ? ["amsgrad"] : []) {
            if let set = object.entry(flag), try set.truthy() {
                throw RuntimeError.value("\(name) param_groups[0]['\(flag)'] = True is not supported: set it back to False")
            }
        }
    }

    /// The entry `key`, or a KeyError as PyTorch raises for a deleted one.
    private func value(_ key: String) throws -> Value {
        guard let found = object.entry(key) else { throw RuntimeError.keyError(.str(key)) }
        return found
    }

    /// The entry `key` as a number.
    private func float(_ key: String) throws -> Float {
        Float(try value(key).asDouble("\(object.name) param_groups[0]['\(key)']"))
    }

    /// Adam's `betas` entry: a pair of numbers.
    private func betas() throws -> (Float, Float) {
        let pair = try interpreter.numbers(try value("betas"), "\(object.name) param_groups[0]['betas']")
        guard pair.count == 2 else { throw RuntimeError.value("\(object.name): betas must be a pair") }
        return (Float(pair[0]), Float(pair[1]))
    }
}
