import Testing

/// Tensor attributes and methods with PyTorch's names and arguments.
let tensorMethodCases: [ProgramCase] = [
    .init("x = arange(6).reshape(2, 3)\nx", "tensor([[0, 1, 2],\n        [3, 4, 5]])\n"),
    .init("x = arange(6)\nx.reshape(-1, 2).shape, x.reshape((3, 2)).shape, x.view(2, -1).shape", "(torch.Size([3, 2]), torch.Size([3, 2]), torch.Size([2, 3]))\n"),
    .init("zeros(2, 3, 4).flatten().shape, zeros(2, 3, 4).flatten(1).shape", "(torch.Size([24]), torch.Size([2, 12]))\n"),
    .init("x = arange(6).reshape(2, 3)\nx.T.shape, x.transpose(0, 1).tolist(), x.t().shape", "(torch.Size([3, 2]), [[0, 3], [1, 4], [2, 5]], torch.Size([3, 2]))\n"),
    .init("x = arange(6).reshape(2, 3)\nx.sum(), x.sum(dim=0), x.sum(1, keepdim=True).shape", "(tensor(15), tensor([3, 5, 7]), torch.Size([2, 1]))\n"),
    .init("x = arange(6).reshape(2, 3).float()\nx.mean(), x.mean(dim=1), x.mean((0, 1))", "(tensor(2.5000), tensor([1., 4.]), tensor(2.5000))\n"),
    .init("tensor([1.0, 2.0, 3.0, 4.0]).std(), tensor([1.0, 3.0]).var(unbiased=False)", "(tensor(1.2910), tensor(1.))\n"),
    .init("x = tensor([[1, 5, 2], [7, 0, 3]])\nx.max(), x.min()", "(tensor(7), tensor(0))\n"),
    .init("x = tensor([[1, 5, 2], [7, 0, 3]])\nvalues, indices = x.max(1)\nprint(values, indices)\nx.min(dim=0)",
          "tensor([5, 7]) tensor([1, 0])\ntorch.return_types.min(\nvalues=tensor([1, 0, 2]),\nindices=tensor([0, 1, 0]))\n"),
    .init("tensor([3.0, 1.0, 4.0]).argmax(), tensor([[1, 9], [8, 2]]).argmax(dim=1)", "(tensor(2), tensor([1, 0]))\n"),
    .init("tensor([2.5]).item(), tensor(3).item(), (tensor(1) > 0).item()", "(2.5, 3, True)\n"),
    .init("tensor(0.1).item()", "0.10000000149011612\n"),
    .init("arange(4).reshape(2, 2).tolist(), tensor([0.5, 1.0]).tolist(), tensor(2.0).tolist()", "([[0, 1], [2, 3]], [0.5, 1.0], 2.0)\n"),
    .init("tensor([-1.0, 4.0]).abs().sqrt(), tensor([0.0]).exp(), tensor([1.0]).log()", "(tensor([1., 2.]), tensor([1.]), tensor([0.]))\n"),
    .init("x = tensor([-2.0, 0.5, 3.0])\nx.clamp(-1, 1), x.clamp(min=0)", "(tensor([-1.0000,  0.5000,  1.0000]), tensor([0.0000, 0.5000, 3.0000]))\n"),
    .init("zeros(3).unsqueeze(0).shape, zeros(1, 3, 1).squeeze().shape, zeros(1, 3).squeeze(0).shape, zeros(2, 3).unsqueeze(-1).shape",
          "(torch.Size([1, 3]), torch.Size([3]), torch.Size([3]), torch.Size([2, 3, 1]))\n"),
    .init("tensor([1.7, -1.7]).long(), tensor([1, 2]).float(), tensor([0, 2]).bool()", "(tensor([ 1, -1]), tensor([1., 2.]), tensor([False,  True]))\n"),
    .init("x = tensor([-1.0, 0.0, 2.0])\nx.relu(), x.sigmoid()[1], x.tanh()[1], x.neg()", "(tensor([0., 0., 2.]), tensor(0.5000), tensor(0.), tensor([ 1., -0., -2.]))\n"),
    .init("tensor([2.0, 3.0]).pow(2), tensor([1.0, 1.0]).softmax(0), tensor([3.0, 4.0]).norm()", "(tensor([4., 9.]), tensor([0.5000, 0.5000]), tensor(5.))\n"),
    .init("(tensor([1, 2]) > 0).all(), (tensor([1, 2]) > 1).any(), (tensor([1, 2]) > 5).any()", "(tensor(True), tensor(True), tensor(False))\n"),
    .init("x = ones(2)\ny = x.clone()\nz = x.detach()\nx.zero_()\nprint(x, y, z)", "tensor([0., 0.]) tensor([1., 1.]) tensor([0., 0.])\n"),
    .init("x = zeros(3)\nx.fill_(2.0)\nx.add_(ones(3), alpha=0.5)\nx.mul_(2)\nx", "tensor([5., 5., 5.])\n"),
    .init("x = tensor([1.44, 2.56])\nx.round(), x.round(decimals=1)", "(tensor([1., 3.]), tensor([1.4000, 2.6000]))\n"),
    .init("x = arange(6).reshape(1, 2, 3)\nx.permute(2, 0, 1).shape, x.expand(4, 2, 3).shape", "(torch.Size([3, 1, 2]), torch.Size([4, 2, 3]))\n"),
    .init("x = ones(2)\nx.add(1), x.mul(tensor([2.0, 3.0])), x.eq(1), x.maximum(tensor([0.0, 5.0]))",
          "(tensor([2., 2.]), tensor([2., 3.]), tensor([True, True]), tensor([1., 5.]))\n"),
    .init("x = arange(4).float()\nx.masked_fill(x > 1, -1.0)", "tensor([ 0.,  1., -1., -1.])\n"),
    .init("s = ones(2, 3).sum\ns(0)", "tensor([2., 2., 2.])\n"),
    .init("x = tensor([[1, 5], [7, 0]])\nx.max(1).indices, x.max(dim=0).values, x.max(1)[0], len(x.min(0))", "(tensor([1, 0]), tensor([7, 5]), tensor([5, 7]), 2)\n"),
    .init("x = tensor([1.0], requires_grad=True) * 2\nx.detach().numpy(), x.cpu() is x", "(array([2.]), True)\n"),
]

@Test(arguments: tensorMethodCases) func tensorMethods(_ program: ProgramCase) { check(program) }
