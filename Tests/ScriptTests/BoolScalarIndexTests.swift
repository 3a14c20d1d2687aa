import Testing

/// `x[True]` (or a 0-d bool tensor) is a mask of no dimensions in PyTorch and numpy: it adds
/// a dimension of one element, like `x[None]`, and records an `IndexBackward0`. It used to
/// pick row 1 (True as the int 1), a silent difference; `x[False]` (an empty new dimension)
/// and a bool beside tensor indices are refused with what to write instead. Expected output
/// printed by PyTorch 2.15 and numpy 2.4.
let boolScalarIndexCases: [ProgramCase] = [
    .init("""
        import torch
        import numpy as np
        x = torch.arange(6.).reshape(2, 3)
        print(x[torch.tensor(True)].shape, x[True].shape, x[0, True].shape, x[True, 1].shape, x[..., True].shape)
        y = x.clone().requires_grad_()
        print(y[True].grad_fn.name(), y[None].grad_fn.name())
        x[True] = 5
        print(x)
        a = np.arange(6.).reshape(2, 3)
        print(a[True].shape)
        """, """
        torch.Size([1, 2, 3]) torch.Size([1, 2, 3]) torch.Size([1, 3]) torch.Size([1, 3]) torch.Size([2, 3, 1])
        IndexBackward0 UnsqueezeBackward0
        tensor([[5., 5., 5.],
                [5., 5., 5.]])
        (1, 2, 3)

        """),
    .init("import torch\nx = torch.zeros(2, 3)\nx[False]",
          "error: 3:1: indexing with False (an empty selection) is not supported; write x[None][:0]\n"),
    .init("import torch\nx = torch.zeros(2, 3)\nx[torch.tensor([0]), True]",
          "error: 3:1: indexing with True or False together with tensor indices is not supported; "
              + "index with the tensors first, then add the dimension with None\n"),
]

@Test(arguments: boolScalarIndexCases) func boolScalarIndex(_ program: ProgramCase) { check(program) }
