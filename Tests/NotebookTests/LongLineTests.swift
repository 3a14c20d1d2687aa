import Foundation
import Testing
@testable import Notebook

/// Found by the fuzzer: lines with thousands of trailing spaces in the front matter or on a
/// fence took seconds (each trailing space was dropped by counting the whole line).
@Suite struct LongLineTests {
    @Test func trailingSpacesInFrontMatterAndFenceLinesAreLinear() {
        let spaces = String(repeating: " ", count: 200_000)
        let began = Date()
        let notebook = Notebook.parse(name: "lab.md", text: "---\ntitle: Lab\(spaces)\nseed: 3\(spaces)\n---\n```rnn echo=false\(spaces)\nx = 1\n```\n")
        #expect(notebook.frontMatter.title == "Lab")
        #expect(notebook.frontMatter.seed == 3)
        #expect(notebook.codeCells.first?.options.echo == false)
        #expect(notebook.diagnostics.isEmpty)
        #expect(Date().timeIntervalSince(began) < 10)
    }

    /// A table row of 50,000 cells: cmark-gfm's cost is quadratic in a row's cells, so the
    /// pipes past the thousandth are escaped (with a warning); code keeps its pipes.
    @Test func aTableRowWithThousandsOfCellsIsCut() throws {
        let row = "| 1 " + String(repeating: "|/", count: 50_000)
        let code = "x = 1" + String(repeating: " | 1", count: 2_000)
        let began = Date()
        let notebook = Notebook.parse(name: "lab.md", text: "| a | b |\n|---|---|\n\(row)\n\n```rnn\n\(code)\n```\n")
        #expect(Date().timeIntervalSince(began) < 10)
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
