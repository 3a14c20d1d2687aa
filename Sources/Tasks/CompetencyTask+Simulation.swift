import Foundation
import Tensor

extension CompetencyTask {
    /// The fixed constants of the eels' and fishes' motion (docs/eel-task.md). Positions
    /// are in arena units; the arena is the square [−1, 1]².
    public enum Physics {
        /// The eels bounce off the walls at ±`arena`.
        public static let arena = 1.0
        /// An eel enters at the left or the right wall at a height uniform in ±`eelLane`.
        public static let eelLane = 0.15
        /// The std (radians) of the eel's course deviation from the horizontal, an
        /// Ornstein–Uhlenbeck process of time constant `courseTime`.
        public static let courseDeviation = 0.2
        /// The time constant (s) of the eel's course deviation.
        public static let courseTime = 0.5
        /// Fish homes lie on a 5 × 5 grid of this spacing, centred on the origin, centre left out.
        public static let gridSpacing = 0.4
        /// Each home is moved by a uniform offset in [−`homeJitter`, `homeJitter`] per axis.
        public static let homeJitter = 0.05
        /// The length scale r of the eel's reach: its push falls off as exp(−d²/2r²).
        public static let reach = 0.3
        /// A fish's flight speed (arena units per second) at influence 1 and distance 0.
        public static let fleeSpeed = 2.0
        /// The time constant (s) of a fish's return to its home.
        public static let returnTime = 3.0
    }

    /// Draws one trial into `ob` and `labels`, laid out time-major with `columns` trials
    /// side by side (`column` is this one): observation of step t at
    /// `(t · columns + column) · 53`, label at `t · columns + column`.
    ///
    /// The draws, in order: the ground truth (uniform over {0, 1}), the difference Δ
    /// (uniform over `differences`), both drawn even when fixed by the arguments; the mean
    /// influence m uniform in [Δ/2, 1 − Δ/2]; then eel 1's period and eel 2's period (see
    /// `simulate`). The chosen eel gets m + Δ/2, the other m − Δ/2.
    func drawTrial(
        groundTruth: Int?, difference: Double?, into ob: inout [Float], labels: inout [Float], column: Int, columns: Int
    ) throws -> Trial {
        let drawnTruth = Draw.index(2, generator)
        let drawnDifference = differences[Draw.index(differences.count, generator)]
        let truth = groundTruth ?? drawnTruth
        guard truth == 0 || truth == 1 else { throw TaskError("CompetencyTask: ground_truth must be 0 or 1, got \(truth)") }
        let delta = difference ?? drawnDifference
        guard (0...1).contains(delta) else { throw TaskError("CompetencyTask: difference must lie in [0, 1], got \(delta)") }
        let mean = delta / 2 + (1 - delta) * generator.nextDouble()
        let influences = truth == 0 ? [mean + delta / 2, mean - delta / 2] : [mean - delta / 2, mean + delta / 2]
        let width = observationSize
        for t in 0..<periodSteps[3].lowerBound { ob[(t * columns + column) * width] = 1 }
        for (eel, (period, influence)) in zip(periodSteps[1...2], influences).enumerated() {
            simulate(influence: influence, steps: period) { t, state in
                let base = (t * columns + column) * width
                ob[base + 1 + 2 * eel] = Float(state[0])
                ob[base + 2 + 2 * eel] = Float(state[1])
                for k in 2..<state.count { ob[base + 3 + k] = Float(state[k]) }
            }
        }
        for t in periodSteps[3] { labels[t * columns + column] = Float(truth + 1) }
        return Trial(groundTruth: truth, difference: delta, influences: influences)
    }

    /// Simulates one observe period of an eel of influence `influence`, handing `emit` each
    /// step's state [eel x, eel y, fish 0 x, fish 0 y, …] before moving everyone on.
    ///
    /// Draws: the eel's side (left or right wall), its height, then each home's jitter
    /// (x, y), then per step one normal per fish coordinate and one for the eel's course.
    /// Fish start at home. Per step of h = dt/1000 s, with d and u the distance and unit
    /// vector from the eel:
    /// `p ← home + (p − home)·e^(−h/τ) + s·v·h·e^(−d²/2r²)·u + wiggle·√(dt/10)·ε`; the eel's
    /// course deviation δ is an Ornstein–Uhlenbeck process, it swims `speed·h` along
    /// (±cos δ, sin δ) and bounces off the walls.
    func simulate(influence: Double, steps: Range<Int>, emit: (Int, [Double]) -> Void) {
        typealias P = Physics
        let h = dt / 1000
        var direction = Draw.index(2, generator) == 0 ? 1.0 : -1.0
        var eel = (x: -direction * P.arena, y: P.eelLane * (2 * generator.nextDouble() - 1))
        var deviation = 0.0
        var homes: [Double] = []
        for k in 0..<(Self.fishCount + 1) where k != Self.fishCount / 2 {
            for cell in [k % 5, k / 5] {
                homes.append((Double(cell) - 2) * P.gridSpacing + P.homeJitter * (2 * generator.nextDouble() - 1))
            }
        }
        var fish = homes
        var state = [Double](repeating: 0, count: 2 + fish.count)
        let (decay, push, jitter) = (exp(-h / P.returnTime), influence * P.fleeSpeed * h, wiggle * (dt / 10).squareRoot())
        let twoReachSquared = 2 * P.reach * P.reach
        let (keep, kick) = (exp(-h / P.courseTime), P.courseDeviation * (1 - exp(-2 * h / P.courseTime)).squareRoot())
        for t in steps {
            state[0] = eel.x
            state[1] = eel.y
            for k in 0..<fish.count { state[2 + k] = fish[k] }
            emit(t, state)
            for k in 0..<Self.fishCount {
                let (dx, dy) = (fish[2 * k] - eel.x, fish[2 * k + 1] - eel.y)
                let squared = dx * dx + dy * dy
                let distance = squared.squareRoot()
                let away = distance > 1e-12 ? push * exp(-squared / twoReachSquared) / distance : 0
                let (x, y) = (2 * k, 2 * k + 1)
                fish[x] = homes[x] + (fish[x] - homes[x]) * decay + away * dx + jitter * generator.nextNormal()
                fish[y] = homes[y] + (fish[y] - homes[y]) * decay + away * dy + jitter * generator.nextNormal()
            }
            deviation = deviation * keep + kick * generator.nextNormal()
            (eel, direction, deviation) = Self.swim(eel, direction, deviation, speed * h)
        }
    }

    /// The eel moved `stride` along (direction·cos δ, sin δ), reflected off the walls (a side
    /// wall turns it round, a top or bottom wall mirrors δ), kept inside the arena even for
    /// strides longer than it.
    static func swim(
        _ eel: (x: Double, y: Double), _ direction: Double, _ deviation: Double, _ stride: Double
    ) -> ((x: Double, y: Double), Double, Double) {
        let a = Physics.arena
        var (x, y) = (eel.x + stride * direction * cos(deviation), eel.y + stride * sin(deviation))
        var (turned, mirrored) = (direction, deviation)
        if x > a || x < -a {
            x = x > a ? 2 * a - x : -2 * a - x
            turned = -direction
        }
        if y > a || y < -a {
            y = y > a ? 2 * a - y : -2 * a - y
            mirrored = -deviation
        }
        return ((min(max(x, -a), a), min(max(y, -a), a)), turned, mirrored)
    }
}
