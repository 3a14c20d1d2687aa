import Motor
import Tensor

/// `RandomTarget(effector=RigidTendonArm26(muscle=MujocoHillMuscle()))`: the benchmark's
/// reaching environment — `generate_dataset(n)`, `reset(batch_size, options)`,
/// `step(action, endpoint_load=…)`, `loss_func(loss_dict)` and gym's spaces.
final class RandomTargetObject: NativeObject, SnapshotCopyable {
    let env: RandomTarget
    let effector: EffectorObject
    /// The generator `reset(seed=…)` made; nil: draws come from `np.random`.
    var seeded: Generator?

    init(_ env: RandomTarget, effector: EffectorObject) {
        self.env = env
        self.effector = effector
    }

    var typeName: String { "RandomTarget" }
    func repr() -> String { "RandomTarget(effector=\(effector.repr()), max_ep_duration=\(Value.float(env.maxEpisodeDuration).repr()))" }
    var attributeNames: [String] {
        ["reset", "step", "generate_dataset", "loss_func", "joint2cartesian", "observation_space", "action_space", "context_inputs",
         "n_timesteps", "dt", "max_ep_duration", "effector", "states", "goal", "elapsed", "input_labels", "output_labels",
         "dataset_name", "coupled_env", "state_label", "proprioception_delay", "vision_delay", "differentiable"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "observation_space": return .native(BoxSpaceObject(size: env.observationSize, low: -.infinity, high: .infinity))
        case "action_space": return .native(BoxSpaceObject(size: env.effector.muscleCount, low: 0, high: 1))
        case "context_inputs": return .native(BoxSpaceObject(size: 3, low: -2, high: 2))
        case "n_timesteps": return .int(env.timesteps)
        case "dt": return .float(effector.timestep)
        case "max_ep_duration": return .float(env.maxEpisodeDuration)
        case "effector": return .native(effector)
        case "states":
            guard let state = env.state else { throw RuntimeError.value("RandomTarget.states: call reset() first") }
            return try MotorStates.dictionary(env.effector, state, context)
        case "goal": return env.goal.map(context.wrap) ?? Value.none
        case "elapsed": return .float(env.elapsed)
        case "input_labels": return .list(ListObject(["TargetX", "TargetY", "GoCue"].map(Value.str)))
        case "output_labels": return .list(ListObject(["Pec", "Delt", "Brad", "TriLong", "Biceps", "TriLat"].map(Value.str)))
        case "dataset_name": return .str("RandomTarget")
        case "coupled_env", "differentiable": return .bool(true)
        case "state_label": return .str("fingertip")
        case "proprioception_delay": return .int(env.proprioceptionDelay)
        case "vision_delay": return .int(env.visionDelay)
        case "loss_func":
            return .native(RandomTargetLossObject(RandomTargetLoss(positionWeight: env.positionWeight, activationWeight: env.activationWeight)))
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "generate_dataset":
            let args = try Signature("generate_dataset", ["n_samples"]).bind(arguments)
            let count = try args.int("n_samples", 1)
            let generator = interpreter.numpyRandom.generator
            let data = try context.perform { try env.generateDataset(count, generator: generator) }
            let dataset = MotorStates.dict([
                ("ics", context.wrap(data.ics)), ("inputs", context.wrap(data.inputs)), ("inputs_to_env", context.wrap(data.inputsToEnv)),
                ("targets", context.wrap(data.targets)), ("conds", context.wrap(data.conds)), ("extra", context.wrap(data.extra)),
                ("true_inputs", context.wrap(data.inputs)),
            ])
            return .tuple([dataset, .dict(DictObject())])
        case "reset": return try reset(arguments, interpreter)
        case "step": return try step(arguments, interpreter)
        case "joint2cartesian":
            let args = try Signature("joint2cartesian", ["joint_state"]).bind(arguments)
            let joint = try context.arrayOrTensor(args.value("joint_state"), "joint2cartesian() argument 'joint_state'")
            return context.wrap(try context.perform { try EffectorObject.cartesian(env.effector, joint) })
        default: return nil
        }
    }

