@testable import Plot

/// One small figure of every chart kind, drawn through `Pyplot` as a notebook would.
/// Values are simple closed forms so the figures (and their goldens) never change by accident.
enum Gallery: String, CaseIterable, Sendable {
    case line, scatter, bar, hist, heatmap, band, reference, violin, trajectory, subplots, empty
    case logLoss, psychometric, colorScatter, annotated, rotatedLabels, boxplot, flowField

    /// The figure for this kind.
    func figure() throws -> Figure {
        var plt = Pyplot()
        let x = (0..<20).map { Double($0) / 2 }
        let y = x.map { 10 - ($0 - 4) * ($0 - 4) / 2 }
        switch self {
        case .line:
            try plt.plot(x, y, style: SeriesStyle(label: "loss"))
            try plt.plot(x, y.map { $0 / 2 }, "r--o", style: SeriesStyle(label: "val <loss> & more"))
            plt.title("Training loss")
            plt.xlabel("epoch")
            plt.ylabel("loss")
            try plt.legend()
        case .scatter:
            try plt.scatter(x, y, style: SeriesStyle(label: "trials"))
            try plt.scatter(x, y.map { -$0 }, s: 16, style: SeriesStyle(color: "#d55e00", marker: "^", alpha: 0.5))
            plt.grid()
        case .bar:
            try plt.bar([0, 1, 2], [3, 5, 2], width: 0.4, style: SeriesStyle(label: "GRU"))
            try plt.bar([0.4, 1.4, 2.4], [2, 4, -1], width: 0.4, yerr: [0.5, 0.3, 0.8], capsize: 3,
                        style: SeriesStyle(label: "LSTM"))
            try plt.xticks([0.2, 1.2, 2.2], labels: ["go", "anti", "delay"])
            try plt.legend(loc: "upper left")
        case .hist:
            try plt.hist(x.map { $0 * $0 / 10 }, bins: 8)
            try plt.hist(x.map { $0 * 0.8 }, bins: 8, histtype: "step", style: SeriesStyle(label: "linear"))
            try plt.legend()
        case .heatmap:
            try plt.imshow((0..<6).map { r in (0..<8).map { c in Double(r * 8 + c) - 20 } }, cmap: "RdBu_r")
            try plt.colorbar(label: "weight")
        case .band:
            try plt.plot(x, y)
            try plt.fillBetween(x, y.map { $0 - 1 }, y.map { $0 + 1 }, style: SeriesStyle(alpha: 0.3))
        case .reference:
            try plt.plot(x, y)
            try plt.axhline(0, style: SeriesStyle(color: "k", linestyle: ":"))
            try plt.axvline(4, style: SeriesStyle(label: "onset", color: "gray", linestyle: "-."))
            try plt.axvspan(5, 7, style: SeriesStyle(label: "stimulus", color: "C1", alpha: 0.2))
            try plt.legend()
        case .violin:
            try plt.violinplot([[1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 5, 6, 6, 7, 9]], showmeans: true)
        case .trajectory:
            try plt.plot3d(x, y, x.map { $0 * 0.3 }, style: SeriesStyle(label: "trial 1"))
            try plt.scatter3d([0], [10], [0], style: SeriesStyle(color: "k"))
            plt.xlabel("PC1")
            plt.ylabel("PC2")
            plt.zlabel("PC3")
            try plt.legend()
        case .subplots:
            try plt.figure(width: 8, height: 3)
            plt.suptitle("Three panels")
            for i in 1...3 {
                try plt.subplot(1, 3, i)
                try plt.plot(x.map { $0 * Double(i) }, y)
                plt.title("panel \(i)")
            }
        case .empty:
            try plt.plot([], [])
        case .logLoss:
            let steps = (1...50).map { Double($0) * 20 }
            try plt.semilogy(steps, steps.map { 2 / $0 + 1e-3 }, style: SeriesStyle(label: "train"))
            try plt.plot(steps, steps.map { 3 / $0 + 2e-3 }, style: SeriesStyle(label: "test"))
            plt.xlabel("step")
            plt.ylabel("MSE")
            try plt.legend()
        case .psychometric:
            let coherence = [-0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5]
            let right = [0.02, 0.15, 0.35, 0.5, 0.66, 0.86, 0.99]
            try plt.errorbar(coherence, right, yerr: right.map { 0.1 * $0 * (1 - $0) + 0.01 }, fmt: "o-", capsize: 3,
                             style: SeriesStyle(label: "network"))
            try plt.axhline(0.5, style: SeriesStyle(color: "0.6", linestyle: "--", linewidth: 1))
            try plt.ylim(0, 1)
            plt.xlabel("coherence")
            plt.ylabel("P(right)")
            try plt.legend(loc: "lower right")
        case .colorScatter:
            try plt.scatter(x.map { $0 * 0.8 }, y, s: 20, c: x, cmap: "plasma")
            try plt.colorbar(label: "time (s)")
            try plt.axis("equal")
        case .flowField:
            var gx: [Double] = [], gy: [Double] = [], u: [Double] = [], v: [Double] = []
            for i in 0..<9 {
                for j in 0..<9 {
                    let px = Double(i) / 2 - 2, py = Double(j) / 2 - 2
                    gx.append(px)
                    gy.append(py)
                    u.append(-py - 0.3 * px)
                    v.append(px - 0.3 * py)
                }
            }
            try plt.quiver(gx, gy, u, v, style: SeriesStyle(color: "0.4"))
            try plt.scatter([0], [0], s: 60, style: SeriesStyle(label: "fixed point", color: "C3", marker: "x"))
            try plt.axis("equal")
            try plt.legend()
        case .boxplot:
            try plt.boxplot([[1, 2, 2, 3, 3, 3, 4, 5, 14], [2, 3, 5, 6, 6, 7, 9], [-4, 0, 1]])
            try plt.xticks([1, 2, 3], labels: ["LSTM", "GRU", "vanilla"])
        case .rotatedLabels:
            try plt.bar(categories: ["perceptual decision", "working memory", "go/no-go", "context"], [0.9, 0.7, 0.95, 0.6])
            try plt.xticks(rotation: 30)
            try plt.title("Accuracy by task", fontsize: 16)
            try plt.ylabel("accuracy", fontsize: 12)
        case .annotated:
            try plt.imshow([[1, 0], [0, 1]], cmap: "gray", colorbar: false)
            try plt.text(0, 0, "fixation", color: "red", ha: "center", va: "center")
            try plt.axis("off")
            plt.title("stimulus")
        }
        guard let figure = plt.takeFigures().first else { throw PlotError("gallery: no figure drawn") }
        return figure
    }
}

/// FNV-1a 64-bit, a stable hash for golden checks of large outputs.
func stableHash(_ text: String) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return String(hash, radix: 16)
}

extension String {
    /// How many times `needle` occurs (non-overlapping).
    func occurrences(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
