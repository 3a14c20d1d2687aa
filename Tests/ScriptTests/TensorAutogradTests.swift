import Testing

/// Autograd from the language: backward through user functions, accumulation, no_grad,
/// manual SGD in place, requires_grad and grad as attributes.
let tensorAutogradCases: [ProgramCase] = [
    .init("def f(x):\n    return (x * x).sum()\nx = tensor([1.0, -2.0, 3.0], requires_grad=True)\nf(x).backward()\nx.grad",
          "tensor([ 2., -4.,  6.])\n"),
    .init("x = tensor([1.0, 2.0], requires_grad=True)\nprint(x.grad)\n(x * 3).sum().backward()\n(x * 3).sum().backward()\nx.grad",
          "None\ntensor([6., 6.])\n"),
    .init("x = tensor([1.0, 2.0], requires_grad=True)\n(x * 3).sum().backward()\nx.grad.zero_()\nprint(x.grad)\nx.grad = None\nx.grad",
          "tensor([0., 0.])\n"),
    .init("x = tensor([1.0], requires_grad=True)\nwith no_grad():\n    y = x * 2\nz = x * 2\ny.requires_grad, z.requires_grad", "(False, True)\n"),
    .init("w = tensor([1.0, 2.0], requires_grad=True)\nloss = (w * w).sum()\nloss.backward()\nwith no_grad():\n    w -= 0.1 * w.grad\nprint(w)\nw.requires_grad, w.is_leaf",
          "tensor([0.8000, 1.6000], requires_grad=True)\n(True, True)\n"),
    .init("x = tensor([1.0, 2.0], requires_grad=True)\ny = x[0] * 3 + x[1] ** 2\ny.backward()\nx.grad", "tensor([3., 4.])\n"),
    .init("x = tensor([1.0, 2.0], requires_grad=True)\ntotal = 0\nfor v in x:\n    total = total + v * v\ntotal.backward()\nx.grad", "tensor([2., 4.])\n"),
    .init("(tensor([1.0], requires_grad=True) * 2).grad_fn, tensor([1.0]).grad_fn", "(<MulBackward0 object>, None)\n"),
    .init("x = tensor([1.0], requires_grad=True)\ny = x.detach()\ny.requires_grad, x.data.requires_grad", "(False, False)\n"),
    .init("x = ones(2)\nx.requires_grad = True\n(x * 3).sum().backward()\nx.grad", "tensor([3., 3.])\n"),
    .init("x = ones(2).requires_grad_()\n(x.exp() * 0).sum().backward()\nx.grad", "tensor([0., 0.])\n"),
    .init("W = tensor([[0.5, -0.5], [0.25, 1.0]], requires_grad=True)\ndef step(h, x):\n    return tanh(h @ W + x)\nh = zeros(1, 2)\nfor t in range(3):\n    h = step(h, ones(1, 2))\nh.sum().backward()\nW.grad.shape, W.grad.abs().sum().item() > 0",
          "(torch.Size([2, 2]), True)\n"),
    .init("x = tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\ny = cat([x[0], x[:, 1]]).sum() + stack([x, x]).mean() + softmax(x, 1)[0, 0]\ny.backward()\nx.grad.shape",
          "torch.Size([2, 2])\n"),
    .init("x = tensor([1.0, 2.0], requires_grad=True)\ny = (x * 2).sum()\ny.backward(gradient=tensor(2.0))\nx.grad", "tensor([4., 4.])\n"),
    // An in-place update of a model's weight through its attribute (PyTorch's Module
    // accepts its own parameter back).
    .init("net = Linear(3, 2)\nwith no_grad():\n    net.weight *= 0\n    net.bias.zero_()\n    net.bias += 1\nnet.weight.abs().sum().item(), net.bias.tolist()", "(0.0, [1.0, 1.0])\n"),
    .init("net = Linear(3, 2)\nnet.weight = zeros(2, 3)", "error: 2:5: cannot replace the parameter 'weight' of a built-in Linear; copy into it instead: "
              + "with torch.no_grad(): layer.weight.copy_(new_value)\n"),
    // PyTorch frees saved values after backward(): a second pass needs retain_graph=True.
    .init("x = tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\ny.backward()\ny.backward()",
          "error: 4:1: backward: trying to backward through the graph a second time (its saved values were freed by the first backward()); call backward(retain_graph=True) the first time, or compute the loss again\n"),
    .init("x = tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\ny.backward(retain_graph=True)\ny.backward()\nx.grad", "tensor([4., 8.])\n"),
    // A buffer written after it was read: each read keeps the history it saw (PyTorch: 4).
    .init("a = tensor(1.0, requires_grad=True)\nbuf = zeros(2)\nbuf[0] = a * 1\nc = buf[0] * 3\nbuf[1] = c\nbuf.sum().backward()\na.grad", "tensor(4.)\n"),
    .init("w = tensor([1.0, 2.0], requires_grad=True)\na = w * 2\na[1] += 1\na.sum().backward()\nw.grad", "tensor([2., 2.])\n"),
    // An operation whose gradient needs the values it read refuses when they changed.
    .init("w = tensor([1.0, 2.0], requires_grad=True)\ny = w * 2\nz = (y * y).sum()\ny[1] = 0.0\nz.backward()",
          "error: 5:1: backward: a tensor that MulBackward0 used was changed in place afterwards (by x[...] = … or an in-place method), so the gradient cannot be computed; collect the values in a list and stack() them, or clone() before writing\n"),
    // Written only, then read: the unrolled loop into a preallocated tensor works.
    .init("w = tensor([1.0, 2.0], requires_grad=True)\nout = zeros(2, 2)\nh = w\nfor t in range(2):\n    h = h * 2\n    out[t] = h\nout.sum().backward()\nw.grad",
          "tensor([6., 6.])\n"),
    .init("w = tensor([1.0], requires_grad=True)\nw.data -= 0.5\nw", "tensor([0.5000], requires_grad=True)\n"),
    .init("x = tensor([2.0], requires_grad=True)\nx.grad = tensor([1.0])\nx.grad", "tensor([1.])\n"),
]

@Test(arguments: tensorAutogradCases) func tensorAutograd(_ program: ProgramCase) { check(program) }
