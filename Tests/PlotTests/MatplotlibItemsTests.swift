import Foundation
import Testing
@testable import Plot

/// SVG helpers for the structural checks below.
enum SVGProbe {
    /// The `d` attributes of the `<path>` elements whose attributes contain `marker`.
    static func paths(_ svg: String, containing marker: String) -> [String] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<path") && $0.contains(marker) }.compactMap { line in
            attribute("d", in: String(line))
        }
    }

    /// The value of `name="…"` in one element's markup.
    static func attribute(_ name: String, in element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The first element line starting with `<tag` that contains `marker`.
    static func element(_ svg: String, _ tag: String, containing marker: String = "") -> String? {
        svg.split(separator: "\n").first { $0.hasPrefix("<" + tag) && $0.contains(marker) }.map(String.init)
    }

    /// The axes frame (the clip rectangle).
    static func frame(_ svg: String) throws -> Rect {
        let lines = svg.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("<clipPath") })
        let rect = lines[index + 1]
        func number(_ name: String) throws -> Double { try #require(attribute(name, in: rect).flatMap(Double.init)) }
        return Rect(x: try number("x"), y: try number("y"), width: try number("width"), height: try number("height"))
    }

    /// The bounding box of a path's absolute points.
    static func bounds(_ d: String) throws -> (width: Double, height: Double) {
        let points = try PathParser.absolutePoints(d)
        let xs = points.map(\.0), ys = points.map(\.1)
        return ((xs.max() ?? 0) - (xs.min() ?? 0), (ys.max() ?? 0) - (ys.min() ?? 0))
    }
}

/// Lab 4's matplotlib items (issue 17): named colours, dash tuples, clip_on, font weights,
/// legend placement, fill_between edges, patches, violin parts, artists, colour maps.
@Suite struct MatplotlibItemsTests {
    /// matplotlib's `CSS4_COLORS` names, from `lib/matplotlib/_color_data.py`
    /// (https://github.com/matplotlib/matplotlib/blob/main/lib/matplotlib/_color_data.py).
    static let css4Names = """
        aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood \
        cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray \
        darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen \
        darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue \
        firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew \
        hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan \
        lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray \
        lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue \
        mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred \
        midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid \
        palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple \
        rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue \
        slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white \
        whitesmoke yellow yellowgreen
        """.split(separator: " ").map(String.init)

    @Test func everyMatplotlibNamedColourIsKnown() throws {
        #expect(Self.css4Names.count == 148)
        #expect(Set(Color.css4.keys) == Set(Self.css4Names))
        for name in Self.css4Names + ["b", "g", "r", "c", "m", "y", "k", "w"] + (0...9).map({ "C\($0)" }) {
            _ = try Color(parsing: name)
        }
        for name in ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"] {
            _ = try Color(parsing: "tab:" + name)
        }
        // Spot checks against _color_data.py, including the lab's colours.
        let expected = ["lightseagreen": "#20b2aa", "salmon": "#fa8072", "rosybrown": "#bc8f8f", "dodgerblue": "#1e90ff",
                        "rebeccapurple": "#663399", "lightgoldenrodyellow": "#fafad2", "snow": "#fffafa", "c": "#00bfbf",
                        "tab:olive": "#bcbd22", "crimson": "#dc143c"]
        for (name, hex) in expected { #expect(try Color(parsing: name).hexString == hex, "\(name)") }
        #expect(throws: PlotError.self) { try Color(parsing: "xkcd:salmon") }
    }

