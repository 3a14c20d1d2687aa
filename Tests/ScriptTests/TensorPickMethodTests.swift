import Testing

/// `contiguous`, `unbind`, `select`, `narrow`, `index_select`, `mm`, `bmm`, `mv` and `dot`
/// (methods and `torch.` functions) with PyTorch's checks, errors, values, node names and
/// gradients; expected output printed by PyTorch 2.15 for the same code.
let tensorPickMethodCases: [ProgramCase] = [
    .init("""
        import torch
        a = torch.zeros(2, 3); b = torch.zeros(2, 2); v = torch.zeros(3); u = torch.zeros(2)
        def t(f):
            try:
                f()
            except Exception as e:
                print(type(e).__name__ + ':', e)
        t(lambda: torch.mm(a, b)); t(lambda: torch.mm(v, b)); t(lambda: torch.mm(a, v))
        t(lambda: torch.bmm(a, b)); t(lambda: torch.bmm(torch.zeros(4, 2, 3), torch.zeros(4, 2, 2))); t(lambda: torch.bmm(torch.zeros(4, 2, 3), torch.zeros(5, 3, 2)))
        t(lambda: torch.mv(a, u)); t(lambda: torch.mv(v, v)); t(lambda: torch.mv(a, a))
        t(lambda: torch.dot(v, u)); t(lambda: torch.dot(a, a))
        t(lambda: a.select(2, 0)); t(lambda: a.select(0, 5)); t(lambda: a.narrow(1, 2, 2)); t(lambda: a.index_select(0, torch.tensor([0.5])))
        t(lambda: a.index_select(0, torch.tensor([[0]]))); t(lambda: a.unbind(3))
        print(a.unbind(1)[0].shape, len(a.unbind(1)), a.narrow(1, -2, 2).shape, a.select(1, -1).shape, a.index_select(1, torch.tensor([2, 0])).shape)
        print(torch.dot(torch.tensor([1, 2]), torch.tensor([3, 4])), torch.mm(torch.tensor([[1, 2]]), torch.tensor([[3], [4]])))
        x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)
        n = lambda y: type(y.grad_fn).__name__ if y.grad_fn is not None else None
        print(n(x.t().contiguous()), x.contiguous() is x, n(x.unbind(1)[2]), n(torch.select(x, 1, 0)), n(x.narrow(1, 0, 2)), n(x.narrow(1, 0, 3)))
        print(n(x.index_select(1, torch.tensor([2, 0]))), n(torch.mm(x, x.t())), n(torch.bmm(x[None], x.t()[None])), n(torch.mv(x, x[0])), n(torch.dot(x[0], x[1])), n(x[0].dot(x[1])))
        print(x.index_select(1, torch.tensor(1)), x.index_select(0, torch.tensor([1, 1, 0])))
        y = x.t().contiguous(); y[0, 0] = 7.0; print(y[0, 0].item(), x[0, 0].item())
        (torch.dot(x[0], x[1]) + torch.mm(x, x.t()).sum() + x.index_select(1, torch.tensor([2, 2])).sum()).backward(); print(x.grad)
        """, """
        RuntimeError: mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x2)
        RuntimeError: mm: self must be a matrix, got 1-D tensor
        RuntimeError: mm: mat2 must be a matrix, got 1-D tensor
        RuntimeError: batch1 must be a 3D tensor
        RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [4, 2].
        RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [5, 3].
        RuntimeError: size mismatch, got input (2), mat (2x3), vec (2)
        RuntimeError: vector + matrix @ vector expected, got 1, 1, 1
        RuntimeError: vector + matrix @ vector expected, got 1, 2, 2
        RuntimeError: inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but got 3 and 2 elements respectively
        RuntimeError: 1D tensors expected, but got 2D and 2D tensors
        IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        IndexError: select(): index 5 out of range for tensor of size [2, 3] at dimension 0
        RuntimeError: start (2) + length (2) exceeds dimension size (3).
        RuntimeError: index_select(): Expected dtype int32 or int64 for index
        IndexError: index_select(): Index is supposed to be a vector
        IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 3)
        torch.Size([2]) 3 torch.Size([2, 2]) torch.Size([2]) torch.Size([2, 2])
        tensor(11) tensor([[11]])
        CloneBackward0 True UnbindBackward0 SelectBackward0 SliceBackward0 SliceBackward0
        IndexSelectBackward0 MmBackward0 BmmBackward0 MvBackward0 DotBackward0 DotBackward0
        tensor([[-1.0000],
                [ 0.2500]], grad_fn=<IndexSelectBackward0>) tensor([[ 1.5000,  0.2500, -0.7500],
                [ 1.5000,  0.2500, -0.7500],
                [ 0.5000, -1.0000,  2.0000]], grad_fn=<IndexSelectBackward0>)
        7.0 0.5
        tensor([[ 5.5000, -1.2500,  3.7500],
                [ 4.5000, -2.5000,  6.5000]])

        """),
]

@Test(arguments: tensorPickMethodCases) func tensorPickMethods(_ program: ProgramCase) { check(program) }
