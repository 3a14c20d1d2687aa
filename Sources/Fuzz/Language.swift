import Diagnostics
import ScriptRuntime

/// Running fuzzed `rnn` code: each input in a fresh session (so a finding replays on its
/// own), with small operation, time and memory budgets and no file access.
enum Language {
    static let tokens = [
        "def ", "return ", "if ", "elif ", "else:", "for ", " in ", "while ", "break", "continue", "pass", "lambda ",
        "class ", "try:", "except ", "finally:", "raise ", "with ", "assert ", "import ", "from ", " as ", "yield ",
        "global ", "nonlocal ", "del ", "not ", " and ", " or ", " is ", "None", "True", "False", "(", ")", "[", "]",
        "{", "}", ":", ",", ".", "=", "==", "+=", "**", "*", "@", "//", "%", "<<", ">>", "&", "|", "^", "~", "->",
        "\n", "\n    ", "    ", "'", "\"", "f\"{", "}\"", "\"\"\"", "#", "\\", ";", "...", "x", "self", "super()",
        "__init__", "range(", "len(", "print(", "tensor(", "zeros(", "randn(", "torch.", "nn.", "F.", "np.", "plt.",
        ".backward()", ".sum(", "[:, -1]", "[::2]", "*args", "**kwargs", "9223372036854775807", "1e308", "float('nan')",
        "a.append(a)", "[a for a in ", " if ", "{k: v for k, v in ", "(x for x in ", "*[", "**{",
    ]

    /// The budget of each block.
    static let budget = Budget(operations: 20_000, seconds: 1)

    /// Runs `blocks` one after another in a fresh session.
    static func run(_ blocks: [String]) {
        let session = ScriptSession(seed: 1)
        session.setMemoryLimit(megabytes: 64)
        let file = SourceFile(name: "fuzz.md", text: "")
        for block in blocks {
            _ = session.run(block, origin: BlockOrigin(file: file, line: 1), budget: budget)
        }
    }
}
