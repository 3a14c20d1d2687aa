import Tasks
import Tensor

/// `NBitFlipFlop(bits=3, steps=500, noise=0.15, switch_prob=0.01)`, the N-bit flip-flop of
/// specs/tasks.md §2.1: `inputs, targets = ff.batch(16)`, time-major (steps, batch, bits);
/// `ff.batch(16, true_inputs=True)` adds the noiseless pulses as a third tensor. Trials are
/// drawn from the session's generator, so `manual_seed` and the notebook's seed fix them.
extension TaskBuiltins {
    static func installFlipFlop(_ registry: inout Registry) {
        let signature = Signature("NBitFlipFlop", ["bits", "steps", "noise", "switch_prob"], required: 0)
        registry.function("NBitFlipFlop", signature) { args, interpreter in
            let bits = try args.int("bits", 3)
            let steps = try args.int("steps", 500)
            let noise = try args.double("noise", 0.15)
            let switchProb = try args.double("switch_prob", 0.01)
            let generator = interpreter.tensors.generator
            let task = try converting {
                try NBitFlipFlop(bits: bits, steps: steps, noise: noise, switchProb: switchProb, generator: generator)
            }
            return .native(FlipFlopObject(task))
        }
    }
}

/// `NBitFlipFlop`: `ff.batch(batch_size, true_inputs=False)` and the task's settings.
final class FlipFlopObject: NativeObject {
    let task: NBitFlipFlop

    init(_ task: NBitFlipFlop) {
        self.task = task
    }

    var typeName: String { "NBitFlipFlop" }

    func repr() -> String {
        "NBitFlipFlop(bits=\(task.bits), steps=\(task.steps), noise=\(Value.float(task.noise).repr()), "
            + "switch_prob=\(Value.float(task.switchProb).repr()))"
    }

    var attributeNames: [String] {
        ["batch", "bits", "steps", "noise", "switch_prob", "observation_size", "action_size"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "bits", "observation_size", "action_size": .int(task.bits)
        case "steps": .int(task.steps)
        case "noise": .float(task.noise)
        case "switch_prob": .float(task.switchProb)
        default: nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard name == "batch" else { return nil }
        let args = try Signature("batch", ["batch_size"], keywordOnly: ["true_inputs"]).bind(arguments)
        let size = try args.value("batch_size").asInt(args.what("batch_size"))
        let withTrueInputs = try args.bool("true_inputs", false)
        let context = interpreter.tensors
        let batch = try TaskBuiltins.converting { try context.perform { try task.batch(size) } }
        let pair = [context.wrap(batch.inputs), context.wrap(batch.targets)]
        return .tuple(withTrueInputs ? pair + [context.wrap(batch.trueInputs)] : pair)
    }
}
