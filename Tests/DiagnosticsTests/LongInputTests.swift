import Foundation
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

    @Test func aHugeUnknownNameGetsNoSuggestionQuickly() {
        let name = String(repeating: "t922337", count: 2400)
        let began = Date()
        #expect(Suggestion.closest(to: name, in: (0..<2000).map { "name\($0)" }) == nil)
        #expect(Date().timeIntervalSince(began) < 2)
        #expect(Suggestion.closest(to: "pionts", in: ["points", "exercise"]) == "points")
    }

    @Test func trailingCharactersAreDroppedInLinearTime() {
        let text = "key: value" + String(repeating: " ", count: 300_000)
        let began = Date()
        #expect(Substring(text).droppingLast { $0 == " " } == "key: value")
        #expect(Substring("   ").droppingLast { $0 == " " } == "")
        #expect(Date().timeIntervalSince(began) < 2)
    }
}
