import Testing

/// Operators with broadcasting, comparisons, truth, iteration, conversions, in-place updates.
let tensorOperatorCases: [ProgramCase] = [
    .init("tensor([1, 2]) + 1, 1 + tensor([1.0, 2.0])", "(tensor([2, 3]), tensor([2., 3.]))\n"),
    .init("tensor([1, 2]) * 0.5, 2 - tensor([1, 2]), tensor([1, 2]) / 2", "(tensor([0.5000, 1.0000]), tensor([1, 0]), tensor([0.5000, 1.0000]))\n"),
    .init("tensor([7, -7]) // 2, tensor([7, -7]) % 3", "(tensor([ 3, -4]), tensor([1, 2]))\n"),
    .init("tensor([1.0, 2.0]) ** 2, 2 ** tensor([1.0, 3.0]), -tensor([1, -2])", "(tensor([1., 4.]), tensor([2., 8.]), tensor([-1,  2]))\n"),
    .init("ones(2, 3) + tensor([1.0, 2.0, 3.0])", "tensor([[2., 3., 4.],\n        [2., 3., 4.]])\n"),
    .init("zeros(2, 1) + arange(3)", "tensor([[0., 1., 2.],\n        [0., 1., 2.]])\n"),
    .init("tensor([[1.0], [2.0]]) * tensor([[1.0, 10.0]])", "tensor([[ 1., 10.],\n        [ 2., 20.]])\n"),
    .init("tensor([[1.0, 2.0]]) @ tensor([[3.0], [4.0]]), (ones(2, 3) @ ones(3, 4)).shape", "(tensor([[11.]]), torch.Size([2, 4]))\n"),
    .init("matmul(ones(3), ones(3)), (ones(5, 2, 3) @ ones(3, 4)).shape", "(tensor(3.), torch.Size([5, 2, 4]))\n"),
    .init("tensor([1, 2, 3]) > 1, 2 < tensor([1, 3])", "(tensor([False,  True,  True]), tensor([False,  True]))\n"),
    .init("tensor([1.0, 2.0]) == tensor([1.0, 0.0]), tensor([1, 2]) != 2, tensor([1, 2]) <= 1", "(tensor([ True, False]), tensor([ True, False]), tensor([ True, False]))\n"),
    .init("len(zeros(4, 2)), len(arange(3))", "(4, 3)\n"),
    .init("for row in arange(6).reshape(3, 2):\n    print(row)", "tensor([0, 1])\ntensor([2, 3])\ntensor([4, 5])\n"),
    .init("a, b = tensor([1.0, 2.0])\nprint(a, b)", "tensor(1.) tensor(2.)\n"),
    .init("if tensor([1.0]):\n    print('yes')\nif not (tensor(0) > 1):\n    print('no')", "yes\nno\n"),
    .init("loss = tensor(0.123456)\nprint(f'loss {loss:.4f}, step {tensor(3):>3}')", "loss 0.1235, step   3\n"),
    .init("float(tensor([2.5])), int(tensor(3.9)), round(tensor([1.4, 2.6])), abs(tensor([-1, 2]))", "(2.5, 3, tensor([1., 3.]), tensor([1, 2]))\n"),
    .init("2 in tensor([1, 2]), 5 in tensor([1, 2])", "(True, False)\n"),
    .init("x = ones(3)\ny = x\nx += 1\nx *= tensor([1.0, 2.0, 3.0])\ny", "tensor([2., 4., 6.])\n"),
    .init("x = zeros(2)\nx -= 1\nx /= 4\nx", "tensor([-0.2500, -0.2500])\n"),
    .init("w = tensor([1.0, 2.0], requires_grad=True)\nh = w * 1\nh += 1\nh.sum().backward()\nh, w.grad",
          "(tensor([2., 3.], grad_fn=<AddBackward0>), tensor([1., 1.]))\n"),
    .init("t = +tensor([1])\nt", "tensor([1])\n"),
]

@Test(arguments: tensorOperatorCases) func tensorOperators(_ program: ProgramCase) { check(program) }

/// Smaller conveniences that ported PyTorch code relies on.
let tensorConvenienceCases: [ProgramCase] = [
    .init("x = ones(2, 3)\nzeros(*x.shape).shape, zeros(x.shape).shape, x.shape[-1]", "(torch.Size([2, 3]), torch.Size([2, 3]), 3)\n"),
    .init("bool(tensor(1)), bool(tensor([0.0])), int(tensor([True]))", "(True, False, 1)\n"),
    .init("tensor([1, 2.5]), tensor([[1, 2], [3, 4]]).float().std(0)", "(tensor([1.0000, 2.5000]), tensor([1.4142, 1.4142]))\n"),
    .init("labels = tensor([0, 1, 1])\npred = tensor([0, 1, 0])\n(pred == labels).sum().item() / len(labels)", "0.6666666666666666\n"),
    .init("acc = (tensor([0, 1]) == tensor([0, 1])).float().mean()\nprint(f'{acc:.2%}')", "100.00%\n"),
    .init("x = tensor([0.5, -0.5])\n0 < x < 1", "error: 2:1: Boolean value of Tensor with more than one value is ambiguous\n"),
    .init("xs = [tensor(2.0), tensor(1.0), tensor(3.0)]\nmax(xs), min(xs)", "(tensor(3.), tensor(1.))\n"),
]

@Test(arguments: tensorConvenienceCases) func tensorConveniences(_ program: ProgramCase) { check(program) }
