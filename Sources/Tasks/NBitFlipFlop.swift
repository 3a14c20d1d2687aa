import Tensor

/// The N-bit flip-flop of ComputationThruDynamicsBenchmark (specs/tasks.md §2.1).
///
/// Observation layout, n channels: channel k carries bit k's pulses (+1 set, −1 reset,
/// 0 otherwise) plus Gaussian noise of std `noise` on every step. Pulses occur per step
/// and bit with probability `switchProb` each for +1 and −1 (none in the first 3 steps).
/// Targets (n channels): each bit's state in {0, 1}, starting at 0 and updated at the
/// pulse step itself. Batches are time-major: (T, B, n).
public final class NBitFlipFlop {
    /// The number of bits n (input and output width).
    public let bits: Int
    /// Steps per trial T.
    public let steps: Int
    /// The input noise std.
    public let noise: Double
    /// The probability per step and bit of a +1 pulse (and, separately, of a −1 pulse).
    public let switchProb: Double
    /// Steps after each target transition that CTDB's `NBFFLoss` leaves out of the loss
    /// (kept with the task, as CTDB's environment keeps it for its loss function).
    public let transitionBlind: Int
    /// The std of noise CTDB's training wrapper adds to the inputs on every forward pass
    /// (kept with the task; the task itself never uses it).
    public let dynamicNoise: Double
    private let generator: Generator

    /// One batch of trials, time-major.
    public struct Batch {
        /// Noisy pulses (T, B, n).
        public let inputs: Tensor
        /// Bit states (T, B, n), 0 or 1.
        public let targets: Tensor
        /// The pulses without noise (T, B, n).
        public let trueInputs: Tensor
    }

    /// Makes the task (CTDB's defaults: 3 bits, 500 steps, noise 0.15, p 0.01, 4 blind steps).
    public init(
        bits: Int = 3, steps: Int = 500, noise: Double = 0.15, switchProb: Double = 0.01,
        transitionBlind: Int = 4, dynamicNoise: Double = 0, generator: Generator
    ) throws {
        guard bits > 0, steps > 0 else {
            throw TaskError("NBitFlipFlop: n and n_timesteps must be positive, got \(bits) and \(steps)")
        }
        guard (0...0.5).contains(switchProb) else {
            throw TaskError("NBitFlipFlop: switch_prob must lie in [0, 0.5], got \(switchProb)")
        }
        guard noise >= 0, noise.isFinite else {
            throw TaskError("NBitFlipFlop: noise must be finite and not negative, got \(noise)")
        }
        guard transitionBlind >= 0 else {
            throw TaskError("NBitFlipFlop: transition_blind must not be negative, got \(transitionBlind)")
        }
        guard dynamicNoise >= 0, dynamicNoise.isFinite else {
            throw TaskError("NBitFlipFlop: dynamic_noise must be finite and not negative, got \(dynamicNoise)")
        }
        self.transitionBlind = transitionBlind
        self.dynamicNoise = dynamicNoise
        self.bits = bits
        self.steps = steps
        self.noise = noise
        self.switchProb = switchProb
        self.generator = generator
    }

    /// A task with another's settings and `generator`.
    private init(copying other: NBitFlipFlop, generator: Generator) {
        bits = other.bits
        steps = other.steps
        noise = other.noise
        switchProb = other.switchProb
        transitionBlind = other.transitionBlind
        dynamicNoise = other.dynamicNoise
        self.generator = generator
    }

    /// One trial as row-major (T × n) arrays: noisy inputs, targets, noiseless pulses.
    public func trialArrays() -> (inputs: [Float], targets: [Float], pulses: [Float]) {
        let n = bits
        var pulses = [Float](repeating: 0, count: steps * n)
        for i in 0..<(steps * n) {
            let u = generator.nextDouble()
            if u > 1 - switchProb { pulses[i] = 1 } else if u < switchProb { pulses[i] = -1 }
        }
        for i in 0..<(min(3, steps) * n) { pulses[i] = 0 }
        var state = [Float](repeating: 0, count: n)
        var targets = [Float](repeating: 0, count: steps * n)
        for t in 0..<steps {
            for k in 0..<n {
                if pulses[t * n + k] == 1 { state[k] = 1 } else if pulses[t * n + k] == -1 { state[k] = 0 }
                targets[t * n + k] = state[k]
            }
        }
        let inputs = pulses.map { $0 + Float(noise * generator.nextNormal()) }
        return (inputs, targets, pulses)
    }

    /// `count` trials as a batch, time-major (T, B, n) or, with `batchFirst`, (B, T, n) as
    /// CTDB's `generate_dataset` lays them out. Throws for a non-positive count or a batch
    /// larger than the current tensor budget allows per tensor (checked before allocating).
    public func batch(_ count: Int, batchFirst: Bool = false) throws -> Batch {
        guard count > 0 else { throw TaskError("NBitFlipFlop: the batch size must be positive, got \(count)") }
        try SizeLimit.check([steps, count, bits], "NBitFlipFlop: a batch")
        // Trials are drawn one after another in either layout, so a seed gives the same trials.
        let n = bits
        var (x, y, p) = ([Float](repeating: 0, count: steps * count * n), [Float](repeating: 0, count: steps * count * n),
                         [Float](repeating: 0, count: steps * count * n))
        for b in 0..<count {
            let trial = trialArrays()
            for t in 0..<steps {
                for k in 0..<n {
                    let row = batchFirst ? b * steps + t : t * count + b
                    let (source, target) = (t * n + k, row * n + k)
                    x[target] = trial.inputs[source]
                    y[target] = trial.targets[source]
                    p[target] = trial.pulses[source]
                }
            }
        }
        let shape = batchFirst ? [count, steps, n] : [steps, count, n]
        return Batch(inputs: try Tensor(x, shape: shape), targets: try Tensor(y, shape: shape), trueInputs: try Tensor(p, shape: shape))
    }
}

extension NBitFlipFlop {
    /// The task with the same settings drawing from `generator`, for session snapshots
    /// (the generator is the task's only state).
    public func copy(generator newGenerator: Generator) -> NBitFlipFlop {
        NBitFlipFlop(copying: self, generator: newGenerator)
    }

    /// The generator the task draws from.
    public var randomGenerator: Generator { generator }
}
