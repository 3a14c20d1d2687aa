import Motor
import Tensor

/// MotorNet's arm and the benchmark's reaching task, under their Python names:
/// `MujocoHillMuscle(...)`, `TwoDofArm(...)`, `RigidTendonArm26(muscle=...)` (motornet's
/// `muscle`, `skeleton`, `effector` modules) and `RandomTarget(effector=...)`
/// (ctd.task_modeling.task_env.task_env). See docs/arm.md.
enum MotorBuiltins {
    static func install(_ registry: inout Registry) {
        registry.function("MujocoHillMuscle", Signature(
            "MujocoHillMuscle", ["min_activation", "passive_forces", "tau_activation", "tau_deactivation"], required: 0
        )) { args, _ in
            let given = [try args.double("min_activation", 0), try args.double("passive_forces", 1),
                         try args.double("tau_activation", 0.01), try args.double("tau_deactivation", 0.04)]
            let muscle = MujocoHillMuscle(minActivation: Float(given[0]), passiveForces: Float(given[1]),
                                          tauActivation: Float(given[2]), tauDeactivation: Float(given[3]))
            guard muscle.minActivation >= 0, muscle.minActivation < 1 else {
                throw RuntimeError.value("MujocoHillMuscle() min_activation must be in [0, 1)")
            }
            guard muscle.tauActivation > 0, muscle.tauDeactivation > 0 else {
                throw RuntimeError.value("MujocoHillMuscle() time constants must be positive")
            }
            return .native(MuscleObject(muscle, given: given))
        }
        let defaults = TwoDofArm()
        let skeletonParameters: [(String, Float)] = [
            ("m1", defaults.m1), ("m2", defaults.m2), ("l1g", defaults.l1g), ("l2g", defaults.l2g), ("i1", defaults.i1),
            ("i2", defaults.i2), ("l1", defaults.l1), ("l2", defaults.l2), ("viscosity", 0),
        ]
        registry.function("TwoDofArm", Signature(
            "TwoDofArm", ["name"] + skeletonParameters.map(\.0), required: 0, keywordOnly: ["gravity"]
        )) { args, _ in
            var values: [Float] = []
            for (name, fallback) in skeletonParameters { values.append(Float(try args.double(name, Double(fallback)))) }
            guard values[0] > 0, values[1] > 0, values[6] > 0, values[7] > 0, values[4] >= 0, values[5] >= 0 else {
                throw RuntimeError.value("TwoDofArm() masses and lengths must be positive, inertias not negative")
            }
            let arm = TwoDofArm(m1: values[0], m2: values[1], l1g: values[2], l2g: values[3], i1: values[4], i2: values[5],
                                l1: values[6], l2: values[7], viscosity: values[8], gravity: Float(try args.double("gravity", 0)))
            return .native(SkeletonObject(arm, name: try args.string("name", "two_dof_arm"), isDefault: false))
        }
        registry.function("RigidTendonArm26", Signature(
            "RigidTendonArm26", ["muscle", "skeleton", "timestep", "muscle_kwargs"], required: 1,
            keywordOnly: ["name", "n_ministeps", "integration_method", "damping", "pos_lower_bound", "pos_upper_bound"]
        )) { args, interpreter in
            try makeEffector(args, interpreter)
        }
        installRandomTarget(&registry)
    }

    /// `RigidTendonArm26(muscle, skeleton=None, timestep=0.01, muscle_kwargs={}, **kwargs)`.
    static func makeEffector(_ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        guard case .native(let muscleObject as MuscleObject) = args.value("muscle") else {
            throw RuntimeError.type("RigidTendonArm26() argument 'muscle' must be a MujocoHillMuscle() "
                                    + "(the only muscle model rnnbook has), not \(args.value("muscle").typeName)")
        }
        var muscle = muscleObject.muscle
        var skeleton = TwoDofArm.arm26
        if let given = args["skeleton"], !given.isNone {
            guard case .native(let object as SkeletonObject) = given else {
                throw RuntimeError.type("RigidTendonArm26() argument 'skeleton' must be a TwoDofArm, not \(given.typeName)")
            }
            skeleton = object.arm
        }
        if let given = args["muscle_kwargs"], !given.isNone {
            guard case .dict(let dict) = given else { throw RuntimeError.type("RigidTendonArm26() muscle_kwargs must be a dict") }
            var curves = (lmin: muscle.curves.lmin, lmax: muscle.curves.lmax, fvmax: muscle.curves.fvmax, slack: muscle.curves.slackLength)
            for (key, value) in zip(dict.keys, dict.values) {
                let what = "RigidTendonArm26() muscle_kwargs['\(key.str())']"
                guard case .str(let name) = key else { throw RuntimeError.type("RigidTendonArm26() muscle_kwargs keys must be strings") }
                guard value.isNumber else {
                    throw RuntimeError.type("\(what) must be one number for all six muscles; per-muscle lists are not supported")
                }
                let number = Float(try value.asDouble(what))
                switch name {
                case "normalized_slack_muscle_length": curves.slack = number
                case "lmin": curves.lmin = number
                case "lmax": curves.lmax = number
                case "fvmax": curves.fvmax = number
                case "vmax": muscle.vmax = number
                default:
                    throw RuntimeError(
                        "Unexpected key \"\(name)\" in muscle_kwargs argument (RigidTendonArm26 sets max_isometric_force, "
                            + "tendon_length and optimal_muscle_length itself; the others are normalized_slack_muscle_length, "
                            + "lmin, lmax, vmax, fvmax)", id: "key-error")
                }
            }
            guard curves.lmin < 0.95, curves.lmin < 1, curves.lmax > 1, curves.fvmax > 1, muscle.vmax > 0, curves.slack >= 0 else {
                throw RuntimeError.value("RigidTendonArm26() muscle_kwargs need lmin < 0.95, lmax > 1, fvmax > 1, vmax > 0")
            }
            muscle.curves = MuscleCurves(lmin: curves.lmin, lmax: curves.lmax, fvmax: curves.fvmax, slackLength: curves.slack)
        }
        let method = try args.string("integration_method", "euler").lowercased()
        guard method == "euler" else {
            throw RuntimeError.value("RigidTendonArm26(): integration_method '\(method)' is not supported; rnnbook integrates "
                                     + "with 'euler', MotorNet's default for this effector")
        }
        func bounds(_ name: String) throws -> [Float]? {
            guard let given = args[name], !given.isNone else { return nil }
            let numbers = try interpreter.numbers(given, args.what(name)).map(Float.init)
            guard numbers.count == 2 || numbers.count == 1 else { throw RuntimeError.value("\(args.what(name)) needs two values (shoulder, elbow)") }
            return numbers.count == 1 ? [numbers[0], numbers[0]] : numbers
        }
        let timestep = try args.double("timestep", 0.01)
        let arm = try TaskBuiltins.converting {
            try RigidTendonArm26(muscle: muscle, skeleton: skeleton, timestep: timestep,
                                 ministeps: try args.int("n_ministeps", 1), damping: Float(try args.double("damping", 0)),
                                 lowerBound: try bounds("pos_lower_bound"), upperBound: try bounds("pos_upper_bound"))
        }
        return .native(EffectorObject(arm, muscle: muscleObject, name: try args.string("name", "RigidTendonArm26"), timestep: timestep))
    }
}

extension Value {
    /// Whether the value is an int, float or bool.
    var isNumber: Bool {
        switch self {
        case .int, .float, .bool: true
        default: false
        }
    }
}
