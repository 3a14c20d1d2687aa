import Diagnostics
import ScriptSyntax
import Testing
@testable import ScriptRuntime

/// A small seeded generator (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Valid programs whose mutations feed the property tests.
let seedPrograms = statementCases.map(\.source) + expressionCases.prefix(40).map(\.source)
    + fstringCases.prefix(15).map(\.source) + builtinCases.prefix(30).map(\.source)

let vocabulary = [
    "x", "y", "f", "print", "len", "range", "def", "return", "if", "elif", "else", "for", "in", "while",
    "break", "continue", "pass", "lambda", "with", "no_grad", "assert", "not", "and", "or", "is", "None",
    "True", "1", "2.5", "0", "'s'", "f'{x:.2f}'", "\"t", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=",
    "+=", "+", "-", "*", "/", "//", "%", "**", "@", "<", "==", "!=", "*", "\n", "\n    ", "\n        ",
    "\t", "#c", "\\", ";", "$", "é", "1e", "0x", "...", "->",
]

func randomTokens(_ rng: inout SeededGenerator) -> String {
    let count = Int.random(in: 1...30, using: &rng)
    return (0..<count).map { _ in vocabulary.randomElement(using: &rng) ?? "" }.joined(separator: " ")
}

func mutate(_ program: String, _ rng: inout SeededGenerator) -> String {
    var chars = Array(program)
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let position = chars.isEmpty ? 0 : Int.random(in: 0..<chars.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0 where !chars.isEmpty: chars.remove(at: position)
        case 1: chars.insert(Array("()[]{}:,.=+-*/\n '\"#\tx0@fi").randomElement(using: &rng) ?? " ", at: position)
        case 2 where !chars.isEmpty:
            let other = Int.random(in: 0..<chars.count, using: &rng)
            chars.swapAt(position, other)
        default:
            let word = vocabulary.randomElement(using: &rng) ?? ""
            chars.insert(contentsOf: Array(" " + word + " "), at: position)
        }
    }
    return String(chars)
}

/// Runs `code` as a block at line 10 of a file and checks every diagnostic's position.
func checkPositions(_ code: String, _ session: ScriptSession) {
    let blockLines = code.split(separator: "\n", omittingEmptySubsequences: false).count
    let text = String(repeating: "\n", count: 9) + code + "\n"
    let file = SourceFile(name: "lab.md", text: text)
    let result = session.run(code, origin: BlockOrigin(file: file, line: 10), budget: Budget(operations: 20_000, seconds: 2))
    for output in result.outputs {
        guard case .error(let diagnostic) = output else { continue }
        let start = diagnostic.range.start
        #expect(start.line >= 10 && start.line < 10 + blockLines, "line \(start.line) outside block: \(code)")
        #expect(start.column >= 1, "column \(start.column): \(code)")
        #expect(!diagnostic.message.isEmpty)
        _ = diagnostic.rendered
    }
}

@Suite struct PropertyTests {
    @Test func randomTokenSequencesNeverCrash() {
        var rng = SeededGenerator(state: 2026)
        let session = ScriptSession(seed: 0)
        for _ in 0..<1500 {
            let code = randomTokens(&rng)
            checkPositions(code, session)
            #expect(Highlighter.spans(code).map(\.text).joined() == code)
        }
    }

    @Test func mutatedProgramsNeverCrash() {
        var rng = SeededGenerator(state: 7)
        let session = ScriptSession(seed: 0)
        for _ in 0..<1500 {
            let program = seedPrograms.randomElement(using: &rng) ?? ""
            let code = mutate(program, &rng)
            checkPositions(code, session)
            #expect(Highlighter.spans(code).map(\.text).joined() == code)
        }
    }

    @Test func everySyntaxErrorHasAPositionInsideTheBlock() {
        var rng = SeededGenerator(state: 99)
        for _ in 0..<1000 {
            let code = mutate(seedPrograms.randomElement(using: &rng) ?? "", &rng)
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false).count
            for issue in Parser.parse(code).issues {
                #expect(issue.range.start.line >= 1 && issue.range.start.line <= lines, "\(issue) in \(code)")
                #expect(issue.range.start.column >= 1)
            }
        }
    }
}
