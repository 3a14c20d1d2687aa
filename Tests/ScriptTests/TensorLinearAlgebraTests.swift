import Testing

/// `torch.det`/`torch.linalg.det`/`x.det()` and `torch.inverse`/`torch.linalg.inv`/
/// `x.inverse()` as PyTorch's: batches, node names, gradients (0 for a singular matrix, with
/// PyTorch's signed zeros), errors; and numpy's `np.linalg.det`/`inv` in float64 with its
/// `LinAlgError` (expected values printed by PyTorch 2.15 and numpy 2.4).
let linearAlgebraCases: [ProgramCase] = [
    .init("""
        import torch
        x = torch.tensor([[2., 1.], [1., 3.]], requires_grad=True)
        print(torch.det(x), x.det(), torch.linalg.det(A=x))
        print(torch.inverse(x))
        print(torch.linalg.inv(x).tolist() == x.inverse().tolist(), torch.det(input=x).item())
        torch.det(x).backward()
        print(x.grad)
        x.grad = None
        (torch.inverse(x) * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
        print(x.grad)
        """,
          """
        tensor(5., grad_fn=<LinalgDetBackward0>) tensor(5., grad_fn=<LinalgDetBackward0>) tensor(5., grad_fn=<LinalgDetBackward0>)
        tensor([[ 0.6000, -0.2000],
                [-0.2000,  0.4000]], grad_fn=<LinalgInvExBackward0>)
        True 5.0
        tensor([[ 3., -1.],
                [-1.,  2.]])
        tensor([[ 0.0800, -0.1600],
                [-0.3600, -0.2800]])

        """),
    .init("""
        import torch
        a = torch.tensor([[[1., 2.], [3., 4.]], [[2., 0.], [0., 5.]]])
        print(torch.det(a))
        print(torch.inverse(a))
        print(torch.det(torch.tensor([[4., 3, 2], [1, 5, 7], [2, 8, 1]])))
        print(torch.det(torch.zeros(0, 0)), torch.inverse(torch.zeros(0, 0)), torch.det(torch.ones(0, 3, 3)))
        """,
          """
        tensor([-2., 10.])
        tensor([[[-2.0000,  1.0000],
                 [ 1.5000, -0.5000]],

                [[ 0.5000,  0.0000],
                 [ 0.0000,  0.2000]]])
        tensor(-169.)
        tensor(1.) tensor([], size=(0, 0)) tensor([])

        """),
    // PyTorch's gradient of det at a singular matrix is 0 (the adjugate would not be).
    .init("""
        import torch
        z = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
        d = torch.det(z)
        d.backward()
        print(d, z.grad)
        """,
          "tensor(-0., grad_fn=<LinalgDetBackward0>) tensor([[0., -0.],\n        [-0., 0.]])\n"),
    .init("import torch\ntorch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))",
          "error: 2:1: linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.\n"),
    .init("import torch\ntorch.inverse(torch.stack([torch.eye(2), torch.zeros(2, 2)]))",
          "error: 2:1: linalg.inv: (Batch element 1): The diagonal element 1 is zero, the inversion could not be completed because the input matrix is singular.\n"),
    .init("import torch\ntorch.ones(2, 3).det()",
          "error: 2:1: linalg.det: A must be batches of square matrices, but they are 2 by 3 matrices\n"),
    .init("import torch\ntorch.inverse(torch.ones(3))",
          "error: 2:1: linalg.inv: The input tensor A must have at least 2 dimensions.\n"),
    .init("import torch\ntorch.det(torch.tensor([[1, 2], [3, 4]]))",
          "error: 2:1: linalg.det: Expected a floating point or complex tensor as input. Got Long\n"),
    .init("""
        import torch
        try:
            torch.inverse(torch.zeros(1, 1))
        except RuntimeError as e:
            print("caught", e)
        """,
          "caught linalg.inv: The diagonal element 1 is zero, the inversion could not be completed because the input matrix is singular.\n"),
    .init("""
        import numpy as np
        print(np.linalg.det(np.array([[1., 2], [3, 4]])), np.linalg.det([[4, 3, 2], [1, 5, 7], [2, 8, 1]]))
        print(np.round(np.linalg.inv([[4., 3, 2], [1, 5, 7], [2, 8, 1]])[0], 4))
        print(np.linalg.det(np.array([[[1., 2], [3, 4]], [[2, 0], [0, 5]]])), np.linalg.det([[1, 2], [2, 4]]))
        try:
            np.linalg.inv([[1, 2], [2, 4]])
        except np.linalg.LinAlgError as e:
            print("LinAlgError", e, isinstance(e, ValueError))
        for bad in [[1., 2.], [[1., 2., 3.], [4., 5., 6.]]]:
            try:
                np.linalg.det(bad)
            except ValueError as e:
                print(type(e).__name__, e)
        """,
          """
        -2.0000000000000004 -168.99999999999986
        [ 0.3018 -0.0769 -0.0651]
        [-2. 10.] 0.0
        LinAlgError Singular matrix True
        LinAlgError 1-dimensional array given. Array must be at least two-dimensional
        LinAlgError Last 2 dimensions of the array must be square

        """),
]

@Test(arguments: linearAlgebraCases) func tensorLinearAlgebra(_ program: ProgramCase) { check(program) }
