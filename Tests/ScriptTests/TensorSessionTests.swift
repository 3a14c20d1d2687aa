import Diagnostics
import Testing
@testable import ScriptRuntime

/// Tensor state per session: the seeded generator, size limits, no_grad across blocks.
@Suite struct TensorSessionTests {
    /// Runs blocks in a session with the given seed and returns the rendered outputs.
    func outputs(_ blocks: [String], seed: UInt64, configure: (ScriptSession) -> Void = { _ in }) -> String {
        let session = ScriptSession(seed: seed)
        configure(session)
        let file = SourceFile(name: "lab.md", text: blocks.joined(separator: "\n"))
        var out = ""
        var line = 1
        for code in blocks {
            out += render(session.run(code, origin: BlockOrigin(file: file, line: line)).outputs)
            line += code.split(separator: "\n", omittingEmptySubsequences: false).count
        }
        return out
    }

    @Test func theSameSeedGivesTheSameNumbersInEverySession() {
        let program = ["print(randn(2, 3))", "print(rand(4), randint(0, 100, (5,)))"]
        let first = outputs(program, seed: 7)
        #expect(first == outputs(program, seed: 7))
        #expect(first != outputs(program, seed: 8))
        #expect(first.hasPrefix("tensor([["))
    }

    @Test func manualSeedRestartsTheSequenceWhateverTheSessionSeed() {
        let program = ["manual_seed(42)\nprint(randn(3))"]
        #expect(outputs(program, seed: 1) == outputs(program, seed: 2))
    }

    @Test func theRandomStateCarriesFromBlockToBlock() {
        let split = outputs(["a = randn(2)", "b = randn(2)", "print(a, b)"], seed: 3)
        let together = outputs(["a = randn(2)\nb = randn(2)\nprint(a, b)"], seed: 3)
        #expect(split == together)
    }

    @Test func theRunningTotalOfLiveTensorsIsLimited() {
        let output = outputs(["a = zeros(1000)\nb = zeros(1000)\nc = zeros(1000)"], seed: 1) { session in
            session.setTensorLimits(maxElements: 1000, maxTotalElements: 2500)
        }
        #expect(output == "error: 3:5: zeros: allocating a tensor of shape (1000,) would bring the live tensors to 3000 elements, more than the limit of 2500 (the session's memory budget: raise `memory:`, in MB, in the front matter)\n")
    }

    @Test func freedTensorsReturnTheirElementsToTheBudget() {
        let output = outputs(["for i in range(20):\n    a = zeros(1000)\nprint('done')"], seed: 1) { session in
            session.setTensorLimits(maxElements: 1000, maxTotalElements: 2500)
        }
        #expect(output == "done\n")
    }

    /// A recurrent layer's values kept for backward count too: past the limit the block
    /// stops, as for a tensor (the budget cannot be caught), and the same call without
    /// gradients fits.
    @Test func recurrentKeptValuesCountAgainstTheLimit() {
        let output = outputs([
            "import torch\ngru = torch.nn.GRU(3, 64)\nx = torch.randn(50, 40, 3)\ntry:\n    out, h = gru(x)\nexcept RuntimeError:\n    print('caught')",
            "with torch.no_grad():\n    out, h = gru(x)\nprint(out.shape)",
        ], seed: 1) { session in session.setMemoryLimit(megabytes: 1) }
        #expect(output.hasPrefix("error: 5:14: GRU: keeping its 512000 values for the sequence would bring the live tensors to "))
        #expect(output.contains("more than the limit of 262144; use a shorter sequence or a smaller batch (the session's memory budget: raise `memory:`, in MB, in the front matter)\n"))
        #expect(output.hasSuffix("\ntorch.Size([50, 40, 64])\n"))
        #expect(!output.contains("caught"))
    }

    @Test func thePerTensorLimitIsConfigurable() {
        let output = outputs(["x = ones(10, 11)"], seed: 1) { session in
            session.setTensorLimits(maxElements: 100, maxTotalElements: 1000)
        }
        #expect(output == "error: 1:5: ones: a tensor of shape (10, 11) has 110 elements, more than the limit of 100 per tensor\n")
    }

    @Test func noGradEndsWithItsBlockEvenOnAnError() {
        let output = outputs([
            "x = tensor([1.0], requires_grad=True)\nwith no_grad():\n    y = x * 2\n    z = ones(2) @ ones(3)",
            "print((x * 2).requires_grad)",
        ], seed: 1)
        #expect(output == "error: 4:9: matmul: (2,) @ (3,): inner dimensions 2 and 3 differ\nTrue\n")
    }

