import CostTestSupport
import Testing
@testable import Notebook

/// Found by the fuzzer: lines with thousands of trailing spaces in the front matter or on a
/// fence took seconds (each trailing space was dropped by counting the whole line).
@Suite struct LongLineTests {
    /// A notebook whose front matter and fence lines end in `spaces` spaces.
    static func trailingSpaces(_ count: Int) -> String {
        let spaces = String(repeating: " ", count: count)
        return "---\ntitle: Lab\(spaces)\nseed: 3\(spaces)\n---\n```rnn echo=false\(spaces)\nx = 1\n```\n"
    }

    @Test func trailingSpacesInFrontMatterAndFenceLinesAreLinear() {
        let small = Self.trailingSpaces(4_000)
        let large = Self.trailingSpaces(16_000)
        let notebook = Notebook.parse(name: "lab.md", text: large)
        #expect(notebook.frontMatter.title == "Lab")
        #expect(notebook.frontMatter.seed == 3)
        #expect(notebook.codeCells.first?.options.echo == false)
        #expect(notebook.diagnostics.isEmpty)
        let scaling = Scaling(factor: 4, small: { _ = Notebook.parse(name: "lab.md", text: small) },
                              large: { _ = Notebook.parse(name: "lab.md", text: large) })
        #expect(scaling.isLinear, "\(scaling)")
    }

    /// A table row of 50,000 cells: cmark-gfm's cost is quadratic in a row's cells, so the
    /// pipes past the thousandth are escaped (with a warning); code keeps its pipes. What
    /// bounds cmark-gfm's time is what it is handed: no line with more than 1,000 cells.
    @Test func aTableRowWithThousandsOfCellsIsCut() throws {
        let row = "| 1 " + String(repeating: "|/", count: 50_000)
        let code = "x = 1" + String(repeating: " | 1", count: 2_000)
        let text = "| a | b |\n|---|---|\n\(row)\n\n```rnn\n\(code)\n```\n"
        let (handed, changed) = TableCellLimit.apply(text)
        #expect(changed == [3])
        let separators = handed.split(separator: "\n").map { line in
            zip([Character(" ")] + Array(line), line).filter { before, character in character == "|" && before != "\\" }.count
        }
        #expect(separators == [3, 3, TableCellLimit.maximumPipes, 0, 2_000, 0])
        let notebook = Notebook.parse(name: "lab.md", text: text)
        #expect(notebook.diagnostics.map(\.header) == [
            "lab.md:3:1: warning: this line has more than 1000 '|': the ones after that are shown as text, not cells",
        ])
        #expect(notebook.codeCells.first?.code == code + "\n")
        guard case .markdown(let blocks)? = notebook.cells.first, case .table(let table)? = blocks.first else {
            Issue.record("expected a table first")
            return
        }
        #expect(table.header.count == 2 && table.rows.count == 1)
    }
}
