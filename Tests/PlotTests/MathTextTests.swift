import Testing
@testable import Plot

/// matplotlib's mathtext in figure text: the `$…$` parts of labels are typeset.
@Suite struct MathTextTests {
    @Test func plainTextIsLeftAlone() {
        #expect(!MathText.hasMath("cost: $5"))
        #expect(MathText.runs("loss") == [MathText.Run(text: "loss")])
        #expect(MathText.displayed("a \\$ sign and $x$") == "a $ sign and x")
    }

    @Test func greekAccentsAndScripts() {
        #expect(MathText.displayed("$\\hat V(t)$") == "V\u{0302}(t)")
        #expect(MathText.displayed("$\\delta(t)$ at $\\gamma = 0.5$") == "δ(t) at γ=0.5")
        let runs = MathText.runs("$z_1$")
        #expect(runs == [MathText.Run(text: "z", italic: true), MathText.Run(text: "1", shift: -1)])
        let power = MathText.runs("$e^{-t/\\tau}$")
        #expect(power.map(\.text) == ["e", "\u{2212}", "t", "/τ"])
        #expect(power.dropFirst().allSatisfy { $0.shift == 1 })
        #expect(MathText.displayed("$\\mathrm{ReLU}(x) \\leq \\infty$") == "ReLU(x)≤∞")
        #expect(MathText.runs("$\\mathrm{ReLU}$").allSatisfy { !$0.italic })
        #expect(MathText.displayed("$\\frac{1}{2}\\log p$") == "1/2logp")
    }

    @Test func markupUsesTspans() {
        #expect(MathText.markup("$V_{t+1} < 1$ & more")
                == #"<tspan font-style="italic">V</tspan><tspan font-style="italic" baseline-shift="sub" font-size="70%">t</tspan>"#
                + #"<tspan baseline-shift="sub" font-size="70%">+1</tspan>&lt;1 &amp; more"#)
    }

    @Test func malformedMathNeverTraps() {
        for text in ["$\\$", "$_$", "$^{$", "$\\frac{$", "$" + String(repeating: "{", count: 500) + "$", "$\\hat{}$", "$\\unknown x$"] {
            _ = MathText.markup(text)
            _ = TextMetrics.width(text, size: 10)
        }
        #expect(MathText.displayed("$\\unknown x$") == "unknownx")
    }

    @Test func figuresSetMathLabels() throws {
        var plt = Pyplot()
        try plt.plot([0, 1], [0, 1], style: SeriesStyle(label: "$\\hat V(t)$"))
        try plt.xlabel("time $t$")
        try plt.legend()
        let svg = try #require(plt.takeFigures().first).svg()
        #expect(svg.contains("V\u{0302}"))
        #expect(svg.contains(#"<tspan font-style="italic">t</tspan>"#))
        #expect(!svg.contains("$"))
    }
}
