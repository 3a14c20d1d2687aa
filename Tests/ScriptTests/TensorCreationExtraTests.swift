import Testing

/// PyTorch's other ways to make a tensor: `torch.empty`/`empty_like` (zeros here; PyTorch
/// leaves the values unspecified), `full_like`, the `size=` keyword, `Tensor.new_*` (the
/// source's dtype unless `dtype=`), and `broadcast_to`/`expand_as` with their gradient
/// (expected values printed by PyTorch 2.15).
let tensorCreationExtraCases: [ProgramCase] = [
    .init("""
        import torch
        print(torch.empty(2, 3).shape, torch.empty((2,)).shape, torch.empty(size=(1, 2), dtype=torch.long).dtype, torch.empty(0))
        x = torch.tensor([[1., 2.], [3., 4.]])
        n = torch.tensor([1, 2, 3])
        print(torch.empty_like(x).shape, torch.empty_like(n).dtype, torch.empty_like(x, dtype=torch.long).dtype, torch.full_like(n, 7))
        print(torch.zeros(size=(2, 3)).shape, torch.ones(size=[2]), torch.rand(size=(3,)).shape, torch.randn(size=(2, 2)).shape)
        print(x.new_zeros(2, 3).shape, x.new_ones((2,)), n.new_zeros(2), x.new_empty(2).shape, n.new_ones(2, dtype=torch.float32))
        print(x.new_full((2,), 3), n.new_full((2,), 2.7), x.new_tensor([1, 2]), n.new_tensor([1.5, -2.5]), n.new_tensor([1, 2], dtype=torch.float32))
        print(x.new_zeros(2, requires_grad=True), x.new_zeros(size=(1,)))
        print(torch.broadcast_to(torch.tensor([1, 2, 3]), (2, 3)), torch.tensor([1., 2.]).broadcast_to((2, 2)), torch.tensor([1, 2]).expand_as(x))
        w = torch.tensor([1., 2.], requires_grad=True)
        y = torch.broadcast_to(w, (3, 2))
        z = w.expand_as(torch.zeros(4, 2))
        print(y.grad_fn.name(), z.grad_fn.name())
        (y.sum() + (z * 2).sum()).backward()
        print(w.grad)
        print(torch.empty(2, device="cpu").shape)
        """,
          """
        torch.Size([2, 3]) torch.Size([2]) torch.int64 tensor([])
        torch.Size([2, 2]) torch.int64 torch.int64 tensor([7, 7, 7])
        torch.Size([2, 3]) tensor([1., 1.]) torch.Size([3]) torch.Size([2, 2])
        torch.Size([2, 3]) tensor([1., 1.]) tensor([0, 0]) torch.Size([2]) tensor([1., 1.])
        tensor([3., 3.]) tensor([2, 2]) tensor([1., 2.]) tensor([ 1, -2]) tensor([1., 2.])
        tensor([0., 0.], requires_grad=True) tensor([0.])
        tensor([[1, 2, 3],
                [1, 2, 3]]) tensor([[1., 2.],
                [1., 2.]]) tensor([[1, 2],
                [1, 2]])
        ExpandBackward0 ExpandBackward0
        tensor([11., 11.])
        torch.Size([2])

        """),
    .init("import torch\nprint(torch.empty(2, 3), torch.empty_like(torch.ones(2), dtype=torch.long), torch.tensor([1., 2.]).new_empty((1, 2)))",
          "tensor([[0., 0., 0.],\n        [0., 0., 0.]]) tensor([0, 0]) tensor([[0., 0.]])\n"),
    .init("import torch\ntorch.zeros(2, size=(2,))", "error: 2:1: zeros() got multiple values for argument 'size'\n"),
    .init("import torch\nprint(torch.tensor([[1.], [2.]]).broadcast_to(2, 3).tolist(), torch.broadcast_to(torch.ones(2, 1), (-1, 2)).shape)",
          "[[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]] torch.Size([2, 2])\n"),
    .init("import torch\ntorch.broadcast_to(torch.ones(1), 3)", "error: 2:1: broadcast_to(): argument 'size' (position 2) must be tuple of ints, not int\n"),
    .init("import torch\ntorch.ones(2).new_full(2, 1.0)", "error: 2:1: new_full(): argument 'size' (position 1) must be tuple of ints, not int\n"),
    .init("import torch\nx = torch.ones(2)\ny = torch.broadcast_to(x, (3, 2))\ny[0, 0] = 5.0",
          "error: 4:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
]

@Test(arguments: tensorCreationExtraCases) func tensorCreationExtras(_ program: ProgramCase) { check(program) }
