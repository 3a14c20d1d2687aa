import Testing
@testable import ScriptRuntime

/// `torch.device`, `torch.cuda`, and the tensor side of devices and dtypes: `.to`, `.cpu`,
/// `.device`, and the refused `.cuda()` / `.double()`.
let deviceCases: [ProgramCase] = [
    .init("""
        import torch
        device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        print(device, repr(device), device.type, device.index, torch.cuda.device_count())
        print(torch.device('cpu', 0), torch.device('cpu:1').index, device == torch.device('cpu'), device == torch.device('cpu:0'))
        torch.cuda.manual_seed_all(0)
        x = torch.ones(2)
        print(x.device, x.is_cuda, x.to(device) is x, x.to('cpu') is x, x.cpu() is x, x.to(device, torch.float32) is x)
        print(x.to(torch.long), x.to(dtype=torch.long).dtype, x.to(torch.ones(1, dtype=torch.long)).dtype, x.to('cpu', copy=True) is x)
        print(torch.tensor([1, 2]).to(float), x.to(device=device, non_blocking=True) is x)
        """, """
        cpu device(type='cpu') cpu None 0
        cpu:0 1 True False
        cpu False True True True True
        tensor([1, 1]) torch.int64 torch.int64 False
        tensor([1., 2.]) True

        """),
    // Conversions are differentiable where PyTorch's are.
    .init("""
        import torch
        x = torch.tensor([1.5, -2.0], requires_grad=True)
        y = x.to('cpu', copy=True) * 3
        y.sum().backward()
        print(x.grad, y.requires_grad)
        """, "tensor([3., 3.]) True\n"),
    .init("import torch\ntorch.device('cuda')",
          "error: 2:1: no GPU here: 'cuda' is not available, rnnbook runs on the CPU; use torch.device('cpu') (torch.cuda.is_available() is False)\n"),
    .init("import torch\ntorch.device(0)",
          "error: 2:1: no GPU here: 'cuda:0' is not available, rnnbook runs on the CPU; use torch.device('cpu') (torch.cuda.is_available() is False)\n"),
    .init("import torch\ntorch.ones(2).cuda()",
          "error: 2:1: no GPU here: 'cuda' is not available, rnnbook runs on the CPU; use torch.device('cpu') (torch.cuda.is_available() is False)\n"),
    .init("import torch\ntorch.ones(2).to('cuda:0')",
          "error: 2:1: no GPU here: 'cuda:0' is not available, rnnbook runs on the CPU; use torch.device('cpu') (torch.cuda.is_available() is False)\n"),
    .init("import torch\ntorch.ones(2).double()",
          "error: 2:1: x.double(): float64 tensors are not supported, the engine computes in float32; keep float32 (remove the call, or write x.float())\n"),
    .init("import torch\ntorch.device('tpu')", "error: 2:1: expected one of cpu, cuda, mps device type at start of device string: tpu\n"),
    .init("import torch\ntorch.device('cpu:x')", "error: 2:1: invalid device string: 'cpu:x'\n"),
    .init("import torch\ntorch.ones(2).to(torch.long, dtype=torch.float32)",
          "error: 2:1: to() received an invalid combination of arguments: dtype given twice\n"),
    .init("import torch\ntorch.ones(2).to(3)", "error: 2:1: to() argument 'device' must be a device or a string such as 'cpu', not int\n"),
]

@Test(arguments: deviceCases) func devices(_ program: ProgramCase) { check(program) }

/// `device=` on the tensor-making functions, as ported code writes it.
let deviceKeywordCases: [ProgramCase] = [
    .init("import torch\ndevice = torch.device('cpu')\nx = torch.zeros(2, 3, device=device)\n"
          + "y = torch.tensor([1.0], device='cpu', requires_grad=True)\nprint(x.shape, y, torch.randn(2, device=None).shape)",
          "torch.Size([2, 3]) tensor([1.], requires_grad=True) torch.Size([2])\n"),
    .init("import torch\ntorch.arange(3, device='cpu:0').tolist()", "[0, 1, 2]\n"),
    .init("import torch\ntorch.ones(2, device='cuda')",
          "error: 2:1: no GPU here: 'cuda' is not available, rnnbook runs on the CPU; use torch.device('cpu') (torch.cuda.is_available() is False)\n"),
    .init("import torch\ntorch.zeros(2, device=3)",
          "error: 2:1: zeros() argument 'device' must be a device or a string such as 'cpu', not int\n"),
]

