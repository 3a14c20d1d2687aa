import Testing

/// `torch.testing.assert_close` and `torch.equal` with PyTorch 2's rules and reports,
/// `io.BytesIO` as a target of `torch.save`/`torch.load`, and one-element integer tensors
/// as indices (`__index__`).
let torchTestingCases: [ProgramCase] = [
    .init("import torch\ntorch.testing.assert_close(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.000001]))\nprint('ok')", "ok\n"),
    .init("import torch\ntorch.testing.assert_close(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([1.0, 2.5, 3.0]))",
          "error: 2:1: Tensor-likes are not close!\n\nMismatched elements: 1 / 3 (33.3%)\nGreatest absolute difference: 0.5 at index (1,) (up to 1e-05 allowed)\nGreatest relative difference: 0.2 at index (1,) (up to 1.3e-06 allowed)\n"),
    .init("import torch\ntorch.testing.assert_close(torch.zeros(2), torch.zeros(3))",
          "error: 2:1: The values for attribute 'shape' do not match: torch.Size([2]) != torch.Size([3]).\n"),
    .init("import torch\ntorch.testing.assert_close(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]))",
          "error: 2:1: The values for attribute 'dtype' do not match: torch.int64 != torch.float32.\n"),
    .init("import torch\ntorch.testing.assert_close(torch.tensor([1, 2]), torch.tensor([1.0, 2.0]), check_dtype=False)\nprint('ok')", "ok\n"),
    .init("import torch\ntorch.testing.assert_close(torch.tensor(1.0), 1.0)",
          "error: 2:1: No comparison pair was able to handle inputs of type <class 'torch.Tensor'> and <class 'float'>.\n"),
    .init("import torch\ntorch.testing.assert_close(torch.tensor(1.0), torch.tensor(1.1), rtol=0.2)",
          "error: 2:1: Both 'rtol' and 'atol' must be either specified or omitted, but got no atol.\n"),
    .init("import torch\ntorch.testing.assert_close(torch.tensor(1.0), torch.tensor(1.1), rtol=0.2, atol=0)\nprint('ok')", "ok\n"),
    .init("import torch\ntorch.testing.assert_close(torch.ones(2), torch.zeros(2), msg='the weights moved')",
          "error: 2:1: the weights moved\n"),
    .init("import torch\ntorch.testing.assert_close(0.1 + 0.2, 0.3)\ntorch.testing.assert_close([1, (2.0, 3)], [1, (2.0, 3)])\nprint('ok')", "ok\n"),
    .init("import torch\ntorch.testing.assert_close(1, 1.0)",
          "error: 2:1: The values for attribute 'dtype' do not match: <class 'int'> != <class 'float'>.\n"),
    .init("import torch\ntorch.testing.assert_close(1.0, 1.001)",
          "error: 2:1: Scalars are not close!\n\nGreatest absolute difference: 0.001 (up to 1e-07 allowed)\nGreatest relative difference: 0.000999001 (up to 1e-07 allowed)\n"),
    .init("import torch\ntorch.testing.assert_close([torch.ones(2), torch.ones(2)], [torch.ones(2), torch.zeros(2)])",
          "error: 2:1: Tensor-likes are not close!\n\nMismatched elements: 2 / 2 (100.0%)\nGreatest absolute difference: 1.0 at index (0,) (up to 1e-05 allowed)\nGreatest relative difference: inf at index (0,) (up to 1.3e-06 allowed)\n\nThe failure occurred for item [1]\n"),
    .init("import torch\ntorch.testing.assert_close([1, 2], [1])", "error: 2:1: The length of the sequences mismatch: 2 != 1\n"),
    .init("import torch\ntry:\n    torch.testing.assert_close(torch.ones(1), torch.zeros(1))\nexcept AssertionError as e:\n    print('caught', str(e).splitlines()[0])", "caught Tensor-likes are not close!\n"),
    .init("from torch.testing import assert_close\nimport torch\nassert_close(torch.tensor([float('nan')]), torch.tensor([float('nan')]), equal_nan=True)\nprint('ok')", "ok\n"),
    .init("import torch\nprint(torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])), torch.equal(torch.ones(2), torch.ones(3)), torch.equal(torch.ones(2), torch.tensor([1.0, 0.0])))",
          "True False False\n"),
    .init("import torch\ntorch.equal(torch.ones(2), [1.0, 1.0])", "error: 2:1: equal(): argument 'other' must be Tensor, not list\n"),
    // io.BytesIO as a checkpoint target.
    .init("import io\nimport torch\nb = io.BytesIO()\ntorch.save({'w': torch.tensor([1.0, 2.0]), 'n': 3}, b)\nsize = b.tell()\nb.seek(0)\nd = torch.load(b)\nprint(d['w'], d['n'], size == b.getbuffer().nbytes, b.tell() == size, b.closed)",
          "tensor([1., 2.]) 3 True True False\n"),
    .init("import io\nimport torch\nb = io.BytesIO()\ntorch.save(torch.ones(2), b)\ntorch.load(b)",
          "error: 5:1: load: the buffer is not a valid safetensors file: it is shorter than the 8-byte header length\n"),
    .init("import io\nb = io.BytesIO()\nb.getvalue()",
          "error: 3:1: BytesIO.getvalue() is not supported (there is no bytes type); the buffer is for torch.save(obj, buffer) and torch.load(buffer); its size is buffer.getbuffer().nbytes\n"),
    .init("import io\nb = io.BytesIO()\nb.close()\nb.seek(0)", "error: 4:1: I/O operation on closed file.\n"),
    .init("import io\nio.BytesIO(b)", "error: 2:12: undefined name 'b'\n"),
    // One-element integer tensors are indices, as through __index__.
    .init("import torch\nxs = [0, 1, 2, 3]\nn = torch.tensor(2)\nt = torch.arange(6)\nt[n:] = 0\nprint(xs[n:], xs[:torch.tensor([3])], list(range(n)), t)", "[2, 3] [0, 1, 2] [0, 1] tensor([0, 1, 0, 0, 0, 0])\n"),
    .init("import torch\n[0, 1][torch.tensor(0.5):]",
          "error: 2:1: slice index must be an int: only integer tensors of a single element can be converted to an index, not a torch.float32 tensor\n"),
]

@Test(arguments: torchTestingCases) func torchTesting(_ program: ProgramCase) { check(program) }