    /// `reset(batch_size=1, options=None, seed=None)` → `(obs, info)`; options `ic_state`,
    /// `target_state`, `deterministic`.
    func reset(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let args = try Signature("reset", ["batch_size", "options", "seed"], required: 0).bind(arguments)
        var batch = try args.int("batch_size", 1)
        let options = try Self.options(args["options"], allowed: ["ic_state", "target_state", "deterministic"], "reset")
        let ics = try MotorStates.optionalTensor(options["ic_state"], "reset() options['ic_state']", context)
        let goal = try MotorStates.optionalTensor(options["target_state"], "reset() options['target_state']", context)
        let deterministic = try options["deterministic"]?.truthy() ?? false
        let generator = try Self.generator(args["seed"], &seeded, interpreter)
        if let ics, ics.ndim == 2, ics.shape[0] > 1 { batch = ics.shape[0] }
        let obs = try context.perform {
            var start = ics
            if let given = start, given.ndim == 1 { start = try given.unsqueeze(0) }
            if let given = start, given.ndim == 2, given.shape[0] == 1, batch > 1 { start = try given.expand([batch, given.shape[1]]) }
            return try env.reset(batchSize: batch, icState: start?.float(), goal: goal, deterministic: deterministic, generator: generator)
        }
        return .tuple([context.wrap(obs), try info(action: nil, noisy: nil, batch: obs.shape[0], context)])
    }

    /// `step(action, deterministic=False, endpoint_load=None, joint_load=None, inputs=None)` →
    /// `(obs, None, terminated, False, info)`. `inputs` is accepted and unused, as in the
    /// benchmark (its wrapper passes the context inputs; MotorNet's effector ignores them).
    func step(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let context = interpreter.tensors
        let args = try Signature("step", ["action", "deterministic"], required: 1,
                                 keywordOnly: ["endpoint_load", "joint_load", "inputs"]).bind(arguments)
        let action = try context.arrayOrTensor(args.value("action"), "step() argument 'action'")
        let load = try MotorStates.optionalTensor(args["endpoint_load"], "step() argument 'endpoint_load'", context)
        let joints = try MotorStates.optionalTensor(args["joint_load"], "step() argument 'joint_load'", context)
        let deterministic = try args.bool("deterministic", false)
        let generator = try Self.generator(nil, &seeded, interpreter)
        let result = try context.perform {
            try env.step(action, endpointLoad: load, jointLoad: joints, deterministic: deterministic, generator: generator)
        }
        let info = try info(action: action, noisy: result.noisyAction, batch: action.shape.first ?? 1, context)
        return .tuple([context.wrap(result.observation), .none, .bool(env.terminated), .bool(false), info])
    }

    /// The `info` dict: `states`, `action`, `noisy action`, `goal`.
    func info(action: Tensor?, noisy: Tensor?, batch: Int, _ context: TensorContext) throws -> Value {
        guard let state = env.state else { return .none }
        let zeros = try context.perform { try Tensor.zeros([batch, env.effector.muscleCount]) }
        return MotorStates.dict([
            ("states", try MotorStates.dictionary(env.effector, state, context)),
            ("action", context.wrap(action ?? zeros)), ("noisy action", context.wrap(noisy ?? zeros)),
            ("goal", env.goal.map(context.wrap) ?? Value.none),
        ])
    }

    /// An `options` dict's entries, refusing keys this environment does not read.
    static func options(_ value: Value?, allowed: [String], _ function: String) throws -> [String: Value] {
        guard let value, !value.isNone else { return [:] }
        guard case .dict(let dict) = value else { throw RuntimeError.type("\(function)() options must be a dict, not \(value.typeName)") }
        var result: [String: Value] = [:]
        for (key, item) in zip(dict.keys, dict.values) {
            guard case .str(let name) = key, allowed.contains(name) else {
                throw RuntimeError("\(function)() options: unknown key \(key.repr()); known keys: \(allowed.joined(separator: ", "))",
                                   id: "key-error")
            }
            result[name] = item
        }
        return result
    }

    /// The generator for random postures: a new one when `seed` is given (kept for later
    /// calls, as MotorNet's `reset(seed=…)` seeds the effector's), else the kept one, else `np.random`'s.
    static func generator(_ seed: Value?, _ kept: inout Generator?, _ interpreter: Interpreter) throws -> Generator {
        if let seed, !seed.isNone {
            let value = try seed.asInt("reset() argument 'seed'")
            guard value >= 0 else { throw RuntimeError.value("reset() seed must be non-negative") }
            kept = Generator(seed: UInt64(value))
        }
        return kept ?? interpreter.numpyRandom.generator
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        guard case .native(let arm as EffectorObject) = try copier.copy(.native(effector)) else {
            throw SnapshotError(message: "cannot snapshot a RandomTarget")
        }
        let copy = RandomTargetObject(try env.copy { try TensorObject.snapshotCopy($0, copier) }, effector: arm)
        copy.seeded = seeded?.copy()
        return copy
    }
}