@Test(arguments: deviceKeywordCases) func deviceKeywords(_ program: ProgramCase) { check(program) }

/// The grad-mode switches, as context managers and as decorators.
let gradModeCases: [ProgramCase] = [
    .init("""
        import torch
        w = torch.ones(2, requires_grad=True)
        print(torch.is_grad_enabled(), (w * 2).requires_grad)
        with torch.no_grad():
            print(torch.is_grad_enabled(), (w * 2).requires_grad)
            with torch.enable_grad():
                print(torch.is_grad_enabled(), (w * 2).requires_grad)
            print(torch.is_grad_enabled())
        with torch.inference_mode():
            print((w * 2).requires_grad)
        with torch.inference_mode(False):
            print((w * 2).requires_grad)
        with torch.set_grad_enabled(False):
            print((w * 2).requires_grad)
        print(torch.is_grad_enabled())
        """, "True True\nFalse False\nTrue True\nFalse\nFalse\nTrue\nFalse\nTrue\n"),
    // As decorators: no_grad() called on a function gives one that runs without recording.
    .init("""
        import torch
        w = torch.ones(2, requires_grad=True)
        def f(x):
            return (w * x).requires_grad
        print(torch.no_grad()(f)(2), torch.no_grad(f)(2), f(2), torch.inference_mode()(f)(2), torch.inference_mode(f)(2))
        with torch.no_grad():
            print(torch.enable_grad()(f)(2), f(2))
        print(torch.no_grad()(f).__name__, torch.is_grad_enabled())
        g = torch.set_grad_enabled(False)(f)
        print(torch.is_grad_enabled(), g(2), torch.is_grad_enabled())
        """, "False False True False False\nTrue False\nf True\nTrue False True\n"),
    // set_grad_enabled called as a statement switches recording for what follows, as PyTorch.
    .init("""
        import torch
        torch.set_grad_enabled(False)
        print(torch.is_grad_enabled(), (torch.ones(1, requires_grad=True) * 2).requires_grad)
        torch.set_grad_enabled(True)
        print(torch.is_grad_enabled())
        """, "False False\nTrue\n"),
    // Decorator syntax, with and without the call, as PyTorch allows both.
    .init("""
        import torch
        w = torch.ones(2, requires_grad=True)
        @torch.no_grad()
        def evaluate(x):
            return (w * x).requires_grad
        @torch.no_grad
        def evaluate_bare(x):
            return (w * x).requires_grad
        @torch.inference_mode()
        def infer(x):
            return (w * x).requires_grad
        class Trainer:
            def __init__(self, scale):
                self.scale = scale
            @torch.no_grad()
            def evaluate(self, x):
                return (w * x * self.scale).requires_grad
        print(evaluate(2), evaluate_bare(2), infer(2), evaluate.__name__, torch.is_grad_enabled(), Trainer(3).evaluate(2))
        """, "False False False evaluate True False\n"),
    .init("import torch\ntorch.no_grad()(3)",
          "error: 2:1: no_grad() decorates a function, not int; write @torch.no_grad() above a def, or use 'with torch.no_grad():'\n"),
    .init("import torch\ntorch.set_grad_enabled(1)", "error: 2:1: set_grad_enabled() argument 'mode' must be a bool, not int\n"),
]

@Test(arguments: gradModeCases) func gradModes(_ program: ProgramCase) { check(program) }

@Test func theModeIsRestoredWhenADecoratedFunctionFails() {
    let output = runBlocks(["import torch\ndef boom():\n    return 1 / 0\ntorch.no_grad()(boom)()", "print(torch.is_grad_enabled())"])
    #expect(output == "error: 3:12: division by zero\nTrue\n")
}

@Test func gradModeAndDevicesAreSnapshotted() throws {
    let runner = SnapshotRunner()
    let (first, second, _) = try runner.twice(
        "import torch\ndevice = torch.device('cpu')\nquiet = torch.no_grad()\ntorch.set_grad_enabled(False)",
        "print(torch.is_grad_enabled(), device)\nwith torch.enable_grad():\n    with quiet:\n        print(torch.is_grad_enabled())\ntorch.set_grad_enabled(True);")
    #expect(first == "False cpu\nFalse\n")
    #expect(second == first)
}
