import Tasks
import Tensor

/// `PavlovTiming(cues=2, trials_per_cue=50, include_reward=True)`, the Pavlovian timing
/// experiment of specs/tasks.md §3 for TD value learning: `task.trials`, padded batches
/// (`task.batches(12)`, `task.batch(trials)`) and `task.true_value(trial, gamma)`. The
/// inter-trial intervals are drawn at construction from the session's generator.
extension TaskBuiltins {
    static func installPavlov(_ registry: inout Registry) {
        let signature = Signature("PavlovTiming", ["cues", "trials_per_cue", "include_reward"], required: 0)
        registry.function("PavlovTiming", signature) { args, interpreter in
            let cues = try args.int("cues", 2)
            let trialsPerCue = try args.int("trials_per_cue", 50)
            let includeReward = try args.bool("include_reward", true)
            let generator = interpreter.tensors.generator
            let task = try converting {
                try PavlovTiming(cues: cues, trialsPerCue: trialsPerCue, includeReward: includeReward, generator: generator)
            }
            return .native(PavlovObject(task))
        }
    }
}

/// `PavlovTiming`: its trials, batches and true values. It holds no mutable state (the
/// trials are fixed at construction), so snapshots share it.
final class PavlovObject: NativeObject {
    let task: PavlovTiming
    /// The trials as language values; they are immutable, so every `task.trials` list
    /// holds the same trial objects.
    private let trialValues: [Value]

    init(_ task: PavlovTiming) {
        self.task = task
        trialValues = task.trials.map { .native(PavlovTrialObject($0)) }
    }

    var typeName: String { "PavlovTiming" }

    func repr() -> String {
        "PavlovTiming(cues=\(task.cues), trials_per_cue=\(task.trialsPerCue), "
            + "include_reward=\(Value.bool(task.includeReward).repr()))"
    }

    var attributeNames: [String] {
        ["batch", "batches", "cues", "include_reward", "observation_size", "trials", "trials_per_cue", "true_value"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "cues": .int(task.cues)
        case "trials_per_cue": .int(task.trialsPerCue)
        case "include_reward": .bool(task.includeReward)
        case "observation_size": .int(task.observationSize)
        case "trials": .list(ListObject(trialValues))
        default: nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "batches": try batches(arguments, interpreter)
        case "batch": try batch(arguments, interpreter)
        case "true_value": try trueValue(arguments, interpreter)
        default: nil
        }
    }

    /// `task.batches(batch_size=12)`: every trial, in order, in padded batches (the last may
    /// be smaller), as the original's unshuffled `DataLoader` serves them.
    func batches(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let args = try Signature("batches", ["batch_size"], required: 0).bind(arguments)
        let size = try args.int("batch_size", 12)
        let context = interpreter.tensors
        let made = try TaskBuiltins.converting {
            try context.perform { try task.batches(size: size).map { try PavlovBatchObject($0, context) } }
        }
        return .list(ListObject(made.map(Value.native)))
    }

    /// `task.batch(trials)`: the given trials (trial objects or indices into `task.trials`,
    /// or one of either) padded into one batch.
    func batch(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let args = try Signature("batch", ["trials"]).bind(arguments)
        let given = args.value("trials")
        let chosen: [PavlovTiming.Trial]
        switch given {
        case .int, .native(is PavlovTrialObject):
            chosen = [try trial(given, args.what("trials"))]
        case .list, .tuple, .native:
            chosen = try interpreter.collect(given).enumerated().map { i, item in try trial(item, "batch() trials[\(i)]") }
        default:
            throw RuntimeError.type("batch() argument 'trials' must be a list of trials or indices, not \(given.typeName)")
        }
        let context = interpreter.tensors
        let made = try TaskBuiltins.converting { try context.perform { try PavlovBatchObject(try task.batch(chosen), context) } }
        return .native(made)
    }

    /// `task.true_value(trial, gamma)`: V(t) = γ^(R − 1 − t) before the reward step R, 0 from
    /// it on, as a tensor of the trial's length.
    func trueValue(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let args = try Signature("true_value", ["trial", "gamma"]).bind(arguments)
        let chosen = try trial(args.value("trial"), args.what("trial"))
        let gamma = try args.value("gamma").asDouble(args.what("gamma"))
        guard (0...1).contains(gamma) else { throw RuntimeError.value("true_value(): gamma must lie in [0, 1], got \(gamma)") }
        let values = PavlovTiming.trueValue(chosen, gamma: gamma).map(Float.init)
        let context = interpreter.tensors
        return context.wrap(try context.perform { try Tensor(values, shape: [values.count]) })
    }

    /// The trial a value names: a trial object, or an index into `task.trials` (negative
    /// indices count from the end).
    func trial(_ value: Value, _ what: String) throws -> PavlovTiming.Trial {
        switch value {
        case .native(let object as PavlovTrialObject):
            return object.trial
        case .int(let given):
            let count = task.trials.count
            let index = given < 0 ? given + count : given
            guard (0..<count).contains(index) else {
                throw RuntimeError.index("\(what): trial index \(given) is out of range for \(count) trials")
            }
            return task.trials[index]
        default:
            throw RuntimeError.type("\(what) must be a PavlovTrial or an int index, not \(value.typeName)")
        }
    }
}
