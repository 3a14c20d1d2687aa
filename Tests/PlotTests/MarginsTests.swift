import Testing
@testable import Plot

/// `margins(x, y)`: the automatic limits pad the data span by the given fractions, as
/// matplotlib's `Axes.margins` (default 0.05; sticky edges still stop the padding).
struct MarginsTests {
    @Test func marginsPadTheAutomaticLimits() throws {
        var plt = Pyplot()
        try plt.plot([0, 10], [0, 1])
        let standard = plt.withAxes { $0.viewLimits() }
        #expect(standard.x == (-0.5, 10.5) && abs(standard.y.lo + 0.05) < 1e-12)
        try plt.margins(x: 0, y: nil)
        #expect(plt.currentMargins() == (0, 0.05))
        try plt.margins(x: nil, y: 0.5)
        let changed = plt.withAxes { $0.viewLimits() }
        #expect(changed.x == (0, 10) && changed.y == (-0.5, 1.5))
        #expect(throws: PlotError.self) { try plt.margins(x: -0.5, y: nil) }
        #expect(throws: PlotError.self) { try plt.margins(x: nil, y: .infinity) }
    }

    @Test func marginsAreRefusedOnThreeDAxes() throws {
        var plt = Pyplot()
        try plt.projection3D()
        #expect(throws: PlotError.self) { try plt.margins(x: 0, y: 0) }
    }
}
