import Testing
import Diagnostics
@testable import ScriptRuntime

/// The wall-clock budget reaches inside long engine operations: a chain of products of
/// 7e10 multiply-adds each stops with the block's own budget error at the product's line.
@Suite struct LongOperationBudgetTests {
    @Test func aLongProductStopsWithTheBlocksBudgetError() {
        let session = ScriptSession(seed: 1)
        let file = SourceFile(name: "lab.md", text: "")
        _ = session.run("import torch\nm = torch.ones(4096, 4096)", origin: BlockOrigin(file: file, line: 1),
                        budget: Budget(operations: 1_000, seconds: 60))
        let result = session.run("r = m @ m @ m @ m @ m @ m @ m @ m\nprint('finished')", origin: BlockOrigin(file: file, line: 3),
                                 budget: Budget(operations: 1_000, seconds: 0.25))
        #expect(render(result.outputs) == "error: 3:5: block exceeded its budget of 0.25 seconds\n", "\(render(result.outputs))")
    }

    @Test func theSessionClearsTheDeadlineForBlocksWithoutOne() {
        let out = run("import torch\nm = torch.ones(512, 512)\nprint((m @ m)[0, 0].item())",
                      budget: Budget(operations: 1_000, seconds: .infinity))
        #expect(out == "512.0\n")
    }
}
