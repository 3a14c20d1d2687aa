import Tasks
import Tensor

/// `CompetencyTask(dt=20, timing=None, differences=[0, 0.1, 0.2, 0.4, 0.8], wiggle=0.01,
/// speed=2)`, the eel task of the project lab (docs/eel-task.md): neurogym's trial
/// interface (`env.new_trial()`, `env.ob`, `env.gt`, spaces, `Dataset(env, …)`) plus
/// `env.batch(n)` for many fresh trials at once. Trials are drawn from the session's
/// generator, so `manual_seed` and the notebook's seed fix them.
extension TaskBuiltins {
    static func installCompetency(_ registry: inout Registry) {
        let signature = Signature("CompetencyTask", ["dt", "timing", "differences", "wiggle", "speed"], required: 0)
        registry.function("CompetencyTask", signature) { args, interpreter in
            let timing = try TrialEnvironments.timing(args["timing"], "CompetencyTask()")
            let differences = try args["differences"].flatMap {
                $0.isNone ? nil : try interpreter.numbers($0, "CompetencyTask() differences")
            }
            let (dt, wiggle, speed) = (try args.double("dt", 20), try args.double("wiggle", 0.01), try args.double("speed", 2))
            let generator = interpreter.tensors.generator
            let task = try converting {
                try CompetencyTask(dt: dt, timing: timing, differences: differences ?? CompetencyTask.defaultDifferences,
                                   wiggle: wiggle, speed: speed, generator: generator)
            }
            return .native(CompetencyTaskObject(task))
        }
    }
}

/// `CompetencyTask`: `env.new_trial(ground_truth=None, difference=None)`, `env.ob`, `env.gt`,
/// `env.batch(batch_size, ground_truth=None, difference=None, trial_info=False)`, the
/// spaces, neurogym's `timing`, `start_ind` and `end_ind`, and the settings.
final class CompetencyTaskObject: NativeObject {
    let task: CompetencyTask

    init(_ task: CompetencyTask) {
        self.task = task
    }

    var typeName: String { "CompetencyTask" }

    func repr() -> String {
        "CompetencyTask(dt=\(TrialEnvironments.number(task.dt).repr()), trial_length=\(task.trialLength))"
    }

    var attributeNames: [String] {
        ["new_trial", "batch", "ob", "gt", "dt", "timing", "start_ind", "end_ind", "differences", "wiggle", "speed",
         "observation_size", "action_size", "observation_space", "action_space", "trial_length"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        let periods = CompetencyTask.periodNames
        switch name {
        case "observation_space": return .native(SpaceObject(box: task.observationSize))
        case "action_space": return .native(SpaceObject(discrete: task.actionSize))
        case "ob", "gt":
            guard task.trial != nil else { throw RuntimeError.value("env.\(name): call env.new_trial() first") }
            return context.wrap(try TaskBuiltins.converting { name == "ob" ? try task.ob() : try task.gt() })
        case "dt": return TrialEnvironments.number(task.dt)
        case "timing": return try TrialEnvironments.dict(zip(periods, task.durations.map(TrialEnvironments.number)))
        case "start_ind": return try TrialEnvironments.dict(zip(periods, task.periodSteps.map { .int($0.lowerBound) }))
        case "end_ind": return try TrialEnvironments.dict(zip(periods, task.periodSteps.map { .int($0.upperBound) }))
        case "differences": return .list(ListObject(task.differences.map(Value.float)))
        case "wiggle": return .float(task.wiggle)
        case "speed": return .float(task.speed)
        case "observation_size": return .int(task.observationSize)
        case "action_size": return .int(task.actionSize)
        case "trial_length": return .int(task.trialLength)
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "new_trial":
            let args = try Signature("new_trial", [], keywordOnly: ["ground_truth", "difference"]).bind(arguments)
            let (truth, difference) = try fixed(args)
            let trial = try TaskBuiltins.converting { try task.newTrial(groundTruth: truth, difference: difference) }
            return try TrialEnvironments.dict([
                ("ground_truth", .int(trial.groundTruth)), ("difference", .float(trial.difference)),
                ("influences", .list(ListObject(trial.influences.map(Value.float)))),
            ])
        case "batch":
            let args = try Signature("batch", ["batch_size"], keywordOnly: ["ground_truth", "difference", "trial_info"])
                .bind(arguments)
            let size = try args.value("batch_size").asInt(args.what("batch_size"))
            let (truth, difference) = try fixed(args)
            let context = interpreter.tensors
            let batch = try TaskBuiltins.converting {
                try context.perform { try task.batch(size, groundTruth: truth, difference: difference) }
            }
            let pair = [context.wrap(batch.inputs), context.wrap(batch.labels)]
            guard try args.bool("trial_info", false) else { return .tuple(pair) }
            return .tuple(pair + [try info(batch.trials, context)])
        default: return nil
        }
    }

    /// The `ground_truth` and `difference` a call fixes (None leaves them drawn).
    private func fixed(_ args: BoundArguments) throws -> (Int?, Double?) {
        let truth = try args["ground_truth"].flatMap { $0.isNone ? nil : try $0.asInt(args.what("ground_truth")) }
        let difference = try args["difference"].flatMap { $0.isNone ? nil : try $0.asDouble(args.what("difference")) }
        return (truth, difference)
    }

    /// A batch's trials as tensors: `ground_truth` (B,) int64, `difference` (B,) and
    /// `influences` (B, 2) float32.
    private func info(_ trials: [CompetencyTask.Trial], _ context: TensorContext) throws -> Value {
        let count = trials.count
        let tensors = try TaskBuiltins.converting {
            try context.perform {
                [try Tensor(trials.map { Float($0.groundTruth) }, shape: [count], dtype: .int64),
                 try Tensor(trials.map { Float($0.difference) }, shape: [count]),
                 try Tensor(trials.flatMap { $0.influences.map(Float.init) }, shape: [count, 2])]
            }
        }
        return try TrialEnvironments.dict(zip(["ground_truth", "difference", "influences"], tensors.map(context.wrap)))
    }
}

extension CompetencyTaskObject: SnapshotCopyable {
    /// The task (current trial included) on the twin of its generator, so a restored session
    /// draws the same trials as the original did from that point.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        CompetencyTaskObject(Self.copy(task, copier))
    }

    static func copy(_ task: CompetencyTask, _ copier: SnapshotCopier) -> CompetencyTask {
        copier.shared(task) { task.copy(generator: copier.generator(task.randomGenerator)) }
    }
}
