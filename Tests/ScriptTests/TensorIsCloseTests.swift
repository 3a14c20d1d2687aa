import Testing

/// `torch.isclose` and `torch.allclose` as PyTorch's: both broadcast (`allclose` of shapes
/// (3,) and (1,) is True, where it used to be False for any two shapes that differ), NaN is
/// close to NaN only with `equal_nan`, equal infinities are close, and negative tolerances
/// are refused (expected values printed by PyTorch 2.15).
let isCloseCases: [ProgramCase] = [
    .init("import torch\nprint(torch.allclose(torch.ones(3), torch.ones(1)), torch.allclose(torch.ones(2, 3), torch.tensor(1.0001), rtol=1e-3))",
          "True True\n"),
    .init("""
        import torch
        a = torch.tensor([1.0, float('nan'), float('inf'), 2.0, 1e-9])
        b = torch.tensor([1.00001, float('nan'), float('inf'), 2.1, 0.0])
        print(torch.isclose(a, b), torch.isclose(a, b, equal_nan=True), torch.allclose(a, b, equal_nan=True))
        """,
          "tensor([False, False,  True, False,  True]) tensor([False,  True,  True, False,  True]) False\n"),
    .init("import torch\nprint(torch.isclose(torch.tensor([[1.], [2.]]), torch.tensor([1., 2., 3.])))",
          "tensor([[ True, False, False],\n        [False,  True, False]])\n"),
    .init("import torch\nprint(torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3])), torch.allclose(torch.tensor([10.0]), torch.tensor([10.5]), atol=0.5))",
          "tensor([ True, False]) True\n"),
    // One rule for all three: an infinity is close only to itself (the formula alone calls 1
    // close to ∞, and numpy's isclose and the graders' assert_close said so).
    .init("import numpy as np\nimport torch\nprint(np.isclose(1, np.inf), np.isclose(np.inf, np.inf), np.isclose(-np.inf, np.inf), torch.isclose(torch.tensor([1.0]), torch.tensor([float('inf')])))",
          "False True False tensor([False])\n"),
    .init("try:\n    assert_close(1.0, float('inf'))\n    print('passed')\nexcept AssertionError:\n    print('failed')\nassert_close([float('inf'), 2.0], [float('inf'), 2.0])\nprint('equal infinities are close')",
          "failed\nequal infinities are close\n"),
    .init("import torch\ntorch.isclose(torch.ones(2), torch.ones(3))",
          "error: 2:1: isclose: (2,) vs (3,): shapes cannot be broadcast (dimension 0 is 2 and 3)\n"),
    .init("import torch\ntorch.allclose(torch.ones(2), torch.ones(2), rtol=-1)",
          "error: 2:1: isclose: rtol must be greater than or equal to zero, but got -1.0\n"),
]

@Test(arguments: isCloseCases) func tensorIsClose(_ program: ProgramCase) { check(program) }
