import Foundation
import Testing
@testable import Plot

/// `ax.xaxis.set_label_coords(x, y)` / `yaxis`: the label's anchor at axes fractions, the
/// layout leaving room for a label placed outside the frame.
struct LabelCoordsTests {
    @Test func labelsSitAtTheirAxesFractions() throws {
        var plt = Pyplot()
        try plt.plot([0, 1], [0, 1])
        plt.xlabel("XL")
        plt.ylabel("YL")
        try plt.setLabelCoords("x", x: 0.5, y: -0.15)
        try plt.setLabelCoords("y", x: -0.13, y: 0.5)
        let svg = try #require(plt.takeFigures().first).svg()
        let frame = try SVGProbe.frame(svg)
        let x = try #require(SVGProbe.element(svg, "text", containing: ">XL<"))
        #expect(abs(try #require(SVGProbe.attribute("x", in: x).flatMap(Double.init)) - frame.midX) < 0.01)
        #expect(abs(try #require(SVGProbe.attribute("y", in: x).flatMap(Double.init)) - (frame.maxY + 0.15 * frame.height + 0.76 * Style.fontSize)) < 0.01, "hung below the point (top baseline)")
        let y = try #require(SVGProbe.element(svg, "text", containing: ">YL<"))
        let translate = try #require(SVGProbe.attribute("transform", in: y))
        let numbers = translate.dropFirst("translate(".count).prefix { $0 != ")" }.split(separator: ",").compactMap { Double($0) }
        #expect(numbers.count == 2 && abs(numbers[0] - (frame.x - 0.13 * frame.width)) < 0.01 && abs(numbers[1] - frame.midY) < 0.01)
        #expect(numbers[0] - 12 >= 0, "the rotated label stays on the canvas")
        #expect(throws: PlotError.self) { try plt.setLabelCoords("x", x: .nan, y: 0) }
    }
}
