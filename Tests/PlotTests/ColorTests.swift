import Testing
@testable import Plot

@Suite struct ColorTests {
    @Test(arguments: [
        ("C0", "#0072b2"), ("C1", "#e69f00"), ("C10", "#0072b2"), ("k", "#000000"), ("red", "#ff0000"),
        ("#1f77b4", "#1f77b4"), ("#ABC", "#aabbcc"), ("tab:orange", "#ff7f0e"), ("0.5", "#808080"),
        ("Dark Blue", "#00008b"),
    ])
    func parsesNamesCodesAndHex(_ text: String, _ hex: String) throws {
        #expect(try Color(parsing: text).hexString == hex)
    }

    @Test func hexWithAlpha() throws {
        let color = try Color(parsing: "#ff000080")
        #expect(color.hexString == "#ff0000")
        #expect(abs(color.alpha - 128.0 / 255) < 1e-12)
    }

    @Test(arguments: ["blu", "#12345", "C0x", "1.5", "", "#ggg"])
    func unknownColoursThrow(_ text: String) {
        #expect(throws: PlotError.self) { try Color(parsing: text) }
    }

    @Test func noneIsTransparent() throws {
        #expect(try Color(parsing: "none").alpha == 0)
        #expect(Paint.fill(try Color(parsing: "none")).contains { $0 == ("fill-opacity", "0") })
    }

    @Test func paletteHasTenDistinctColours() {
        #expect(Set(Palette.cycle.map(\.hexString)).count == 10)
    }

    @Test func colormapsInterpolateAndReverse() throws {
        let viridis = try Colormap(named: "viridis")
        #expect(viridis.color(at: 0).hexString == "#440154")
        #expect(viridis.color(at: 1).hexString == "#fde725")
        #expect(viridis.color(at: 2).hexString == "#fde725")
        #expect(try Colormap(named: "viridis_r").color(at: 0).hexString == "#fde725")
        #expect(try Colormap(named: "gray").color(at: 0.5).hexString == "#808080")
        #expect(throws: PlotError.self) { try Colormap(named: "jet2") }
    }

    @Test func lineStylesAndMarkers() throws {
        #expect(try LineStyle(parsing: "--") == .dashed)
        #expect(try LineStyle(parsing: "dotted") == .dotted)
        #expect(try Marker(parsing: "^") == .triangleUp)
        #expect(throws: PlotError.self) { try LineStyle(parsing: "~") }
        #expect(throws: PlotError.self) { try Marker(parsing: "q") }
        #expect(LineStyle.dashed.dashArray(width: 2) == "7.4,3.2")
    }

    /// Every matplotlib filled/stroked marker code parses and draws a closed or stroked path
    /// around its centre; a star has ten vertices, a pentagon five.
    @Test func matplotlibMarkerSet() throws {
        for code in ["*", "p", "h", "H", "8", "<", ">", "d", "P", "X", "|", "_", ","] {
            let marker = try Marker(parsing: code)
            let path = marker.pathData(x: 50, y: 50, size: 10)
            #expect(path.hasPrefix("M"), "\(code)")
            #expect(marker.isStroked || path.hasSuffix("z") || marker == .pixel, "\(code): \(path)")
        }
        #expect(try Marker(parsing: "*").pathData(x: 0, y: 0, size: 10).split(separator: "L").count == 10)
        #expect(try Marker(parsing: "p").pathData(x: 0, y: 0, size: 10).split(separator: "L").count == 5)
        #expect(try PlotFormat(parsing: "k*").marker == .star)
        // The star's top vertex is straight above the centre, at the marker's radius.
        #expect(try Marker(parsing: "*").pathData(x: 0, y: 0, size: 10).hasPrefix("M0,-5"))
    }

    @Test func formatStrings() throws {
        let format = try PlotFormat(parsing: "r--o")
        #expect(format.color?.hexString == "#ff0000")
        #expect(format.lineStyle == .dashed)
        #expect(format.marker == .circle)
        #expect(try PlotFormat(parsing: "C2:").color == Palette.color(at: 2))
        #expect(throws: PlotError.self) { try PlotFormat(parsing: "r?") }
    }
}
