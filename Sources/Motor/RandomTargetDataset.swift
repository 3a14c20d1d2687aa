import Foundation
import Tensor

/// The trials of the Computation-through-Dynamics benchmark's `RandomTarget.generate_dataset`
/// (neuromatch/ComputationThruDynamicsBenchmark, ctd/task_modeling/task_env/task_env.py),
/// batch-first: N trials of T steps.
public struct RandomTargetDataset: @unchecked Sendable {
    /// Initial joint states (N, 4): shoulder, elbow angles (rad), zero velocities.
    public let ics: Tensor
    /// Context inputs (N, T, 3): target x, y from target onset, go cue from the go step.
    public let inputs: Tensor
    /// The hand loads (N, T, 2), in N: the bumps.
    public let inputsToEnv: Tensor
    /// The hand position to be at (N, T, 2): the start until the go cue, then the target.
    public let targets: Tensor
    /// 1 for catch trials (no go cue), else 0 (N,).
    public let conds: Tensor
    /// Target-onset and go-cue steps (N, 2); the go cue is −1 on catch trials.
    public let extra: Tensor
}

extension RandomTarget {
    /// `generate_dataset(n_samples)`: per trial, catch with p = 0.2, bump with p = 0.5 (half
    /// of them right after the go cue, `randint(go, go + 40)`, half at `randint(0, T − 30)`),
    /// target onset `randint(10, 30)`, go cue `randint(onset, T)`, bump duration
    /// `randint(15, 30)` steps, direction U(0, 2π), magnitude U(bump_mag_low, bump_mag_high);
    /// start and target postures uniform in shoulder [30°, 105°], elbow [30°, 125°].
    public func generateDataset(_ count: Int, generator: Generator) throws -> RandomTargetDataset {
        let steps = timesteps
        guard count >= 1 else { throw TensorError("generate_dataset: n_samples must be positive") }
        guard steps > 30 else {
            throw TensorError("generate_dataset: the episode needs more than 30 steps (max_ep_duration / dt), got \(steps)")
        }
        guard count <= 1_000_000, steps <= 1_000_000, count * steps <= 50_000_000 else {
            throw TensorError("generate_dataset: \(count) trials of \(steps) steps is more than the limit of 50,000,000 steps")
        }
        func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * generator.nextDouble() }
        func randint(_ low: Int, _ high: Int) -> Int { low + Int(generator.nextInt(below: UInt64(high - low))) }
        let degree = Double.pi / 180
        var ics: [Float] = [], inputs = [Float](repeating: 0, count: count * steps * 3)
        var loads = [Float](repeating: 0, count: count * steps * 2), targets = [Float](repeating: 0, count: count * steps * 2)
        var conds: [Float] = [], extra: [Float] = []
        for i in 0..<count {
            let isCatch = generator.nextDouble() < 0.2
            let isBump = generator.nextDouble() < 0.5
            let bumpAfterGo = generator.nextDouble() < 0.5
            let targetOn = randint(10, 30)
            let goCue = randint(targetOn, steps)
            let bumpTime = bumpAfterGo ? randint(goCue, goCue + 40) : randint(0, steps - 30)
            let bumpDuration = randint(15, 30)
            let theta = uniform(0, 2 * Double.pi)
            let magnitude = uniform(bumpLow, bumpHigh)
            let start = [uniform(30, 105) * degree, uniform(30, 125) * degree]
            let goal = [uniform(30, 105) * degree, uniform(30, 125) * degree]
            let startXY = handPosition(start), goalXY = handPosition(goal)
            ics += [Float(start[0]), Float(start[1]), 0, 0]
            if isBump {
                for t in bumpTime..<Swift.max(bumpTime, Swift.min(bumpTime + bumpDuration, steps)) {
                    loads[(i * steps + t) * 2] = Float(magnitude * cos(theta))
                    loads[(i * steps + t) * 2 + 1] = Float(magnitude * sin(theta))
                }
            }
            for t in 0..<steps {
                let moving = !isCatch && t >= goCue
                let place = moving ? goalXY : startXY
                targets[(i * steps + t) * 2] = place.0
                targets[(i * steps + t) * 2 + 1] = place.1
                if t >= targetOn {
                    inputs[(i * steps + t) * 3] = goalXY.0
                    inputs[(i * steps + t) * 3 + 1] = goalXY.1
                }
                if moving { inputs[(i * steps + t) * 3 + 2] = 1 }
            }
            conds.append(isCatch ? 1 : 0)
            extra += [Float(targetOn), Float(isCatch ? -1 : goCue)]
        }
        return RandomTargetDataset(
            ics: try Tensor(ics, shape: [count, 4]), inputs: try Tensor(inputs, shape: [count, steps, 3]),
            inputsToEnv: try Tensor(loads, shape: [count, steps, 2]), targets: try Tensor(targets, shape: [count, steps, 2]),
            conds: try Tensor(conds, shape: [count], dtype: .int64), extra: try Tensor(extra, shape: [count, 2], dtype: .int64))
    }

    /// The hand position (x, y) at shoulder and elbow angles `angles` (float32, as MotorNet).
    func handPosition(_ angles: [Double]) -> (Float, Float) {
        let arm = effector.skeleton
        let (q1, q12) = (Float(angles[0]), Float(angles[0]) + Float(angles[1]))
        return (arm.l1 * Foundation.cos(q1) + arm.l2 * Foundation.cos(q12), arm.l1 * Foundation.sin(q1) + arm.l2 * Foundation.sin(q12))
    }
}
