import Testing

/// Tensor creation and PyTorch's display.
let tensorCreationCases: [ProgramCase] = [
    .init("tensor([[0.1, -1.2]])", "tensor([[ 0.1000, -1.2000]])\n"),
    .init("print(tensor([[0.1, -1.2]]))", "tensor([[ 0.1000, -1.2000]])\n"),
    .init("tensor([1, 2, 3])", "tensor([1, 2, 3])\n"),
    .init("tensor(3.5), tensor(2)", "(tensor(3.5000), tensor(2))\n"),
    .init("tensor([True, False])", "tensor([ True, False])\n"),
    .init("tensor(((1.0, 2.0), (3.0, 4.0)))", "tensor([[1., 2.],\n        [3., 4.]])\n"),
    .init("zeros(2, 3)", "tensor([[0., 0., 0.],\n        [0., 0., 0.]])\n"),
    .init("ones((2,)), ones([1, 2])", "(tensor([1., 1.]), tensor([[1., 1.]]))\n"),
    .init("full((2, 2), 7)", "tensor([[7, 7],\n        [7, 7]])\n"),
    .init("full((3,), 0.5)", "tensor([0.5000, 0.5000, 0.5000])\n"),
    .init("eye(2)", "tensor([[1., 0.],\n        [0., 1.]])\n"),
    .init("arange(5)", "tensor([0, 1, 2, 3, 4])\n"),
    .init("arange(2, 8, 2), arange(3.0)", "(tensor([2, 4, 6]), tensor([0., 1., 2.]))\n"),
    .init("arange(1, 2, 0.25)", "tensor([1.0000, 1.2500, 1.5000, 1.7500])\n"),
    .init("linspace(0, 1, 5)", "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])\n"),
    .init("tensor([1.0, 2.0], requires_grad=True)", "tensor([1., 2.], requires_grad=True)\n"),
    .init("x = zeros(2, 3, 4)\nx.shape, x.ndim, x.size(), x.size(-1), x.numel(), x.dim()", "(torch.Size([2, 3, 4]), 3, torch.Size([2, 3, 4]), 4, 24, 3)\n"),
    .init("zeros_like(tensor([[1, 2]])), ones_like(zeros(2))", "(tensor([[0, 0]]), tensor([1., 1.]))\n"),
    .init("zeros(2).dtype, tensor([1]).dtype, (zeros(1) > 0).dtype", "(torch.float32, torch.int64, torch.bool)\n"),
    .init("zeros(2, dtype=long), tensor([1, 2], dtype=float32)", "(tensor([0, 0]), tensor([1., 2.]))\n"),
    .init("ones(2, dtype=int), tensor([0, 1], dtype=bool), arange(3, dtype=float), full((1,), 2, dtype='float32')",
          "(tensor([1, 1]), tensor([False,  True]), tensor([0., 1., 2.]), tensor([2.]))\n"),
    .init("zeros(2, dtype='double')", "error: 1:1: zeros() argument 'dtype' must be a dtype such as float32 or long, not 'double'\n"),
    .init("tensor([1, 2]).dtype == long, zeros(1).dtype == long", "(True, False)\n"),
    .init("tensor([]), tensor([]).shape", "(tensor([]), torch.Size([0]))\n"),
    .init("zeros(2, 0)", "tensor([], size=(2, 0))\n"),
    .init("tensor([1e-5, 1.0])", "tensor([1.0000e-05, 1.0000e+00])\n"),
    .init("tensor([float('nan'), 1.5])", "tensor([   nan, 1.5000])\n"),
    .init("arange(2000)", "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])\n"),
    .init("x = tensor([[1, 2], [3, 4]])\ntensor([x[0], x[1]])", "tensor([[1, 2],\n        [3, 4]])\n"),
    .init("[tensor(1.0), 2]", "[tensor(1.), 2]\n"),
    .init("print(f'{tensor([1.5])}')", "tensor([1.5000])\n"),
]

@Test(arguments: tensorCreationCases) func tensorCreation(_ program: ProgramCase) { check(program) }
