import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Plot

/// Collects element names and checks that a document is well-formed XML.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []

    static func parse(_ svg: String) -> (ok: Bool, check: XMLCheck) {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = check
        let ok = parser.parse()
        return (ok, check)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        texts.append(string)
    }
}

@Suite struct SVGStructureTests {
    @Test(arguments: Gallery.allCases)
    func everyChartKindIsWellFormedAndAccessible(_ kind: Gallery) throws {
        let svg = try kind.figure().svg(idPrefix: "fig 1")
        let (ok, check) = XMLCheck.parse(svg)
        #expect(ok, "\(kind) does not parse as XML")
        #expect(check.elements.first == "svg")
        #expect(check.elements.dropFirst().first == "title")
        #expect(svg.contains(#"role="img""#))
        #expect(svg.contains("aria-label="))
        #expect(svg.contains(#"viewBox="0 0 "#))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        // Clip ids derive from the (sanitised) prefix, never from anything random.
        #expect(!svg.contains("clip-path") || svg.contains("url(#fig_1-clip0)"))
        #expect(try kind.figure().svg(idPrefix: "fig 1") == svg, "rendering must be deterministic")
    }

    @Test func chartKindsDrawTheirMarks() throws {
        #expect(try Gallery.heatmap.figure().svg().occurrences(of: "<rect") > 48) // cells as rectangles
        #expect(try Gallery.heatmap.figure().svg().occurrences(of: "<image") == 1) // the colour bar
        #expect(try Gallery.trajectory.figure().svg().contains(#"class="axes3d""#))
        #expect(try Gallery.subplots.figure().svg().occurrences(of: #"class="axes""#) == 3)
        #expect(try Gallery.bar.figure().svg().contains(">anti</text>"))
        #expect(try Gallery.reference.figure().svg().contains(#"stroke-dasharray"#))
        #expect(try Gallery.line.figure().svg().contains("val &lt;loss&gt; &amp; more"))
    }

