import Testing

/// Indexing and assignment with ints, slices, None, tuples, int and bool tensors and lists.
let tensorIndexingCases: [ProgramCase] = [
    .init("x = arange(12).reshape(3, 4)\nx[0], x[-1, -1], x[1][2]", "(tensor([0, 1, 2, 3]), tensor(11), tensor(6))\n"),
    .init("x = arange(12).reshape(3, 4)\nx[:, -1]", "tensor([ 3,  7, 11])\n"),
    .init("x = arange(12).reshape(3, 4)\nx[1:5, ::2]", "tensor([[ 4,  6],\n        [ 8, 10]])\n"),
    .init("x = arange(12).reshape(3, 4)\nx[:, 1:3].shape, x[None].shape, x[:, None, 0].shape, x[-2:].shape", "(torch.Size([3, 2]), torch.Size([1, 3, 4]), torch.Size([3, 1]), torch.Size([2, 4]))\n"),
    .init("x = arange(12).reshape(3, 4)\nx[tensor([0, 2])]", "tensor([[ 0,  1,  2,  3],\n        [ 8,  9, 10, 11]])\n"),
    .init("x = arange(12).reshape(3, 4)\nx[[0, 2], 1], x[tensor([2, 0]), tensor([3, 0])]", "(tensor([1, 9]), tensor([11,  0]))\n"),
    .init("x = arange(12).reshape(3, 4)\nx[x > 5]", "tensor([ 6,  7,  8,  9, 10, 11])\n"),
    .init("x = arange(6)\nx[::-1]", "error: 2:1: index: slice step must be positive, got -1 (indexing a tensor of shape (6,) with [::-1])\n"),
    .init("x = zeros(2, 3)\nx[0] = 1\nx[:, 2] = tensor([5.0, 6.0])\nx", "tensor([[1., 1., 5.],\n        [0., 0., 6.]])\n"),
    .init("x = arange(6).float()\nx[x > 3] = 0\nx[tensor([0, 1])] = -1.5\nx", "tensor([-1.5000, -1.5000,  2.0000,  3.0000,  0.0000,  0.0000])\n"),
    .init("x = zeros(2, 2)\nx[1, 1] += 3\nx[0] -= 1\nx", "tensor([[-1., -1.],\n        [ 0.,  3.]])\n"),
    // Views in PyTorch are copies here: writing into one while its source lives is refused,
    // never silently lost.
    .init("x = zeros(2, 3)\nx[0][1] = 5", "error: 2:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3)\nrow = x[1]\nrow += 10", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3)\nt = x.T\nt[0, 1] = 42", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3)\ns = x[0:1]\ns.zero_()", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3)\np = x.transpose(0, 1)\np.fill_(1)", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    // A copy of a tensor nobody holds, a clone, an advanced index (a copy in PyTorch too)
    // and reshape (a view here as well) may be written.
    .init("x = zeros(2, 3)\nfor row in x:\n    row[0] = 1", "error: 3:5: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3)\na, b = x\na.zero_()", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3)\nrows = list(x)\nrows[0][1] = 3", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = ones(2, 3)\ntotal = 0\nfor row in x:\n    total = total + row.sum()\ntotal", "tensor(6.)\n"),
    .init("y = zeros(3)[0:2]\ny[0] = 1\ny", "tensor([1., 0.])\n"),
    .init("x = zeros(2, 3)\nr = x[1].clone()\nr[0] = 7\nr, x.sum().item()", "(tensor([7., 0., 0.]), 0.0)\n"),
    .init("x = arange(0, 4)\nm = x[tensor([0, 2])]\nm[0] = 9\nm, x", "(tensor([9, 2]), tensor([0, 1, 2, 3]))\n"),
    .init("x = zeros(2, 2)\nv = x.reshape(4)\nv[0] = 9\nx", "tensor([[9., 0.],\n        [0., 0.]])\n"),
    .init("x = zeros(3, 4)\nx[5]", "error: 2:1: index: index 5 is out of bounds for dimension 0 with size 3 (indexing a tensor of shape (3, 4) with [5])\n"),
    .init("x = zeros(3, 4)\nx[:, -9] = 1", "error: 2:1: index: index -9 is out of bounds for dimension 1 with size 4 (indexing a tensor of shape (3, 4) with [:, -9])\n"),
    .init("x = zeros(3, 4)\nx[0, 0, 0]", "error: 2:1: index: too many indices for tensor of dimension 2 (indexing a tensor of shape (3, 4) with [0, 0, 0])\n"),
    .init("x = zeros(3)\nx[1.5]", "error: 2:1: only integers, slices (`:`), ellipsis (`...`), None and long or bool tensors are valid indices (got float)\n"),
    .init("x = zeros(2, 3)\nx[0] = tensor([1.0, 2.0])", "error: 2:1: index_put: the shape (2,) cannot be expanded to (3,) (indexing a tensor of shape (2, 3) with [0])\n"),
]

