import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// `fig, ax = plt.subplots()` and the `Axes` methods, keyword aliases, 2-D `plot`, `savefig`.
let plotHandleCases: [ProgramCase] = [
    .init("fig, ax = plt.subplots()\nax.plot([1, 2, 3])\nax.set_title('T')\nax.set_xlabel('x')\nax.set_ylabel('y')\nprint(fig, ax)",
          "<Figure> <Axes>\n<figure T>\n"),
    .init("fig, ax = plt.subplots(figsize=(4, 3))\nfig", "<Figure size 400x300 with 1 Axes>\n<figure >\n"),
    .init("fig, axes = plt.subplots(2, 3, figsize=(9, 5), sharex=True, sharey='row')\nprint(axes.shape, len(axes), len(axes[0]))\n"
          + "axes[0, 1].plot([1, 2])\naxes[1][2].scatter([1], [2])\nfor ax in axes.flat:\n    ax.grid(True)\nprint(len(list(axes.ravel())))\nfig",
          "(2, 3) 2 3\n6\n<Figure size 900x500 with 6 Axes>\n<figure >\n"),
    .init("fig, (a, b) = plt.subplots(1, 2)\na.plot([1, 2], lw=2, ls='--', c='r')\nb.bar(['x', 'y'], [1, 2])\nb.set_title('bars')\nprint(len(fig.axes))",
          "2\n<figure bars>\n"),
    .init("fig, axes = plt.subplots(3, 1)\nprint(axes.shape, axes[-1] == axes[2], axes[0] == axes[1])", "(3,) True False\n<figure >\n"),
    .init("fig, axes = plt.subplots(2, 2)\ncol = axes[:, 0]\nprint(col.shape, axes[1].shape, axes[0, :1].shape)", "(2,) (2,) (1,)\n<figure >\n"),
    .init("fig, axes = plt.subplots(1, 1, squeeze=False)\nprint(axes.shape)\naxes[0, 0].plot([1]);", "(1, 1)\n<figure >\n"),
    .init("fig, axes = plt.subplots(2, 2)\naxes[0, 2]", "<figure >\nerror: 2:1: index 2 is out of bounds for axis 1 with size 2\n"),
    // ax.… does not move plt's current axes: plt.title goes to the last subplot, as in matplotlib.
    .init("fig, (a, b) = plt.subplots(1, 2)\na.plot([1, 2])\na.set_title('left')\nplt.title('right')\nprint(plt.gca() == b)",
          "True\n<figure left>\n"),
    .init("fig, ax = plt.subplots()\nax.hist([1, 2, 2, 3], bins=2)\nax.fill_between([0, 1], [0, 1], 0, alpha=0.2)\n"
          + "ax.axhline(1, ls=':')\nax.axvline(0.5)\nax.set_xlim(0, 3)\nax.set_ylim((0, 4))\nax.set_xticks([0, 3], ['a', 'b'])\n"
          + "ax.text(1, 1, 'hi', c='k')\nax.legend(['h'])\nax.set(xlabel='x', ylabel='y', title='set')\nax.tick_params(axis='both')",
          "<figure set>\n"),
    .init("fig, ax = plt.subplots()\nim = ax.imshow([[1, 2], [3, 4]])\nfig.colorbar(im, ax=ax, label='v')\nfig.suptitle('S')\nfig.tight_layout()",
          "<figure S>\n"),
    .init("fig, axes = plt.subplots(1, 2)\naxes[0].imshow([[1, 2], [3, 4]])\nplt.colorbar(ax=axes[0])\naxes[1].plot([1, 2]);", "<figure >\n"),
    .init("fig, (a, b) = plt.subplots(1, 2)\nim = a.imshow([[1, 2], [3, 4]])\nb.plot([1, 2])\nfig.colorbar(im)", "<figure >\n"),
    .init("fig, (a, b) = plt.subplots(1, 2)\nb.plot([1, 2])\nfig.colorbar()",
          "<figure >\nerror: 3:1: colorbar: nothing in the current axes is colour-mapped (use imshow, or scatter with c=)\n"),
    .init("ax = plt.gca()\nax.plot([1, 2])\nplt.gcf().suptitle('G')", "<figure G>\n"),
    .init("fig = plt.figure(figsize=(5, 4))\nax = fig.add_subplot(1, 2, 2)\nax.plot([1, 2])\nprint(len(fig.axes))", "1\n<figure >\n"),
    .init("plt.plot([1, 2], lw=1, linewidth=2)",
          "error: 1:1: plot() got both 'linewidth' and 'lw', which are aliases of one another\n"),
    .init("plt.plot([1, 2], ms=4, marker='o', c='C1')\nplt.scatter([1, 2], [1, 2], c=[0.1, 0.9], alpha=0.5)", "<figure >\n"),
    .init("plt.plot([[1, 2, 3], [2, 3, 4]], label=['a', 'b', 'c'])\nplt.legend()", "<figure >\n"),
    .init("plt.plot([0, 1], [[1, 2], [3, 4]], label=['a'])", "error: 1:1: plot(): 1 labels for 2 lines\n"),
    .init("plt.plot([[1, 2], [3]])", "error: 1:1: plot() y: row 0 has 2 values but row 1 has 1\n"),
    .init("plt.plot([1, 2])\nplt.show()\nplt.show()", "<figure >\n"),
    .init("plt.plot([1])\nplt.savefig('out.png')",
          "<figure >\nerror: 2:1: savefig(): only SVG can be written; use a path ending in .svg, not '.png'\n"),
    .init("fig, ax = plt.subplots()\nax.plot([1])\nax.set_titel('x')",
          "<figure >\nerror: 3:1: 'Axes' object has no attribute 'set_titel' (did you mean 'set_title'?)\n"),
    .init("fig, ax = plt.subplots(sharex='diagonal')",
          "error: 1:11: subplots: sharex must be True, False, 'all', 'row', 'col' or 'none', got 'diagonal'\n"),
]

