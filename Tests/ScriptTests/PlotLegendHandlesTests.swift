import Testing
@testable import ScriptRuntime

/// `legend(handles, labels)` and `legend(handles=…)`: the chosen artists only, in order,
/// with the given labels or their own (a `_` label left out, as matplotlib); the calls
/// matplotlib rejects are rejected with its messages.
@Test func legendShowsTheChosenHandles() throws {
    let svgs = figureSVGs("""
        fig, ax = plt.subplots()
        l1, = ax.plot([0, 1], label='one')
        l2, = ax.plot([1, 0], label='two')
        l3, = ax.plot([1, 1], label='_hidden')
        ax.legend(handles=[l2, l3])
        fig, ax = plt.subplots()
        v1 = ax.violinplot([[1, 2, 3]], positions=[0])
        v2 = ax.violinplot([[2, 3, 4]], positions=[1])
        ax.legend([v1['bodies'][0], v2['bodies'][0]], ['Modular', 'Holistic'], fontsize=7, frameon=False, loc=[0.3, 0.7])
        """)
    #expect(svgs.count == 2)
    let first = try #require(svgs.first), second = try #require(svgs.last)
    let legend = first.components(separatedBy: ##"<g class="legend">"##)[1].components(separatedBy: "</g>")[0]
    #expect(legend.contains(">two<") && !legend.contains(">one<") && !legend.contains("hidden"))
    let violins = second.components(separatedBy: ##"<g class="legend">"##)[1].components(separatedBy: "</g>")[0]
    #expect(violins.contains(#"font-size="7">Modular<"#) && violins.contains(#"font-size="7">Holistic<"#))
    let order = try #require(violins.range(of: "Modular")).lowerBound < #require(violins.range(of: "Holistic")).lowerBound
    #expect(order)
}

let legendHandleErrors: [ProgramCase] = [
    ("l, = plt.plot([0, 1])\nplt.legend([l])", "A single argument passed to legend() must be a list of labels, but found an Artist in there."),
    ("plt.plot([0, 1])\nplt.legend(handles=['x'])", "legend(): handles must be artists drawn on these axes (returned by plot, bar, "
        + "fill_between, violinplot, …), not str; proxy artists are not available in rnnbook"),
    ("l, = plt.plot([0, 1])\nplt.legend([l], ['a'], labels=['b'])", "legend(): give handles and labels either positionally or as keywords, not both"),
    ("l, = plt.plot([0, 1])\nplt.legend([l], ['a'], 3)", "legend only accepts two non-keyword arguments"),
    ("fig, (a, b) = plt.subplots(1, 2)\nl, = a.plot([0, 1])\nb.legend([l], ['a'])",
     "legend: a handle was drawn on other axes; pass artists drawn on these axes"),
].map { code, message in ProgramCase(code, "<figure >\nerror: \(code.split(separator: "\n").count):1: \(message)\n") }

@Test(arguments: legendHandleErrors) func legendHandleMisuseIsAnError(_ program: ProgramCase) {
    check(program)
}
