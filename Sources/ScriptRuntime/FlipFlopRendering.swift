import Foundation
import Plot
import Tasks

/// CTDB's `NBitFlipFlop.render()` and `render_3d(n_trials)`, drawn on the session's pyplot
/// as CTDB draws them with matplotlib. CTDB's `render` also saves `nbitflipflop.pdf`; here
/// nothing is written (the figure is shown with the block's output).
enum FlipFlopRendering {
    /// One new trial: a panel per bit with its target state, then one with every noisy input.
    static func render(_ task: NBitFlipFlop, _ interpreter: Interpreter) throws {
        let trial = task.trialArrays()
        let n = task.bits
        func column(_ values: [Float], _ k: Int) -> [Double] { (0..<task.steps).map { Double(values[$0 * n + k]) } }
        let colors = rainbow(n)
        try PlotBuiltins.perform(interpreter) { pyplot in
            let handles = try pyplot.subplots(n + 1, 1, sharex: "all")
            for k in 0..<n {
                try pyplot.select(handles[k])
                try pyplot.plot(column(trial.targets, k), style: SeriesStyle(color: colors[k]))
                pyplot.ylabel("State \(k)")
                try pyplot.ylim(-0.2, 1.2)
            }
            try pyplot.select(handles[n])
            for k in 0..<n { try pyplot.plot(column(trial.inputs, k), style: SeriesStyle(color: colors[k])) }
            try pyplot.ylim(-1.2, 1.2)
            pyplot.xlabel("Time")
            pyplot.ylabel("Inputs")
        }
    }

    /// `n_trials` new trials, each one's target states as a path through the cube of 3-D
    /// axes (bits 1–3); nothing for fewer than 3 bits, as in CTDB.
    static func render3D(_ task: NBitFlipFlop, trials: Int, _ interpreter: Interpreter) throws {
        guard (1...50).contains(trials) else {
            throw RuntimeError.value("render_3d(): n_trials must be between 1 and 50, got \(trials)")
        }
        guard task.bits > 2 else { return }
        let n = task.bits
        try PlotBuiltins.perform(interpreter) { pyplot in
            try pyplot.figure(width: 5 * Double(trials), height: 5)
            for i in 0..<trials {
                try pyplot.subplot(1, trials, i + 1)
                try pyplot.projection3D()
                let states = task.trialArrays().targets
                func column(_ k: Int) -> [Double] { (0..<task.steps).map { Double(states[$0 * n + k]) } }
                try pyplot.plot3d(column(0), column(1), column(2))
                pyplot.xlabel("Bit 1")
                pyplot.ylabel("Bit 2")
                pyplot.zlabel("Bit 3")
                pyplot.title("Trial \(i + 1)")
            }
        }
    }

    /// matplotlib's `plt.cm.rainbow(np.linspace(0, 1, n))` as hex colours: red |2x − ½|,
    /// green sin(πx), blue cos(πx/2), each clipped to [0, 1].
    static func rainbow(_ n: Int) -> [String] {
        (0..<n).map { i in
            let x = n == 1 ? 0 : Double(i) / Double(n - 1)
            let channels = [abs(2 * x - 0.5), sin(Double.pi * x), cos(Double.pi * x / 2)]
            return "#" + channels.map { value in
                let byte = Int((min(max(value, 0), 1) * 255).rounded())
                return String(byte, radix: 16).leftPadded(to: 2)
            }.joined()
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
