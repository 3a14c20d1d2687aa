import Foundation
import Notebook
import Report

/// A notebook of about `lines` lines: headings, prose with math, tables, and `rnn` blocks.
func syntheticNotebook(lines: Int) -> String {
    var text = "---\ntitle: Benchmark notebook\nseed: 1\n---\n\n# Benchmark notebook\n\n"
    var section = 0
    while text.split(separator: "\n", omittingEmptySubsequences: false).count < lines {
        section += 1
        text += """
            ## Section \(section)

            The leaky RNN updates $h_t = (1-\\alpha) h_{t-1} + \\alpha f(W_{in} x_t + W_{rec} h_{t-1})$ with
            **bold**, *emphasis*, `code` and a [link](https://example.org/\(section)). A display formula:

            $$
            \\mathcal{L} = -\\frac{1}{T}\\sum_{t=1}^{T} \\log p(y_t \\mid x_{1:t})
            $$

            | step | loss |
            |-----:|-----:|
            | \(section) | 0.\(section) |

            ```rnn
            hidden = 128
            for i in range(3):
                hidden = hidden + i * 2  # arithmetic
            print(f"section {hidden}")
            ```


            """
    }
    return text
}

/// Parse, run and render a 2,000-line notebook; the goal is well under a second.
func notebookBenchmarks() throws {
    let text = syntheticNotebook(lines: 2_000)
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
    var parsed = Notebook.parse(name: "bench.md", text: text)
    let parseSeconds = measure(iterations: 20) { parsed = Notebook.parse(name: "bench.md", text: text) }
    var run = NotebookRunner.run(parsed)
    let runSeconds = measure(iterations: 5) { run = NotebookRunner.run(parsed) }
    var html = ""
    let renderSeconds = try measure(iterations: 20) { html = try ReportRenderer.render(run).html }
    let total = parseSeconds + runSeconds + renderSeconds
    print("notebook of \(lineCount) lines, \(parsed.codeCells.count) rnn blocks, \(html.utf8.count / 1024) KiB of HTML")
    print(String(format: "  parse  %8.2f ms", parseSeconds * 1e3))
    print(String(format: "  run    %8.2f ms", runSeconds * 1e3))
    print(String(format: "  render %8.2f ms", renderSeconds * 1e3))
    print(String(format: "  total  %8.2f ms   (goal: well under 1000 ms)", total * 1e3))
}
