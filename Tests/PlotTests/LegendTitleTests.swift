import Foundation
import Testing
@testable import Plot

/// `legend(title=, title_fontsize=)`: matplotlib's title line, centred above the entries a
/// label spacing apart, at the default font size unless `title_fontsize=` is given (the
/// legend's `fontsize=` does not change it).
struct LegendTitleTests {
    /// The legend group of a one-line plot with these options.
    private func legend(_ options: LegendOptions) throws -> String {
        var plt = Pyplot()
        try plt.plot([0, 1], [0, 1], style: SeriesStyle(label: "a"))
        try plt.legend(nil, options: options)
        let svg = try #require(plt.takeFigures().first).svg()
        return svg.components(separatedBy: ##"<g class="legend">"##)[1].components(separatedBy: "</g>")[0]
    }

    private func number(_ name: String, _ element: String?) throws -> Double {
        return try #require(element.flatMap { SVGProbe.attribute(name, in: $0) }.flatMap(Double.init))
    }

    @Test func titleIsCentredAboveTheEntries() throws {
        var options = LegendOptions(fontSize: 7)
        options.title = "Networks"
        let titled = try legend(options)
        let plain = try legend(LegendOptions(fontSize: 7))
        let frame = SVGProbe.element(titled, "rect", containing: "rx=")
        let title = try #require(SVGProbe.element(titled, "text", containing: ">Networks<"))
        let entry = SVGProbe.element(titled, "text", containing: ">a<")
        #expect(title.contains(##"text-anchor="middle""##) && !title.contains("font-size"), "10 points, not the legend's 7")
        #expect(abs(try number("x", title) - (try number("x", frame) + (try number("width", frame)) / 2)) < 0.01)
        #expect(try number("y", title) < number("y", entry))
        #expect(try number("height", frame) > number("height", SVGProbe.element(plain, "rect", containing: "rx=")))
        #expect(try number("width", frame) > number("width", SVGProbe.element(plain, "rect", containing: "rx=")), "a long title widens the box")
    }

    @Test func titleFontSizeAndEmptyTitle() throws {
        var options = LegendOptions()
        options.title = "T"
        options.titleFontSize = 14
        #expect(SVGProbe.element(try legend(options), "text", containing: ">T<")?.contains(##"font-size="14""##) == true)
        options.title = ""
        #expect(SVGProbe.element(try legend(options), "text", containing: ">T<") == nil)
        options.titleFontSize = -1
        #expect(throws: PlotError.self) { try options.resolve() }
    }
}