extension PlotBindingTests {
    @Test(arguments: plotHandleCases)
    func handlePrograms(_ program: ProgramCase) {
        check(program)
    }

    @Test func axesFromAnEarlierBlockSayItsFigureIsClosed() {
        let output = runBlocks(["fig, ax = plt.subplots()\nax.plot([1]);", "ax.plot([2])"])
        #expect(output == "<figure >\nerror: 3:1: axes: figure 0 is closed: a figure is shown, then closed, at the end of the block "
                + "that draws it (or by plt.close()); create it again in this block\n")
    }

    private func count(_ text: String, _ needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The figures a block emits, as SVG.
    private func svgs(_ code: String) -> [String] {
        let session = ScriptSession(seed: 1)
        let result = session.run(code, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: code), line: 1))
        return result.outputs.compactMap { if case .figure(let svg, _) = $0 { svg } else { nil } }
    }

    @Test func twoDimensionalYDrawsOneLinePerColumnInCycleColours() throws {
        let svg = try #require(svgs("plt.plot([0, 1, 2], [[1, 2, 3], [2, 3, 4], [3, 4, 5]])").first)
        for colour in ["#0072b2", "#e69f00", "#009e73"] { #expect(svg.lowercased().contains(colour)) }
        #expect(!svg.lowercased().contains("#d55e00"))
        let tensor = try #require(svgs("import torch\nplt.plot(torch.zeros(5, 4) + torch.arange(4))").first)
        #expect(tensor.lowercased().contains("#d55e00"))
        #expect(!tensor.lowercased().contains("#cc79a7"))
    }

    /// `ax.spines[...]`: hidden sides are not drawn; the frame is a rectangle only when all
    /// four show. Spines are plain handles, so a session holding them can be snapshotted.
    @Test func spinesHideSidesOfTheFrame() throws {
        let frame = ##"fill="none" stroke="#000""##
        let all = try #require(svgs("fig, ax = plt.subplots()\nax.plot([1, 2])").first)
        #expect(all.contains("<rect") && all.contains(frame))
        let open = try #require(svgs("fig, ax = plt.subplots()\nax.plot([1, 2])\nax.spines['top'].set_visible(False)\n"
                                     + "ax.spines.right.set_visible(False)").first)
        let sides = try #require(open.components(separatedBy: "<path d=\"").dropFirst().first { $0.contains(frame) })
        #expect(sides.components(separatedBy: "M").count - 1 == 2, "\(sides)")
        let none = try #require(svgs("fig, ax = plt.subplots()\nax.plot([1, 2])\nax.spines[['left', 'right', 'top', 'bottom']].set_visible(False)").first)
        #expect(!none.contains(frame))
        #expect(run("fig, ax = plt.subplots()\nprint(list(ax.spines), len(ax.spines))\nax.spines['middle']")
                == "['left', 'right', 'bottom', 'top'] 4\n<figure >\nerror: 3:1: 'middle'\n")
        #expect(run("fig, ax = plt.subplots()\nax.spines['top'].set_color('r')").hasSuffix(
            "error: 2:1: Spine.set_color() is not supported here; spines can only be shown or hidden (set_visible), and hidden ones are not drawn\n"))
        let session = ScriptSession(seed: 1)
        _ = session.run("fig, ax = plt.subplots()\ns = ax.spines['top']", origin: BlockOrigin(file: SourceFile(name: "lab.md", text: ""), line: 1))
        #expect(throws: Never.self) { try session.snapshot() }
    }

    /// `ax.invert_yaxis()` flips the axis (trial 0 at the top), a second call flips it back.
    @Test func invertedAxes() throws {
        #expect(run("fig, ax = plt.subplots()\nax.plot([1, 2])\nprint(ax.yaxis_inverted())\nax.invert_yaxis()\n"
                    + "print(ax.yaxis_inverted(), ax.xaxis_inverted())\nax.invert_yaxis()\nprint(ax.yaxis_inverted())")
                == "False\nTrue False\nFalse\n<figure >\n")
        let up = try #require(svgs("fig, ax = plt.subplots()\nax.plot([0, 1], [0, 1])").first)
        let down = try #require(svgs("fig, ax = plt.subplots()\nax.plot([0, 1], [0, 1])\nax.invert_yaxis()").first)
        #expect(up != down)
    }

    @Test func subplotsFigsizeSetsTheCanvas() throws {
        let svg = try #require(svgs("fig, ax = plt.subplots(2, 3, figsize=(9, 5))").first)
        #expect(svg.contains(#"width="648pt" height="360pt""#))
        #expect(count(svg,  #"class="axes""#) == 6)
    }

    @Test func sharedYAxesGetTheSameTicks() throws {
        let shared = try #require(svgs("fig, (a, b) = plt.subplots(1, 2, sharey=True)\na.plot([0, 1])\nb.plot([0, 100])").first)
        let apart = try #require(svgs("fig, (a, b) = plt.subplots(1, 2)\na.plot([0, 1])\nb.plot([0, 100])").first)
        #expect(count(shared,  ">100<") == 2)
        #expect(count(apart,  ">100<") == 1)
    }

    @Test func savefigWritesTheCurrentFigureAsSVGOnlyWhenFilesMayBeWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("savefig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("loss.svg").path
        let session = ScriptSession(seed: 1)
        session.fileAccess = .notebook(in: directory.path)
        let file = SourceFile(name: "lab.md", text: "a\n")
        let code = "plt.plot([1, 2])\nplt.title('loss')\nplt.savefig('\(path)', dpi=150, bbox_inches='tight')"
        let saved = session.run(code, origin: BlockOrigin(file: file, line: 1))
        #expect(render(saved.outputs) == "<figure loss>\n")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("<svg"))
        #expect(text.contains("loss"))

        let refused = directory.appendingPathComponent("refused.svg").path
        session.fileAccess = .none
        let graded = session.run("plt.plot([1])\nplt.savefig('\(refused)')", origin: BlockOrigin(file: file, line: 1))
        #expect(render(graded.outputs)
                == "<figure >\nerror: 2:1: savefig() cannot use '\(refused)': reading and writing files is turned off while grading\n")
        #expect(!FileManager.default.fileExists(atPath: refused))
    }
}
