import Tasks
import Tensor

/// `NBitFlipFlop(n_timesteps, noise, n=1, switch_prob=0.01, transition_blind=4,
/// dynamic_noise=0)`, CTDB's N-bit flip-flop (specs/tasks.md §2.1), with CTDB's argument
/// names and defaults: `env.generate_trial()`, `env.generate_dataset(n_samples)`,
/// `env.render()`, `env.render_3d(n_trials)` (FlipFlopRendering.swift), and rnnbook's
/// time-major `env.batch(16)`. Trials are drawn from the session's generator, so
/// `manual_seed` and the notebook's seed fix them.
extension TaskBuiltins {
    static let flipFlopSignature = Signature(
        "NBitFlipFlop", ["n_timesteps", "noise", "n", "switch_prob", "transition_blind", "dynamic_noise"], required: 2)

    static func installFlipFlop(_ registry: inout Registry) {
        registry.rawFunction("NBitFlipFlop") { arguments, interpreter in
            // rnnbook's earlier names, refused with CTDB's in the message.
            for (old, new) in [("bits", "n"), ("steps", "n_timesteps")] where arguments.keywords.contains(where: { $0.name == old }) {
                throw RuntimeError.type("NBitFlipFlop() takes CTDB's argument names: write \(new)= instead of \(old)=")
            }
            let args = try flipFlopSignature.bind(arguments)
            let bits = try args.int("n", 1)
            let steps = try args.value("n_timesteps").asInt(args.what("n_timesteps"))
            let noise = try args.value("noise").asDouble(args.what("noise"))
            let switchProb = try args.double("switch_prob", 0.01)
            let blind = try args.int("transition_blind", 4)
            let dynamicNoise = try args.double("dynamic_noise", 0)
            let generator = interpreter.tensors.generator
            let task = try converting {
                try NBitFlipFlop(bits: bits, steps: steps, noise: noise, switchProb: switchProb,
                                 transitionBlind: blind, dynamicNoise: dynamicNoise, generator: generator)
            }
            return .native(FlipFlopObject(task))
        }
    }
}

/// `NBitFlipFlop`: CTDB's `generate_trial`, `generate_dataset`, `reset`, `render`,
/// `render_3d` and attributes, and `batch(batch_size, true_inputs=False)`.
final class FlipFlopObject: NativeObject {
    let task: NBitFlipFlop

    init(_ task: NBitFlipFlop) {
        self.task = task
    }

    var typeName: String { "NBitFlipFlop" }

    func repr() -> String {
        "NBitFlipFlop(n_timesteps=\(task.steps), noise=\(Value.float(task.noise).repr()), n=\(task.bits), "
            + "switch_prob=\(Value.float(task.switchProb).repr()))"
    }

    static let methods = ["batch", "generate_trial", "generate_dataset", "reset", "render", "render_3d"]
    static let attributes = [
        "n", "n_timesteps", "noise", "switch_prob", "transition_blind", "dynamic_noise", "observation_space",
        "action_space", "context_inputs", "input_labels", "output_labels", "dataset_name", "coupled_env", "state",
    ]

    var attributeNames: [String] { FlipFlopObject.methods + FlipFlopObject.attributes }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "n": .int(task.bits)
        case "n_timesteps": .int(task.steps)
        case "noise": .float(task.noise)
        case "switch_prob": .float(task.switchProb)
        case "transition_blind": .int(task.transitionBlind)
        case "dynamic_noise": .float(task.dynamicNoise)
        case "observation_space": .native(SpaceObject(box: task.bits, low: -1.5, high: 1.5))
        case "action_space": .native(SpaceObject(box: task.bits, low: -0.5, high: 1.5))
        case "context_inputs": .native(SpaceObject(box: 0, low: -1.5, high: 1.5))
        case "input_labels": .list(ListObject((0..<task.bits).map { .str("Input \($0)") }))
        case "output_labels": .list(ListObject((0..<task.bits).map { .str("Output \($0)") }))
        case "dataset_name": .str("\(task.bits)BFF")
        case "coupled_env": .bool(false)
        case "state": try zeros([task.bits], interpreter)
        default: nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "batch":
            let args = try Signature("batch", ["batch_size"], keywordOnly: ["true_inputs"]).bind(arguments)
            let size = try args.value("batch_size").asInt(args.what("batch_size"))
            let withTrueInputs = try args.bool("true_inputs", false)
            let batch = try TaskBuiltins.converting { try context.perform { try task.batch(size) } }
            let pair = [context.wrap(batch.inputs), context.wrap(batch.targets)]
            return .tuple(withTrueInputs ? pair + [context.wrap(batch.trueInputs)] : pair)
        case "generate_trial":
            _ = try Signature("generate_trial", []).bind(arguments)
            let trial = task.trialArrays()
            let shape = [task.steps, task.bits]
            return .tuple(try [trial.inputs, trial.targets, trial.pulses].map { try array($0, shape, context) })
        case "generate_dataset":
            let args = try Signature("generate_dataset", ["n_samples"]).bind(arguments)
            let count = try args.value("n_samples").asInt(args.what("n_samples"))
            return try dataset(count, interpreter)
        case "reset":
            _ = try Signature("reset", []).bind(arguments)
            return try zeros([task.bits], interpreter)
        case "render":
            _ = try Signature("render", []).bind(arguments)
            try FlipFlopRendering.render(task, interpreter)
            return Value.none
        case "render_3d":
            let args = try Signature("render_3d", ["n_trials"], required: 0).bind(arguments)
            try FlipFlopRendering.render3D(task, trials: try args.int("n_trials", 10), interpreter)
            return Value.none
        default:
            return nil
        }
    }

    /// CTDB's `generate_dataset(n_samples)`: `(dataset_dict, extra_dict)`, the dict's arrays
    /// batch-first (n_samples, n_timesteps, n), in CTDB's key order.
    private func dataset(_ count: Int, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let batch = try TaskBuiltins.converting { try context.perform { try task.batch(count, batchFirst: true) } }
        let dict = DictObject()
        func set(_ key: String, _ value: Value) throws { dict.set(.str(key), try HashKey(.str(key)), value) }
        try set("ics", try zeros([count, task.bits], interpreter))
        try set("inputs", NDArray.numpyArray(batch.inputs, context))
        try set("inputs_to_env", try zeros([count, task.steps, 0], interpreter))
        try set("targets", NDArray.numpyArray(batch.targets, context))
        try set("true_inputs", NDArray.numpyArray(batch.trueInputs, context))
        try set("conds", try zeros([count, 1], interpreter))
        try set("extra", try zeros([count, 1], interpreter))
        return .tuple([.dict(dict), .dict(DictObject())])
    }

    private func array(_ values: [Float], _ shape: [Int], _ context: TensorContext) throws -> Value {
        NDArray.numpyArray(try context.perform { try Tensor(values, shape: shape) }, context)
    }

    private func zeros(_ shape: [Int], _ interpreter: Interpreter) throws -> Value {
        try NDArray(shape: shape, values: [Double](repeating: 0, count: shape.reduce(1, *)), dtype: .float32)
            .tensor(interpreter.tensors)
    }
}
