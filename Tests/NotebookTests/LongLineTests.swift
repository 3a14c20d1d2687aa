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
}
