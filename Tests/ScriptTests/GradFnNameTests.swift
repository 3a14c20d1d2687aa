import Testing

/// One operation and the name of the node PyTorch records for it (`type(y.grad_fn).__name__`,
/// printed by PyTorch 2.15 for the same code; `None` where PyTorch records nothing).
struct NodeNameCase: Sendable, CustomTestStringConvertible {
    let expression: String
    let name: String

    init(_ expression: String, _ name: String) {
        self.expression = expression
        self.name = name
    }

    var testDescription: String { expression }

    /// The tensors the expressions use: `x` (2, 3), `w` (3, 2), `v` (3,) and `b` (2, 2, 3)
    /// require grad; `p` (2, 3) is a target, `idx`, `j`, `idx2` are long indices.
    static let setup = """
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)
        w = torch.tensor([[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], requires_grad=True)
        v = torch.tensor([0.5, 1.5, 2.5], requires_grad=True)
        b = torch.tensor([[[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], [[0.1, 0.2, 0.3], [-0.4, 0.5, 0.6]]], requires_grad=True)
        p = torch.tensor([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]])
        idx = torch.tensor([0, 2])
        j = torch.tensor([1, 0])
        idx2 = torch.tensor([[0, 2], [1, 1]])

        """
}

/// The sweep of docs/conformance.md ("Node names"): every differentiable operation the
/// language offers, with a number on either side, with and without `dim`, by rank for
/// products and layers, each view of indexing, names the node of its result as PyTorch does.
@Suite struct GradFnNameTests {
    @Test(arguments: nodeNameArithmeticCases + nodeNameViewCases + nodeNameLayerCases)
    func nodeIsNamedAsInPyTorch(_ c: NodeNameCase) {
        let program = NodeNameCase.setup + "y = \(c.expression)\nprint(type(y.grad_fn).__name__ if y.grad_fn is not None else None)\n"
        #expect(run(program) == c.name + "\n", "\(c.expression)")
    }
}
