import Testing

/// Global functions on tensors, and `sum`/`max`/`min` keeping their Python behaviour.
let tensorFunctionCases: [ProgramCase] = [
    .init("relu(tensor([-1.0, 2.0])), sigmoid(zeros(1)), tanh(zeros(1))", "(tensor([0., 2.]), tensor([0.5000]), tensor([0.]))\n"),
    .init("exp(zeros(2)), log(ones(1)), sqrt(tensor([4.0, 9.0]))", "(tensor([1., 1.]), tensor([0.]), tensor([2., 3.]))\n"),
    .init("softmax(tensor([[1.0, 1.0]]), dim=1), log_softmax(tensor([0.0, 0.0]), 0)", "(tensor([[0.5000, 0.5000]]), tensor([-0.6931, -0.6931]))\n"),
    .init("cat([ones(1), zeros(2)]), cat((ones(1, 2), zeros(1, 2)), dim=1)", "(tensor([1., 0., 0.]), tensor([[1., 1., 0., 0.]]))\n"),
    .init("stack([ones(2), zeros(2)], dim=1)", "tensor([[1., 0.],\n        [1., 0.]])\n"),
    .init("stack([ones(2), zeros(2)]).shape", "torch.Size([2, 2])\n"),
    .init("x = tensor([1.0, -1.0, 3.0])\nwhere(x > 0, x, 0.0), where(x > 0, 1, 0)", "(tensor([1., 0., 3.]), tensor([1, 0, 1]))\n"),
    .init("one_hot(tensor([0, 2]), 3)", "tensor([[1, 0, 0],\n        [0, 0, 1]])\n"),
    .init("mean(tensor([1.0, 3.0])), mean(ones(2, 3), dim=0)", "(tensor(2.), tensor([1., 1., 1.]))\n"),
    .init("sum(tensor([1, 2, 3])), sum(ones(2, 2), dim=1), sum([1, 2]), sum([tensor(1.0), tensor(2.0)])", "(tensor(6), tensor([2., 2.]), 3, tensor(3.))\n"),
    .init("max(tensor([1, 5, 2])), min(tensor([1.5, -2.0])), max(3, 4), min([3, 1], key=lambda v: -v)", "(tensor(5), tensor(-2.), 4, 3)\n"),
    .init("min(tensor([[1, 5], [0, 7]]), 1)", "torch.return_types.min(\nvalues=tensor([1, 0]),\nindices=tensor([0, 0]))\n"),
    .init("max(tensor([1.0, 5.0]), tensor([3.0, 2.0])), maximum(tensor([1, 5]), tensor([3, 2]))", "(tensor([3., 5.]), tensor([3, 5]))\n"),
    .init("w = tensor([3.0, 4.0], requires_grad=True)\n(w * w).sum().backward()\nn = clip_grad_norm([w], 1.0)\nprint(n)\nw.grad",
          "tensor(10.)\ntensor([0.6000, 0.8000])\n"),
    .init("manual_seed(0)\na = randn(3)\nmanual_seed(0)\nb = randn(3)\nbool((a == b).all()), bool((a == randn(3)).all())", "(True, False)\n"),
    .init("randint(0, 10, (2, 3)).shape, randint(5, (4,)).dtype, randn(2, 3).shape, rand((4,)).shape", "(torch.Size([2, 3]), torch.int64, torch.Size([2, 3]), torch.Size([4]))\n"),
    .init("r = rand(1000)\nbool((r >= 0).all()), bool((r < 1).all()), r.mean().item() > 0.4", "(True, True, True)\n"),
    .init("x = randint(3, 7, (200,))\nx.min().item(), x.max().item()", "(3, 6)\n"),
    .init("randn(2, requires_grad=True).requires_grad, randperm(4).sort if False else sorted(randperm(4).tolist())", "(True, [0, 1, 2, 3])\n"),
    .init("x = zeros(1000).normal_()\nabs(x.mean().item()) < 0.2, abs(x.std().item() - 1) < 0.2", "(True, True)\n"),
]

@Test(arguments: tensorFunctionCases) func tensorFunctions(_ program: ProgramCase) { check(program) }

/// PyTorch's functional spellings of methods, and boolean mask logic.
let tensorAliasCases: [ProgramCase] = [
    .init("x = tensor([[1, 9], [8, 2]])\nargmax(x, dim=1), argmin(x), transpose(x, 0, 1)[0]", "(tensor([1, 0]), tensor(0), tensor([1, 8]))\n"),
    .init("reshape(arange(6), (2, 3)).shape, flatten(ones(2, 2)).shape, unsqueeze(ones(2), 0).shape, squeeze(ones(1, 2)).shape",
          "(torch.Size([2, 3]), torch.Size([4]), torch.Size([1, 2]), torch.Size([2]))\n"),
    .init("clamp(tensor([-2.0, 2.0]), min=-1, max=1), norm(tensor([3.0, 4.0])), numel(ones(2, 5))", "(tensor([-1.,  1.]), tensor(5.), 10)\n"),
    .init("x = arange(6)\nm = logical_and(x > 1, x < 4)\nx[m], x[logical_not(m)], x[logical_or(x < 1, x > 4)]", "(tensor([2, 3]), tensor([0, 1, 4, 5]), tensor([0, 5]))\n"),
    .init("allclose(tensor([1.0, 2.0]), tensor([1.0, 2.000001])), allclose(ones(2), zeros(2))", "(True, False)\n"),
    .init("argmax()", "error: 1:1: argmax() missing required argument 'input'\n"),
]

@Test(arguments: tensorAliasCases) func tensorAliases(_ program: ProgramCase) { check(program) }
