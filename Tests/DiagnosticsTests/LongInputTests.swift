import CostTestSupport
import Testing
@testable import Diagnostics

/// Found by the fuzzer: work on one huge input must stay linear (each was seconds or more).
@Suite struct LongInputTests {
    @Test func aLongLineIsQuotedAsAWindowAroundTheCaret() {
        let line = "```rnn " + String(repeating: "hors: ", count: 3000) + "end"
        let file = SourceFile(name: "lab.md", text: line + "\n")
        let column = line.utf8.count - 2
        let rendered = Diagnostic(id: "x", "unknown block option 'end'", file: file,
                                  range: SourceRange(line: 1, column: column, length: 3)).rendered
        let lines = rendered.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == " 1 | …" + String(String(repeating: "hors: ", count: 30).suffix(157)) + "end")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 158) + "^~~")
        let start = Diagnostic(id: "x", "first", file: file, range: SourceRange(line: 1, column: 1, length: 3)).rendered
        #expect(start.split(separator: "\n")[1] == " 1 | " + String(line.prefix(160)) + "…")
        #expect(start.split(separator: "\n")[2] == "   | ^~~")
    }

    @Test func aLineOfMultibyteCharactersIsCutAtCharacterBoundaries() {
        let line = String(repeating: "é", count: 400)
        let file = SourceFile(name: "a.md", text: line + "\n")
        let rendered = Diagnostic(id: "x", "bad", file: file, range: SourceRange(line: 1, column: 401, length: 2)).rendered
        let quoted = rendered.split(separator: "\n")[1]
        #expect(quoted.hasPrefix(" 1 | …é") && quoted.hasSuffix("é…"))
        #expect(!quoted.contains("\u{FFFD}"))
    }

    /// The distance table is quadratic in the lengths: a name of 16,800 characters against
    /// 2,000 short names built tables of 16,800 rows 2,000 times. No candidate whose length
    /// differs by more than the allowed edits can be close, so none is measured.
    @Test func aHugeUnknownNameIsMeasuredAgainstNoCandidate() {
        let name = String(repeating: "t922337", count: 2400)
        var measured = 0
        let closest = Suggestion.closest(to: name, in: (0..<2000).map { "name\($0)" }) { word, candidate in
            measured += 1
            return Suggestion.editDistance(word, candidate)
        }
        #expect(closest == nil)
        #expect(measured == 0)
        #expect(Suggestion.closest(to: "pionts", in: ["points", "exercise"]) == "points")
    }

    /// Dropping one character at a time by `dropLast()` counted the whole line at each step.
    @Test func trailingCharactersAreDroppedInLinearTime() {
        let small = "key: value" + String(repeating: " ", count: 8_000)
        let large = "key: value" + String(repeating: " ", count: 32_000)
        #expect(Substring(large).droppingLast { $0 == " " } == "key: value")
        #expect(Substring("   ").droppingLast { $0 == " " } == "")
        let scaling = Scaling(factor: 4, small: { _ = Substring(small).droppingLast { $0 == " " } },
                              large: { _ = Substring(large).droppingLast { $0 == " " } })
        #expect(scaling.isLinear, "\(scaling)")
    }
}
