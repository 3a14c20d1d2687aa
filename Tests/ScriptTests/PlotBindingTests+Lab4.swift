import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// Lab 4's matplotlib code as written (issue 17): Line2D artists, dash tuples, legends at
/// coordinates, clip_on, font weights, Circle patches, violin parts with `plt.setp`,
/// `fill_between(edgecolor=, facecolor=)`, `plt.xkcd()`, colours and colour maps.
let lab4PlotCases: [ProgramCase] = [
    .init("import numpy as np\nax = plt.gca()\nax.bar(0, np.mean([0.1, 0.2]), width=0.7, color='salmon', alpha=1, zorder=0)\nax.bar(1, 0.5)",
          "<figure >\n"),
    .init("plt.bar(None, 1)", "error: 1:1: bar() x must be a list or tensor of numbers, not NoneType\n"),
    .init("line, = plt.plot([1, 2, 3], c='salmon')\nprint(line.get_color(), line.get_linewidth(), line.get_label())",
          "salmon 1.5 _child0\n<figure >\n"),
    .init("fig, ax = plt.subplots()\nlines = ax.plot([0, 1], [[1, 2], [3, 4]])\nprint(len(lines), lines[1].get_color() == lines[0].get_color())\n"
          + "lines[0].set_data([0, 1, 2], [5, 6, 7])\nlines[0].set_color('k')\nlines[0].set_linewidth(3)\nlines[0].set_alpha(0.5)\n"
          + "lines[0].set_label('moved')\nlines[0].set_linestyle((0, (1, 1)))\nx = lines[0].get_xdata()\n"
          + "print(x.tolist(), lines[0].get_ydata()[-1], lines[0].get_alpha(), lines[0].get_label(), lines[0].get_linestyle())",
          "2 False\n[0.0, 1.0, 2.0] 7.0 0.5 moved --\n<figure >\n"),
    .init("line, = plt.plot([1, 2])\nline.set_xdata([1, 2, 3])",
          "<figure >\nerror: 2:1: set_xdata: 3 x values for 2 y values; use set_data(x, y) to change both\n"),
    .init("line, = plt.plot([1, 2])\nline.set_colour('r')",
          "<figure >\nerror: 2:1: 'Line2D' object has no attribute 'set_colour' (did you mean 'set_color'?)\n"),
    .init("ax = plt.gca()\nax.plot([0, 1], [0, 1], c='k', ls=(0, (1, 1)), lw=1)\nax.plot([0, 1], [1, 0], ls='dotted');", "<figure >\n"),
    .init("plt.plot([0, 1], ls=(0, (1, 2, 3)))",
          "<figure >\nerror: 1:1: plot: a dash tuple needs an even number of on/off lengths, got 3\n"),
    .init("plt.plot([0, 1], ls=(0, 1))", "<figure >\nerror: 1:1: plot: a dash tuple needs an even number of on/off lengths, got 1\n"),
    .init("plt.plot([0, 1], label='a')\nplt.legend(loc=[0.56, 0.0], fontsize=7, frameon=False, handletextpad=-0.5, labelspacing=0, "
          + "ncol=1, columnspacing=1)\nplt.legend(loc=(0.2, 0.1), bbox_to_anchor=(0, 0, 1, 1), ncols=2, fontsize='small')", "<figure >\n"),
    .init("plt.plot([0, 1], label='a')\nplt.legend(title='T', title_fontsize=0)",
          "<figure >\nerror: 2:1: legend: title_fontsize must be a positive number, got 0.0\n"),
    .init("plt.plot([0, 1], label='a')\nplt.legend(loc=[1, 2, 3])", "<figure >\nerror: 2:1: legend(): loc as coordinates must be (x, y), got 3 numbers\n"),
    .init("plt.plot([0, 1], label='a')\nplt.legend(ncol=2, ncols=2)",
          "<figure >\nerror: 2:1: legend() got both 'ncol' and 'ncols', which are aliases of one another\n"),
    .init("plt.plot([0, 1], label='a')\nplt.legend(fontsize='huge')",
          "<figure >\nerror: 2:1: legend() argument 'fontsize': unknown font size 'huge' (use points or one of large, medium, small, "
          + "x-large, x-small, xx-large, xx-small)\n"),
    .init("ax = plt.gca()\nax.set_title('T', fontsize=7, fontweight='bold')\nax.set_xlabel('x', weight=700)\nplt.ylabel('y', fontsize='large')\n"
          + "plt.suptitle('S', fontweight='normal')\nax.text(0, 0, s='Start', fontsize=7, fontweight='semibold', clip_on=True, zorder=5)",
          "<figure S>\n"),
    .init("plt.title('T', fontweight='boldest')",
          "error: 1:1: title: unknown fontweight 'boldest' (expected a number from 0 to 1000 or one of 'black', 'bold', 'book', "
          + "'demi', 'demibold', 'extra bold', 'heavy', 'light', 'medium', 'normal', 'regular', 'roman', 'semibold', 'ultralight')\n"),
    .init("plt.title('T', fontweight='bold', weight='bold')",
          "error: 1:1: title() got both 'fontweight' and 'weight', which are aliases of one another\n"),
    .init("plt.xlabel('x', loc='left')", "error: 1:1: xlabel: loc='left' is not available in rnnbook (only 'center')\n"),
    .init("from matplotlib.patches import Circle\nfig = plt.figure()\nax = fig.add_subplot(111)\nax.set_aspect('equal')\n"
          + "cir1 = Circle(xy=[1, 2], radius=0.5, alpha=0.4, color='rosybrown', lw=0)\np = ax.add_patch(cir1)\n"
          + "print(type(cir1).__name__, type(p).__name__, p.get_facecolor())\np.set_alpha(0.2)\n"
          + "ax.add_artist(plt.Rectangle((0, 0), 1, 2, fill=False))\nax.add_patch(plt.Polygon([[0, 0], [1, 1], [1, 0]]));",
          "Circle Circle (0.7372549019607844, 0.5607843137254902, 0.5607843137254902, 0.4)\n<figure >\n"),
    .init("import matplotlib.patches as mpatches\nc = mpatches.Circle((0, 0), 1)\nc.set_alpha(0.3)",
          "error: 3:1: Circle.set_alpha(): give the patch's properties when making it, or call set_alpha on the patch "
          + "ax.add_patch returns (p = ax.add_patch(Circle(...)))\n"),
    .init("plt.gca().add_patch([0, 1])", "<figure >\nerror: 1:1: add_patch() takes a patch made by Circle, Rectangle or Polygon (matplotlib.patches)\n"),
    .init("plt.Rectangle((0, 0), 1, 1, angle=30)",
          "error: 1:1: Rectangle(): a rotated rectangle (angle=) is not available in rnnbook; use Polygon with the corners\n"),
    .init("vp = plt.violinplot([[1, 2, 3, 4], [2, 3, 3, 5]], positions=[0, 1], widths=0.4, showmeans=True, showmedians=True)\n"
          + "print(list(vp.keys()), len(vp['bodies']))\n"
          + "plt.setp(vp['bodies'], facecolor='lightseagreen', edgecolor='k', linewidth=1, alpha=1, ls='-', hatch=r'')\n"
          + "plt.setp(vp['cmins'], facecolor='None', edgecolor='None', linewidth=1, alpha=1)\n"
          + "plt.setp(vp['cmedians'], facecolor='snow', edgecolor='snow', linewidth=1, alpha=1, ls='-')\n"
          + "for b in vp['bodies']:\n    b.set_facecolor('salmon')\n    b.set_edgecolor('black')\n    b.set_alpha(0.5)\n"
          + "vp['cbars'].set_color('r')\nvp['cmeans'].set_linewidth(2)\nprint(vp['bodies'][0].get_facecolor())",
          "['bodies', 'cmeans', 'cmaxes', 'cmins', 'cbars', 'cmedians'] 2\n(0.9803921568627451, 0.5019607843137255, 0.4470588235294118, 0.5)\n<figure >\n"),
    .init("vp = plt.violinplot([[1, 2, 3]])\nplt.setp(vp['bodies'], hatch='//')",
          "<figure >\nerror: 2:1: set_hatch(): hatching is not available in rnnbook; use '' (no hatch) or a colour or alpha\n"),
    .init("vp = plt.violinplot([[1, 2, 3]])\nplt.setp(vp['bodies'], colour='r')",
          "<figure >\nerror: 2:1: 'PolyCollection' object has no property 'colour' (did you mean 'color'?)\n"),
    .init("plt.violinplot([[1, 2, 3]], quantiles=[0.5])",
          "error: 1:1: violinplot(): quantiles= is not available in rnnbook; use showmedians=True\n"),
    .init("plt.violinplot([[1, 2, 3]], linestyle='--')", "error: 1:1: violinplot() got an unexpected keyword argument 'linestyle'\n"),
    .init("ax = plt.gca()\nx = [0, 1, 2]\npc = ax.fill_between(x, [0, 1, 0], [1, 2, 1], edgecolor='None', facecolor='salmon', alpha=0.4, "
          + "clip_on=True)\nprint(type(pc).__name__, pc.get_facecolor()[3])\n"
          + "ax.fill_between(x, 0, 1, where=[True, False, True], color=(0.1, 0.2, 0.3), lw=2);",
          "PolyCollection 0.4\n<figure >\n"),
    .init("plt.fill_between([0, 1], [0, 1], interpolate=True)",
          "error: 1:1: fill_between(): interpolate=True is not available in rnnbook; use interpolate=False\n"),
    .init("plt.fill_between([0, 1], [0, 1], marker='o')", "error: 1:1: fill_between() got an unexpected keyword argument 'marker'\n"),
    .init("with plt.xkcd():\n    plt.plot([1, 2]);\nplt.xkcd()\nprint('ok')", "ok\n<figure >\n"),
    .init("plt.xkcd(scale=2)", "error: 1:1: xkcd(): rnnbook draws no hand-drawn style, so only the default scale=1 is accepted\n"),
    .init("plt.scatter([1, 2, 3], [1, 2, 3], c=['crimson', 'lightseagreen', (0.1, 0.2, 0.3)], marker='.', s=10, zorder=1, clip_on=False)\n"
          + "plt.scatter([1], [2], c=(1, 0, 0))\nplt.scatter([1, 2], [2, 3], c=[(1, 0, 0), (0, 0, 1, 0.5)])\nplt.plot([1, 2], color=(0.5, 0.5, 0.5));",
          "<figure >\n"),
    .init("plt.scatter([1], [1], c='r', s=1, lw=1.5)\nplt.scatter([1], [2], linewidths=0.5, edgecolors=(0, 0, 0))\n"
          + "plt.scatter([2], [2], edgecolors='face')", "<figure >\n"),
    .init("plt.scatter([1], [1], linewidths=1, lw=2)", "error: 1:1: scatter() got both 'linewidths' and 'linewidth'\n"),
    .init("plt.scatter([1, 2], [1, 2], c=['red'])\nplt.scatter([1, 2], [1, 2], c=[[0.1, 0.2, 0.3]]);", "<figure >\n"),
    .init("plt.scatter([1, 2, 3], [1, 2, 3], c=['red', 'blue'])",
          "<figure >\nerror: 1:1: scatter: 'c' argument has 2 elements, which is inconsistent with 'x' and 'y' with size 3\n"),
    .init("plt.plot([1, 2], color=(1, 2, 3))", "error: 1:1: plot() argument 'color': RGBA values should be within 0-1 range\n"),
    .init("import matplotlib.pyplot as plt\nimport matplotlib.cm as cm\nimport numpy as np\nprint(plt.cm.viridis(0.0))\nprint(plt.get_cmap('tab10')(1))\n"
          + "print(cm.get_cmap('Greys').name, plt.cm.tab10.N, plt.cm.coolwarm(0.5, bytes=True))\ncolors = plt.cm.Blues(np.linspace(0, 1, 3))\n"
          + "print(colors.shape)\nplt.imshow([[1, 2], [3, 4]], cmap=plt.cm.RdBu, origin='lower')",
          "(0.26666666666666666, 0.00392156862745098, 0.32941176470588235, 1.0)\n"
          + "(1.0, 0.4980392156862745, 0.054901960784313725, 1.0)\nGreys 10 (221, 221, 221, 255)\n(3, 4)\n<figure >\n"),
    // NaN is the transparent "bad" colour (alpha leaves it); huge integers clamp to the last entry.
    .init("import numpy as np\nprint(plt.cm.viridis(float('nan')), plt.cm.viridis(float('nan'), alpha=0.5))\n"
          + "print(plt.cm.tab10(np.array([9223372036854775807, -9223372036854775807]), bytes=True).tolist())",
          "(0.0, 0.0, 0.0, 0.0) (0.0, 0.0, 0.0, 0.0)\n[[23, 190, 207, 255], [31, 119, 180, 255]]\n"),
    .init("plt.text(0, 0, 'x', color='r', c='b')", "error: 1:1: text() got both 'color' and 'c', which are aliases of one another\n"),
    .init("plt.get_cmap('jet2')", "error: 1:1: unknown colour map 'jet2' (known: binary, blues, bwr, cividis, coolwarm, gray, grey, greys, hot, "
          + "inferno, magma, plasma, rdbu, reds, seismic, tab10, viridis; add _r to reverse)\n"),
    .init("plt.imshow([[1, 2]], interpolation='bicubic')",
          "error: 1:1: imshow(): interpolation='bicubic' is not available in rnnbook; cells are drawn as flat squares, as interpolation='nearest'\n"),
    .init("plt.plot([1, 2], c='xkcd:salmon')",
          "<figure >\nerror: 1:1: plot: the xkcd: colour names are not available in rnnbook; use a CSS4 name ('salmon'), a tab: colour, or hex like '#fc5a50'\n"),
]

