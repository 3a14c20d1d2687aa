import Testing
@testable import Diagnostics

@Suite struct DiagnosticTests {
    let file = SourceFile(name: "lab.md", text: "# Title\n\n```rnn pionts=2\nx = 1\n```\n")

    @Test func locationsAreOneBased() {
        #expect(file.location(ofUTF8Offset: 0) == SourceLocation(line: 1, column: 1))
        #expect(file.location(ofUTF8Offset: 9) == SourceLocation(line: 3, column: 1))
        #expect(file.location(ofUTF8Offset: 16) == SourceLocation(line: 3, column: 8))
        #expect(file.line(3) == "```rnn pionts=2")
        #expect(file.line(99) == "")
        #expect(file.lineCount == 6)
    }

    @Test func rendersHeaderLineAndCaret() {
        let diagnostic = Diagnostic(
            id: "unknown-block-option", "unknown block option 'pionts' (did you mean 'points'?)",
            file: file, range: SourceRange(line: 3, column: 8, length: 6))
        #expect(diagnostic.rendered == """
            lab.md:3:8: error: unknown block option 'pionts' (did you mean 'points'?)
             3 | ```rnn pionts=2
               |        ^~~~~~
            """)
    }

    @Test func caretCountsCharactersNotBytes() {
        let file = SourceFile(name: "a.md", text: "é = zz\n")
        let diagnostic = Diagnostic(id: "x", "bad", file: file, range: SourceRange(line: 1, column: 6, length: 2))
        #expect(diagnostic.rendered.hasSuffix("  |     ^~"))
    }

    @Test func notesFollowTheCaret() {
        let diagnostic = Diagnostic(
            id: "x", "bad", file: file, range: SourceRange(line: 4, column: 1), notes: ["  in f() at lab.md:4:1"])
        #expect(diagnostic.rendered.split(separator: "\n").last == "  in f() at lab.md:4:1")
    }

    @Test func suggestionsFindTyposOnly() {
        #expect(Suggestion.closest(to: "pionts", in: ["points", "exercise", "check"]) == "points")
        #expect(Suggestion.closest(to: "hiden", in: ["hidden", "x"]) == "hidden")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["points"]) == nil)
        #expect(Suggestion.editDistance("abc", "acb") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.didYouMean("echoo", in: ["echo"]) == " (did you mean 'echo'?)")
    }
}
