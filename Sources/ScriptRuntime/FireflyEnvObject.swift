import Tasks
import Tensor

/// `FireflyEnv`: the tutorial's `Env` and `ObsStep` for a batch of trials, one row per
/// trial. `env.reset(target_position=None, gain=None)` returns the states (B, 5);
/// `env(x, a, t)` (or `env.forward`) returns `(next_x, reached_target)`, (B, 5) and bool
/// (B,); `env.dynamics(x, a)`, `env.is_stop(a)` (bool (B,)), `env.observe(x)` (the noisy
/// (v, ω), (B, 2)); attributes `target_position`, `target_position_obs`, `gain`,
/// `pro_noise_std`, `obs_noise_std`, `batch_size` and the settings.
final class FireflyEnvObject: NativeObject {
    let env: FireflyEnvironment

    init(_ env: FireflyEnvironment) {
        self.env = env
    }

    var typeName: String { "FireflyEnv" }

    func repr() -> String { "FireflyEnv(batch_size=\(env.batchSize))" }

    var attributeNames: [String] {
        ["reset", "forward", "dynamics", "is_stop", "observe", "batch_size", "target_position", "target_position_obs",
         "gain", "pro_noise_std", "obs_noise_std", "process_gain_default", "goal_radius", "target_offT", "DT",
         "EPISODE_LEN", "TERMINAL_ACTION"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        let settings = env.settings
        switch name {
        case "batch_size": return .int(env.batchSize)
        case "target_position": return context.wrap(env.targetPosition)
        case "target_position_obs": return context.wrap(env.targetPositionObs)
        case "gain": return context.wrap(env.gain)
        case "pro_noise_std": return context.wrap(env.processNoise)
        case "obs_noise_std": return context.wrap(env.observationNoise)
        case "process_gain_default":
            return context.wrap(try TaskBuiltins.converting { try Tensor(settings.processGainDefault, shape: [2]) })
        case "goal_radius": return .float(Double(settings.goalRadius))
        case "target_offT": return .int(settings.targetOffStep)
        case "DT": return .float(Double(settings.dt))
        case "EPISODE_LEN": return .int(settings.episodeLength)
        case "TERMINAL_ACTION": return .float(Double(settings.terminalAction))
        default: return nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try forward(arguments, interpreter, "FireflyEnv")
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "forward":
            return try forward(arguments, interpreter, "forward")
        case "reset":
            let args = try Signature("reset", ["target_position", "gain"], required: 0).bind(arguments)
            let target = try optionalTensor(args, "target_position", context)
            let gain = try optionalTensor(args, "gain", context)
            return context.wrap(try TaskBuiltins.converting {
                try context.perform { try env.reset(targetPosition: target, gain: gain) }
            })
        case "dynamics":
            let args = try Signature("dynamics", ["x", "a"]).bind(arguments)
            let state = try context.arrayOrTensor(args.value("x"), args.what("x"))
            let action = try context.arrayOrTensor(args.value("a"), args.what("a"))
            return context.wrap(try TaskBuiltins.converting {
                try context.perform { try env.dynamics(state, action) }
            })
        case "is_stop", "observe":
            let parameter = name == "is_stop" ? "action" : "x"
            let args = try Signature(name, [parameter]).bind(arguments)
            let tensor = try context.arrayOrTensor(args.value(parameter), args.what(parameter))
            return context.wrap(try TaskBuiltins.converting {
                try context.perform { name == "is_stop" ? try env.isStop(tensor) : try env.observe(tensor) }
            })
        default:
            return nil
        }
    }

    /// `env(x, a, t)`: the next states and which trials were in the reward zone.
    private func forward(_ arguments: Arguments, _ interpreter: Interpreter, _ what: String) throws -> Value {
        let context = interpreter.tensors
        let args = try Signature(what, ["x", "a", "t"]).bind(arguments)
        let state = try context.arrayOrTensor(args.value("x"), args.what("x"))
        let action = try context.arrayOrTensor(args.value("a"), args.what("a"))
        let step = try args.value("t").asInt(args.what("t"))
        let (next, reached) = try TaskBuiltins.converting {
            try context.perform { try env.forward(state, action, step: step) }
        }
        return .tuple([context.wrap(next), context.wrap(reached)])
    }

    private func optionalTensor(_ args: BoundArguments, _ name: String, _ context: TensorContext) throws -> Tensor? {
        guard let value = args[name], !value.isNone else { return nil }
        return try context.arrayOrTensor(value, args.what(name))
    }
}

extension FireflyEnvObject: SnapshotCopyable {
    /// The environment (targets, gain) on the twin of its generator.
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copy = try copier.shared(env) { try env.copy(generator: copier.generator(env.generator)) }
        return FireflyEnvObject(copy)
    }
}
