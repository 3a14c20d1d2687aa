import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// User `nn.Module` subclasses, written as the course's original labs write them.
let moduleSubclassCases: [ProgramCase] = [
    // The value network of the TD lab: an LSTM with two units, V = relu(z1) + relu(z2);
    // 56 parameters with PyTorch's names, registered in assignment order.
    .init("""
          import torch
          import torch.nn as nn
          class ValueRNN(nn.Module):
              def __init__(self, input_size=3, hidden_size=2, gamma=0.5):
                  super().__init__()
                  self.gamma = gamma
                  self.rnn = nn.LSTM(input_size, hidden_size)
              def forward(self, x):
                  z, _ = self.rnn(x)
                  return torch.relu(z).sum(dim=-1), z
          model = ValueRNN()
          print(model)
          print([name for name, _ in model.named_parameters()])
          print(sum(p.numel() for p in model.parameters()), model.gamma)
          v, z = model(torch.zeros(7, 4, 3))
          print(v.shape, z.shape)
          """, """
          ValueRNN(
            (rnn): LSTM(3, 2)
          )
          ['rnn.weight_ih_l0', 'rnn.weight_hh_l0', 'rnn.bias_ih_l0', 'rnn.bias_hh_l0']
          56 0.5
          torch.Size([7, 4]) torch.Size([7, 4, 2])

          """),
    // Parameters, submodules and plain attributes; order, repr, state_dict keys.
    .init("""
          import torch
          import torch.nn as nn
          class Net(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.scale = nn.Parameter(torch.ones(1))
                  self.fc = nn.Linear(2, 3)
                  self.act = nn.Tanh()
                  self.note = 'plain'
                  self.cache = torch.zeros(2)
              def forward(self, x):
                  return self.act(self.fc(x)) * self.scale
          net = Net()
          print(list(net.state_dict().keys()))
          print([n for n, _ in net.named_children()], net.note, net.cache.requires_grad)
          print(net(torch.ones(5, 2)).shape, callable(net))
          """, """
          ['scale', 'fc.weight', 'fc.bias']
          ['fc', 'act'] plain False
          torch.Size([5, 3]) True

          """),
    // Training mode flows down the tree; train() returns the module.
    .init("""
          import torch.nn as nn
          class Net(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.inner = nn.Sequential(nn.Linear(1, 1), nn.Dropout(0.5))
              def forward(self, x):
                  return self.inner(x)
          n = Net()
          print(n.training, n.inner.training)
          n.eval()
          print(n.training, n.inner[1].training, n.train() is n, n.inner.training)
          """, "True True\nFalse False True True\n"),
    // Training a subclass with an explicit loop: the loss goes down.
    .init("""
          import torch
          import torch.nn as nn
          torch.manual_seed(0)
          class Reg(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.w = nn.Parameter(torch.zeros(1))
              def forward(self, x):
                  return x * self.w
          m = Reg()
          opt = torch.optim.SGD(m.parameters(), lr=0.1)
          x = torch.ones(8)
          for step in range(50):
              opt.zero_grad()
              loss = ((m(x) - 3.0) ** 2).mean()
              loss.backward()
              opt.step()
          print(round(m.w.item(), 3), loss.item() < 1e-4)
          """, "3.0 True\n"),
    // Freezing and unfreezing through requires_grad_, as the TD lab does.
    .init("""
          import torch
          import torch.nn as nn
          class Two(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.a = nn.Linear(1, 1)
                  self.b = nn.Linear(1, 1)
              def forward(self, x):
                  return self.b(self.a(x))
          m = Two()
          for p in m.a.parameters():
              p.requires_grad = False
          m(torch.ones(2, 1)).sum().backward()
          print(m.a.weight.grad is None, m.b.weight.grad is not None)
          m.requires_grad_(True)
          print(all(p.requires_grad for p in m.parameters()))
          """, "True True\nTrue\n"),
    // Forward hooks see the module, the inputs and the output; one that returns replaces it.
    .init("""
          import torch
          import torch.nn as nn
          class Id(nn.Module):
              def forward(self, x):
                  return x + 1
          m = Id()
          seen = []
          def hook(module, inputs, output):
              seen.append((type(module).__name__, len(inputs), output.item()))
              return output * 10
          handle = m.register_forward_hook(hook)
          print(m(torch.tensor(1.0)).item(), seen)
          handle.remove()
          print(m(torch.tensor(1.0)).item())
          """, "20.0 [('Id', 1, 2.0)]\n2.0\n"),
    // Assigning a plain tensor over a registered parameter is PyTorch's TypeError.
    .init("""
          import torch
          import torch.nn as nn
          class P(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.w = nn.Parameter(torch.zeros(2))
          p = P()
          try:
              p.w = torch.ones(2)
          except TypeError as e:
              print(e)
          """, "cannot assign 'Tensor' as parameter 'w' (torch.nn.Parameter or None expected)\n"),
    // Parameters show as PyTorch shows them.
    .init("""
          import torch
          import torch.nn as nn
          p = nn.Parameter(torch.zeros(2))
          print(p)
          print(p * 1)
          """, "Parameter containing:\ntensor([0., 0.], requires_grad=True)\ntensor([0., 0.], grad_fn=<MulBackward0>)\n"),
    // A module with no forward says so when called.
    .init("""
          import torch.nn as nn
          class Empty(nn.Module):
              pass
          Empty()(1)
          """, "error: 4:1: Module [Empty] is missing the required \"forward\" function\n"),
    // super() reaches nn.Module's own methods; a subclass of a subclass keeps the tree.
    .init("""
          import torch.nn as nn
          class Base(nn.Module):
              def __init__(self, n):
                  super().__init__()
                  self.fc = nn.Linear(n, n)
              def forward(self, x):
                  return self.fc(x)
          class Deeper(Base):
              def __init__(self):
                  super().__init__(2)
                  self.out = nn.Linear(2, 1)
              def forward(self, x):
                  return self.out(super().forward(x))
              def train(self, mode=True):
                  print('train', mode)
                  return super().train(mode)
          d = Deeper()
          d.eval()
          print([n for n, _ in d.named_parameters()], d.training, isinstance(d, Base), isinstance(d, nn.Module))
          """, "train False\n['fc.weight', 'fc.bias', 'out.weight', 'out.bias'] False True True\n"),
]

