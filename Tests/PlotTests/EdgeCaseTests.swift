import Foundation
import Testing
@testable import Plot

/// Awkward data for every chart kind: each renders well-formed SVG without a non-finite
/// number in it (invalid *arguments* are `PyplotTests`' business).
@Suite struct EdgeCaseTests {
    typealias Draw = @Sendable (inout Pyplot) throws -> Void

    static let nan = Double.nan, inf = Double.infinity

    static let drawings: [(String, Draw)] = [
        ("empty bar", { try $0.bar([], []) }),
        ("empty hist", { try $0.hist([]) }),
        ("constant hist", { try $0.hist([2, 2, 2], bins: 3) }),
        ("NaN heat map", { try $0.imshow([[nan, nan], [nan, nan]]) }),
        ("infinite heat map", { try $0.imshow([[inf, -inf], [0, nan]]) }),
        ("big heat map", { try $0.imshow((0..<40).map { r in (0..<40).map { Double($0 * r) } }) }),
        ("empty band", { try $0.fillBetween([], [], []) }),
        ("NaN band", { try $0.fillBetween([0, 1, 2, 3], [1, nan, 2, 3], [0, 0, inf, 0]) }),
        ("empty 3-D", { try $0.plot3d([], [], []) }),
        ("NaN 3-D", { try $0.scatter3d([1, nan, 3], [1, 2, inf], [0, 0, 0]) }),
        ("constant 3-D", { try $0.plot3d([1, 1], [2, 2], [3, 3]) }),
        ("3-D from below", { try $0.plot3d([1, 2, 3], [3, 1, 2], [0, 1, 0]); try $0.viewInit(elev: -40, azim: 130) }),
        ("3-D from above", { try $0.scatter3d([1, 2], [2, 1], [5, 6]); try $0.viewInit(elev: 90, azim: 0) }),
        ("NaN errorbar", { try $0.errorbar([1, 2, nan], [nan, 2, 3], yerr: [nan, 1, 1]) }),
        ("constant violin", { try $0.violinplot([[4, 4, 4], [1]]) }),
        ("NaN scatter colours", { try $0.scatter([1, 2, 3], [1, 2, 3], c: [nan, nan, nan]) }),
        ("huge values", { try $0.plot([-1e308, 1e308], [1e308, -1e308]) }),
        ("tiny values", { try $0.plot([0, Double.leastNonzeroMagnitude], [Double.leastNormalMagnitude, 0]) }),
        ("log axis without positives", { try $0.plot([1, 2], [-1, 0]); try $0.yscale("log") }),
        ("log bars", { try $0.bar([1, 2], [10, 1000]); try $0.yscale("log") }),
        ("inverted limits", { try $0.plot([1, 2, 3]); try $0.xlim(3, 0); try $0.ylim(5, nil) }),
        ("one-sided limit", { try $0.plot([1, 2, 3]); try $0.ylim(nil, -10) }),
        ("many subplots", { for i in 1...50 { try $0.subplot(5, 10, i); try $0.plot([Double(i)]) } }),
        ("ticks outside view", { try $0.plot([1, 2]); try $0.xticks([-5, 100]) }),
        ("legend without labels", { try $0.plot([1, 2]); try $0.legend() }),
        ("long labels", {
            try $0.plot([1, 2], style: SeriesStyle(label: String(repeating: "w", count: 300)))
            $0.title(String(repeating: "title ", count: 100))
            try $0.legend()
        }),
        ("text off-axis", { try $0.plot([1, 2]); try $0.text(1e9, -1e9, "far") }),
    ]

    @Test(arguments: drawings.map(\.0))
    func rendersOrThrowsCleanly(_ name: String) throws {
        let draw = try #require(Self.drawings.first { $0.0 == name }?.1)
        var plt = Pyplot()
        try draw(&plt)
        for figure in plt.takeFigures() {
            let svg = figure.svg(idPrefix: "edge")
            if let dir = ProcessInfo.processInfo.environment["PLOT_GALLERY_DIR"] {
                try svg.write(toFile: dir + "/edge-" + name.replacingOccurrences(of: " ", with: "-") + ".svg",
                              atomically: true, encoding: .utf8)
            }
            #expect(XMLCheck.parse(svg).ok, "\(name) does not parse")
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(name) leaks a non-finite number")
        }
    }
}