    @Test func twoThousandPointLineIsCompact() throws {
        var plt = Pyplot()
        let x = (0..<2000).map { Double($0) }
        try plt.plot(x, x.map { ($0 * 0.013).truncatingRemainder(dividingBy: 1) * 100 - Double(Int($0) % 7) })
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.utf8.count < 60_000, "\(svg.utf8.count) bytes")
        #expect(svg.occurrences(of: "<path") == 2) // the line and the ticks
    }

    @Test func nanAndInfinityBreakTheLine() throws {
        var plt = Pyplot()
        try plt.plot([0, 1, 2, 3, 4, 5], [1, 2, .nan, 3, .infinity, 4])
        let svg = try #require(plt.takeFigures().first).svg()
        let line = try #require(svg.split(separator: "\n").first { $0.contains("stroke-width=\"1.5\"") })
        #expect(String(line).occurrences(of: "M") == 3)
        #expect(XMLCheck.parse(svg).ok)
    }

    @Test func emptySinglePointAndConstantSeriesRender() throws {
        for (x, y) in [([Double](), [Double]()), ([2], [5]), ([1, 2, 3], [7, 7, 7]), ([.nan], [.nan])] {
            var plt = Pyplot()
            try plt.plot(x, y, "o-")
            let svg = try #require(plt.takeFigures().first).svg()
            #expect(XMLCheck.parse(svg).ok)
            #expect(svg.contains("</text>"), "tick labels are drawn")
        }
    }

    @Test func emptyAxisHasUnitTicks() throws {
        let svg = try Gallery.empty.figure().svg()
        #expect(svg.contains(">0.0</text>") && svg.contains(">1.0</text>"))
    }

    @Test func hugeSeriesAreThinned() throws {
        var plt = Pyplot()
        let n = 200_000
        let x = (0..<n).map(Double.init)
        try plt.plot(x, x.map { Double(($0 * 7919).truncatingRemainder(dividingBy: 1000)) })
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.utf8.count < 120_000, "\(svg.utf8.count) bytes")
        #expect(XMLCheck.parse(svg).ok)
    }

    @Test func hugeScattersAndViolinsStayQuick() throws {
        var plt = Pyplot()
        let n = 30_000
        let values = (0..<n).map { Double(($0 * 7919) % 10_007) / 100 }
        try plt.scatter(values.map { ($0 * 10).rounded() / 10 }, values.map { ($0 * 3).rounded() / 3 })
        try plt.subplot(1, 2, 2)
        try plt.violinplot([values, values.map { $0 * $0 }])
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.utf8.count < 1_500_000, "\(svg.utf8.count) bytes")
        #expect(XMLCheck.parse(svg).ok)
    }

    @Test func hostileTextIsEscaped() throws {
        var plt = Pyplot()
        try plt.plot([1, 2], style: SeriesStyle(label: "</text><script>alert(1)</script>"))
        plt.title("\"quotes\" & 'apostrophes' \u{1}")
        plt.xlabel("<b>")
        try plt.legend()
        let svg = try #require(plt.takeFigures().first).svg(idPrefix: "\"><script>")
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        let (ok, check) = XMLCheck.parse(svg)
        #expect(ok)
        #expect(check.texts.joined().contains("</text><script>alert(1)</script>"))
    }

    @Test func severalFiguresOnOnePageUseDistinctIDs() throws {
        let a = try Gallery.line.figure().svg(idPrefix: "fig1")
        let b = try Gallery.line.figure().svg(idPrefix: "fig2")
        #expect(a.contains(#"id="fig1-clip0""#) && b.contains(#"id="fig2-clip0""#))
        #expect(Figure.sanitizedID("3d plot") == "f3d_plot")
    }

    @Test func heatMapOriginDecidesWhereRowZeroGoes() throws {
        func rowYs(origin: String) throws -> [Double] {
            var plt = Pyplot()
            try plt.imshow([[0], [1]], cmap: "gray", origin: origin, colorbar: false)
            let svg = try #require(plt.takeFigures().first).svg()
            return svg.split(separator: "\n").filter { $0.contains("<rect") && $0.contains("fill=\"#") && !$0.contains("fill=\"#fff\"") }
                .compactMap { line in line.split(separator: " ").first { $0.hasPrefix("y=") } }
                .compactMap { Double($0.dropFirst(3).dropLast()) }
        }
        let upper = try rowYs(origin: "upper"), lower = try rowYs(origin: "lower")
        #expect(upper.count == 2 && lower.count == 2)
        #expect(upper[0] < upper[1], "row 0 on top")
        #expect(lower[0] > lower[1], "row 0 at the bottom")
        let mapping = try ColorMapping(values: [0, 1], cmap: "gray", vmin: nil, vmax: nil, call: "test")
        let image = ImageMark(rows: 2, cols: 1, values: [0, 1], mapping: mapping)
        let flipped = ImageMark(rows: 2, cols: 1, values: [1, 0], mapping: mapping)
        #expect(HeatMapImage.png(image, flipRows: true) == HeatMapImage.png(flipped))
    }

    @Test func hugeHeatMapsAreAveragedDown() throws {
        let mapping = try ColorMapping(values: [0, 1], cmap: "gray", vmin: nil, vmax: nil, call: "test")
        let values = (0..<(1_200 * 4)).map { Double($0 % 2) }
        let pooled = HeatMapImage.pooled(ImageMark(rows: 4, cols: 1_200, values: values, mapping: mapping))
        #expect(pooled.rows == 2 && pooled.cols == 600)
        #expect(pooled.values.allSatisfy { $0 == 0.5 })
        var plt = Pyplot()
        try plt.imshow((0..<700).map { r in (0..<700).map { c in Double(r - c) } }, aspect: "auto")
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.utf8.count < 300_000, "\(svg.utf8.count) bytes")
    }

    @Test func pngHeatMapIsValid() throws {
        let mapping = try ColorMapping(values: [0, 1], cmap: "gray", vmin: nil, vmax: nil, call: "test")
        let image = ImageMark(rows: 2, cols: 2, values: [0, 1, .nan, 0.5], mapping: mapping)
        #expect(mapping.index(.nan) == 0 && mapping.index(-5) == 1 && mapping.index(1) == 255)
        let png = HeatMapImage.png(image)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.base64(Array("Man".utf8)) == "TWFu")
        #expect(PNGEncoder.base64(Array("Ma".utf8)) == "TWE=")
    }

    /// With `PLOT_GALLERY_DIR` set, writes every gallery figure there for a visual check
    /// (e.g. `rsvg-convert` or a browser); otherwise does nothing.
    @Test func writeGalleryWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["PLOT_GALLERY_DIR"] else { return }
        for kind in Gallery.allCases {
            let svg = try kind.figure().svg(idPrefix: kind.rawValue)
            try svg.write(toFile: dir + "/" + kind.rawValue + ".svg", atomically: true, encoding: .utf8)
        }
    }
}
