import Motor
import Tensor

/// `env.loss_func`: the benchmark's `RandomTargetLoss`, called on a dict with `controlled`
/// (B, T, 2), `targets` (B, T, 2), `actions` (B, T, M) and `epoch` (int), as its wrapper does.
final class RandomTargetLossObject: NativeObject, SnapshotCopyable {
    let loss: RandomTargetLoss

    init(_ loss: RandomTargetLoss) {
        self.loss = loss
    }

    var typeName: String { "RandomTargetLoss" }
    func repr() -> String {
        "RandomTargetLoss(pos_weight=\(Value.float(loss.positionWeight).repr()), act_weight=\(Value.float(loss.activationWeight).repr()), "
            + "full_trial_epoch=\(loss.fullTrialEpoch))"
    }
    var attributeNames: [String] { ["pos_weight", "act_weight", "full_trial_epoch"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "pos_weight": .float(loss.positionWeight)
        case "act_weight": .float(loss.activationWeight)
        case "full_trial_epoch": .int(loss.fullTrialEpoch)
        default: nil
        }
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let args = try Signature("RandomTargetLoss", ["loss_dict"]).bind(arguments)
        guard case .dict(let dict) = args.value("loss_dict") else {
            throw RuntimeError.type("RandomTargetLoss() expects a dict with 'controlled', 'targets', 'actions' and 'epoch'")
        }
        func entry(_ key: String) throws -> Value {
            guard let value = dict.get(try HashKey(.str(key))) else { throw RuntimeError.keyError(.str(key)) }
            return value
        }
        let context = interpreter.tensors
        let controlled = try context.arrayOrTensor(try entry("controlled"), "loss_dict['controlled']")
        let targets = try context.arrayOrTensor(try entry("targets"), "loss_dict['targets']")
        let actions = try context.arrayOrTensor(try entry("actions"), "loss_dict['actions']")
        let epoch = try entry("epoch").asInt("loss_dict['epoch']")
        return context.wrap(try context.perform {
            try loss(controlled: controlled, targets: targets.float(), actions: actions, epoch: epoch)
        })
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

extension MotorBuiltins {
    /// `RandomTarget(effector, max_ep_duration=1.0, …)`: MotorNet's `Environment` keywords
    /// and the benchmark's `pos_weight`, `act_weight`, `bump_mag_low`, `bump_mag_high`.
    static func installRandomTarget(_ registry: inout Registry) {
        let numbers: [(String, Double)] = [
            ("max_ep_duration", 1), ("action_noise", 0), ("obs_noise", 0), ("proprioception_noise", 0), ("vision_noise", 0),
            ("pos_weight", 1), ("act_weight", 1), ("bump_mag_low", 5), ("bump_mag_high", 10),
        ]
        let signature = Signature("RandomTarget", ["effector"], keywordOnly: numbers.map(\.0) + [
            "proprioception_delay", "vision_delay", "name", "differentiable",
        ])
        registry.function("RandomTarget", signature) { args, interpreter in
            guard case .native(let effector as EffectorObject) = args.value("effector") else {
                throw RuntimeError.type("RandomTarget() argument 'effector' must be a RigidTendonArm26(muscle=MujocoHillMuscle()), "
                                        + "not \(args.value("effector").typeName)")
            }
            guard try args.bool("differentiable", true) else {
                throw RuntimeError.value("RandomTarget(): differentiable=False is not supported; rnnbook's environment always "
                                         + "returns tensors that carry gradients (use .detach() to drop them)")
            }
            var value: [String: Double] = [:]
            for (name, fallback) in numbers { value[name] = try args.double(name, fallback) }
            guard (value["bump_mag_low"] ?? 5) <= (value["bump_mag_high"] ?? 10) else {
                throw RuntimeError.value("RandomTarget(): bump_mag_low must not exceed bump_mag_high")
            }
            for name in ["action_noise", "obs_noise", "proprioception_noise", "vision_noise"] where (value[name] ?? 0) < 0 {
                throw RuntimeError.value("RandomTarget(): \(name) must not be negative")
            }
            func delay(_ name: String) throws -> Double? {
                guard let given = args[name], !given.isNone else { return nil }
                return try given.asDouble(args.what(name))
            }
            let env = try TaskBuiltins.converting {
                try RandomTarget(
                    effector: effector.arm, maxEpisodeDuration: value["max_ep_duration"] ?? 1,
                    proprioceptionDelay: try delay("proprioception_delay"), visionDelay: try delay("vision_delay"),
                    positionWeight: value["pos_weight"] ?? 1, activationWeight: value["act_weight"] ?? 1,
                    bumpLow: value["bump_mag_low"] ?? 5, bumpHigh: value["bump_mag_high"] ?? 10,
                    actionNoise: Float(value["action_noise"] ?? 0), observationNoise: Float(value["obs_noise"] ?? 0),
                    proprioceptionNoise: Float(value["proprioception_noise"] ?? 0), visionNoise: Float(value["vision_noise"] ?? 0))
            }
            return .native(RandomTargetObject(env, effector: effector))
        }
    }
}
