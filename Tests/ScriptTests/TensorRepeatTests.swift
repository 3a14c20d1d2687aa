import Testing

/// `Tensor.repeat(*sizes)` as PyTorch's: tiles along each dimension, adds leading
/// dimensions, takes sizes as arguments, a tuple or a list, and its gradient sums the copies
/// (expected values printed by PyTorch 2.15).
let repeatCases: [ProgramCase] = [
    .init("import torch\nx = torch.tensor([1., 2., 3.])\nprint(x.repeat(2))\nprint(x.repeat((1, 2)).tolist(), list(x.repeat([2, 1, 2]).size()), list(x.repeat(0, 2).size()))",
          "tensor([1., 2., 3., 1., 2., 3.])\n[[1.0, 2.0, 3.0, 1.0, 2.0, 3.0]] [2, 1, 6] [0, 6]\n"),
    .init("""
        import torch
        x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
        y = x.repeat(2, 3)
        print(y)
        (y * torch.arange(24.).view(4, 6)).sum().backward()
        print(x.grad)
        """,
          """
        tensor([[1., 2., 1., 2., 1., 2.],
                [3., 4., 3., 4., 3., 4.],
                [1., 2., 1., 2., 1., 2.],
                [3., 4., 3., 4., 3., 4.]], grad_fn=<RepeatBackward0>)
        tensor([[48., 54.],
                [84., 90.]])

        """),
    .init("import torch\ntorch.ones(2, 3).repeat(2)",
          "error: 2:1: repeat: number of dimensions of repeat dims can not be smaller than number of dimensions of tensor\n"),
    .init("import torch\ntorch.ones(2).repeat(-1)",
          "error: 2:1: repeat: trying to create tensor with negative dimension -2: [-2]\n"),
    .init("import torch\ntorch.ones(2).repeat(9223372036854775807)",
          "error: 2:1: repeat: the result's dimension 2 × 9223372036854775807 is too large\n"),
    .init("import torch\ntorch.ones(2).repeat(100000, 100000, 100000)",
          "error: 2:1: repeat: a tensor of shape (100000, 100000, 200000) has 2000000000000000 elements, more than the limit of 67108864 per tensor\n"),
]

@Test(arguments: repeatCases) func tensorRepeat(_ program: ProgramCase) { check(program) }
