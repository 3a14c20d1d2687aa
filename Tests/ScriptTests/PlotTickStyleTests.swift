import Testing
@testable import ScriptRuntime

/// Tick label styling as matplotlib's `xticks`/`yticks(..., **kwargs)`, `ax.set_xticks(ticks,
/// labels, **kwargs)` and `ax.tick_params(...)`: what is drawn changes the SVG; what is not
/// drawn is refused.
@Suite struct PlotTickStyleTests {
    /// The `<text>` elements of a figure whose content is `label`.
    func texts(_ svg: String, _ label: String) -> [Substring] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<text") && $0.hasSuffix(">\(label)</text>") }
    }

    @Test func xticksKeywordsStyleTheLabels() throws {
        let svg = try #require(figureSVGs("""
            plt.plot([0, 1, 2], [0, 1, 4])
            plt.xticks([0, 1, 2], ['zero', 'one', 'two'], fontsize=14, color='r', rotation=30, fontweight='bold')
            """).first)
        let label = try #require(texts(svg, "one").first)
        #expect(label.contains("font-size=\"14\""))
        #expect(label.contains("fill=\"#ff0000\""))
        #expect(label.contains("rotate(-30)"))
        #expect(label.contains("font-weight=\"700\""))
        // The y labels keep matplotlib's default style.
        let plain = try #require(texts(svg, "4").first)
        #expect(!plain.contains("font-size") && !plain.contains("fill") && !plain.contains("rotate"))
    }

    @Test func yticksWithoutPositionsStyleTheAutomaticLabels() throws {
        let svg = try #require(figureSVGs("plt.plot([0, 1], [0, 1])\nplt.yticks(rotation='vertical', size='large', c=(0, 0, 1))").first)
        let label = try #require(texts(svg, "1.0").first { $0.contains("rotate") })
        #expect(label.contains("rotate(-90)") && label.contains("font-size=\"12\"") && label.contains("fill=\"#0000ff\""))
        #expect(label.contains("text-anchor=\"middle\""))
        let x = try #require(texts(svg, "0.0").first { !$0.contains("rotate") })
        #expect(!x.contains("font-size"))
    }

    @Test func setXticksTakesTextPropertiesWithLabels() throws {
        let svg = try #require(figureSVGs("""
            fig, ax = plt.subplots()
            ax.plot([0, 1], [0, 1])
            ax.set_xticks([0, 1], ['a', 'b'], fontsize=7, color='green')
            ax.yaxis.set_ticks([0, 1], ['low', 'high'], rotation=45)
            """).first)
        let a = try #require(texts(svg, "a").first)
        #expect(a.contains("font-size=\"7\"") && a.contains("fill=\"#008000\""))
        #expect(try #require(texts(svg, "high").first).contains("rotate(-45)"))
    }

    @Test func setXticklabelsLabelsFixedTicks() throws {
        let svg = try #require(figureSVGs("""
            fig, ax = plt.subplots()
            ax.plot([0, 1], [0, 1])
            ax.set_xticks([0, 1])
            ax.set_xticklabels(['start', 'end'], rotation=45, fontdict={'fontsize': 9, 'color': 'r'}, color='b')
            ax.set_yticks([0, 1])
            ax.set_yticklabels([])
            """).first)
        let label = try #require(texts(svg, "end").first)
        #expect(label.contains("rotate(-45)") && label.contains("font-size=\"9\"") && label.contains("fill=\"#0000ff\""))
        #expect(!svg.contains(">1</text>") && !svg.contains(">0</text>"))
    }

    @Test func tickParamsStylesLabelsAndMarks() throws {
        let svg = try #require(figureSVGs("""
            fig, ax = plt.subplots()
            ax.plot([0, 1], [0, 1])
            ax.tick_params(axis='y', labelsize=8, labelcolor='blue', color='r')
            ax.tick_params(axis='x', colors='g', labelrotation=90)
            """).first)
        let y = try #require(texts(svg, "1.0").first { $0.contains("font-size") })
        #expect(y.contains("font-size=\"8\"") && y.contains("fill=\"#0000ff\""))
        let x = try #require(texts(svg, "1.0").first { $0.contains("rotate(-90)") })
        #expect(x.contains("fill=\"#008000\"") && !x.contains("font-size"))
        #expect(svg.contains("stroke=\"#ff0000\" stroke-width"))
        #expect(svg.contains("stroke=\"#008000\" stroke-width"))
        // reset=True goes back to matplotlib's defaults before applying the rest.
        let reset = try #require(figureSVGs("""
            plt.plot([0, 1], [0, 1])
            plt.tick_params(labelsize=8)
            plt.tick_params(reset=True, labelcolor='r')
            """).first)
        let label = try #require(texts(reset, "1.0").first)
        #expect(!label.contains("font-size") && label.contains("fill=\"#ff0000\""))
    }

    static let refusals: [ProgramCase] = [
        .init("plt.xticks([0, 1], ['a', 'b'], ha='right')",
              "error: 1:1: xticks(): the Text property 'ha' is not available in rnnbook; tick labels take fontsize, size, color, c, "
                  + "rotation, fontweight, weight\n"),
        .init("plt.yticks(fontsize=8, size=9)", "error: 1:1: yticks() got both 'fontsize' and 'size', which are aliases of one another\n"),
        .init("plt.xticks(labels=['a'])", "error: 1:1: xticks(): Parameter 'labels' can't be set without setting 'ticks'\n"),
        .init("plt.xticks([0], minor=True)", "error: 1:1: xticks(minor=True) is not available in rnnbook: only major ticks are drawn\n"),
        .init("plt.xticks(rotation='diagonal')",
              "error: 1:1: xticks() argument 'rotation': rotation must be 'vertical', 'horizontal' or a number, not 'diagonal'\n"),
        // As in matplotlib, the call makes the axes (and so the figure) before the colour fails.
        .init("plt.xticks(color='notacolour')",
              "<figure >\nerror: 1:1: unknown colour 'notacolour' (use a name like 'red', 'C0'…'C9', or hex like '#1f77b4')\n"),
        .init("fig, ax = plt.subplots()\nax.set_xticks([0, 1], fontsize=8)",
              "<figure >\nerror: 2:1: Incorrect use of keyword argument 'fontsize'. Keyword arguments other than 'minor' modify the text "
                  + "labels and can only be used if 'labels' are passed as well.\n"),
        .init("fig, ax = plt.subplots()\nax.set_xticklabels(['a'])",
              "<figure >\nerror: 2:1: set_xticklabels() needs fixed ticks in rnnbook (matplotlib warns and labels whichever ticks it "
                  + "draws): set the ticks and labels together, ax.set_xticks(ticks, labels)\n"),
        .init("fig, ax = plt.subplots()\nax.set_xticks([1, 2])\nax.set_xticklabels(['a'])",
              "<figure >\nerror: 3:1: The number of FixedLocator locations (2), usually from a call to set_ticks, does not match the "
                  + "number of labels (1).\n"),
        .init("plt.tick_params(axis='z')", "error: 1:1: 'z' is not a valid value for axis; supported values are 'x', 'y', 'both'\n"),
        .init("plt.tick_params(which='both', colors='r')",
              "error: 1:1: tick_params(which='both', color=…) is not available in rnnbook: only major tick marks are coloured; "
                  + "use which='major'\n"),
        .init("plt.tick_params(labelbottom=False)",
              "error: 1:1: tick_params(labelbottom=…) is not available in rnnbook; the keywords drawn are labelsize, labelcolor, "
                  + "labelrotation, color, colors (ticks are otherwise matplotlib's default)\n"),
    ]

    @Test(arguments: refusals) func refusedKeywordsSayWhatIsAvailable(_ program: ProgramCase) {
        check(program)
    }
}
