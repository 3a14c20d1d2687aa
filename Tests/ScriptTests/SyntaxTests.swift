import Diagnostics
import Testing
@testable import ScriptSyntax

/// The lexer's tokens and positions, and the highlighter built on it.
@Suite struct SyntaxTests {
    func kinds(_ code: String) -> [String] {
        Lexer(code).tokens.map { token in
            switch token.kind {
            case .indent: return "INDENT"
            case .dedent: return "DEDENT"
            case .newline: return "NL"
            case .end: return "END"
            default: return token.text
            }
        }
    }

    @Test func indentationBecomesIndentAndDedent() {
        #expect(kinds("if x:\n    y\nz") == ["if", "x", ":", "NL", "INDENT", "y", "NL", "DEDENT", "z", "NL", "END"])
    }

    @Test func blankLinesCommentsAndBracketsDoNotMakeNewlines() {
        #expect(kinds("a = (1,\n  2)  # note\n\n   # indented comment\nb") == ["a", "=", "(", "1", ",", "2", ")", "NL", "b", "NL", "END"])
    }

    @Test func tokensHaveLineAndUTF8Column() {
        let tokens = Lexer("é = 1\n  \nx += 'ü'").tokens
        let x = tokens.first { $0.text == "x" }
        #expect(x?.range.start == SourceLocation(line: 3, column: 1))
        let one = tokens.first { $0.kind == .int }
        #expect(one?.range.start == SourceLocation(line: 1, column: 6))
        let string = tokens.first { $0.kind == .string }
        #expect(string?.range.start == SourceLocation(line: 3, column: 6))
        #expect(string?.stringValue == "ü")
    }

    @Test func fStringFieldsKeepTheirPositions() throws {
        let token = try #require(Lexer("s = f'a {loss:.4f} b {x!r}'").tokens.first { $0.kind == .fstring })
        #expect(token.parts == [
            .literal("a "),
            .field(source: "loss", location: SourceLocation(line: 1, column: 10), conversion: nil, spec: [.literal(".4f")]),
            .literal(" b "),
            .field(source: "x", location: SourceLocation(line: 1, column: 23), conversion: "r", spec: []),
        ])
    }

    @Test func fieldsInAFormatSpecKeepTheirPositions() throws {
        let token = try #require(Lexer("f'{x:>{w}.{p!r}f}'").tokens.first { $0.kind == .fstring })
        #expect(token.parts == [
            .field(source: "x", location: SourceLocation(line: 1, column: 4), conversion: nil, spec: [
                .literal(">"),
                .field(source: "w", location: SourceLocation(line: 1, column: 8), conversion: nil, spec: []),
                .literal("."),
                .field(source: "p", location: SourceLocation(line: 1, column: 12), conversion: "r", spec: []),
                .literal("f"),
            ]),
        ])
    }

    @Test func numbersOfEveryForm() {
        let tokens = Lexer("12 3.5 1e-3 .5 1_000 0xff 2.").tokens.filter { $0.kind == .int || $0.kind == .float }
        #expect(tokens.map(\.kind) == [.int, .float, .float, .float, .int, .int, .float])
        #expect(tokens.map(\.floatValue) == [0, 3.5, 0.001, 0.5, 0, 0, 2])
        #expect(tokens.map(\.intValue) == [12, 0, 0, 0, 1000, 255, 0])
    }

    @Test func tabInIndentationIsAnErrorWithItsPosition() {
        let issues = Lexer("if x:\n  \ty").issues
        #expect(issues.map(\.message) == ["tab in indentation; indent with spaces"])
        #expect(issues.first?.range.start == SourceLocation(line: 2, column: 3))
    }

    @Test func parserReportsEveryErrorOfABlock() {
        let parsed = Parser.parse("x = = 1\ny = 2\nif z\n    w = 1\nprint((1)")
        #expect(parsed.issues.map(\.range.start.line) == [1, 3, 5])
        #expect(parsed.statements.count == 1)
    }

    @Test func highlightingClassifiesAndRoundTrips() {
        let code = "def f(x=1.5):  # doc\n    return f\"{x}\" + 'a' @ y\n"
        let spans = Highlighter.spans(code)
        #expect(spans.map(\.text).joined() == code)
        #expect(spans.first == HighlightSpan("def", .keyword))
        #expect(spans.contains(HighlightSpan("# doc", .comment)))
        #expect(spans.contains(HighlightSpan("1.5", .number)))
        #expect(spans.contains(HighlightSpan("f\"{x}\"", .string)))
        #expect(spans.contains(HighlightSpan("@", .operator)))
        #expect(spans.contains(HighlightSpan("(", .punctuation)))
        #expect(spans.contains(HighlightSpan("f", .name)))
    }

    @Test(arguments: ["x = 'unterminated\n", "\tif x:\n\t\ty", "s = \"\"\"open", "é∑ $ ` ?", "", "\n\n", "f'{'", "a\\\nb", "x\r\ny"])
    func highlightingRoundTripsInvalidCode(_ code: String) {
        #expect(Highlighter.spans(code).map(\.text).joined() == code)
    }
}
