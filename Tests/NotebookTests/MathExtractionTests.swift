import Diagnostics
import Testing
@testable import Notebook

@Suite struct MathExtractionTests {
    func inlines(_ text: String) -> [MarkdownInline] {
        let notebook = Notebook.parse(name: "m.md", text: text)
        guard case .markdown(let blocks)? = notebook.cells.first, case .paragraph(let inlines)? = blocks.first else {
            return []
        }
        return inlines
    }

    @Test func underscoresAndStarsInMathAreNotEmphasis() {
        #expect(inlines("where $x_i * y_i$ and $a_j*b_j$ hold\n") == [
            .text("where "), .math(tex: "x_i * y_i", display: false, location: .init(line: 1, column: 7)),
            .text(" and "), .math(tex: "a_j*b_j", display: false, location: .init(line: 1, column: 23)),
            .text(" hold"),
        ])
    }

    @Test func dollarsThatAreNotMath() {
        #expect(inlines("costs $5 and $6 today\n") == [.text("costs $5 and $6 today")])
        #expect(inlines("a \\$x\\$ b\n") == [.text("a $x$ b")])
        #expect(inlines("a $ x$ b\n") == [.text("a $ x$ b")])
    }

    @Test func codeSpansAndFencesAreLeftAlone() {
        #expect(inlines("`$x_i$` is code\n") == [.code("$x_i$"), .text(" is code")])
        let notebook = Notebook.parse(name: "m.md", text: "```python\ny = \"$a_b$\"\n```\n")
        guard case .markdown(let blocks)? = notebook.cells.first, case .codeBlock(let code)? = blocks.first else {
            Issue.record("expected a code block")
            return
        }
        #expect(code.code == "y = \"$a_b$\"\n")
    }

    @Test func displayMathAcrossLinesKeepsLaterLineNumbers() {
        let text = "Intro\n\n$$\na_1 =\nb_2\n$$\n\n```rnn\nx = 1\n```\n"
        let notebook = Notebook.parse(name: "m.md", text: text)
        guard case .markdown(let blocks)? = notebook.cells.first, case .paragraph(let inlines) = blocks[1] else {
            Issue.record("expected display math")
            return
        }
        #expect(inlines == [.math(tex: "\na_1 =\nb_2\n", display: true, location: .init(line: 3, column: 1))])
        #expect(notebook.codeCells.first?.fence == SourceLocation(line: 8, column: 1))
        #expect(notebook.codeCells.first?.codeLine == 9)
    }

    @Test func alignEnvironmentsAreDisplayMath() {
        let tex = "\\begin{align}\na_i &= b_i \\\\\nc &= d\n\\end{align}"
        #expect(inlines(tex + "\n") == [.math(tex: tex, display: true, location: .init(line: 1, column: 1))])
    }
}
