import Testing
@testable import Plot

/// The pyplot-like state: invalid arguments are thrown `PlotError`s naming the call (never
/// traps), and figures, axes and labels behave as matplotlib's do.
@Suite struct PyplotTests {
    private func message(_ body: (inout Pyplot) throws -> Void) -> String? {
        var plt = Pyplot()
        do {
            try body(&plt)
            return nil
        } catch let error as PlotError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func mismatchedLengths() {
        let x = (0..<10).map(Double.init), y = (0..<9).map(Double.init)
        #expect(message { try $0.plot(x, y) } == "plot: x has 10 points but y has 9")
        #expect(message { try $0.scatter(x, y) } == "scatter: x has 10 points but y has 9")
        #expect(message { try $0.bar([1], [1, 2]) } == "bar: x has 1 point but height has 2")
        #expect(message { try $0.fillBetween(x, x, y) } == "fill_between: x has 10 points but y2 has 9")
        #expect(message { try $0.plot3d(x, x, y) } == "plot3d: x has 10 points but z has 9")
    }

    @Test func badSubplots() {
        #expect(message { try $0.subplot(2, 2, 5) } == "subplot: index 5 is out of range for a 2×2 grid (1...4)")
        #expect(message { try $0.subplot(0, 2, 1) } == "subplot: the grid must have 1 to 50 rows and columns, got 0×2")
        #expect(message { try $0.subplot(42) } == "subplot: a three-digit code like 221 is expected, got 42")
    }

    @Test func badStyles() {
        #expect(message { try $0.plot([1, 2], style: SeriesStyle(color: "blu")) }?
            .hasPrefix("plot: unknown colour 'blu'") == true)
        #expect(message { try $0.plot([1, 2], style: SeriesStyle(linestyle: "~")) }?
            .hasPrefix("plot: unknown linestyle '~'") == true)
        #expect(message { try $0.scatter([1], [2], style: SeriesStyle(marker: "q")) }?
            .hasPrefix("scatter: unknown marker 'q'") == true)
        #expect(message { try $0.plot([1, 2], style: SeriesStyle(alpha: 2)) } == "plot: alpha must be between 0 and 1, got 2.0")
        #expect(message { try $0.plot([1, 2], style: SeriesStyle(linewidth: -1)) }?.hasPrefix("plot: linewidth") == true)
        #expect(message { try $0.legend(loc: "top") }?.hasPrefix("legend: unknown loc 'top'") == true)
    }

    @Test func badFiguresLimitsAndData() {
        #expect(message { try $0.figure(width: 0, height: 4) } == "figure: figsize width must be between 1 and 50 inches, got 0.0")
        #expect(message { try $0.xlim(1, 1) } == "xlim: the lower and upper limits are both 1.0; they must differ")
        #expect(message { try $0.ylim(.nan, 1) }?.hasPrefix("ylim: the lower limit must be a finite number") == true)
        #expect(message { try $0.hist([1, 2], bins: 0) } == "hist: bins must be at least 1, got 0")
        #expect(message { try $0.hist([1, 2], histtype: "barstacked") }?.hasPrefix("hist: histtype must be") == true)
        #expect(message { try $0.imshow([]) }?.hasPrefix("imshow: the matrix is empty") == true)
        #expect(message { try $0.imshow([[1, 2], [3]]) }?.hasPrefix("imshow: row 1 has 1 values but row 0 has 2") == true)
        #expect(message { try $0.imshow([[1]], cmap: "nope") }?.hasPrefix("imshow: unknown colour map 'nope'") == true)
        #expect(message { try $0.colorbar() }?.hasPrefix("colorbar: nothing in the current axes is colour-mapped") == true)
        #expect(message { try $0.scatter([1, 2], [1, 2], c: [1]) } == "scatter: x has 2 points but c has 1")
        #expect(message { try $0.quiver([1, 2], [1, 2], [1, 2], [1]) } == "quiver: x has 2 points but v has 1")
        #expect(message { try $0.quiver([1], [1], [1], [1], scale: 0) } == "quiver: scale must be a positive number, got 0.0")
        #expect(message { try $0.errorbar([1, 2], [1, 2], yerr: [1, -1]) } == "errorbar: yerr must not be negative")
        #expect(message { try $0.text(1, 2, "a", ha: "middle") }?.hasPrefix("text: ha must be") == true)
        #expect(message { try $0.yscale("symlog") } == "yscale: unknown scale 'symlog' (expected 'linear' or 'log')")
        #expect(message { try $0.title("t", fontsize: 0) } == "title: fontsize must be a positive number, got 0.0")
        #expect(message { try $0.xticks(rotation: .nan) } == "xticks: rotation must be a finite number, got nan")
        #expect(message { try $0.viewInit(elev: .infinity) } == "view_init: elev must be a finite number, got inf")
        #expect(message { try $0.axis("tight") }?.hasPrefix("axis: unknown mode 'tight'") == true)
        #expect(message { try $0.violinplot([[1, 2], []]) } == "violinplot: dataset 1 has no finite values")
        #expect(message { try $0.xticks([1, 2], labels: ["a"]) } == "xticks: 2 positions but 1 labels")
        #expect(message { try $0.axhline(.infinity) } == "axhline: y must be a finite number, got inf")
    }

    @Test func twoAndThreeDimensionsDoNotMix() {
        #expect(message { try $0.plot([1, 2]); try $0.plot3d([1], [2], [3]) }?.hasPrefix("plot3d: these axes already hold 2-D plots") == true)
        #expect(message { try $0.plot3d([1], [2], [3]); try $0.plot([1, 2]) }?.hasPrefix("plot: these axes hold 3-D data") == true)
    }

    @Test func figuresAreCollectedInDrawingOrder() throws {
        var plt = Pyplot()
        try plt.plot([1, 2, 3])
        plt.title("first")
        try plt.figure()
        try plt.figure()
        try plt.bar([1], [2])
        plt.suptitle("third")
        let figures = plt.takeFigures()
        #expect(figures.map(\.title) == ["first", "third"])
        #expect(plt.takeFigures().isEmpty)
        #expect(plt.figureCount == 0)
    }

    @Test func subplotReusesAnExistingAxes() throws {
        var plt = Pyplot()
        try plt.subplot(2, 1, 1)
        try plt.plot([1, 2])
        try plt.subplot(2, 1, 2)
        try plt.subplot(211)
        plt.title("top")
        let figure = try #require(plt.takeFigures().first)
        #expect(figure.axesCount == 2)
        #expect(figure.title == "top")
    }

    @Test func subplotsAndScaReturnToEarlierAxes() throws {
        var plt = Pyplot()
        let first = try #require(plt.subplots(1, 2).first).figure
        try plt.plot([1, 2])
        let second = try #require(plt.subplots().first).figure
        try plt.sca(figure: first, index: 2)
        plt.title("right")
        try plt.sca(figure: second, index: 1)
        plt.title("alone")
        #expect(throws: PlotError.self) { try plt.sca(figure: 5, index: 1) }
        #expect(throws: PlotError.self) { try plt.sca(figure: first, index: 3) }
        let figures = plt.takeFigures()
        #expect(figures.map(\.axesCount) == [2, 1])
        #expect(figures.map(\.title) == ["right", "alone"])
    }

    @Test func closeAndClfDiscardDrawing() throws {
        var plt = Pyplot()
        try plt.plot([1, 2])
        plt.title("kept")
        try plt.figure()
        try plt.plot([3, 4])
        plt.close()
        try plt.figure(width: 3, height: 2)
        try plt.subplot(2, 1, 2)
        plt.clf()
        try plt.bar([1], [1])
        let figures = plt.takeFigures()
        #expect(figures.map(\.title) == ["kept", nil])
        #expect(figures.last?.width == 3 && figures.last?.axesCount == 1)
        #expect(message { try $0.bar([1, 2], [1, 2], yerr: [1]) } == "bar: x has 2 points but yerr has 1")
    }

    @Test func legendWithLabelsNamesSeriesInOrder() throws {
        var plt = Pyplot()
        try plt.plot([1, 2])
        try plt.imshow([[1]], colorbar: false)
        try plt.bar([1], [2])
        try plt.plot([3, 4], style: SeriesStyle(label: "kept"))
        try plt.legend(["first", "second"])
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains(">first</text>") && svg.contains(">second</text>") && svg.contains(">kept</text>"))
    }

    @Test func boxStatisticsMatchNumpy() {
        let box = BoxStats((1...10).map(Double.init), position: 1)
        #expect(box.q1 == 3.25 && box.median == 5.5 && box.q3 == 7.75)
        #expect(box.low == 1 && box.high == 10 && box.fliers.isEmpty)
        let skewed = BoxStats([1, 2, 2, 3, 3, 3, 4, 5, 14], position: 1)
        #expect(skewed.fliers == [14] && skewed.high == 5)
        #expect(message { try $0.boxplot([[1], [.nan]]) } == "boxplot: dataset 1 has no finite values")
    }

    @Test func histogramReturnsCountsAndEdges() throws {
        var plt = Pyplot()
        let (counts, edges) = try plt.hist([0, 1, 1, 2, 2, 2, .nan, .infinity], bins: 2)
        #expect(edges == [0, 1, 2])
        #expect(counts == [1, 5])
        let density = try plt.hist([0, 1, 1, 3], bins: 3, range: (0, 3), density: true).counts
        #expect(density == [0.25, 0.5, 0.25])
    }
}
