import Testing
@testable import Plot

/// `ax.set_aspect`: `'equal'`, `'auto'` and a number (how long one y unit is against one x
/// unit on the page), as matplotlib's `adjustable='box'` does it.
@Suite struct AspectTests {
    /// The page size of a circle of radius 1 drawn with aspect `ratio`.
    static func circleSize(_ ratio: Double?) throws -> (width: Double, height: Double) {
        var plt = Pyplot()
        try plt.figure(width: 8, height: 3)
        try plt.addPatch(try PatchShape.circle(x: 0, y: 0, radius: 1), style: SeriesStyle(color: "salmon"))
        try plt.xlim(-3, 3)
        try plt.ylim(-2, 2)
        try plt.setAspect(ratio)
        let svg = try #require(plt.takeFigures().first).svg()
        let circle = try #require(SVGProbe.paths(svg, containing: "#fa8072").first)
        let size = try SVGProbe.bounds(circle)
        return (size.width, size.height)
    }

    @Test func aNumberSetsHowLongAYUnitIs() throws {
        let two = try Self.circleSize(2)
        #expect(abs(two.height / two.width - 2) < 0.02, "\(two)")
        let half = try Self.circleSize(0.5)
        #expect(abs(half.height / half.width - 0.5) < 0.02, "\(half)")
        let equal = try Self.circleSize(1)
        #expect(abs(equal.height / equal.width - 1) < 0.02, "\(equal)")
        // 'auto' fills the cell: an 8×3 figure stretches x units against y units.
        let auto = try Self.circleSize(nil)
        #expect(abs(auto.height / auto.width - 1) > 0.05, "\(auto)")
        var plt = Pyplot()
        #expect(throws: PlotError.self) { try plt.setAspect(-1) }
    }
}
