import Testing

/// The tensor functions added for the labs' PyTorch code, as `torch.` functions and as
/// methods; values checked by hand (and against numpy's).
let tensorMathCases: [ProgramCase] = [
    .init("import torch\nx = torch.tensor([0.0, 0.5, -1.0])\nprint(torch.sin(x), torch.cos(x), torch.tan(x))",
          "tensor([ 0.0000,  0.4794, -0.8415]) tensor([1.0000, 0.8776, 0.5403]) tensor([ 0.0000,  0.5463, -1.5574])\n"),
    .init("import torch\nx = torch.tensor([0.0, 0.5, -1.0])\nprint(torch.asin(x), torch.arccos(x), torch.arctan(x), x.atan(), x.arcsin())",
          "tensor([ 0.0000,  0.5236, -1.5708]) tensor([1.5708, 1.0472, 3.1416]) tensor([ 0.0000,  0.4636, -0.7854]) "
              + "tensor([ 0.0000,  0.4636, -0.7854]) tensor([ 0.0000,  0.5236, -1.5708])\n"),
    .init("import torch\nx = torch.tensor([0.0, 0.5, -1.0])\nprint(torch.sinh(x), x.cosh(), torch.log1p(x), torch.expm1(x))",
          "tensor([ 0.0000,  0.5211, -1.1752]) tensor([1.0000, 1.1276, 1.5431]) tensor([0.0000, 0.4055,   -inf]) "
              + "tensor([ 0.0000,  0.6487, -0.6321])\n"),
    .init("import torch\nprint(torch.log10(torch.tensor([1.0, 100.0])), torch.log2(torch.tensor([8.0])), torch.square(torch.tensor([2, -3])))",
          "tensor([0., 2.]) tensor([3.]) tensor([4, 9])\n"),
    .init("import torch\nprint(torch.floor(torch.tensor([1.5, -1.5])), torch.ceil(torch.tensor([1.5, -1.5])), torch.round(torch.tensor([0.5, 1.5, 2.567]), decimals=1), round(2.5), pow(2, 10))",
          "tensor([ 1., -2.]) tensor([ 2., -1.]) tensor([0.5000, 1.5000, 2.6000]) 2 1024\n"),
    .init("import torch\nprint(torch.atan2(torch.tensor([1.0, -1.0]), torch.tensor([0.0, -1.0])), torch.arctan2(torch.tensor(1.0), 1.0), torch.pow(torch.tensor([3.0]), 2))",
          "tensor([ 1.5708, -2.3562]) tensor(0.7854) tensor([9.])\n"),
    .init("import torch\nprint(torch.isnan(torch.tensor([1.0, torch.nan])), torch.isinf(torch.tensor([torch.inf, -torch.inf, 0.0])), torch.isfinite(torch.tensor([torch.nan, 1.0])))",
          "tensor([False,  True]) tensor([ True,  True, False]) tensor([False,  True])\n"),
    // The new functions are torch's members, not global names: common words stay the user's.
    .init("import torch\ndiff = [1]\nprint(torch.diff(torch.tensor([1, 3])), diff)", "tensor([2]) [1]\n"),
    .init("median(tensor([1.0]))", "error: 1:1: undefined name 'median' (did you mean 'mean'?)\n"),
    .init("import torch\ntorch.pi, torch.e, torch.nan, torch.inf", "(3.141592653589793, 2.718281828459045, nan, inf)\n"),
    .init("import torch\ny = torch.arange(10)\nprint(torch.chunk(y, 3), y.split(4), torch.split(y, [2, 8])[0])",
          "(tensor([0, 1, 2, 3]), tensor([4, 5, 6, 7]), tensor([8, 9])) (tensor([0, 1, 2, 3]), tensor([4, 5, 6, 7]), tensor([8, 9])) tensor([0, 1])\n"),
    .init("import torch\nprint(torch.cumsum(torch.arange(5), dim=0), torch.tensor([1.0, 2.0, 3.0]).cumprod(0), torch.diff(torch.tensor([1, 4, 9, 16]), n=2), torch.diff(torch.tensor([[1, 2], [4, 8]]), dim=0))",
          "tensor([ 0,  1,  3,  6, 10]) tensor([1., 2., 6.]) tensor([2, 2]) tensor([[3, 6]])\n"),
    .init("import torch\nm = torch.tensor([[0, 3], [5, 0]])\nprint(torch.nonzero(m), m.nonzero(as_tuple=True), torch.where(m > 0))",
          "tensor([[0, 1],\n        [1, 0]]) (tensor([0, 1]), tensor([1, 0])) (tensor([0, 1]), tensor([1, 0]))\n"),
    .init("import torch\nv = torch.tensor([3.0, 1.0, 2.0, 5.0])\ns = torch.sort(v, descending=True)\nprint(s.values, s.indices, torch.argsort(v), v.argsort(descending=True))",
          "tensor([5., 3., 2., 1.]) tensor([3, 0, 2, 1]) tensor([1, 2, 0, 3]) tensor([3, 0, 2, 1])\n"),
    .init("import torch\nv = torch.tensor([3.0, 1.0, 2.0, 5.0])\nvals, idx = v.topk(2)\nprint(vals, idx)\ntorch.topk(v, 1, largest=False)",
          "tensor([5., 3.]) tensor([3, 0])\ntorch.return_types.topk(\nvalues=tensor([1.]),\nindices=tensor([1]))\n"),
    // PyTorch's median is the lower of the two middle values; quantile interpolates.
    .init("import torch\nv = torch.tensor([3.0, 1.0, 2.0, 5.0])\nprint(torch.median(v), v.median(0).indices, torch.quantile(v, 0.25), torch.quantile(v, torch.tensor([0.0, 1.0])), torch.quantile(v, 0.5, interpolation='lower'))",
          "tensor(2.) tensor(2) tensor(1.7500) tensor([1., 5.]) tensor(2.)\n"),
    .init("import torch\nx = torch.tensor([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])\nprint(x.median(dim=1).values, x.quantile(torch.tensor([0.25, 0.75]), dim=1), x.quantile(0.5, dim=0, keepdim=True).shape)",
          "tensor([1., 4.]) tensor([[-0.5000, -1.0000],\n        [ 2.0000,  4.5000]]) torch.Size([1, 3])\n"),
    .init("import torch\na = torch.tensor([[3.0, -4.0], [1.0, 2.0]])\nprint(torch.norm(a), a.norm(p=1), a.norm(dim=1), torch.norm(a, p=float('inf')), a.norm(p='fro', dim=(0, 1)), torch.dist(a, torch.zeros(2, 2), p=1))",
          "tensor(5.4772) tensor(10.) tensor([5.0000, 2.2361]) tensor(4.) tensor(5.4772) tensor(10.)\n"),
    .init("import torch\na = torch.tensor([[3.0, -4.0], [1.0, 2.0]])\nprint(torch.linalg.norm(a), torch.linalg.norm(a, ord=1), torch.linalg.norm(a, dim=1), torch.linalg.vector_norm(a, ord=float('inf')), torch.linalg.matrix_norm(a))",
          "tensor(5.4772) tensor(6.) tensor([5.0000, 2.2361]) tensor(4.) tensor(5.4772)\n"),
    .init("from torch.linalg import norm\nimport torch.linalg as LA\nnorm(tensor([3.0, 4.0])), LA.norm(tensor([[1.0]]), ord='nuc')",
          "error: 3:27: linalg.norm: ord='nuc' on a matrix needs singular values, which rnnbook does not compute; use ord='fro', 1, -1, inf or -inf, or the vector norm of the flattened matrix\n"),
    .init("import torch\nprint(torch.vstack([torch.tensor([1, 2]), torch.tensor([3, 4])]), torch.hstack([torch.tensor([[1], [2]]), torch.tensor([[3], [4]])]))",
          "tensor([[1, 2],\n        [3, 4]]) tensor([[1, 3],\n        [2, 4]])\n"),
    .init("import torch\nprint(torch.column_stack([torch.tensor([1, 2]), torch.tensor([3, 4])]), torch.row_stack((torch.tensor([1]), torch.tensor([2]))), torch.hstack([torch.ones(1), torch.zeros(2)]))",
          "tensor([[1, 3],\n        [2, 4]]) tensor([[1],\n        [2]]) tensor([1., 0., 0.])\n"),
    .init("import torch\na = torch.tensor([[3.0, -4.0], [1.0, 2.0]])\nprint(torch.flip(a, [0, 1]), a.flip(1), a.fliplr(), torch.roll(torch.arange(5), 2), torch.roll(a, shifts=1, dims=0), torch.gather(a, 1, torch.tensor([[1, 1], [0, 1]])))",
          "tensor([[ 2.,  1.],\n        [-4.,  3.]]) tensor([[-4.,  3.],\n        [ 2.,  1.]]) tensor([[-4.,  3.],\n        [ 2.,  1.]]) "
              + "tensor([3, 4, 0, 1, 2]) tensor([[ 1.,  2.],\n        [ 3., -4.]]) tensor([[-4., -4.],\n        [ 1.,  2.]])\n"),
    .init("import torch\na = torch.tensor([[3.0, -4.0], [1.0, 2.0]])\nprint(torch.prod(a), a.prod(dim=0), torch.amax(a, dim=1), a.amin(), torch.maximum(a, torch.zeros(1)), torch.minimum(a, torch.tensor(0.0)))",
          "tensor(-24.) tensor([ 3., -8.]) tensor([3., 2.]) tensor(-4.) tensor([[3., 0.],\n        [1., 2.]]) tensor([[ 0., -4.],\n        [ 0.,  0.]])\n"),
    .init("import torch\ntorch.manual_seed(0)\nn = torch.normal(torch.tensor([0.0, 100.0]), torch.tensor([1.0, 0.0]))\nprint(n.shape, n[1].item(), torch.normal(2.0, 3.0, size=(2, 3)).shape, torch.normal(torch.zeros(4)).shape)",
          "torch.Size([2]) 100.0 torch.Size([2, 3]) torch.Size([4])\n"),
    .init("x = tensor([[1.0, -2.0], [3.0, float('nan')]])\nprint(x.flipud(), x.where(x > 0, 0.0), x.isnan(), x.isfinite().all())",
          "tensor([[ 3., nan],\n        [ 1., -2.]]) tensor([[1., 0.],\n        [3., 0.]]) tensor([[False, False],\n        [False,  True]]) tensor(False)\n"),
    .init("import torch\nz = torch.zeros(3)\nprint(z.uniform_(2, 3).min().item() >= 2, z.normal_(5, 0).tolist(), z.fill_(7.0))", "True [5.0, 5.0, 5.0] tensor([7., 7., 7.])\n"),
    .init("import torch\nx = torch.tensor([0.5, 1.0], requires_grad=True)\ntorch.cos(x).sum().backward()\nprint(x.grad, -torch.sin(x.detach()))",
          "tensor([-0.4794, -0.8415]) tensor([-0.4794, -0.8415])\n"),
    .init("import torch\nw = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\nw.cumprod(0).sum().backward()\nprint(w.grad)", "tensor([9., 4., 2.])\n"),
    .init("import torch\nq = torch.tensor([4.0, 1.0, 3.0, 2.0], requires_grad=True)\ntorch.quantile(q, 0.5).backward()\nprint(q.grad)",
          "tensor([0.0000, 0.0000, 0.5000, 0.5000])\n"),
    .init("import torch\nw = torch.tensor([3.0, -4.0], requires_grad=True)\n(w * 1).sum().backward()\nw.grad = torch.tensor([3.0, -4.0])\nn = torch.nn.utils.clip_grad_norm_([w], 2.0, norm_type=float('inf'))\nprint(n, w.grad, torch.nn.utils.clip_grad_norm_([w], 100.0, 1))",
          "tensor(4.) tensor([ 1.5000, -2.0000]) tensor(3.5000)\n"),
    .init("import torch\nw = torch.tensor([1.0], requires_grad=True)\nw.grad = torch.tensor([float('nan')])\ntorch.nn.utils.clip_grad_norm_([w], 1.0, error_if_nonfinite=True)",
          "error: 4:1: The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`\n"),
    .init("x = arange(6)\nparts = x.split(3)\nparts[0][0] = 5",
          "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), "
              + "so writing into it would not change the tensor it came from; write into the original in one step "
              + "(x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("torch_where = where(tensor([1, 0]), tensor([1]))", "error: 1:15: where() missing required argument 'other'\n"),
    .init("tensor([1.0]).sort(dims=0)", "error: 1:1: sort() got an unexpected keyword argument 'dims' (did you mean 'dim'?)\n"),
    .init("tensor([[1.0]]).quantile(2.0)", "error: 1:1: quantile: quantile() q values must be in the range [0, 1]\n"),
]

@Test(arguments: tensorMathCases) func tensorMath(_ program: ProgramCase) { check(program) }