    @Test func dashTuplesAndNamedStylesScaleWithTheLineWidth() throws {
        #expect(try LineStyle(offset: 0, pattern: [1, 1]).dashArray(width: 2) == "2,2")
        let shifted = try LineStyle(offset: 2, pattern: [3, 1])
        #expect(shifted.dashArray(width: 1.5) == "4.5,1.5" && shifted.dashOffset(width: 1.5) == "3")
        #expect(LineStyle.dotted.dashArray(width: 2) == "2,3.3")
        #expect(LineStyle.dashDot.dashArray(width: 1) == "6.4,1.6,1,1.6")
        for name in ["solid", "dashed", "dotted", "dashdot", "None", "none", "", " ", "-", "--", ":", "-."] {
            _ = try LineStyle(parsing: name)
        }
        #expect(try LineStyle(parsing: "None") == LineStyle.none && LineStyle(parsing: "") == LineStyle.none)
        #expect(throws: PlotError.self) { try LineStyle(offset: 0, pattern: [1, 1, 1]) }
        #expect(throws: PlotError.self) { try LineStyle(offset: 0, pattern: [1, -1]) }
        #expect(throws: PlotError.self) { try LineStyle(offset: 0, pattern: [0, 0]) }
        var plt = Pyplot()
        var style = SeriesStyle(color: "k", linewidth: 1)
        style.dashes = (0, [1, 1])
        try plt.plot([0, 1], [0, 1], style: style)
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains(##"stroke="#000000" stroke-width="1" stroke-dasharray="1,1""##))
    }

    @Test func clipOnFalseDrawsOutsideTheClippedGroupAndWholeMarkers() throws {
        var plt = Pyplot()
        try plt.plot([0, 1], [0, 1], style: SeriesStyle(color: "red"))
        var loose = SeriesStyle(color: "blue")
        loose.clipOn = false
        try plt.scatter([1], [1], style: loose)
        try plt.xlim(0, 1)
        try plt.ylim(0, 1)
        let svg = try #require(plt.takeFigures().first).svg()
        let lines = svg.split(separator: "\n").map(String.init)
        let open = try #require(lines.firstIndex { $0.hasPrefix("<g clip-path") })
        let close = try #require(lines[open...].firstIndex { $0 == "</g>" })
        let red = try #require(lines.firstIndex { $0.contains("#ff0000") })
        let blue = try #require(lines.firstIndex { $0.contains("#0000ff") })
        #expect(red > open && red < close)
        #expect(blue < open || blue > close, "the unclipped marker is drawn outside the clipped group")
        // The marker at the corner is whole: its circle spans its full diameter (6 points, s=36).
        let marker = try #require(SVGProbe.paths(svg, containing: "#0000ff").first)
        let frame = try SVGProbe.frame(svg)
        #expect(marker.hasPrefix("M\(Num.coord(frame.maxX - 3)),\(Num.coord(frame.y))"))
    }

    @Test func fontWeightsOnTitlesLabelsAndText() throws {
        var plt = Pyplot()
        try plt.plot([1, 2])
        try plt.label("title", "T", style: TextStyle(size: 7, weightName: "bold"))
        try plt.label("xlabel", "X", style: TextStyle(weightValue: 600))
        try plt.label("ylabel", "Y", style: TextStyle(weightName: "normal"))
        try plt.label("suptitle", "S", style: TextStyle(weightName: "heavy"))
        try plt.text(1, 1, "t", weight: TextStyle(weightName: "light"))
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(try #require(SVGProbe.element(svg, "text", containing: ">T<")).contains(##"font-size="7" font-weight="700""##))
        #expect(try #require(SVGProbe.element(svg, "text", containing: ">X<")).contains(##"font-weight="600""##))
        #expect(try !#require(SVGProbe.element(svg, "text", containing: ">Y<")).contains("font-weight"))
        #expect(try #require(SVGProbe.element(svg, "text", containing: ">S<")).contains(##"font-weight="800""##))
        #expect(try #require(SVGProbe.element(svg, "text", containing: ">t<")).contains(##"font-weight="200""##))
        #expect(throws: PlotError.self) { try plt.label("title", "T", style: TextStyle(weightName: "boldest")) }
        #expect(throws: PlotError.self) { try plt.label("title", "T", style: TextStyle(weightValue: 1200)) }
        #expect(throws: PlotError.self) { try plt.label("xlabel", "X", style: TextStyle(), loc: "left") }
        try plt.label("title", "L", style: TextStyle(), loc: "left")
        let left = try #require(plt.takeFigures().first).svg()
        let title = try #require(SVGProbe.element(left, "text", containing: ">L<"))
        #expect(SVGProbe.attribute("x", in: title) == Num.coord(try SVGProbe.frame(left).x) && !title.contains("text-anchor"))
    }

    /// The legend's box (its frame `rect`).
    private func legendBox(_ options: LegendOptions, labels: Int = 1, data: ([Double], [Double]) = ([0, 1], [0, 1]))
        throws -> (box: Rect, frame: Rect, svg: String) {
        var plt = Pyplot()
        for i in 0..<labels { try plt.plot(data.0, data.1.map { $0 + Double(i) }, style: SeriesStyle(label: "line \(i)")) }
        try plt.legend(nil, options: options)
        let svg = try #require(plt.takeFigures().first).svg()
        let lines = svg.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.contains(##"class="legend""##) })
        let rect = try #require(lines[start...].first { $0.hasPrefix("<rect") })
        func number(_ name: String) throws -> Double { try #require(SVGProbe.attribute(name, in: rect).flatMap(Double.init)) }
        return (Rect(x: try number("x"), y: try number("y"), width: try number("width"), height: try number("height")),
                try SVGProbe.frame(svg), svg)
    }

    @Test func legendPlacementAsMatplotlib() throws {
        // loc=(x, y): the lower-left corner at those axes fractions.
        let (box, frame, _) = try legendBox(LegendOptions(point: (0.56, 0.0)))
        #expect(abs(box.x - (frame.x + 0.56 * frame.width)) < 0.01 && abs(box.maxY - frame.maxY) < 0.01)
        // bbox_to_anchor=(1, 1) with loc='upper left': outside the right edge, half a font size away.
        let (outside, frame2, _) = try legendBox(LegendOptions(loc: "upper left", bboxToAnchor: [1, 1]))
        #expect(abs(outside.x - (frame2.maxX + 5)) < 0.01 && abs(outside.y - (frame2.y + 5)) < 0.01)
        // Named locations and codes; a bigger font makes a bigger box.
        let (lowerRight, frame3, _) = try legendBox(LegendOptions(loc: "4"))
        #expect(abs(lowerRight.maxX - (frame3.maxX - 5)) < 0.01 && abs(lowerRight.maxY - (frame3.maxY - 5)) < 0.01)
        let (big, _, bigSVG) = try legendBox(LegendOptions(loc: "center", fontSize: 14))
        #expect(big.height > lowerRight.height && bigSVG.contains(##"font-size="14">line 0<"##))
        // 'best' with data along the top right takes upper left, the next code.
        let (best, frame4, _) = try legendBox(LegendOptions(), data: ([0, 1, 2, 3], [0, 0, 5, 5]))
        #expect(abs(best.x - (frame4.x + 5)) < 0.01 && abs(best.y - (frame4.y + 5)) < 0.01)
        #expect(throws: PlotError.self) { try LegendOptions(loc: "11").resolve() }
        #expect(throws: PlotError.self) { try LegendOptions(bboxToAnchor: [1, 2, 3]).resolve() }
    }

    @Test func legendColumnsFrameAndSpacings() throws {
        var plt = Pyplot()
        for i in 0..<4 { try plt.plot([0, 1], [Double(i), Double(i)], style: SeriesStyle(label: "s\(i)")) }
        try plt.legend(nil, options: LegendOptions(columns: 2, frameOn: false))
        let svg = try #require(plt.takeFigures().first).svg()
        let legend = svg.components(separatedBy: ##"<g class="legend">"##)[1].components(separatedBy: "</g>")[0]
        #expect(!legend.contains("<rect"), "frameon=False draws no frame")
        let xs = (0..<4).compactMap { i in SVGProbe.element(legend, "text", containing: ">s\(i)<").flatMap { SVGProbe.attribute("x", in: $0) } }
        #expect(xs.count == 4 && xs[0] == xs[1] && xs[2] == xs[3] && xs[0] != xs[2], "two columns, filled top to bottom")
        var tight = LegendOptions()
        tight.spacings = ["labelspacing": 0, "handletextpad": -0.5]
        let (packed, _, _) = try legendBox(tight, labels: 3)
        let (loose, _, _) = try legendBox(LegendOptions(), labels: 3)
        #expect(packed.height < loose.height && packed.width < loose.width)
    }

    @Test func fillBetweenFaceEdgeAndWhere() throws {
        var plt = Pyplot()
        var style = SeriesStyle(alpha: 0.4)
        style.facecolor = "salmon"
        style.edgecolor = "None"
        try plt.fillBetween([0, 1, 2], [0, 1, 0], [1, 2, 1], style: style)
        try plt.fillBetween([0, 1, 2, 3, 4], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], where: [true, true, false, true, true],
                            style: SeriesStyle(color: "red"))
        let svg = try #require(plt.takeFigures().first).svg()
        let salmon = try #require(SVGProbe.element(svg, "path", containing: "#fa8072"))
        #expect(salmon.contains(##"fill-opacity="0.4""##) && !salmon.contains("stroke"))
        let red = try #require(SVGProbe.element(svg, "path", containing: ##"fill="#ff0000""##))
        #expect(red.contains(##"stroke="#ff0000" stroke-width="1""##), "color= paints the edge too, 1 point wide")
        #expect(try #require(SVGProbe.attribute("d", in: red)).filter { $0 == "M" }.count == 2, "where= leaves a gap")
        #expect(throws: PlotError.self) { try plt.fillBetween([0, 1], [0, 1], where: [true]) }
    }

    @Test func circlesStayRoundWithEqualAspect() throws {
        for equal in [true, false] {
            var plt = Pyplot()
            try plt.figure(width: 6, height: 3)
            try plt.addPatch(try PatchShape.circle(x: 0, y: 0, radius: 1), style: SeriesStyle(color: "salmon", alpha: 0.4))
            try plt.xlim(-3, 3)
            try plt.ylim(-2, 2)
            if equal { try plt.axis("equal") }
            let svg = try #require(plt.takeFigures().first).svg()
            let circle = try #require(SVGProbe.paths(svg, containing: "#fa8072").first)
            let size = try SVGProbe.bounds(circle)
            #expect((abs(size.width - size.height) < 0.5) == equal, "equal aspect: \(equal), \(size)")
            #expect(try #require(SVGProbe.element(svg, "path", containing: "#fa8072")).contains(##"stroke="#fa8072""##))
        }
        var plt = Pyplot()
        try plt.addPatch(try PatchShape.rectangle(x: 0, y: 0, width: 2, height: 1), fill: false)
        try plt.addPatch(try PatchShape.polygon([(0, 0), (1, 2), (2, 0)]), style: SeriesStyle(alpha: 0.5))
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains(##"fill="none" stroke="#000000" stroke-width="1""##), "an unfilled patch gets a black edge")
        #expect(svg.contains("fill=\"\(Palette.color(at: 0).hexString)\" fill-opacity=\"0.5\"/>"), "a filled patch defaults to C0 without edge")
        #expect(throws: PlotError.self) { try PatchShape.circle(x: 0, y: 0, radius: -1) }
    }

    @Test func violinPartsAreRestyled() throws {
        var plt = Pyplot()
        try plt.violinplot([[1, 2, 2, 3, 4], [2, 3, 3, 5]], showmedians: true)
        let axes = plt.gca()
        #expect(ViolinParts.keys(showMeans: false, showMedians: true, showExtrema: true) == ["cmaxes", "cmins", "cbars", "cmedians"])
        try plt.setArtist(ArtistHandle(axes: axes, mark: 0, part: .violinBody(1)), .facecolor("red"))
        try plt.setArtist(ArtistHandle(axes: axes, mark: 0, part: .violinBody(1)), .edgecolor("None"))
        try plt.setArtist(ArtistHandle(axes: axes, mark: 0, part: .violinLines("cbars")), .edgecolor("None"))
        try plt.setArtist(ArtistHandle(axes: axes, mark: 0, part: .violinLines("cmedians")), .color("snow"))
        try plt.setArtist(ArtistHandle(axes: axes, mark: 0, part: .violinLines("cmedians")), .linewidth(2))
        let body = try plt.artistInfo(ArtistHandle(axes: axes, mark: 0, part: .violinBody(1)))
        #expect(body.className == "PolyCollection" && body.face == [1, 0, 0, 0.3] && body.edge == [0, 0, 0, 0])
        #expect(throws: PlotError.self) { try plt.setArtist(ArtistHandle(axes: axes, mark: 0, part: .violinLines("cmeans")), .linewidth(1)) }
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains(##"fill="#ff0000" fill-opacity="0.3"/>"##), "the red body keeps the alpha of 0.3, without edge")
        #expect(svg.contains(##"stroke="#fffafa" stroke-width="2""##))
        // Extrema caps remain (cmins, cmaxes), the bars are gone: one V segment per violin would be there otherwise.
        #expect(!SVGProbe.paths(svg, containing: "stroke").contains { $0.contains("V") }, "no vertical bars")
    }

    @Test func lineArtistsReadAndChange() throws {
        var plt = Pyplot()
        try plt.plot([0, 1, 2], [1, 2, 3], "r--")
        try plt.plot([0, 1], [0, 1])
        let axes = plt.gca()
        let first = ArtistHandle(axes: axes, mark: 0), second = ArtistHandle(axes: axes, mark: 1)
        #expect(try plt.artistInfo(first).color == "r" && plt.artistInfo(first).linestyle == "--")
        #expect(try plt.artistInfo(second).color == Palette.color(at: 0).hexString, "the cycle colour (not used up by 'r'), as hex")
        try plt.setArtist(second, .data([5, 6, 7], [1, 1, 1]))
        try plt.setArtist(second, .color("lightseagreen"))
        try plt.setArtist(second, .alpha(0.5))
        try plt.setArtist(second, .label("moved"))
        let info = try plt.artistInfo(second)
        #expect(info.xdata == [5, 6, 7] && info.color == "lightseagreen" && info.alpha == 0.5 && info.label == "moved")
        #expect(throws: PlotError.self) { try plt.setArtist(second, .xdata([1])) }
        #expect(throws: PlotError.self) { try plt.setArtist(second, .facecolor("red")) }
        try plt.setArtist(first, .visible(false))
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains(##"stroke="#20b2aa" stroke-width="1.5" stroke-opacity="0.5""##) && !svg.contains("#ff0000"))
        #expect(throws: PlotError.self) { try plt.artistInfo(first) }  // shown: the figure is closed
    }

    @Test func colourMapsGiveMatplotlibsRGBA() throws {
        func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 0.01) -> Bool {
            zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
        }
        // Values of matplotlib 3.8's colour maps.
        #expect(close(try Colormaps.rgba("viridis", at: 0.5), [0.127568, 0.566949, 0.550556, 1]))
        #expect(close(try Colormaps.rgba("viridis", at: 0), [0.267004, 0.004874, 0.329415, 1]))
        #expect(close(try Colormaps.rgba("plasma", at: 0.5), [0.798216, 0.280197, 0.469538, 1]))
        #expect(close(try Colormaps.rgba("coolwarm", at: 0.5), [0.865003, 0.865003, 0.865003, 1]))
        #expect(close(try Colormaps.rgba("Greys", at: 0.5), [0.588235, 0.588235, 0.588235, 1]))
        #expect(close(try Colormaps.rgba("Blues", at: 1), [0.031373, 0.188235, 0.419608, 1]))
        #expect(close(try Colormaps.rgba("Reds", at: 0), [1, 0.960784, 0.941176, 1]))
        #expect(close(try Colormaps.rgba("RdBu", at: 0), [0.403922, 0, 0.121569, 1]))
        #expect(try Colormaps.rgba("tab10", index: 1) == Color(hex: 0xFF7F0E).rgba)
        #expect(try Colormaps.rgba("tab10", at: 0.15) == Colormaps.rgba("tab10", index: 1))
        #expect(try Colormaps.rgba("tab10", at: 1) == Colormaps.rgba("tab10", index: 9))
        #expect(try Colormaps.count("tab10") == 10 && Colormaps.count("viridis") == 256)
        #expect(try Colormaps.rgba("viridis_r", at: 1) == Colormaps.rgba("viridis", at: 0))
        for name in Colormaps.names { try Colormaps.check(name) }
    }
}

extension MatplotlibItemsTests {
    @Test func scatterMarkersHaveMatplotlibsEdges() throws {
        var plt = Pyplot()
        try plt.scatter([0, 1], [0, 1], style: SeriesStyle(color: "crimson"))
        var thin = SeriesStyle(color: "navy", linewidth: 0.5)
        thin.edgecolor = "k"
        try plt.scatter([0, 1], [1, 0], style: thin)
        var bare = SeriesStyle(color: "teal")
        bare.edgecolor = "none"
        try plt.scatter([0.5], [0.5], style: bare)
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains(##"fill="#dc143c" stroke="#dc143c" stroke-width="1.5""##), "edgecolors='face', linewidths 1.5")
        #expect(svg.contains(##"fill="#000080" stroke="#000000" stroke-width="0.5""##))
        #expect(try #require(SVGProbe.element(svg, "path", containing: "#008080")).contains("stroke") == false)
    }
}

extension MatplotlibItemsTests {
    /// matplotlib's violin: `GaussianKDE` with Scott's factor n^(-1/5) times the sample
    /// standard deviation (ddof 1), at 100 points from min to max, scaled to half the width.
    @Test func violinDensityIsMatplotlibsKDE() {
        let data = [1.0, 2, 2, 3, 5, 8]
        let body = Density.violin(data, at: 0, halfWidth: 0.25)
        let n = Double(data.count), mean = data.reduce(0, +) / n
        let sd = (data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        let h = sd * pow(n, -0.2)
        let levels = (0..<100).map { 1 + 7 * Double($0) / 99 }
        let density = levels.map { x in data.map { exp(-(x - $0) * (x - $0) / (2 * h * h)) }.reduce(0, +) }
        let peak = density.max() ?? 1
        #expect(body.levels.count == 100)
        for (i, half) in body.halfWidths.enumerated() {
            #expect(abs(half - 0.25 * density[i] / peak) < 1e-9)
            #expect(abs(body.levels[i] - levels[i]) < 1e-12)
        }
        #expect(body.mean == mean && body.median == 2.5 && body.minimum == 1 && body.maximum == 8)
    }
}

extension MatplotlibItemsTests {
    /// `loc='best'` scores candidates as matplotlib's `_find_best_position`: each path
    /// crossing the box counts once, plus its vertices, point offsets and boxes inside.
    @Test func legendBadnessIsMatplotlibs() {
        let box = Rect(x: 10, y: 10, width: 20, height: 10)
        var crossing = LegendObstacles()
        crossing.paths = [[(0, 15), (100, 15)]]
        #expect(crossing.badness(box) == 1, "a line through the box, no vertex inside")
        var inside = LegendObstacles()
        inside.paths = [[(0, 0), (15, 15), (20, 12), (100, 100)]]
        inside.offsets = [(12, 12), (50, 50), (10, 15)]  // the last on the edge: not inside
        inside.boxes = [Rect(x: 25, y: 5, width: 10, height: 10), Rect(x: 40, y: 0, width: 5, height: 5)]
        #expect(inside.badness(box) == 2 + 1 + 1 + 1)
        #expect(!LegendObstacles.segment((0, 0), (5, 30), meets: box))
    }
}
