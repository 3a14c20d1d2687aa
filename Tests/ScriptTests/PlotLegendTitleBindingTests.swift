import Testing
@testable import ScriptRuntime

/// `ax.legend(title=, title_fontsize=)` and `plt.legend(...)` reach the drawn legend; the
/// title is `str(title)`, as matplotlib's `Text.set_text`.
@Test func legendTitleKeywordsReachTheFigure() throws {
    let svgs = figureSVGs("""
        fig, ax = plt.subplots()
        ax.plot([0, 1], label='a')
        ax.legend(title='Nets', title_fontsize=8)
        plt.figure()
        plt.plot([0, 1], label='b')
        plt.legend(title=3, fontsize=7)
        """)
    #expect(svgs.count == 2)
    let first = try #require(svgs.first), second = try #require(svgs.last)
    #expect(first.contains(#"font-size="8">Nets<"#))
    #expect(second.contains(#"text-anchor="middle">3<"#) || second.contains(#">3</text>"#))
    #expect(second.contains(#"font-size="7">b<"#))
}
