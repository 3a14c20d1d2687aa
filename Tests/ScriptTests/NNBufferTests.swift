import Diagnostics
import Testing
@testable import ScriptRuntime

/// `nn.Module.register_buffer(name, tensor, persistent=True)` as PyTorch's
/// (torch/nn/modules/module.py): attribute access and assignment, `buffers()` /
/// `named_buffers()`, not in `parameters()`, in `state_dict()` only when persistent and not
/// None, loaded by `load_state_dict`, copied by `copy.deepcopy`; PyTorch's errors.
let nnBufferCases: [ProgramCase] = [
    .init(imported: """
          import torch
          import torch.nn as nn
          class Net(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.fc = nn.Linear(2, 1)
                  self.register_buffer("mask", torch.ones(2))
                  self.register_buffer("steps", torch.zeros(()), persistent=False)
                  self.register_buffer("empty", None)
              def forward(self, x):
                  self.steps += 1
                  return self.fc(x * self.mask)
          net = Net()
          print(net.mask, net.empty)
          net(torch.ones(3, 2))
          print(net.steps, [name for name, _ in net.named_parameters()], len(list(net.parameters())))
          print([name for name, _ in net.named_buffers()], len(list(net.buffers())))
          print(list(net.state_dict().keys()))
          print(net.state_dict(keep_vars=True)["mask"], net.state_dict(keep_vars=True)["fc.bias"].requires_grad)
          print(net)
          """, """
          tensor([1., 1.]) None
          tensor(1.) ['fc.weight', 'fc.bias'] 2
          ['mask', 'steps'] 2
          ['mask', 'fc.weight', 'fc.bias']
          tensor([1., 1.]) True
          Net(
            (fc): Linear(in_features=2, out_features=1, bias=True)
          )

          """),
    // Buffers of submodules carry dotted names; in a state dict a module's buffers come after its
    // own parameters and before its children's entries.
    .init(imported: """
          import torch
          import torch.nn as nn
          class Inner(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.register_buffer("running", torch.zeros(3))
                  self.w = nn.Parameter(torch.ones(1))
          class Outer(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.register_buffer("scale", torch.tensor(2.0))
                  self.inner = Inner()
                  self.b = nn.Parameter(torch.zeros(1))
          m = Outer()
          print(list(m.state_dict().keys()))
          print([n for n, _ in m.named_buffers()], [n for n, _ in m.named_buffers(prefix="m")], [n for n, _ in m.named_buffers(recurse=False)])
          print(len(list(m.buffers(recurse=False))), len(list(m.buffers())))
          """, """
          ['b', 'scale', 'inner.w', 'inner.running']
          ['scale', 'inner.running'] ['m.scale', 'm.inner.running'] ['scale']
          1 2

          """),
    // load_state_dict copies buffers in place; a non-persistent one is an unexpected key.
    .init(imported: """
          import torch
          import torch.nn as nn
          class M(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.register_buffer("mean", torch.zeros(2))
                  self.register_buffer("tmp", torch.zeros(1), persistent=False)
          a, b = M(), M()
          a.mean += 5
          keep = b.mean
          print(b.load_state_dict(a.state_dict()), keep, b.mean is keep)
          print(b.load_state_dict({"mean": torch.ones(2), "tmp": torch.ones(1)}, strict=False))
          b.load_state_dict({})
          """, """
          <All keys matched successfully> tensor([5., 5.]) True
          _IncompatibleKeys(missing_keys=[], unexpected_keys=['tmp'])
          error: 13:1: Error(s) in loading state_dict for M:
          \tMissing key(s) in state_dict: "mean".\u{20}

          """),
    // Assigning to a buffer replaces it (a tensor or None); copy.deepcopy copies buffers.
    .init(imported: """
          import copy
          import torch
          import torch.nn as nn
          m = nn.Module()
          m.register_buffer("h", torch.zeros(2))
          m.h = torch.ones(2)
          print(m.h, list(m.state_dict().keys()))
          twin = copy.deepcopy(m)
          m.h.add_(1)
          print(twin.h, m.h)
          m.h = None
          print(m.h, list(m.state_dict().keys()), list(m.buffers()))
          m.register_buffer("h", torch.zeros(1), persistent=False)
          print(list(m.state_dict().keys()), [n for n, _ in m.named_buffers()])
          m.h = nn.Parameter(torch.ones(1))
          print([n for n, _ in m.named_buffers()], [n for n, _ in m.named_parameters()])
          del m.h
          print(hasattr(m, "h"))
          """, """
          tensor([1., 1.]) ['h']
          tensor([1., 1.]) tensor([2., 2.])
          None [] []
          [] ['h']
          [] ['h']
          False

          """),
    // PyTorch's errors.
    .init(imported: "nn.Module().register_buffer(1, torch.zeros(1))", "error: 1:1: buffer name should be a string. Got int\n"),
    .init(imported: "nn.Module().register_buffer('a.b', torch.zeros(1))", "error: 1:1: 'buffer name can\\'t contain \".\"'\n"),
    .init(imported: "nn.Module().register_buffer('', torch.zeros(1))", "error: 1:1: 'buffer name can\\'t be empty string \"\"'\n"),
    .init(imported: "m = nn.Module()\nm.x = 5\nm.register_buffer('x', torch.zeros(1))", "error: 3:1: \"attribute 'x' already exists\"\n"),
    .init(imported: "nn.Module().register_buffer('train', torch.zeros(1))", "error: 1:1: \"attribute 'train' already exists\"\n"),
    .init(imported: "nn.Module().register_buffer('x', [1.0])",
          "error: 1:1: cannot assign 'list' object to buffer 'x' (torch Tensor or None required)\n"),
    .init(imported: "import numpy as np\nnn.Module().register_buffer('x', np.zeros(2))",
          "error: 2:1: cannot assign 'numpy.ndarray' object to buffer 'x' (torch Tensor or None required)\n"),
    .init(imported: "m = nn.Module()\nm.register_buffer('x', torch.zeros(1))\nm.x = 3",
          "error: 3:3: cannot assign 'int' as buffer 'x' (torch.Tensor or None expected)\n"),
    .init(imported: "nn.Linear(1, 1).register_buffer('x', torch.zeros(1))",
          "error: 1:1: register_buffer() on a built-in Linear is not supported here; register buffers in your own nn.Module subclass\n"),
    .init(imported: "try:\n    nn.Module().register_buffer('', torch.zeros(1))\nexcept KeyError as e:\n    print('KeyError', e)",
          "KeyError 'buffer name can\\'t be empty string \"\"'\n"),
]

@Test(arguments: nnBufferCases) func registerBufferFollowsPyTorch(_ program: ProgramCase) {
    check(program)
}

/// A session snapshot copies a module's buffers: restoring it rewinds a buffer changed in
/// place and one replaced by assignment.
@Test func buffersAreSnapshotted() throws {
    let session = ScriptSession(seed: 1)
    let origin = BlockOrigin(file: SourceFile(name: "lab.md", text: "\n"), line: 1)
    _ = session.run("""
        import torch
        import torch.nn as nn
        class M(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("count", torch.zeros(1))
                self.register_buffer("other", torch.ones(1), persistent=False)
        m = M()
        """, origin: origin)
    let snapshot = try session.snapshot()
    _ = session.run("m.count += 3\nm.other = None", origin: origin)
    try session.restore(snapshot)
    #expect(render(session.run("print(m.count, m.other, [n for n, _ in m.named_buffers()])", origin: origin).outputs)
            == "tensor([0.]) tensor([1.]) ['count', 'other']\n")
}
