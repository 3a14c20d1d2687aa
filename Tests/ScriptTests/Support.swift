import Diagnostics
@testable import ScriptRuntime

/// Runs blocks in one session (each block placed after the previous one in a fake `lab.md`)
/// and renders the outputs as text: prints as they are, values on their own line, errors as
/// `error: LINE:COL: message` with the line and column in the notebook file.
func runBlocks(_ blocks: [String], budget: Budget = Budget(operations: 2_000_000, seconds: 10),
               parameters: [String: ParameterValue] = [:], fileAccess: FileAccessPolicy = .none) -> String {
    let session = ScriptSession(seed: 1, parameters: parameters)
    session.fileAccess = fileAccess
    let file = SourceFile(name: "lab.md", text: blocks.joined(separator: "\n"))
    var out = ""
    var line = 1
    for code in blocks {
        let result = session.run(code, origin: BlockOrigin(file: file, line: line), budget: budget)
        out += render(result.outputs)
        line += code.split(separator: "\n", omittingEmptySubsequences: false).count
    }
    return out
}

func run(_ code: String, budget: Budget = Budget(operations: 2_000_000, seconds: 10),
         fileAccess: FileAccessPolicy = .none) -> String {
    runBlocks([code], budget: budget, fileAccess: fileAccess)
}

func render(_ outputs: [BlockOutput]) -> String {
    var out = ""
    for output in outputs {
        switch output {
        case .text(let text): out += text
        case .value(let value): out += value + "\n"
        case .figure(_, let title): out += "<figure \(title ?? "")>\n"
        case .error(let d): out += "error: \(d.range.start.line):\(d.range.start.column): \(d.message)\n"
        case .warning(let d): out += "warning: \(d.range.start.line):\(d.range.start.column): \(d.message)\n"
        }
    }
    return out
}

extension ScriptSession {
    /// Runs `code` as one block on the calling thread (`run` hands it to a thread of its own),
    /// so that the thread's CPU time counts its work.
    func runHere(_ code: String, budget: Budget = Budget(operations: 10_000_000, seconds: 60)) -> BlockResult {
        runHere(code, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: code), line: 1), budget: budget, onOutput: nil)
    }
}
