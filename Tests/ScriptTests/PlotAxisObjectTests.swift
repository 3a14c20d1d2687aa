import Testing
@testable import ScriptRuntime

/// `ax.xaxis`/`ax.yaxis` (`set_ticks`, `set_label_coords`), `ax.axes`, and
/// `matplotlib.ticker.FuncFormatter`, as Lab 4's original uses them;
/// `set_major_formatter` is refused with the code to write instead.
let plotAxisCases: [ProgramCase] = [
    .init("""
          from matplotlib.ticker import FuncFormatter
          def my_tickformatter(value, pos):
              return '%.1f' % value
          major_formatter = FuncFormatter(my_tickformatter)
          print(major_formatter(1.25), major_formatter(3, 1), major_formatter.func is my_tickformatter)
          fig, ax = plt.subplots()
          ax.plot([0, 1])
          ax.set_ylabel('YL')
          ax.yaxis.set_label_coords(-0.13, 0.5)
          ax.axes.xaxis.set_ticks([]); ax.axes.yaxis.set_ticks([0, 1], ['a', 'b'])
          print(ax.axes is ax, ax.xaxis, ax.yaxis.axes is ax)
          """, """
          1.2 3.0 True
          True <matplotlib.axis.XAxis object> True
          <figure >

          """),
    .init("import matplotlib.ticker as ticker\nfig, ax = plt.subplots()\nax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, p: str(v)))",
          "<figure >\nerror: 3:1: set_major_formatter() is not available in rnnbook (ticks are placed when the figure is drawn): "
          + "fix the ticks and label them, ax.set_yticks(ticks, [f(t, None) for t in ticks])\n"),
    .init("fig, ax = plt.subplots()\nax.xaxis.set_ticks([1], minor=True)",
          "<figure >\nerror: 2:1: set_ticks(minor=True) is not available in rnnbook: only major ticks are drawn\n"),
]

@Test(arguments: plotAxisCases) func plotAxisObjectsFollowMatplotlib(_ program: ProgramCase) {
    check(program)
}

/// The ticks set through `ax.yaxis` are the ones drawn.
@Test func axisSetTicksReachesTheFigure() throws {
    let svg = try #require(figureSVGs("fig, ax = plt.subplots()\nax.plot([0, 1])\nax.yaxis.set_ticks([0, 1], ['low', 'high'])").first)
    #expect(svg.contains(">low<") && svg.contains(">high<"))
}
