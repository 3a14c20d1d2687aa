import Tasks
import Tensor

/// `FireflyEnv(arg=None, batch_size=1)`: Lab 4's firefly task for `batch_size` trials at once
/// (specs/tasks.md §4; Sources/Tasks/FireflyEnvironment.swift). `arg` is the lab's `Config`
/// (its `DT`, `EPISODE_LEN`, `TERMINAL_ACTION`, `goal_radius`, `initial_radius_range`,
/// `relative_angle_range`, `process_gain_default`, `target_offT`, `pro_noise_std_` and
/// `obs_noise_std_` are read); without it the tutorial's values are used.
extension TaskBuiltins {
    static func installFirefly(_ registry: inout Registry) {
        registry.function("FireflyEnv", Signature("FireflyEnv", ["arg", "batch_size"], required: 0)) { args, interpreter in
            let batchSize = try args.int("batch_size", 1)
            var settings = FireflyEnvironment.Settings()
            if let arg = args["arg"], !arg.isNone { settings = try read(arg, interpreter) }
            let generator = interpreter.tensors.generator
            let env = try converting { try FireflyEnvironment(batchSize: batchSize, settings: settings, generator: generator) }
            return .native(FireflyEnvObject(env))
        }
    }

    /// The settings a `Config` instance holds, each attribute required.
    private static func read(_ arg: Value, _ interpreter: Interpreter) throws -> FireflyEnvironment.Settings {
        func numbers(_ name: String, count: Int) throws -> [Float] {
            let value: Value
            do { value = try interpreter.attribute(arg, name) } catch {
                throw RuntimeError.value("FireflyEnv(): the config has no attribute '\(name)' (FireflyEnv reads DT, EPISODE_LEN, "
                    + "TERMINAL_ACTION, goal_radius, initial_radius_range, relative_angle_range, process_gain_default, "
                    + "target_offT, pro_noise_std_ and obs_noise_std_)")
            }
            let found = try interpreter.numbers(value, "FireflyEnv() config attribute '\(name)'")
            guard found.count == count else {
                throw RuntimeError.value("FireflyEnv(): config attribute '\(name)' must have \(count) number(s), got \(found.count)")
            }
            return found.map(Float.init)
        }
        var settings = FireflyEnvironment.Settings()
        settings.dt = try numbers("DT", count: 1)[0]
        let length = try numbers("EPISODE_LEN", count: 1)[0]
        guard length >= 1, length <= 100_000, length == length.rounded() else {
            throw RuntimeError.value("FireflyEnv(): EPISODE_LEN must be a whole number from 1 to 100000, got \(length)")
        }
        settings.episodeLength = Int(length)
        settings.terminalAction = try numbers("TERMINAL_ACTION", count: 1)[0]
        settings.goalRadius = try numbers("goal_radius", count: 1)[0]
        let radii = try numbers("initial_radius_range", count: 2)
        settings.initialRadiusRange = (radii[0], radii[1])
        let angles = try numbers("relative_angle_range", count: 2)
        settings.relativeAngleRange = (angles[0], angles[1])
        settings.processGainDefault = try numbers("process_gain_default", count: 2)
        let off = try numbers("target_offT", count: 1)[0]
        guard off == off.rounded(), abs(off) <= 100_000 else {
            throw RuntimeError.value("FireflyEnv(): target_offT must be a whole number of steps, got \(off)")
        }
        settings.targetOffStep = Int(off)
        settings.processNoiseStd = try numbers("pro_noise_std_", count: 1)[0]
        settings.observationNoiseStd = try numbers("obs_noise_std_", count: 1)[0]
        return settings
    }
}
