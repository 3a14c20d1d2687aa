import Diagnostics
import Testing
@testable import ScriptRuntime

/// Issue 21's minimal crashing inputs: each now ends in a clean, positioned error (or the
/// right result), never a trap, a stack overflow or an abort on allocation.
@Suite struct TrapRegressionTests {
    /// Runs `code` and returns its rendered output.
    private func output(_ code: String) -> String { run(code) }

    @Test func arangeBeyondIntRangeIsAValueError() {
        let out = output("arange(0, 9223372036854775807, 1)")
        #expect(out.hasPrefix("error: 1:1: arange(): integer 9223372036854775807"), "\(out)")
        #expect(out.contains("is beyond ±16777216"))
    }

    /// Found by the fuzzer (session 7): a range against its step trapped converting its
    /// negative length; PyTorch refuses it, numpy's arange gives an empty array.
    @Test func arangeAgainstItsStepIsRefusedAsPyTorchDoes() {
        for code in ["arange(1e19, 7)", "torch.arange(5, 1)", "torch.arange(0, 3, -1)"] {
            let out = output("import torch\n" + code)
            #expect(out.hasSuffix("upper bound and larger bound inconsistent with step sign\n"), "\(out)")
        }
        #expect(output("import torch\nprint(torch.arange(5, 5).shape[0], torch.arange(3, 0, -1).tolist())") == "0 [3, 2, 1]\n")
        #expect(output("import numpy as np\nprint(np.arange(1e19, 7).shape, np.arange(5, 1).size)") == "(0,) 0\n")
    }

    @Test func decisionTaskRefusesAnInfiniteDt() {
        for dt in ["float('inf')", "1e1000", "float('nan')"] {
            let out = output("PerceptualDecisionMaking(dt=\(dt))")
            #expect(out.hasPrefix("error: 1:1:"), "\(out)")
            #expect(out.contains("dt must be a positive finite number"), "\(out)")
        }
    }

    @Test func tdLossRefusesLengthsThatAreNotCounts() {
        for length in ["1e19", "float('nan')", "float('inf')", "-1.0", "1.5"] {
            let out = output("td_loss([], [], [\(length)], 0.9)")
            #expect(out.hasPrefix("error: 1:1: td_loss() lengths must be a non-negative whole number"), "\(out)")
        }
    }

    @Test func checkedCountConvertsOnlyWholeNumbersInRange() throws {
        #expect(try CheckedCount.count(3.0, "n") == 3)
        #expect(try CheckedCount.int(-0x1p63, "n") == Int.min)
        #expect(throws: RuntimeError.self) { try CheckedCount.int(0x1p63, "n") }
        #expect(throws: RuntimeError.self) { try CheckedCount.count(.nan, "n") }
        #expect(throws: RuntimeError.self) { try CheckedCount.count(.infinity, "n") }
        #expect(throws: RuntimeError.self) { try CheckedCount.count(5, "n", maximum: 4) }
        #expect(CheckedCount.text(1e30) == "1e+30")
        #expect(CheckedCount.text(-7) == "-7")
    }

    @Test func numpyRepeatRefusesHugeOrFractionalCounts() {
        #expect(output("import numpy as np\nnp.repeat(np.array([1, 2]), 1e19)").contains("error: 2:1: repeat(): repeats must be"))
        #expect(output("import numpy as np\nnp.repeat(np.array([1, 2]), 1.5)").contains("error: 2:1: repeat(): repeats must be a non-negative whole number, got 1.5"))
        #expect(output("import numpy as np\nnp.repeat(np.array([1, 2]), 2).tolist()") == "[1, 1, 2, 2]\n")
    }

    @Test func recurrentLayersWithOverflowingSizesAreErrors() {
        for layer in ["LSTM", "GRU", "RNN"] {
            let out = output("\(layer)(1 << 62, 2**62)")
            #expect(out.hasPrefix("error: 1:1:"), "\(out)")
            #expect(out.contains("too many elements"), "\(out)")
        }
        for call in ["nn.Linear(1 << 62, 2**62)", "nn.LSTMCell(1 << 62, 4)", "nn.GRUCell(4, 1 << 62)",
                     "nn.RNNCell(1 << 40, 1 << 40)", "nn.Embedding(1 << 62, 2**62)", "nn.LSTM(3, 1 << 62)"] {
            let out = output("import torch.nn as nn\n\(call)")
            #expect(out.hasPrefix("error: 2:1:"), "\(call): \(out)")
        }
    }

    @Test func aListContainingItselfIsAnErrorInEveryWalker() {
        let calls = [
            "tensor(a)", "torch.tensor(a)", "assert_close(a, a)", "one_hot(a, 3)", "where(a, a, a)", "stack([a, a])",
            "cat([a, a])", "allclose(a, a)", "mse(a, a)", "np.array(a)", "torch.as_tensor(a)",
            "LinearRegression().fit(a, a)", "find_fixed_points(lambda x, h: h, a, a)",
            "find_fixed_points(lambda x, h: h, zeros(1, 2), a)",
        ]
        for call in calls {
            let out = output("import torch\nimport numpy as np\nfrom sklearn.linear_model import LinearRegression\na = []\na.append(a)\n\(call)")
            #expect(out.hasPrefix("error: 6:"), "\(call): \(out)")
        }
    }

