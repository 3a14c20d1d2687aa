import Testing

/// `plt.xticks()` / `plt.yticks()` return matplotlib's `(locs, labels)`: the ticks made when
/// ticks are given (`XTick` objects), else the positions as an array; labels are `Text`
/// objects. Fixed ticks are reported as matplotlib 3.11 reports them; automatic ones are
/// those rnnbook draws.
let plotTickQueryCases: [ProgramCase] = [
    .init("""
        import matplotlib.pyplot as plt
        plt.plot([0, 1, 2], [0, 1, 4])
        print(plt.xticks([0, 1, 2, 5], ['a', 'b', 'c', 'd']))
        locs, labels = plt.xticks()
        print(locs, labels, [t.get_text() for t in labels], labels[1].get_position())
        print(plt.xticks([0, 0.5, 1]))
        """,
          """
        ([<matplotlib.axis.XTick object>, <matplotlib.axis.XTick object>, <matplotlib.axis.XTick object>, <matplotlib.axis.XTick object>], [Text(0, 0, 'a'), Text(1, 0, 'b'), Text(2, 0, 'c'), Text(5, 0, 'd')])
        [0 1 2 5] [Text(0, 0, 'a'), Text(1, 0, 'b'), Text(2, 0, 'c'), Text(5, 0, 'd')] ['a', 'b', 'c', 'd'] (1, 0)
        ([<matplotlib.axis.XTick object>, <matplotlib.axis.XTick object>, <matplotlib.axis.XTick object>], [Text(0.0, 0, '0'), Text(0.5, 0, '0.5'), Text(1.0, 0, '1')])
        <figure >

        """),
    // Automatic ticks: those drawn at the figure's size (matplotlib's locator also reports
    // -0.25 and 2.25, beyond the view, and labels them '0.00', '0.25', …).
    .init("import matplotlib.pyplot as plt\nplt.plot([0, 1, 2], [0, 1, 4])\nprint(plt.xticks())\nprint(plt.yticks(fontsize=8)[0])",
          """
        (array([0. , 0.5, 1. , 1.5, 2. ]), [Text(0.0, 0, '0.0'), Text(0.5, 0, '0.5'), Text(1.0, 0, '1.0'), Text(1.5, 0, '1.5'), Text(2.0, 0, '2.0')])
        [0. 1. 2. 3. 4.]
        <figure >

        """),
    .init("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([0, 10], [0, 1])
        print(ax.set_yticks([0, 1]), ax.get_yticks(), ax.get_yticklabels())
        print(plt.yticks())
        """,
          """
        [<matplotlib.axis.YTick object>, <matplotlib.axis.YTick object>] [0 1] [Text(0, 0, '0'), Text(0, 1, '1')]
        (array([0, 1]), [Text(0, 0, '0'), Text(0, 1, '1')])
        <figure >

        """),
    // As in Jupyter, the call ending a block shows what it returns.
    .init("import matplotlib.pyplot as plt\nplt.plot([0, 1, 2], [0, 1, 4])\nplt.xticks([0, 1], ['a', 'b'])",
          "([<matplotlib.axis.XTick object>, <matplotlib.axis.XTick object>], [Text(0, 0, 'a'), Text(1, 0, 'b')])\n<figure >\n"),
    .init("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.xticks()[1][0].set_rotation(45)",
          "<figure >\nerror: 3:1: Text.set_rotation() is not available in rnnbook: the labels plt.xticks() returns are a snapshot; style tick labels with plt.xticks(rotation=…, fontsize=…) or plt.tick_params\n"),
]

@Test(arguments: plotTickQueryCases) func plotTickQuery(_ program: ProgramCase) { check(program) }