    /// A restored session draws the same random numbers and sees the same tensors as the
    /// session did when the snapshot was taken.
    @Test func sessionsUsingTensorsRewindToASnapshot() throws {
        let session = ScriptSession(seed: 1)
        let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 5))
        func run(_ code: String) -> String { render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs) }
        _ = run("w = randn(3, requires_grad=True)\nalias = w")
        let snapshot = try session.snapshot()
        let first = run("print(randn(2).tolist(), w.tolist())\nwith no_grad():\n    w += 1")
        try session.restore(snapshot)
        #expect(run("print(randn(2).tolist(), w.tolist())") == first)
        #expect(run("print(alias is w, w.requires_grad)") == "True True\n")
    }

    /// A tensor made by a recorded operation is restored detached: backward() on it fails loudly.
    @Test func tensorsWithAGraphComeBackDetached() throws {
        let session = ScriptSession(seed: 1)
        let file = SourceFile(name: "lab.md", text: "x\n")
        _ = session.run("w = randn(2, requires_grad=True)\nloss = (w * w).sum()", origin: BlockOrigin(file: file, line: 1))
        let snapshot = try session.snapshot()
        try session.restore(snapshot)
        let output = render(session.run("print(loss.requires_grad, w.requires_grad)", origin: BlockOrigin(file: file, line: 1)).outputs)
        #expect(output == "False True\n")
    }

    @Test func nestedNoGradBlocks() {
        let output = outputs(["x = tensor([1.0], requires_grad=True)\nwith no_grad():\n    with no_grad():\n        pass\n    print((x * 2).requires_grad)\nprint((x * 2).requires_grad)"], seed: 1)
        #expect(output == "False\nTrue\n")
    }
}

/// Tensors handed to other bindings: plots read their numbers.
let tensorPlotCases: [ProgramCase] = [
    .init("x = linspace(0, 1, 5)\nplt.plot(x, x ** 2)\nplt.title('square')", "<figure square>\n"),
    .init("plt.imshow(randn(3, 4))\nplt.hist(randn(100), bins=5)\nprint('ok')", "ok\n<figure >\n"),
    .init("loss = tensor([3.0, 2.0, 1.0], requires_grad=True) * 2\nplt.plot(loss.detach().numpy());", "<figure >\n"),
]

@Test(arguments: tensorPlotCases) func tensorPlots(_ program: ProgramCase) { check(program) }

/// Snapshot copies of tensors: deep, once per tensor, refusing recorded results.
@Suite struct TensorSnapshotTests {
    func globals(_ code: String) -> (ScriptSession, [String: Value]) {
        let session = ScriptSession(seed: 1)
        let file = SourceFile(name: "lab.md", text: code)
        _ = session.run(code, origin: BlockOrigin(file: file, line: 1))
        var values: [String: Value] = [:]
        for (name, slot) in session.interpreter.globals { values[name] = slot.value }
        return (session, values)
    }

    @Test func copiesAreDeepAndKeepSharing() throws {
        let (session, values) = globals("w = tensor([1.0, 2.0], requires_grad=True)\n(w * 3).sum().backward()\nalias = [w, w.grad]")
        let copier = SnapshotCopier()
        let wValue = try #require(values["w"])
        let aliasValue = try #require(values["alias"])
        let original = try #require(wValue.tensorObject)
        guard case .list(let alias) = aliasValue, alias.items.count == 2 else {
            Issue.record("alias is not a list of two")
            return
        }
        let aliased = try alias.items.map { try #require($0.tensorObject).tensor }
        let w = try TensorObject.snapshotCopy(original.tensor, copier)
        #expect(w !== original.tensor)
        #expect(w.scalars == [1, 2] && w.requiresGrad)
        #expect(try TensorObject.snapshotCopy(aliased[0], copier) === w)
        #expect(try TensorObject.snapshotCopy(aliased[1], copier) === w.grad)
        original.tensor.grad = nil
        #expect(w.grad?.scalars == [3, 3])
        // A value copy goes through the same memo: the copied tensor is the one made above.
        guard case .native(let copied as TensorObject) = try copier.copy(wValue) else {
            Issue.record("expected a tensor")
            return
        }
        #expect(copied.tensor === w)
        withExtendedLifetime(session) {}
    }

    @Test func recordedResultsAreCopiedDetached() throws {
        let (session, values) = globals("w = tensor([1.0], requires_grad=True)\nloss = (w * 2).sum()")
        let loss = try #require(values["loss"]?.tensorObject)
        let copy = try TensorObject.snapshotCopy(loss.tensor, SnapshotCopier())
        #expect(copy.scalars == [2] && !copy.requiresGrad && copy.isLeaf)
        withExtendedLifetime(session) {}
    }
}
