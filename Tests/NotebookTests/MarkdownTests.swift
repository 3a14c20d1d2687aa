import Testing
@testable import Notebook

@Suite struct MarkdownTests {
    func blocks(_ text: String) -> [MarkdownBlock] {
        MarkdownParser.parse(text)
    }

    @Test func paragraphsHeadingsAndEmphasis() {
        #expect(blocks("# Title\n\nSome *em* and **strong** `code`.\n") == [
            .heading(level: 1, [.text("Title")], .init(line: 1, column: 1)),
            .paragraph([
                .text("Some "), .emphasis([.text("em")]), .text(" and "), .strong([.text("strong")]), .text(" "),
                .code("code"), .text("."),
            ]),
        ])
    }

    @Test func tableWithAlignments() {
        let parsed = blocks("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
        #expect(parsed == [.table(MarkdownTable(
            alignments: [.left, .center, .right],
            header: [[.text("a")], [.text("b")], [.text("c")]],
            rows: [[[.text("1")], [.text("2")], [.text("3")]]]))])
    }

    @Test func strikethrough() {
        #expect(blocks("~~gone~~ here\n") == [.paragraph([.strikethrough([.text("gone")]), .text(" here")])])
    }

    @Test func autolinkOfABareURL() {
        #expect(blocks("see https://example.org now\n") == [.paragraph([
            .text("see "), .link(destination: "https://example.org", title: "", [.text("https://example.org")]),
            .text(" now"),
        ])])
    }

    @Test func taskListItems() {
        guard case .list(let list)? = blocks("- [x] done\n- [ ] todo\n- plain\n").first else {
            Issue.record("expected a list")
            return
        }
        #expect(list.items.map(\.task) == [true, false, nil])
        #expect(list.tight)
    }

    @Test func orderedListsQuotesRulesAndHTML() {
        let parsed = blocks("3. three\n4. four\n\n> quoted\n\n---\n\n<div>raw</div>\n")
        guard case .list(let list) = parsed[0] else {
            Issue.record("expected a list")
            return
        }
        #expect(list.ordered && list.start == 3 && list.items.count == 2)
        #expect(parsed[1] == .blockQuote([.paragraph([.text("quoted")])]))
        #expect(parsed[2] == .thematicBreak)
        #expect(parsed[3] == .html("<div>raw</div>\n"))
    }

    @Test func codeBlocksKeepInfoCodeAndPosition() {
        let parsed = blocks("text\n\n  ```rnn points=2\n  x = 1\n  ```\n")
        #expect(parsed[1] == .codeBlock(MarkdownCodeBlock(
            info: "rnn points=2", code: "x = 1\n", fenced: true, location: .init(line: 3, column: 3), endLine: 5)))
    }

    @Test func linksAndImages() {
        #expect(blocks("[a](http://x.org \"t\") ![alt](p.png)\n") == [.paragraph([
            .link(destination: "http://x.org", title: "t", [.text("a")]), .text(" "),
            .image(source: "p.png", title: "", alt: [.text("alt")]),
        ])])
    }

    @Test func deepNestingDoesNotExhaustTheStack() {
        let text = String(repeating: "> ", count: 5_000) + "deep\n"
        #expect(!blocks(text).isEmpty)
    }
}
