import Tasks
import Tensor

/// The tasks of LANGUAGE.md: neurogym's `PerceptualDecisionMaking` and `Dataset` here,
/// `NBitFlipFlop` (FlipFlopBuiltins.swift) and `PavlovTiming` (PavlovBuiltins.swift).
enum TaskBuiltins {
    static func install(_ registry: inout Registry) {
        installFlipFlop(&registry)
        installPavlov(&registry)
        installCompetency(&registry)
        installFirefly(&registry)
        registry.function("PerceptualDecisionMaking", Signature(
            "PerceptualDecisionMaking", ["dt", "timing", "cohs", "sigma"], required: 0, keywordOnly: ["fixation"])) { args, interpreter in
            let dt = try args.double("dt", 100)
            let timing = try TrialEnvironments.timing(args["timing"], "PerceptualDecisionMaking()")
            let cohs = try args["cohs"].flatMap { $0.isNone ? nil : try interpreter.numbers($0, "PerceptualDecisionMaking() cohs") }
            let sigma = try args.double("sigma", 1.0)
            let fixation = try args.string("fixation", "fixation_period")
            let cue: PerceptualDecisionMaking.FixationCue
            switch fixation {
            case "fixation_period", "fixation": cue = .fixationPeriod
            case "until_decision", "legacy": cue = .untilDecision
            default: throw RuntimeError.value("PerceptualDecisionMaking(): fixation must be 'fixation_period' or 'until_decision', got '\(fixation)'")
            }
            let generator = interpreter.tensors.generator
            let task = try converting {
                try PerceptualDecisionMaking(dt: dt, timing: timing, cohs: cohs ?? [0, 6.4, 12.8, 25.6, 51.2], sigma: sigma,
                                             fixationCue: cue, generator: generator)
            }
            return .native(TaskObject(task))
        }
        // neurogym's `Dataset(env_or_id, env_kwargs=…, batch_size=…, seq_len=…)`: a task, or a
        // task id made with `env_kwargs` (specs/tasks.md §1.6).
        let makers = ["PerceptualDecisionMaking-v0": registry.globals.last { $0.name == "PerceptualDecisionMaking" }?.value]
        registry.function("Dataset", Signature("Dataset", ["env", "batch_size", "seq_len"], required: 1,
                                               keywordOnly: ["env_kwargs"])) { args, interpreter in
            var env = args.value("env")
            if case .str(let id) = env {
                guard let maker = makers[id] ?? nil else {
                    throw RuntimeError.value("Dataset(): unknown task id '\(id)'; known: \(makers.keys.sorted().joined(separator: ", "))")
                }
                var keywords: [(name: String, value: Value)] = []
                if let given = args["env_kwargs"], !given.isNone {
                    guard case .dict(let dict) = given else {
                        throw RuntimeError.type("Dataset() argument 'env_kwargs' must be a dict, not \(given.typeName)")
                    }
                    for (key, value) in zip(dict.keys, dict.values) {
                        guard case .str(let name) = key else {
                            throw RuntimeError.type("Dataset() env_kwargs keys must be strings, not \(key.typeName)")
                        }
                        keywords.append((name, value))
                    }
                }
                env = try interpreter.call(maker, Arguments([], keywords: keywords))
            }
            guard let environment = TrialEnvironments.environment(env) else {
                throw RuntimeError.type("Dataset() argument 'env' must be a task or a task id, not \(env.typeName)")
            }
            let batchSize = try args.int("batch_size", 16)
            let seqLen = try args.int("seq_len", 100)
            let dataset = try converting { try Dataset(environment, batchSize: batchSize, seqLen: seqLen) }
            return .native(DatasetObject(dataset))
        }
    }

    static func converting<R>(_ body: () throws -> R) throws -> R {
        try EngineErrors.converting(body)
    }
}

/// `PerceptualDecisionMaking`: `env.new_trial()`, `env.ob`, `env.gt` (numpy arrays, as
/// neurogym gives them), `env.dt`, sizes.
final class TaskObject: NativeObject {
    let task: PerceptualDecisionMaking

    init(_ task: PerceptualDecisionMaking) {
        self.task = task
    }

