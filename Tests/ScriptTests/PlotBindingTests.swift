import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// `plt.*` from the language: figures come out after the block's output, in drawing order.
let plotCases: [ProgramCase] = [
    .init("plt.plot([1, 2, 3])\nprint('done')", "done\n<figure >\n"),
    .init("plt.plot([0, 1], [1, 2], 'r--', label='a')\nplt.title('T')", "<figure T>\n"),
    .init("plt.figure(figsize=(4, 3))\nplt.plot([1, 2])\nplt.figure()\nplt.scatter([1, 2], [3, 4], c='k')\nplt.title('second')",
          "<figure >\n<figure second>\n"),
    .init("plt.subplot(2, 1, 1)\nplt.bar(['a', 'b'], [1, 2])\nplt.subplot(212)\n_ = plt.hist([1, 2, 2, 3], bins=3)", "<figure >\n"),
    .init("ax = plt.subplot(1, 2, 2)\nax.plot([1, 2])\nax.set_title('right')\ntype(ax).__name__", "'Axes'\n<figure right>\n"),
    .init("counts, edges, _ = plt.hist([1, 2, 2, 3], bins=2)\nprint(counts, len(edges))", "[1.0, 3.0] 3\n<figure >\n"),
    .init("plt.hist([1, 2, 2, 3], bins=2);", "<figure >\n"),
    .init("plt.imshow([[1, 2], [3, 4]], cmap='viridis')\nplt.colorbar(label='v')", "<figure >\n"),
    .init("plt.fill_between([0, 1, 2], [1, 2, 1], 0, alpha=0.3)\nplt.axhline(0.5, color='gray', linestyle='--')\nplt.axvline(1)",
          "<figure >\n"),
    .init("plt.violinplot([[1, 2, 3], [2, 3, 4, 5]])",
          "{'bodies': [<matplotlib.collections.PolyCollection object>, <matplotlib.collections.PolyCollection object>], "
          + "'cmaxes': <matplotlib.collections.LineCollection object>, 'cmins': <matplotlib.collections.LineCollection object>, "
          + "'cbars': <matplotlib.collections.LineCollection object>}\n<figure >\n"),
    .init("plt.plot3d([0, 1, 2], [1, 0, 1], [0, 0, 1])\nplt.xlabel('PC1')", "<figure >\n"),
    .init("plt.errorbar([1, 2], [1, 2], yerr=[0.1, 0.2], fmt='o')\nplt.xlim(0, 3)\nplt.ylim((0, 3))\nplt.legend()",
          "<figure >\n"),
    .init("plt.plot(range(4), [x * x for x in range(4)], marker='o')\nplt.xticks([0, 3], ['a', 'b'])\nplt.grid(True)\nplt.show()",
          "<figure >\n"),
    .init("plt.plot([1, 2])\nplt.close()", ""),
    .init("plt.boxplot([[1, 2, 3, 10], [2, 3]])\nplt.axvspan(1, 2, alpha=0.2)\nplt.axhspan(0, 1)\nplt.xticks(rotation=45);", "<figure >\n"),
    .init("plt.quiver([0, 1], [0, 1], [1, 0], [0, 1])\nplt.plot([1, 2])\nplt.legend(['line'])", "<figure >\n"),
    .init("plt.plot([1, 2], [1, 2, 3])", "<figure >\nerror: 1:1: plot: x has 2 points but y has 3\n"),
    .init("plt.plot([1, 2], colour='red')",
          "error: 1:1: plot() got an unexpected keyword argument 'colour' (did you mean 'color'?)\n"),
    .init("plt.plot(['a', 'b'])", "error: 1:1: each element of plot() y must be a number, not str\n"),
    .init("plt.scatter([1], [2], c='notacolour')", "<figure >\nerror: 1:1: scatter: unknown colour 'notacolour' (use a name like 'red', 'C0'…'C9', or hex like '#1f77b4')\n"),
    .init("plt.plot([1, 2])\nx = undefined_name", "<figure >\nerror: 2:5: undefined name 'undefined_name'\n"),
    .init("plt.subplot(2, 2, 5)", "error: 1:1: subplot: index 5 is out of range for a 2×2 grid (1...4)\n"),
]

@Suite struct PlotBindingTests {
    @Test(arguments: plotCases)
    func programs(_ program: ProgramCase) {
        check(program)
    }

    @Test func figuresAreSVGWithUniqueIDsAcrossBlocks() throws {
        let session = ScriptSession(seed: 1)
        let file = SourceFile(name: "lab.md", text: "a\nb\n")
        let first = session.run("plt.plot([1, 2])\nplt.title('A & B')", origin: BlockOrigin(file: file, line: 1))
        let second = session.run("plt.plot([2, 1])", origin: BlockOrigin(file: file, line: 2))
        guard case .figure(let svgA, let titleA)? = first.outputs.last, case .figure(let svgB, _)? = second.outputs.last else {
            Issue.record("expected figures")
            return
        }
        #expect(titleA == "A & B")
        #expect(svgA.hasPrefix("<svg"))
        #expect(svgA.contains("A &amp; B"))
        #expect(svgA.contains("fig1"))
        #expect(svgB.contains("fig2"))
        #expect(!svgB.contains("fig1"))
    }

    @Test func sameProgramSameBytes() {
        func draw() -> [BlockOutput] {
            let session = ScriptSession(seed: 1)
            let file = SourceFile(name: "lab.md", text: "a\n")
            return session.run("plt.plot([0.1, 0.25, 0.3])\nplt.scatter([1, 2], [2, 1])", origin: BlockOrigin(file: file, line: 1)).outputs
        }
        #expect(draw() == draw())
    }
}