    @Test func aCycleStillPrintsAsPythonDoes() {
        #expect(output("a = []\na.append(a)\na, len(a)") == "([[...]], 1)\n")
    }

    @Test func deepCopyOfACycleIsTheCycle() {
        #expect(output("import copy\na = []\na.append(a)\nb = copy.deepcopy(a)\nb[0] is b, b is not a") == "(True, True)\n")
    }

    @Test func deeplyNestedComprehensionsAreASyntaxError() {
        var code = "a"
        for _ in 0..<20_000 { code = "[a for a in \(code)]" }
        let out = output(code)
        #expect(out.contains("code is nested too deeply"), "\(out.prefix(200))")
    }

    @Test func longChainsOfCallsAndOperatorsAreASyntaxError() {
        #expect(output("x = print" + String(repeating: "()", count: 100_000)).hasPrefix("error: 1:408: code is nested too deeply"))
        #expect(output("x = 1" + String(repeating: "+1", count: 100_000))
            == "error: 1:20006: code is nested too deeply (more than 10000 operators in a row)\n")
        #expect(output("x = 0" + String(repeating: "+1", count: 5_000) + "\nx") == "5000\n")
        #expect(output("class A: pass\na = A()\na.b = a\na" + String(repeating: ".b", count: 150) + " is a") == "True\n")
    }

    @Test func moderatelyNestedBracketsStillParse() {
        let code = String(repeating: "[", count: 90) + "1" + String(repeating: "]", count: 90)
        #expect(output("len(\(code))") == "1\n")
        #expect(output("[a for a in [b for b in [c for c in range(3)]]]") == "[0, 1, 2]\n")
    }

    @Test func displayOfManyDimensionsCostsItsLength() {
        let out = output("zeros(*([1] * 100000))")
        #expect(out == "tensor(" + String(repeating: "[", count: 100_000) + "0." + String(repeating: "]", count: 100_000) + ")\n")
        #expect(output("zeros(2, 1, 1, 2)") == "tensor([[[[0., 0.]]],\n\n\n        [[[0., 0.]]]])\n")
        // Reductions and tolist are linear in the number of dimensions too.
        #expect(output("z = ones(*([1] * 100000))\nz.sum().item(), z.mean(dim=5).ndim, z.std(dim=0).ndim, z.max().item()")
            == "(1.0, 99999, 99999, 1.0)\n")
        #expect(output("x = ones(*([1] * 100000)).tolist()\nfor i in range(99999):\n    x = x[0]\nx") == "[1.0]\n")
    }
}

/// The session-wide memory budget (`memory:` in the front matter) over tensors and lists.
@Suite struct MemoryBudgetTests {
    /// Runs blocks in a session whose memory budget is `megabytes`.
    private func run(_ blocks: [String], megabytes: Int) -> String {
        let session = ScriptSession(seed: 1)
        session.setMemoryLimit(megabytes: megabytes)
        return blocks.map { render(session.run($0, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: $0), line: 1)).outputs) }
            .joined()
    }

    @Test func manyLargeListsEndInAMemoryErrorThatExceptCannotCatch() {
        let out = run(["""
            L = []
            try:
                for i in range(30):
                    L.append([0] * 300000)
            except Exception:
                print('caught')
            """, "len(L)"], megabytes: 20)
        #expect(out.hasPrefix("error: 4:18: the repeated list would need 7 MB more"), "\(out)")
        #expect(out.contains("memory budget of 20 MB (set `memory:` in the front matter"))
        #expect(!out.contains("caught"))
        #expect(out.hasSuffix("2\n"), "\(out)")
    }

    @Test func freedListsReturnTheirMemory() {
        let out = run(["""
            for i in range(10):
                x = [0] * 300000
            x = None
            y = list(range(300000)) + list(range(300000))
            y.extend(range(300000))
            len(y)
            """], megabytes: 40)
        #expect(out == "900000\n", "\(out)")
    }

    @Test func tensorsAndListsShareTheBudget() {
        let out = run(["t = zeros(4000000)", "x = [0] * 300000"], megabytes: 20)
        #expect(out.hasPrefix("error: 1:5: the repeated list would need 7 MB more, but the session's tensors and lists already use 15 MB"), "\(out)")
        let tensorFirst = run(["x = [0] * 600000", "t = zeros(2000000)"], megabytes: 20)
        #expect(tensorFirst.hasPrefix("error: 1:5: zeros: allocating a tensor of shape (2000000,)"), "\(tensorFirst)")
    }

    @Test func theDefaultBudgetIsAGigabyte() {
        #expect(ScriptSession.defaultMemoryMegabytes == 1024)
        #expect(ScriptSession(seed: 0).run("x = [0] * 5000000\nlen(x)", origin: BlockOrigin(file: SourceFile(name: "lab.md", text: ""), line: 1))
            .outputs.count == 1)
    }
}