    var typeName: String { "PerceptualDecisionMaking" }
    func repr() -> String { "PerceptualDecisionMaking(dt=\(Value.float(task.dt).repr()), trial_length=\(task.trialLength))" }
    var attributeNames: [String] {
        ["new_trial", "reset", "ob", "gt", "dt", "observation_size", "action_size", "observation_space", "action_space", "trial_length", "cohs"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        // gym's spaces, as neurogym code reads them: `env.observation_space.shape[0]`,
        // `env.action_space.n`.
        case "observation_space": return .native(SpaceObject(box: task.observationSize))
        case "action_space": return .native(SpaceObject(discrete: task.actionSize))
        // numpy arrays, as neurogym's: `ob` float32 (the Box's dtype), `gt` int64 (Discrete's).
        case "ob", "gt":
            guard task.trial != nil else { throw RuntimeError.value("env.\(name): call env.new_trial() first") }
            return NDArray.numpyArray(try TaskBuiltins.converting { name == "ob" ? try task.ob() : try task.gt() }, context)
        // neurogym keeps dt as given: `dt=100` reads back as 100.
        case "dt": return task.dt == task.dt.rounded() && abs(task.dt) < 1e15 ? .int(Int(task.dt)) : .float(task.dt)
        case "observation_size": return .int(task.observationSize)
        case "action_size": return .int(task.actionSize)
        case "trial_length": return .int(task.trialLength)
        case "cohs": return .list(ListObject(task.cohs.map(Value.float)))
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if name == "reset" { return try reset(arguments, interpreter) }
        guard name == "new_trial" else { return nil }
        let args = try Signature("new_trial", [], keywordOnly: ["ground_truth", "coh"]).bind(arguments)
        let truth = try args["ground_truth"].flatMap { $0.isNone ? nil : try $0.asInt("new_trial() ground_truth") }
        let coherence = try args.optionalDouble("coh")
        let trial = try TaskBuiltins.converting { try task.newTrial(groundTruth: truth, coherence: coherence) }
        let dict = DictObject()
        for (key, value) in [("ground_truth", Value.int(trial.groundTruth)), ("coh", Value.float(trial.coherence))] {
            dict.set(.str(key), try HashKey(.str(key)), value)
        }
        return .dict(dict)
    }
}

/// `Dataset(env, batch_size, seq_len)`: calling it gives `(inputs, labels)`, numpy arrays as
/// neurogym's: inputs float32 (the observation space's dtype), labels int64 (the action
/// space's), so ported code converts them with `torch.from_numpy(inputs).type(torch.float)`.
final class DatasetObject: NativeObject {
    let dataset: Dataset

    init(_ dataset: Dataset) {
        self.dataset = dataset
    }

    var typeName: String { "Dataset" }
    func repr() -> String { "Dataset(batch_size=\(dataset.batchSize), seq_len=\(dataset.seqLen))" }
    var attributeNames: [String] { ["env", "batch_size", "seq_len"] }

    /// neurogym's `dataset.env` (the task trials are drawn from), `batch_size`, `seq_len`.
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "env":
            return TrialEnvironments.object(dataset.environment).map(Value.native)
        case "batch_size": return .int(dataset.batchSize)
        case "seq_len": return .int(dataset.seqLen)
        default: return nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        _ = try Signature("Dataset", []).bind(arguments)
        let context = interpreter.tensors
        let batch = try TaskBuiltins.converting { try context.perform { try dataset.next() } }
        return .tuple([NDArray.numpyArray(batch.inputs, context), NDArray.numpyArray(batch.labels, context)])
    }
}

/// A gym space of a task: `Box` (observations, with `shape`) or `Discrete` (actions, with `n`).
final class SpaceObject: NativeObject {
    let size: Int
    let isBox: Bool
    /// A box's bounds, as gym prints them (unbounded unless given).
    var bounds = "-inf, inf"

    init(box size: Int) {
        self.size = size
        isBox = true
    }

    init(box size: Int, low: Double, high: Double) {
        self.size = size
        isBox = true
        bounds = "\(low), \(high)"
    }

    init(discrete size: Int) {
        self.size = size
        isBox = false
    }

    var typeName: String { isBox ? "Box" : "Discrete" }
    func repr() -> String { isBox ? "Box(\(bounds), (\(size),), float32)" : "Discrete(\(size))" }
    var attributeNames: [String] { isBox ? ["shape"] : ["n", "shape"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "shape": return .tuple(isBox ? [.int(size)] : [])
        case "n" where !isBox: return .int(size)
        default: return nil
        }
    }
}
