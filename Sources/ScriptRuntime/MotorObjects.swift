import Motor
import Tensor

/// `MujocoHillMuscle(...)`: the muscle model's settings (immutable; an effector copies them).
final class MuscleObject: NativeObject, SnapshotCopyable {
    let muscle: MujocoHillMuscle
    /// The settings as given (min_activation, passive_forces, tau_activation, tau_deactivation).
    let given: [Double]

    init(_ muscle: MujocoHillMuscle, given: [Double]) {
        self.muscle = muscle
        self.given = given
    }

    var typeName: String { "MujocoHillMuscle" }
    func repr() -> String {
        "MujocoHillMuscle(min_activation=\(Value.float(given[0]).repr()), passive_forces=\(Value.float(given[1]).repr()), "
            + "tau_activation=\(Value.float(given[2]).repr()), tau_deactivation=\(Value.float(given[3]).repr()))"
    }
    var attributeNames: [String] { ["min_activation", "passive_forces", "tau_activation", "tau_deactivation", "state_name", "state_dim"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "min_activation": .float(given[0])
        case "passive_forces": .float(given[1])
        case "tau_activation": .float(given[2])
        case "tau_deactivation": .float(given[3])
        case "state_name": .list(ListObject(MujocoHillMuscle.stateNames.map(Value.str)))
        case "state_dim": .int(MujocoHillMuscle.stateNames.count)
        default: nil
        }
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

/// `TwoDofArm(...)`: a skeleton's settings (immutable).
final class SkeletonObject: NativeObject, SnapshotCopyable {
    let arm: TwoDofArm
    let name: String
    /// Whether this is the skeleton an effector built itself (for the repr only).
    let isDefault: Bool

    init(_ arm: TwoDofArm, name: String, isDefault: Bool) {
        self.arm = arm
        self.name = name
        self.isDefault = isDefault
    }

    var typeName: String { "TwoDofArm" }
    func repr() -> String {
        let fields = zip(["m1", "m2", "l1g", "l2g", "i1", "i2", "l1", "l2"], [arm.m1, arm.m2, arm.l1g, arm.l2g, arm.i1, arm.i2, arm.l1, arm.l2])
        return "TwoDofArm(" + fields.map { "\($0)=\(Value.float(MotorStates.decimal($1)).repr())" }.joined(separator: ", ") + ")"
    }
    var attributeNames: [String] { ["m1", "m2", "l1g", "l2g", "i1", "i2", "l1", "l2", "viscosity", "gravity", "dof", "space_dim", "state_dim"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        let number: Float? = switch name {
        case "m1": arm.m1
        case "m2": arm.m2
        case "l1g", "L1g": arm.l1g
        case "l2g", "L2g": arm.l2g
        case "i1", "I1": arm.i1
        case "i2", "I2": arm.i2
        case "l1", "L1": arm.l1
        case "l2", "L2": arm.l2
        case "viscosity", "c_viscosity": arm.viscosity
        case "gravity": arm.gravity
        default: nil
        }
        if let number { return .float(MotorStates.decimal(number)) }
        switch name {
        case "dof", "space_dim": return .int(2)
        case "state_dim": return .int(4)
        default: return nil
        }
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

/// A gym `Box` space: `shape`, `low`, `high` (immutable).
final class BoxSpaceObject: NativeObject, SnapshotCopyable {
    let size: Int
    let low: Double, high: Double

    init(size: Int, low: Double, high: Double) {
        self.size = size
        self.low = low
        self.high = high
    }

    var typeName: String { "Box" }
    func repr() -> String { "Box(\(Value.float(low).repr()), \(Value.float(high).repr()), (\(size),), float32)" }
    var attributeNames: [String] { ["shape", "low", "high"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "shape": return .tuple([.int(size)])
        case "low", "high":
            let bound = Float(name == "low" ? low : high)
            return interpreter.tensors.wrap(try interpreter.tensors.converting { try Tensor.full([size], bound) })
        default: return nil
        }
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject { self }
}

/// The `states` dictionary MotorNet's effectors and environments give: `joint` (B, 4),
/// `cartesian` (B, 4), `muscle` (B, 7, M), `geometry` (B, 2 + dof, M), `fingertip` (B, 2).
enum MotorStates {
    static func dictionary(_ arm: RigidTendonArm26, _ state: ArmState, _ context: TensorContext) throws -> Value {
        let entries: [(String, Tensor)] = try context.perform {
            [("joint", try state.joint()), ("cartesian", try state.cartesian()), ("muscle", try state.muscleRows()),
             ("geometry", try state.geometryRows()), ("fingertip", try state.fingertip())]
        }
        return dict(entries.map { ($0.0, context.wrap($0.1)) })
    }

    /// The float32 `value` as the shortest decimal that rounds to it (9.81, not 9.8100004196167).
    static func decimal(_ value: Float) -> Double {
        Double(value.description) ?? Double(value)
    }

    /// A dict of string keys, in order.
    static func dict(_ entries: [(String, Value)]) -> Value {
        let dict = DictObject()
        for (key, value) in entries {
            if let hash = try? HashKey(.str(key)) { dict.set(.str(key), hash, value) }
        }
        return .dict(dict)
    }

    /// A tensor argument, or nil for None / absent.
    static func optionalTensor(_ value: Value?, _ what: String, _ context: TensorContext) throws -> Tensor? {
        guard let value, !value.isNone else { return nil }
        return try context.arrayOrTensor(value, what)
    }
}
