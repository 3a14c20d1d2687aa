import Testing
@testable import Plot

/// `grid` as matplotlib's `Axes.grid`: per axis, toggled without arguments, styled lines.
@Suite struct GridTests {
    /// The `d` of the grid path, or nil when no grid line is drawn.
    static func gridPath(_ configure: (inout Pyplot) throws -> Void) throws -> (d: String, element: String)? {
        var plt = Pyplot()
        try plt.plot([0, 1, 2], [0, 1, 4])
        try configure(&plt)
        let svg = try #require(plt.takeFigures().first).svg()
        guard let element = svg.split(separator: "\n").map(String.init)
            .first(where: { $0.hasPrefix("<path") && $0.contains("stroke=\"#b0b0b0\"") || $0.contains("stroke=\"#ff0000\"") })
        else { return nil }
        return (SVGProbe.attribute("d", in: element) ?? "", element)
    }

    @Test func axisChoosesTheLinesAndStylesApply() throws {
        let both = try #require(try Self.gridPath { try $0.grid(true, axis: "both") })
        #expect(both.d.contains("V") && both.d.contains("H"))
        let onlyY = try #require(try Self.gridPath { try $0.grid(true, axis: "y") })
        #expect(!onlyY.d.contains("V") && onlyY.d.contains("H"), "axis='y' draws horizontal lines only")
        let onlyX = try #require(try Self.gridPath { try $0.grid(true, axis: "x") })
        #expect(onlyX.d.contains("V") && !onlyX.d.contains("H"))
        let styled = try #require(try Self.gridPath { try $0.grid(nil, axis: "both", color: "red", linestyle: "--", linewidth: 2, alpha: 0.5) })
        #expect(styled.element.contains("stroke=\"#ff0000\"") && styled.element.contains("stroke-width=\"2\"")
                    && styled.element.contains("stroke-opacity=\"0.5\"") && styled.element.contains("stroke-dasharray"),
                "\(styled.element)")
        // No argument toggles: twice is off again.
        #expect(try Self.gridPath { try $0.grid(nil, axis: "both"); try $0.grid(nil, axis: "both") } == nil)
        #expect(try Self.gridPath { try $0.grid(true, axis: "both"); try $0.grid(false, axis: "x"); try $0.grid(false, axis: "y") } == nil)
        var plt = Pyplot()
        #expect(throws: PlotError.self) { try plt.grid(true, axis: "z") }
        #expect(throws: PlotError.self) { try plt.grid(true, axis: "both", alpha: 2) }
    }
}
