import Neural
import Tensor

/// An optimizer seen from `rnn` code: `opt.zero_grad()`, `opt.step()`, `opt.param_groups`
/// and rnnbook's shorthand `opt.lr` (the rate of the single group).
///
/// As in PyTorch, `param_groups` is a list holding one dict per group; rnnbook's optimizers
/// have one group. Its dict is where the hyper-parameters live: `g['lr'] = 1e-4` (or
/// `momentum`, `dampening`, `weight_decay`, `nesterov` for SGD; `betas`, `eps`,
/// `weight_decay` for Adam/AdamW) takes effect at the next `step()`, which reads the dict
/// and configures the engine's update rule. `opt.lr` and the LR schedulers read and write
/// the same entry.
final class OptimizerObject: NativeObject {
    let optimizer: any Optimizer
    let name: String
    /// The one parameter group (PyTorch's `param_groups[0]`).
    let group: DictObject
    /// The list `param_groups` returns (the same list each time, as in PyTorch).
    let groups: ListObject

    /// An optimizer whose group holds `entries` (the hyper-parameters as written, in
    /// PyTorch's order) after `'params'`, the parameters wrapped for the session.
    convenience init(_ optimizer: any Optimizer, name: String, entries: [(String, Value)], _ interpreter: Interpreter) throws {
        let group = DictObject()
        let params = ListObject(optimizer.parameters.map { interpreter.tensors.wrap($0) })
        for (key, value) in [("params", Value.list(params))] + entries {
            group.set(.str(key), try HashKey(.str(key)), value)
        }
        self.init(optimizer, name: name, group: group, groups: ListObject([.dict(group)]))
    }

    /// An optimizer over an existing group (a snapshot's copy).
    init(_ optimizer: any Optimizer, name: String, group: DictObject, groups: ListObject) {
        self.optimizer = optimizer
        self.name = name
        self.group = group
        self.groups = groups
    }

    var typeName: String { name }
    func repr() -> String { "\(name)(lr=\(entry("lr")?.repr() ?? "?"))" }
    var attributeNames: [String] { ["lr", "param_groups", "step", "zero_grad"] }

    /// The group's entry `key`, if present.
    func entry(_ key: String) -> Value? {
        (try? HashKey(.str(key))).flatMap { group.get($0) }
    }

    /// The group's learning rate as a number (0 when the entry is not one; `step()` refuses it).
    var rate: Double { (try? entry("lr")?.asDouble("lr")) ?? 0 }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "lr": entry("lr")
        case "param_groups": .list(groups)
        default: nil
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        guard name == "lr" else { return false }
        _ = try value.asDouble("lr")
        group.set(.str("lr"), try HashKey(.str("lr")), value)
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
            try OptimizerGroup(self, interpreter).configure()
            try ModelBuiltins.make { try context.perform { try context.withGrad(false) { try optimizer.step() } } }
            return loss
        default:
            return nil
        }
    }
}