@Test(arguments: tensorIndexingCases) func tensorIndexing(_ program: ProgramCase) { check(program) }

/// `...` (Ellipsis): the object itself, and in tensor indices, read and written, where it
/// stands for the full slices the other components leave (a view in PyTorch: basic indexing).
let ellipsisCases: [ProgramCase] = [
    .init("...", "Ellipsis\n"),
    .init("print(..., [..., 1], f'{...}')\n... is Ellipsis, ... == ..., (...,)", "Ellipsis [Ellipsis, 1] Ellipsis\n(True, True, (Ellipsis,))\n"),
    .init("x = arange(24).reshape(2, 3, 4)\nx[..., 0]", "tensor([[ 0,  4,  8],\n        [12, 16, 20]])\n"),
    .init("x = arange(24).reshape(2, 3, 4)\nx[0, ...].shape, x[..., None].shape, x[..., 1, :].shape, x[...].shape, x[None, ..., 0].shape",
          "(torch.Size([3, 4]), torch.Size([2, 3, 4, 1]), torch.Size([2, 4]), torch.Size([2, 3, 4]), torch.Size([1, 2, 3]))\n"),
    .init("x = arange(6).reshape(2, 3)\nx[1, ..., 2], x[..., -1], x[..., 0:2]", "(tensor(5), tensor([2, 5]), tensor([[0, 1],\n        [3, 4]]))\n"),
    .init("x = zeros(2, 3)\nx[..., 0] = 1\nx[1, ...] += 2\nx", "tensor([[1., 0., 0.],\n        [3., 2., 2.]])\n"),
    .init("w = ones(2, 3, requires_grad=True)\nw[..., 1].sum().backward()\nw.grad", "tensor([[0., 1., 0.],\n        [0., 1., 0.]])\n"),
    .init("x = zeros(2, 3)\ny = x[..., 0]\ny[0] = 1", "error: 3:1: this tensor is a copy made by indexing, .T, transpose, permute or expand (where PyTorch would give a view), so writing into it would not change the tensor it came from; write into the original in one step (x[0, 1] = v rather than x[0][1] = v), or call .clone() first if you want a separate tensor\n"),
    .init("x = zeros(2, 3, 4)\nx[..., 0, ...]", "error: 2:1: index: an index can only have a single ellipsis ('...') (indexing a tensor of shape (2, 3, 4) with [..., 0, ...])\n"),
    .init("x = zeros(2, 3)\nx[..., ...] = 1", "error: 2:1: index: an index can only have a single ellipsis ('...') (indexing a tensor of shape (2, 3) with [..., ...])\n"),
    .init("[1, 2][...]", "error: 1:1: list indices must be integers or slices, not ellipsis\n"),
    .init("... = 1", "error: 1:1: cannot assign to this expression\n"),
]

@Test(arguments: ellipsisCases) func ellipsis(_ program: ProgramCase) { check(program) }
