import Foundation
import Tensor

extension FireflyEnvironment {
    /// Starts `batchSize` trials and returns their initial states, (batch, 5): the origin,
    /// heading π/2, at rest. Targets are drawn unless given ((batch, 2), or (2,) for every
    /// trial): radius √U(r₀², r₁²), angle U(a₀, a₁) from +y. `gain` (2,) defaults to the 1×
    /// gain; the noise stds scale with it.
    public func reset(targetPosition given: Tensor? = nil, gain newGain: Tensor? = nil) throws -> Tensor {
        if let newGain {
            guard newGain.count == 2 else { throw TaskError("FireflyEnv.reset: gain must have 2 elements (v, ω), got shape \(newGain.shape)") }
            gain = try newGain.detach().reshape([2]).clone()
        } else {
            gain = try Tensor(settings.processGainDefault, shape: [2])
        }
        processNoise = try gain.mul(settings.processNoiseStd)
        observationNoise = try gain.mul(settings.observationNoiseStd)
        if let given {
            let rows: Tensor
            if given.count == 2 {
                rows = try given.detach().reshape([1, 2]).expand([batchSize, 2])
            } else if given.shape == [batchSize, 2] {
                rows = given.detach()
            } else {
                throw TaskError("FireflyEnv.reset: target_position must have shape (\(batchSize), 2) or (2,), got \(given.shape)")
            }
            targetPosition = try rows.clone()
        } else {
            let (r0, r1) = settings.initialRadiusRange
            let radius = try Tensor.rand([batchSize], low: r0 * r0, high: r1 * r1, generator: generator).sqrt()
            let angle = try Tensor.rand([batchSize], low: settings.relativeAngleRange.0, high: settings.relativeAngleRange.1,
                                        generator: generator)
            let phi = try Tensor(scalar: Float(Double.pi / 2)).sub(angle)
            targetPosition = try Tensor.stack([radius.mul(phi.cos()), radius.mul(phi.sin())], dim: 1)
        }
        targetPositionObs = try targetPosition.clone()
        let start = try Tensor.zeros([batchSize, 5])
        try start.indexPut([.all, .at(2)], Float(Double.pi / 2))
        return start
    }

    /// One step of every trial: hides the target when `t == targetOffStep`, tells which
    /// trials are in the reward zone before moving (bool, (batch,)), and returns the next
    /// states (batch, 5). `action` is (batch, 2) or the actor's (1, batch, 2).
    public func forward(_ state: Tensor, _ action: Tensor, step t: Int) throws -> (next: Tensor, reached: Tensor) {
        let rows = try actionRows(action)
        guard state.shape == [batchSize, 5] else {
            throw TaskError("FireflyEnv: the state must have shape (\(batchSize), 5), got \(state.shape)")
        }
        if t == settings.targetOffStep { _ = try targetPositionObs.mul_(0) }
        let position = try state.index([.all, .range(0..<2)])
        let distance = try position.sub(targetPosition).norm(p: 2, dims: [1])
        let reached = try distance.lt(settings.goalRadius)
        return (try dynamics(state, rows), reached)
    }

    /// The next states: position moved by the current velocities, heading turned, velocities
    /// set to gain ⊙ action plus process noise (drawn here, (batch, 2)).
    public func dynamics(_ state: Tensor, _ action: Tensor) throws -> Tensor {
        guard state.shape == [batchSize, 5] else {
            throw TaskError("FireflyEnv: the state must have shape (\(batchSize), 5), got \(state.shape)")
        }
        let action = try actionRows(action)
        let noise = try processNoise.mul(Tensor.randn([batchSize, 2], generator: generator))
        func column(_ k: Int) throws -> Tensor { try state.index([.all, .at(k)]) }
        let (x, y, heading, v, w) = (try column(0), try column(1), try column(2), try column(3), try column(4))
        let dt = settings.dt
        let nextX = try x.add(v.mul(heading.cos()).mul(dt))
        let nextY = try y.add(v.mul(heading.sin()).mul(dt))
        let nextHeading = try heading.add(w.mul(dt))
        let velocities = try gain.mul(action).add(noise)
        return try Tensor.stack([nextX, nextY, nextHeading,
                                 velocities.index([.all, .at(0)]), velocities.index([.all, .at(1)])], dim: 1)
    }

    /// Which trials the action stops, bool (batch,): both components below the threshold.
    public func isStop(_ action: Tensor) throws -> Tensor {
        let rows = try actionRows(action)
        return try rows.abs().lt(settings.terminalAction).float().amin(dims: [1]).gt(0.5)
    }

    /// The noisy observation of each trial's velocities, (batch, 2): (v, ω) plus
    /// observation noise (drawn here).
    public func observe(_ state: Tensor) throws -> Tensor {
        guard state.shape == [batchSize, 5] else {
            throw TaskError("FireflyEnv.observe: the state must have shape (\(batchSize), 5), got \(state.shape)")
        }
        let noise = try observationNoise.mul(Tensor.randn([batchSize, 2], generator: generator))
        return try state.index([.all, .range(3..<5)]).add(noise)
    }

    /// The action as (batch, 2) rows.
    func actionRows(_ action: Tensor) throws -> Tensor {
        if action.shape == [batchSize, 2] { return action }
        if action.shape == [1, batchSize, 2] { return try action.reshape([batchSize, 2]) }
        throw TaskError("FireflyEnv: the action must have shape (\(batchSize), 2) or (1, \(batchSize), 2), got \(action.shape)")
    }
}
