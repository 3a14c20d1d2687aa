import Foundation
import Tasks

/// The ideal observer of the eel task: the least-squares influence estimate under the
/// task's own motion model, read from the observations alone (docs/eel-task.md).
enum IdealObserver {
    /// ŝ = Σ g·r / Σ g·g over the fish and steps of one observe period, where
    /// r = p(t+1) − home − (p(t) − home)·e^(−h/τ) is a fish's unexplained move, home its
    /// first observed position, and g = v·h·e^(−d²/2r²)·u the push of an eel of influence 1.
    static func influence(_ x: [Float], eel: Int, column: Int, columns: Int, steps: Range<Int>, dt: Double) -> Double {
        typealias P = CompetencyTask.Physics
        let h = dt / 1000
        let decay = exp(-h / P.returnTime)
        func at(_ t: Int, _ channel: Int) -> Double { Double(x[(t * columns + column) * 53 + channel]) }
        var (gr, gg) = (0.0, 0.0)
        for t in steps.dropLast() {
            for k in 0..<CompetencyTask.fishCount {
                let (dx, dy) = (at(t, 5 + 2 * k) - at(t, 2 * eel - 1), at(t, 6 + 2 * k) - at(t, 2 * eel))
                let distance = (dx * dx + dy * dy).squareRoot()
                guard distance > 1e-12 else { continue }
                let scale = P.fleeSpeed * h * exp(-(distance * distance) / (2 * P.reach * P.reach)) / distance
                for (axis, offset) in [(0, dx), (1, dy)] {
                    let channel = 5 + 2 * k + axis
                    let (home, now, next) = (at(steps.lowerBound, channel), at(t, channel), at(t + 1, channel))
                    let unexplained = next - home - (now - home) * decay
                    gr += scale * offset * unexplained
                    gg += scale * offset * scale * offset
                }
            }
        }
        return gg > 0 ? gr / gg : 0
    }
}
