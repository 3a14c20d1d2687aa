import Testing
@testable import ScriptRuntime

/// matplotlib's layout calls: `margins` as matplotlib's `Axes.margins`; `show`,
/// `tight_layout`, `set_tight_layout` no-ops with their arguments bound; tick and subplot
/// styling rnnbook does not draw refused with what to write instead (PlotTickStyleTests has
/// the tick styling it draws).
let plotLayoutCases: [ProgramCase] = [
    .init("""
          fig, ax = plt.subplots()
          ax.plot([0, 10], [0, 1])
          print(ax.margins())
          ax.margins(0)
          print(ax.margins(), plt.margins())
          ax.margins(x=0.1)
          print(ax.margins())
          ax.margins(0.2, 0.3)
          print(ax.margins())
          fig.tight_layout()
          plt.tight_layout(pad=0.5, rect=(0, 0, 1, 0.95))
          fig.set_tight_layout(True)
          ax.tick_params(axis='both', which='major')
          fig.subplots_adjust()
          plt.show()
          """, """
          (0.05, 0.05)
          (0.0, 0.0) (0.0, 0.0)
          (0.1, 0.0)
          (0.2, 0.3)
          <figure >

          """),
    .init("plt.tight_layout(h=1)", "error: 1:1: tight_layout() got an unexpected keyword argument 'h'\n"),
] + [
    ("plt.gca().tick_params(axis='x', direction='in')", "tick_params(direction=…) is not available in rnnbook; the keywords drawn "
        + "are labelsize, labelcolor, labelrotation, color, colors (ticks are otherwise matplotlib's default)"),
    ("plt.subplots_adjust(wspace=0.3)", "subplots_adjust(wspace=…) is not available in rnnbook: subplot spacing is laid out "
        + "automatically; remove the call (use figsize= to change the figure's shape)"),
    ("plt.gcf().subplots_adjust(left=0.1)", "subplots_adjust(left=…) is not available in rnnbook: subplot spacing is laid out "
        + "automatically; remove the call (use figsize= to change the figure's shape)"),
    ("plt.gca().minorticks_on()", "minorticks_on() is not available in rnnbook: rnnbook draws no minor ticks on linear axes; remove the call"),
    ("plt.gca().label_outer()", "label_outer() is not available in rnnbook: each subplot keeps its tick labels; remove the call"),
    ("plt.gcf().align_labels()", "align_labels() is not available in rnnbook: axis labels are placed by the automatic layout; remove the call"),
    ("plt.margins(0.1, x=0.2)", "Cannot pass both positional and keyword arguments for x and/or y."),
    ("plt.margins(0.1, 0.2, 0.3)", "Must pass a single positional argument for all margins, or one for each margin (x, y)."),
    ("plt.margins(-0.6)", "margins: x margin must be greater than -0.5, got -0.6"),
].map { code, message in
    ProgramCase(code, (code.contains("gca") ? "<figure >\n" : "") + "error: 1:1: \(message)\n")
}

@Test(arguments: plotLayoutCases) func plotLayoutCallsFollowMatplotlib(_ program: ProgramCase) {
    check(program)
}
