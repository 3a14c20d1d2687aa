import Testing

/// A small program and what running it in a fresh session must print: `print` output as is,
/// displayed values on their own line, errors as `error: LINE:COL: message`.
struct ProgramCase: Sendable, CustomTestStringConvertible {
    let source: String
    let expected: String
    let operations: Int

    init(_ source: String, _ expected: String, operations: Int = 2_000_000) {
        self.source = source
        self.expected = expected
        self.operations = operations
    }

    var testDescription: String { source.replacingOccurrences(of: "\n", with: "⏎") }
}

func check(_ program: ProgramCase) {
    let output = run(program.source, budget: .init(operations: program.operations, seconds: 20))
    #expect(output == program.expected, "\(program.source)")
}
