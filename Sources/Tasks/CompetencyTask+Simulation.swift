import Foundation
import Tensor

extension CompetencyTask {
    /// The fixed constants of the eels' and fishes' motion (docs/eel-task.md). Positions
    /// are in arena units; the arena is the square [−1, 1]².
    public enum Physics {
        /// The eels bounce off the walls at ±`arena`.
        public static let arena = 1.0
        /// An eel starts uniformly in [−`eelStart`, `eelStart`]² with a uniform heading.
        public static let eelStart = 0.5
        /// The heading's random walk, in radians per √s (per-step std `turnRate·√(dt/1000)`).
        public static let turnRate = 2.0
        /// Fish homes lie on a 5 × 5 grid of this spacing, centred on the origin.
        public static let gridSpacing = 0.4
        /// Each home is moved by a uniform offset in [−`homeJitter`, `homeJitter`] per axis.
        public static let homeJitter = 0.1
        /// The length scale r of the eel's reach: its push falls off as exp(−d²/2r²).
        public static let reach = 0.3
        /// A fish's flight speed (arena units per second) at influence 1 and distance 0.
        public static let fleeSpeed = 1.0
        /// The time constant (s) of a fish's return to its home.
        public static let returnTime = 0.5
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
        for (period, influence) in zip(periodSteps[1...2], influences) {
            simulate(influence: influence, steps: period) { t, state in
                let base = (t * columns + column) * width
                for k in 0..<state.count { ob[base + 1 + k] = Float(state[k]) }
            }
        }
        for t in periodSteps[3] { labels[t * columns + column] = Float(truth + 1) }
        return Trial(groundTruth: truth, difference: delta, influences: influences)
    }

    /// Simulates one observe period of an eel of influence `influence`, handing `emit` each
    /// step's state [eel x, eel y, fish 0 x, fish 0 y, …] before moving everyone on.
    ///
    /// Draws: the eel's start (x, y) and heading, then each home's jitter (x, y), then per
    /// step one normal per fish coordinate and one for the eel's turn. Fish start at home.
    /// Per step of h = dt/1000 s, with d and u the distance and unit vector from the eel:
    /// `p ← home + (p − home)·e^(−h/τ) + s·v·h·e^(−d²/2r²)·u + wiggle·√(dt/10)·ε`; the eel
    /// turns by `turnRate·√h·ε`, swims `speed·h` and bounces off the walls.
    func simulate(influence: Double, steps: Range<Int>, emit: (Int, [Double]) -> Void) {
        typealias P = Physics
        let h = dt / 1000
        var eel = (x: P.eelStart * (2 * generator.nextDouble() - 1), y: P.eelStart * (2 * generator.nextDouble() - 1))
        var heading = 2 * Double.pi * generator.nextDouble()
        let side = 5
        var homes = [Double](repeating: 0, count: 2 * Self.fishCount)
        for k in 0..<Self.fishCount {
            let cell = [k % side, k / side]
            for axis in 0..<2 {
                let centre = (Double(cell[axis]) - Double(side - 1) / 2) * P.gridSpacing
                homes[2 * k + axis] = centre + P.homeJitter * (2 * generator.nextDouble() - 1)
            }
        }
        var fish = homes
        var state = [Double](repeating: 0, count: 2 + fish.count)
        let (decay, push, jitter) = (exp(-h / P.returnTime), influence * P.fleeSpeed * h, wiggle * (dt / 10).squareRoot())
        let (twoReachSquared, turn, stride) = (2 * P.reach * P.reach, P.turnRate * h.squareRoot(), speed * h)
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
                for (axis, offset) in [(0, dx), (1, dy)] {
                    let i = 2 * k + axis
                    fish[i] = homes[i] + (fish[i] - homes[i]) * decay + away * offset + jitter * generator.nextNormal()
                }
            }
            heading += turn * generator.nextNormal()
            (eel, heading) = Self.swim(eel, heading, stride)
        }
    }

    /// The eel moved `stride` along `heading`, reflected off the walls (heading mirrored),
    /// and kept inside the arena even for strides longer than it.
    static func swim(_ eel: (x: Double, y: Double), _ heading: Double, _ stride: Double) -> ((x: Double, y: Double), Double) {
        let a = Physics.arena
        var (x, y, angle) = (eel.x + stride * cos(heading), eel.y + stride * sin(heading), heading)
        if x > a || x < -a {
            x = x > a ? 2 * a - x : -2 * a - x
            angle = Double.pi - angle
        }
        if y > a || y < -a {
            y = y > a ? 2 * a - y : -2 * a - y
            angle = -angle
        }
        return ((min(max(x, -a), a), min(max(y, -a), a)), angle.remainder(dividingBy: 2 * Double.pi))
    }
}
