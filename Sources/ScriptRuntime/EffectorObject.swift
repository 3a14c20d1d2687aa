import Motor
import Tensor

/// `RigidTendonArm26(muscle=MujocoHillMuscle())`: MotorNet's effector, usable alone —
/// `arm.reset(options={"batch_size": B, "joint_state": q})`, `arm.step(action,
/// endpoint_load=f)`, `arm.states` — or handed to `RandomTarget(effector=arm)`.
final class EffectorObject: NativeObject, SnapshotCopyable {
    let arm: RigidTendonArm26
    /// The muscle it was made with.
    let muscleObject: MuscleObject
    let name: String
    /// The step as the user gave it (MotorNet keeps the Python float).
    let timestep: Double
    /// The state after the last `reset`/`step`.
    var state: ArmState?
    /// The generator `reset(seed=…)` made; nil: draws come from `np.random`.
    var seeded: Generator?

    init(_ arm: RigidTendonArm26, muscle: MuscleObject, name: String, timestep: Double) {
        self.arm = arm
        muscleObject = muscle
        self.name = name
        self.timestep = timestep
    }

    var typeName: String { "RigidTendonArm26" }
    func repr() -> String { "RigidTendonArm26(muscle=\(muscleObject.repr()), timestep=\(Value.float(timestep).repr()))" }
    var attributeNames: [String] {
        ["reset", "step", "states", "joint2cartesian", "muscle", "skeleton", "dt", "n_muscles", "muscle_name", "dof",
         "space_dim", "state_dim", "input_dim", "n_ministeps", "pos_lower_bound", "pos_upper_bound", "damping"]
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "states":
            guard let state else { return MotorStates.dict(["joint", "cartesian", "muscle", "geometry", "fingertip"].map { ($0, .none) }) }
            return try MotorStates.dictionary(arm, state, context)
        case "muscle": return .native(muscleObject)
        case "skeleton": return .native(SkeletonObject(arm.skeleton, name: "two_dof_arm", isDefault: true))
        case "dt": return .float(timestep)
        case "n_muscles", "input_dim": return .int(arm.muscleCount)
        case "muscle_name": return .list(ListObject(RigidTendonArm26.muscleNames.map(Value.str)))
        case "dof", "space_dim": return .int(2)
        case "state_dim": return .int(4)
        case "n_ministeps": return .int(arm.ministeps)
        case "damping": return .float(MotorStates.decimal(arm.damping))
        case "pos_lower_bound", "pos_upper_bound":
            let bound = name == "pos_lower_bound" ? arm.lowerBound : arm.upperBound
            return .list(ListObject(bound.map { .float(MotorStates.decimal($0)) }))
        default: return nil
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        let context = interpreter.tensors
        switch name {
        case "reset":
            let args = try Signature("reset", [], keywordOnly: ["seed", "options"]).bind(arguments)
            let options = try RandomTargetObject.options(args["options"], allowed: ["batch_size", "joint_state"], "reset")
            let batch = try options["batch_size"].map { try $0.asInt("reset() options['batch_size']") } ?? 1
            let joint = try MotorStates.optionalTensor(options["joint_state"], "reset() options['joint_state']", context)
            let generator = try RandomTargetObject.generator(args["seed"], &seeded, interpreter)
            state = try context.perform {
                var start = try joint ?? arm.randomJointStates(batch, generator: generator)
                if start.ndim == 1 { start = try start.unsqueeze(0) }
                if start.shape[0] == 1, batch > 1 { start = try start.expand([batch, start.shape[1]]) }
                return try arm.initialState(joint: start)
            }
            return Value.none
        case "step":
            let args = try Signature("step", ["action"], keywordOnly: ["endpoint_load", "joint_load"]).bind(arguments)
            guard let current = state else { throw RuntimeError.value("step(): call reset() first") }
            let action = try context.arrayOrTensor(args.value("action"), "step() argument 'action'")
            let load = try MotorStates.optionalTensor(args["endpoint_load"], "step() argument 'endpoint_load'", context)
            let joints = try MotorStates.optionalTensor(args["joint_load"], "step() argument 'joint_load'", context)
            state = try context.perform { try arm.step(current, action: action, endpointLoad: load, jointLoad: joints) }
            return Value.none
        case "joint2cartesian":
            let args = try Signature("joint2cartesian", ["joint_state"]).bind(arguments)
            let joint = try context.arrayOrTensor(args.value("joint_state"), "joint2cartesian() argument 'joint_state'")
            return context.wrap(try context.perform { try Self.cartesian(arm, joint) })
        default: return nil
        }
    }

    /// `joint2cartesian` of a (B, 4) joint state (or (4,), or angles only).
    static func cartesian(_ arm: RigidTendonArm26, _ joint: Tensor) throws -> Tensor {
        let rows = try joint.reshape([-1, joint.shape.last ?? 0])
        guard rows.shape[1] == 4 || rows.shape[1] == 2 else {
            throw TensorError("joint2cartesian: expected a joint state of 4 values (angles, velocities), got \(describeShape(joint.shape))")
        }
        let columns = try rows.split(size: 1, dim: 1)
        let velocity = rows.shape[1] == 4 ? Array(columns[2..<4]) : [try Tensor.zerosLike(columns[0]), try Tensor.zerosLike(columns[0])]
        return try arm.skeleton.cartesian(position: Array(columns[0..<2]), velocity: velocity)
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copy = EffectorObject(arm, muscle: muscleObject, name: name, timestep: timestep)
        copy.seeded = seeded?.copy()
        copy.state = try state.map { try $0.mapTensors { try TensorObject.snapshotCopy($0, copier) } }
        return copy
    }
}
