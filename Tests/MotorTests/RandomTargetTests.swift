import Foundation
import Motor
import Tensor
import Testing

/// The RandomTarget task: its trials, observations and loss.
struct RandomTargetTests {
    static func environment() throws -> RandomTarget {
        try RandomTarget(effector: try RigidTendonArm26())
    }

    @Test func datasetFollowsTheBenchmarksRules() throws {
        let env = try Self.environment()
        #expect(env.timesteps == 100)
        let data = try env.generateDataset(400, generator: Generator(seed: 3))
        #expect(data.inputs.shape == [400, 100, 3])
        #expect(data.inputsToEnv.shape == [400, 100, 2])
        #expect(data.targets.shape == [400, 100, 2])
        let (inputs, loads, targets, conds, extra) = (data.inputs.scalars, data.inputsToEnv.scalars, data.targets.scalars,
                                                      data.conds.ints, data.extra.ints)
        var catches = 0, bumps = 0
        for i in 0..<400 {
            let (on, go) = (extra[2 * i], extra[2 * i + 1])
            #expect((10..<30).contains(on))
            if conds[i] == 1 { catches += 1; #expect(go == -1) } else { #expect((on..<100).contains(go)) }
            for t in 0..<100 {
                let cue = inputs[(i * 100 + t) * 3 + 2]
                #expect(cue == (conds[i] == 0 && t >= go ? 1 : 0))
                #expect((inputs[(i * 100 + t) * 3] != 0) == (t >= on))
            }
            let lastTarget = Array(targets[(i * 100 + 99) * 2..<(i * 100 + 99) * 2 + 2])
            let firstTarget = Array(targets[i * 200..<i * 200 + 2])
            if conds[i] == 1 { #expect(lastTarget == firstTarget) }
            let magnitudes = (0..<100).map { t in (loads[(i * 100 + t) * 2] * loads[(i * 100 + t) * 2]
                                                  + loads[(i * 100 + t) * 2 + 1] * loads[(i * 100 + t) * 2 + 1]).squareRoot() }
            let pushed = magnitudes.filter { $0 > 0 }
            if !pushed.isEmpty {
                bumps += 1
                #expect(pushed.count <= 29)
                #expect(pushed.allSatisfy { $0 >= 4.999 && $0 <= 10.001 })
            }
        }
        #expect((50...110).contains(catches))
        #expect((150...250).contains(bumps))
    }

    @Test func datasetIsDeterministicForASeed() throws {
        let env = try Self.environment()
        let a = try env.generateDataset(8, generator: Generator(seed: 5)), b = try env.generateDataset(8, generator: Generator(seed: 5))
        #expect(a.inputs.scalars == b.inputs.scalars && a.inputsToEnv.scalars == b.inputsToEnv.scalars && a.ics.scalars == b.ics.scalars)
    }

    @Test func observationsAreHandAndNormalisedMuscleState() throws {
        let env = try Self.environment()
        let ics = try Tensor([0.9, 1.4, 0, 0], shape: [1, 4])
        let first = try env.reset(batchSize: 1, icState: ics, goal: nil, deterministic: true, generator: Generator(seed: 1))
        #expect(first.shape == [1, 14])
        let obs = first.scalars
        // Hand at (0.9, 1.4): L1 cos θ1 + L2 cos(θ1+θ2), L1 sin θ1 + L2 sin(θ1+θ2).
        #expect(abs(obs[0] - (0.309 * cos(0.9) + 0.333 * cos(2.3))) < 1e-5)
        #expect(abs(obs[1] - (0.309 * sin(0.9) + 0.333 * sin(2.3))) < 1e-5)
        let (next, _) = try env.step(try Tensor.full([1, 6], 0.2), endpointLoad: nil, jointLoad: nil, deterministic: true,
                                     generator: Generator(seed: 1))
        #expect(next.shape == [1, 14])
        #expect(!env.terminated)
        for _ in 0..<99 { _ = try env.step(try Tensor.zeros([1, 6]), endpointLoad: nil, jointLoad: nil, deterministic: true, generator: Generator(seed: 1)) }
        #expect(env.terminated)
    }

    @Test func visionDelayShowsAnOlderHand() throws {
        let delayed = try RandomTarget(effector: try RigidTendonArm26(), visionDelay: 0.03)
        let prompt = try Self.environment()
        let ics = try Tensor([0.9, 1.4, 0, 0], shape: [1, 4])
        var seen: [[Float]] = [], now: [[Float]] = []
        seen.append(try delayed.reset(batchSize: 1, icState: ics, goal: nil, deterministic: true, generator: Generator(seed: 1)).scalars)
        now.append(try prompt.reset(batchSize: 1, icState: ics, goal: nil, deterministic: true, generator: Generator(seed: 1)).scalars)
        let action = try Tensor.full([1, 6], 0.5)
        for _ in 0..<6 {
            seen.append(try delayed.step(action, endpointLoad: nil, jointLoad: nil, deterministic: true, generator: Generator(seed: 1)).observation.scalars)
            now.append(try prompt.step(action, endpointLoad: nil, jointLoad: nil, deterministic: true, generator: Generator(seed: 1)).observation.scalars)
        }
        // A three-step buffer shows at step k the hand of step k − 2; proprioception is not delayed.
        for k in 2...6 {
            #expect(Array(seen[k][0..<2]) == Array(now[k - 2][0..<2]))
            #expect(Array(seen[k][2...]) == Array(now[k][2...]))
        }
        #expect(now[6][0] != now[0][0])
    }

    @Test func lossIsWeightedPositionErrorPlusSquaredActivation() throws {
        let loss = RandomTargetLoss(positionWeight: 2, activationWeight: 0.5, fullTrialEpoch: 200)
        let controlled = try Tensor([0, 0, 1, 1, 2, 2, 3, 3], shape: [1, 4, 2])
        let targets = try Tensor.zeros([1, 4, 2])
        let actions = try Tensor.full([1, 4, 6], 0.5)
        // Epoch 100: ⌈4 · 0.5⌉ = 2 steps count: mean of (0,0,1,1)² = 0.5; actions 0.25.
        #expect(try loss(controlled: controlled, targets: targets, actions: actions, epoch: 100).item() == 2 * 0.5 + 0.5 * 0.25)
        // From epoch 200 on, all 4: mean of (0,0,1,1,4,4,9,9) = 3.5.
        #expect(try loss(controlled: controlled, targets: targets, actions: actions, epoch: 500).item() == 2 * 3.5 + 0.125)
        #expect(try loss(controlled: controlled, targets: targets, actions: actions, epoch: 0).item().isNaN)
    }
}