/// A `Dataset` subclass feeds a `DataLoader`; padded sequences of unequal length go
/// through an LSTM packed, as the TD lab trains on trials of different lengths.
let datasetSubclassCases: [ProgramCase] = [
    .init("""
          import torch
          from torch.utils.data import Dataset, DataLoader
          import torch.nn as nn
          class Trials(Dataset):
              def __init__(self, n=6):
                  self.n = n
              def __len__(self):
                  return self.n
              def __getitem__(self, i):
                  return torch.full((3,), float(i)), i % 2
          ds = Trials()
          loader = DataLoader(ds, batch_size=4)
          for x, y in loader:
              print(x.shape, y)
          print(len(loader), isinstance(ds, Dataset), ds[5][1])
          seqs = [torch.ones(3, 2), torch.ones(5, 2), torch.ones(2, 2)]
          padded = nn.utils.rnn.pad_sequence(seqs)
          packed = nn.utils.rnn.pack_padded_sequence(padded, [3, 5, 2], enforce_sorted=False)
          out, (h, c) = nn.LSTM(2, 4)(packed)
          o, lengths = nn.utils.rnn.pad_packed_sequence(out)
          print(o.shape, lengths, h.shape, bool((o[3:, 0] == 0).all()))
          """, """
          torch.Size([4, 3]) tensor([0, 1, 0, 1])
          torch.Size([2, 3]) tensor([0, 1])
          2 True 1
          torch.Size([5, 3, 4]) tensor([3, 5, 2]) torch.Size([1, 3, 4]) True

          """),
]

@Test(arguments: datasetSubclassCases)
func datasetSubclassProgram(_ program: ProgramCase) {
    check(program)
}

@Test(arguments: moduleSubclassCases)
func moduleSubclassProgram(_ program: ProgramCase) {
    check(program)
}

@Suite struct ModuleSubclassSessionTests {
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 40))

    func run(_ session: ScriptSession, _ code: String) -> String {
        render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
    }

    /// A state dict saved with `torch.save` loads into a fresh instance of the class.
    @Test func stateDictRoundTripsThroughTorchSave() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-module-\(UUID().uuidString).pt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = ScriptSession(seed: 3)
        session.fileAccess = .notebook(in: FileManager.default.temporaryDirectory.path)
        let output = run(session, """
            import torch
            import torch.nn as nn
            class ValueRNN(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.rnn = nn.LSTM(3, 2)
                def forward(self, x):
                    z, _ = self.rnn(x)
                    return torch.relu(z).sum(dim=-1)
            a = ValueRNN()
            torch.save(a.state_dict(), '\(path)')
            b = ValueRNN()
            print(b.load_state_dict(torch.load('\(path)')))
            x = torch.randn(5, 2, 3)
            print(bool((a(x) == b(x)).all()))
            """)
        #expect(output == "<All keys matched successfully>\nTrue\n")
    }

    /// Grading rewinds a session holding a user module: its weights, its registered tree
    /// and `super()` in its methods all work in the restored copy.
    @Test func aModuleSubclassIsSnapshotted() throws {
        let session = ScriptSession(seed: 3)
        _ = run(session, """
            import torch
            import torch.nn as nn
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(2, 1)
                def forward(self, x):
                    return self.fc(x)
            class Child(Net):
                def forward(self, x):
                    return super().forward(x) * 2
            net = Child()
            before = net.fc.weight.detach().clone()
            opt = torch.optim.SGD(net.parameters(), lr=1.0)
            """)
        let snapshot = try session.snapshot()
        #expect(run(session, "net(torch.ones(1, 2)).sum().backward()\nopt.step()\nprint(bool((net.fc.weight == before).all()))") == "False\n")
        try session.restore(snapshot)
        #expect(run(session, """
            print(bool((net.fc.weight == before).all()), [n for n, _ in net.named_parameters()])
            net(torch.ones(1, 2)).sum().backward()
            opt.step()
            print(bool((net.fc.weight == before).all()), net(torch.ones(1, 2)).shape)
            """) == "True ['fc.weight', 'fc.bias']\nFalse torch.Size([1, 1])\n")
    }
}