/// The SVG of the figures a program draws.
func figureSVGs(_ code: String) -> [String] {
    let session = ScriptSession(seed: 1)
    let file = SourceFile(name: "lab.md", text: code)
    return session.run(code, origin: BlockOrigin(file: file, line: 1), budget: Budget(operations: 2_000_000, seconds: 10))
        .outputs.compactMap { if case .figure(let svg, _) = $0 { return svg } else { return nil } }
}

extension PlotBindingTests {
    @Test(arguments: lab4PlotCases)
    func lab4Programs(_ program: ProgramCase) {
        check(program)
    }

    @Test func lab4FigureMarkup() throws {
        let svg = try #require(figureSVGs("""
            fig = plt.figure(figsize=(2.2, 1.7), dpi=200)
            ax = fig.add_subplot(111)
            ax.set_title("Modular agent's trajectories", fontsize=7, fontweight='bold')
            ax.plot([0, 100], [0, 100], c='k', ls=(0, (1, 1)), lw=1)
            ax.plot([0, 100], [0, 50], lw=1, clip_on=False, c='lightseagreen', label='Modular agent')
            ax.fill_between([0, 100], [0, 40], [10, 60], edgecolor='None', facecolor='lightseagreen', alpha=0.4)
            ax.legend(fontsize=7, frameon=False, loc=[0.26, 0.1])
            """).first)
        #expect(svg.contains(#"font-size="7" font-weight="700">Modular agent&#39;s trajectories<"#)
                || svg.contains(#"font-size="7" font-weight="700">Modular agent's trajectories<"#))
        #expect(svg.contains(##"stroke="#000000" stroke-width="1" stroke-dasharray="1,1""##))
        #expect(svg.contains(##"fill="#20b2aa" fill-opacity="0.4"/>"##))
        #expect(svg.contains(#"font-size="7">Modular agent<"#))
        #expect(svg.components(separatedBy: "clip-path=\"url(").count == 2, "one clipped group; the clip_on=False line is outside it")
    }

    @Test func artistsFromAnEarlierBlockSayTheirFigureIsClosed() {
        let output = runBlocks(["line, = plt.plot([1, 2])", "line.set_color('r')"])
        #expect(output == "<figure >\nerror: 2:1: artist: figure 0 is closed: a figure is shown, then closed, at the end of the block "
                + "that draws it (or by plt.close()); create it again in this block\n")
    }
}

/// `ax.set_aspect` takes matplotlib's values and refuses the adjustments it does not make.
@Suite struct SetAspectBindingTests {
    @Test func setAspectValuesAndRefusals() {
        let ok = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([0, 1], [0, 1]);\nax.set_aspect(2)\nax.set_aspect('equal', adjustable='box')\nax.set_aspect('auto')\nprint('ok')")
        #expect(ok.contains("ok\n") && !ok.contains("error"), "\(ok)")
        let datalim = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_aspect('equal', adjustable='datalim')")
        #expect(datalim.contains("adjustable='datalim' is not available in rnnbook"), "\(datalim)")
        let bad = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_aspect('square')")
        #expect(bad.contains("aspect must be 'auto', 'equal' or a number"), "\(bad)")
        let negative = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_aspect(-2)")
        #expect(negative.contains("must be finite and positive"), "\(negative)")
        // share is read for its truth, as Python reads it: 1 is True, 0 is False.
        let shared = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_aspect(1, share=1)")
        #expect(shared.contains("share=True is not available in rnnbook"), "\(shared)")
        let unshared = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_aspect(1, share=0)\nprint('ok')")
        #expect(unshared.contains("ok\n") && !unshared.contains("error"), "\(unshared)")
    }
}

/// `plt.grid`/`ax.grid` take matplotlib's arguments and refuse the line properties rnnbook
/// does not draw, instead of ignoring them.
@Suite struct GridBindingTests {
    @Test func gridArgumentsAndRefusals() {
        let ok = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([0, 1], [0, 1]);\nax.grid(True, axis='y', alpha=0.3, linestyle=':')\nplt.grid(color='0.8', lw=0.5)\nprint('ok')")
        #expect(ok.contains("ok\n") && !ok.contains("error"), "\(ok)")
        let minor = run("import matplotlib.pyplot as plt\nplt.grid(True, which='minor')")
        #expect(minor.contains("no minor grid lines"), "\(minor)")
        let unknown = run("import matplotlib.pyplot as plt\nplt.grid(True, zorder=0)")
        #expect(unknown.contains("unexpected keyword argument 'zorder'"), "\(unknown)")
        let both = run("import matplotlib.pyplot as plt\nplt.grid(True, color='r', c='b')")
        #expect(both.contains("aliases of one another"), "\(both)")
    }
}
