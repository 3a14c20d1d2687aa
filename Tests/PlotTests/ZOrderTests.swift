import Foundation
import Testing
@testable import Plot

/// matplotlib's drawing order: by zorder (images 0, patches and collections 1, lines 2,
/// text 3), then in the order of the calls; `zorder=` moves a mark.
@Suite struct ZOrderTests {
    /// The SVG of one figure drawn by `draw`.
    func svg(_ draw: (inout Pyplot) throws -> Void) throws -> String {
        var plt = Pyplot()
        try draw(&plt)
        return try #require(plt.takeFigures().first).svg()
    }

    func position(_ needle: String, in text: String) throws -> String.Index {
        try #require(text.range(of: needle)?.lowerBound, "\(needle) not in the figure")
    }

    @Test func aScatterAfterALineLiesUnderIt() throws {
        let drawn = try svg { plt in
            try plt.plot([0, 1], [0, 1], style: SeriesStyle(color: "#123456"))
            try plt.scatter([0.5], [0.5], style: SeriesStyle(color: "#654321"))
        }
        #expect(try position("#654321", in: drawn) < position("#123456", in: drawn))
    }

    @Test func zorderPutsAMarkOnTop() throws {
        let drawn = try svg { plt in
            try plt.plot([0, 1], [0, 1], style: SeriesStyle(color: "#123456"))
            try plt.scatter([0.5], [0.5], style: SeriesStyle(color: "#654321", zorder: 3))
            try plt.fillBetween([0, 1], [0, 1], nil, style: SeriesStyle(color: "#abcdef", zorder: -1))
        }
        #expect(try position("#abcdef", in: drawn) < position("#123456", in: drawn))
        #expect(try position("#123456", in: drawn) < position("#654321", in: drawn))
    }

    @Test func equalZOrdersKeepTheCallOrder() throws {
        let drawn = try svg { plt in
            try plt.plot([0, 1], [0, 1], style: SeriesStyle(color: "#111111"))
            try plt.axhline(0.5, style: SeriesStyle(color: "#222222"))
            try plt.plot([0, 1], [1, 0], style: SeriesStyle(color: "#333333"))
        }
        #expect(try position("#111111", in: drawn) < position("#222222", in: drawn))
        #expect(try position("#222222", in: drawn) < position("#333333", in: drawn))
        var plt = Pyplot()
        #expect(throws: PlotError.self) { try plt.plot([0, 1], [0, 1], style: SeriesStyle(zorder: .nan)) }
    }
}
