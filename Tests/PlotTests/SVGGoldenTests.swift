import Testing
@testable import Plot

/// Byte-for-byte goldens: one full literal for a small figure, and a stable hash per chart
/// kind, so any change to the output fails here. After a deliberate change, look at the new
/// renderings (`PLOT_GALLERY_DIR=/tmp/g swift test --filter PlotTests` writes every gallery
/// figure there; open them in a browser or `rsvg-convert` them), then paste the new hashes
/// that the failures print.
@Suite struct SVGGoldenTests {
    @Test func smallLinePlotMatchesItsGolden() throws {
        var plt = Pyplot()
        try plt.figure(width: 3, height: 2)
        try plt.plot([0, 1, 2], [0, 1, 4], style: SeriesStyle(label: "y = x²"))
        plt.title("Tiny & <small>")
        try plt.legend()
        let svg = try #require(plt.takeFigures().first).svg(idPrefix: "t1")
        #expect(svg == Self.tinyGolden)
    }

    static let tinyGolden = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="216pt" height="144pt" viewBox="0 0 216 144" role="img" aria-label="Tiny &amp; &lt;small&gt;" font-family="DejaVu Sans, Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif" font-size="10" style="min-width:194.4px">
        <title>Tiny &amp; &lt;small&gt;</title>
        <rect width="216" height="144" fill="#fff"/>
        <g class="axes">
        <clipPath id="t1-clip0">
        <rect x="19.4" y="26.4" width="182.7" height="92.6"/>
        </clipPath>
        <g clip-path="url(#t1-clip0)">
        <path d="M27.7 114.79l83.05-21.04 83.05-63.14" fill="none" stroke="#0072b2" stroke-width="1.5" stroke-linecap="square" stroke-linejoin="round"/>
        </g>
        <rect x="19.4" y="26.4" width="182.7" height="92.6" fill="none" stroke="#000" stroke-width="0.8"/>
        <path d="M27.7,119v3.5M69.23,119v3.5M110.75,119v3.5M152.27,119v3.5M193.8,119v3.5M19.4,114.79h-3.5M19.4,72.7h-3.5M19.4,30.61h-3.5" stroke="#000" stroke-width="0.8"/>
        <text x="27.7" y="133.6" text-anchor="middle">0.0</text>
        <text x="69.23" y="133.6" text-anchor="middle">0.5</text>
        <text x="110.75" y="133.6" text-anchor="middle">1.0</text>
        <text x="152.27" y="133.6" text-anchor="middle">1.5</text>
        <text x="193.8" y="133.6" text-anchor="middle">2.0</text>
        <text x="12.4" y="118.39" text-anchor="end">0</text>
        <text x="12.4" y="76.3" text-anchor="end">2</text>
        <text x="12.4" y="34.21" text-anchor="end">4</text>
        <text x="110.75" y="17.52" text-anchor="middle" font-size="12">Tiny &amp; &lt;small&gt;</text>
        <g class="legend">
        <rect x="24.4" y="31.4" width="69.2" height="20" rx="2" fill="#fff" fill-opacity="0.8" stroke="#cccccc" stroke-width="0.8"/>
        <path d="M28.4,41.4h20" fill="none" stroke="#0072b2" stroke-width="1.5" stroke-linecap="square" stroke-linejoin="round"/>
        <text x="56.4" y="45">y = x²</text>
        </g>
        </g>
        </svg>
        """ + "\n"

    /// FNV-1a hashes of `Gallery` figures rendered with `idPrefix: "g"`.
    static let hashes: [Gallery: String] = [
        .line: "d2c273f0b2244e43",
        .scatter: "d751915b4f011bfe",
        .bar: "f05036b68fe8584f",
        .hist: "30dbec00f04ca239",
        .heatmap: "12d610e781fe8ba",
        .band: "77a1e03a13aaec6f",
        .reference: "667898b837ac7c38",
        .violin: "be5c132a54086140",
        .trajectory: "d21199d475e6760a",
        .subplots: "eb6269023e8caf84",
        .empty: "63e517bd8c857702",
        .logLoss: "e55d51fd6d0a06d3",
        .psychometric: "89f7427ff0517b77",
        .colorScatter: "1b0b99184f8db520",
        .annotated: "bb9361b94a22a93b",
        .rotatedLabels: "d047b341fad94a41",
        .boxplot: "bc81c0090cf6c19c",
        .flowField: "6fa95117815f65b9",
    ]

    @Test(arguments: Gallery.allCases)
    func galleryMatchesItsHash(_ kind: Gallery) throws {
        let svg = try kind.figure().svg(idPrefix: "g")
        let hash = stableHash(svg)
        #expect(hash == Self.hashes[kind], "\(kind.rawValue): hash \(hash), \(svg.utf8.count) bytes")
    }
}
