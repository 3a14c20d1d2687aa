import Foundation
import Testing
@testable import Notebook
@testable import Report

/// Which blocks of the student edition wait for an exercise when the notebook imports
/// modules: a call into a built-in module (`torch.rand`, `np.ones`) changes nothing, so a
/// block that only uses the module does not wait; a call into the notebook's own module may
/// change its state, so a block that reads the module after such a call in a check waits.
@Suite final class ModuleDependencyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("module-dependency-\(UUID().uuidString)")

    static func lab(_ setup: String, check: String, after: String) -> String {
        """
        ```rnn
        \(setup)
        ```

        ```rnn exercise=double points=1
        def double(x):
            ### BEGIN SOLUTION Return twice x.
            return x * 2
            ### END SOLUTION
        ```

        ```rnn check=double points=1
        \(check)
        ```

        ```rnn
        \(after)
        ```
        """
    }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "count = 0\n\ndef bump():\n    global count\n    count += 1\n"
            .write(to: folder.appendingPathComponent("helper.py"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func studentPage(_ text: String) throws -> String {
        let notebook = Notebook.parse(name: folder.appendingPathComponent("lab.md").path, text: text)
        let run = NotebookRunner.run(notebook)
        #expect(!run.failed)
        return try ReportRenderer.render(run, edition: .student).html
    }

    static func waitingNotes(_ html: String) -> Int {
        html.components(separatedBy: "Runs when you have done Exercise 1.").count - 1
    }

    @Test func aBlockUsingOnlyBuiltInModulesDoesNotWait() throws {
        let html = try studentPage(Self.lab(
            "import torch\nimport numpy as np\nfrom torch import nn",
            check: "assert double(torch.ones(2)).sum().item() == 4\nlayer = nn.Linear(2, 1)\nassert np.ones(2).sum() == 2",
            after: "print('independent', torch.zeros(3).sum().item(), np.zeros(2).shape, nn.Tanh()(torch.zeros(1)).item())"))
        #expect(html.contains("independent 0.0 (2,) 0.0"))
        #expect(Self.waitingNotes(html) == 1)
    }

    @Test func aBlockReadingTheNotebooksOwnModuleAfterACheckChangedItWaits() throws {
        let html = try studentPage(Self.lab(
            "import helper",
            check: "assert double(2) == 4\nhelper.bump()",
            after: "print('count', helper.count)"))
        #expect(!html.contains("count 1"))
        #expect(Self.waitingNotes(html) == 2)
    }

    /// A comprehension's variable is its own (Python 3): it neither reads a global of that
    /// name (Lab 2's `[len(x) for x in X]` after a check bound `x`) nor binds one.
    @Test func comprehensionVariablesAreTheirOwn() {
        let names = BlockNames(code: """
            lengths = torch.tensor([len(x) for x in X])
            total = sum(p.numel() for p in model.parameters())
            pairs = {k: v for k, v in items if v}
            f(y, [y for y in ys])
            """)
        #expect(!names.used.contains("x") && !names.bound.contains("x"))
        #expect(!names.used.contains("p") && !names.receivers.contains("p") && !names.bound.contains("p"))
        #expect(!names.used.contains("k") && !names.used.contains("v"))
        #expect(names.used.isSuperset(of: ["X", "model", "items", "ys", "torch", "y"]))
    }

    @Test func importRootsNameTheTopLevelModule() {
        let names = BlockNames(code: """
            import numpy as np, torch.nn as tnn
            from torch.utils.data import DataLoader, Dataset
            from .util import helper
            import models.rnn
            """)
        #expect(names.importRoots == [
            "numpy": "numpy", "np": "numpy", "torch": "torch", "tnn": "torch", "DataLoader": "torch",
            "Dataset": "torch", "helper": ".", "models": "models",
        ])
    }
}
