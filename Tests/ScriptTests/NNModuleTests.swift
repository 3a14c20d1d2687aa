import Testing
@testable import ScriptRuntime

/// The `nn.Module` tree of the built-in layers and containers: PyTorch's parameter names,
/// counts, state dicts, reprs and shared module methods.
let nnModuleCases: [ProgramCase] = [
    .init("""
          import torch.nn as nn
          lstm = nn.LSTM(1, 2)
          print([n for n, p in lstm.named_parameters()])
          print(sum(p.numel() for p in lstm.parameters()))
          lstm
          """, "['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0']\n40\nLSTM(1, 2)\n"),
    .init("import torch.nn as nn\nprint(nn.Linear(2, 1))\nprint(nn.GRU(3, 128, batch_first=True))\nnn.RNN(3, 4, num_layers=2, bias=False, nonlinearity='relu')",
          "Linear(in_features=2, out_features=1, bias=True)\nGRU(3, 128, batch_first=True)\nRNN(3, 4, num_layers=2, bias=False)\n"),
    .init("import torch.nn as nn\nprint(nn.LSTMCell(3, 4))\nprint(nn.RNNCell(3, 4, bias=False, nonlinearity='relu'))\n[n for n, _ in nn.GRUCell(2, 3).named_parameters()]",
          "LSTMCell(3, 4)\nRNNCell(3, 4, bias=False, nonlinearity=relu)\n['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']\n"),
    .init("import torch.nn as nn\nm = nn.LSTM(2, 3, num_layers=2)\n[(n, tuple(p.shape)) for n, p in m.named_parameters()]",
          "[('weight_ih_l0', (12, 2)), ('weight_hh_l0', (12, 3)), ('bias_ih_l0', (12,)), ('bias_hh_l0', (12,)), "
            + "('weight_ih_l1', (12, 3)), ('weight_hh_l1', (12, 3)), ('bias_ih_l1', (12,)), ('bias_hh_l1', (12,))]\n"),
    .init("import torch.nn as nn\nm = nn.GRU(2, 3, bias=False)\nprint(m.bias, m.num_layers, m.batch_first, m.hidden_size)\n[n for n, _ in m.named_parameters()]",
          "False 1 False 3\n['weight_ih_l0', 'weight_hh_l0']\n"),
    // RNNNet's children are the same objects at every access, and its parameter names.
    .init("net = RNNNet(3, 8, 2)\nprint(net.rnn is net.rnn, net.fc is net.fc)\nprint([n for n, _ in net.named_parameters()])\n[n for n, _ in net.named_children()]",
          "True True\n['rnn.W_in', 'rnn.b_in', 'rnn.W_rec', 'rnn.b_rec', 'fc.weight', 'fc.bias']\n['rnn', 'fc']\n"),
    // Containers.
    .init("""
          import torch.nn as nn
          seq = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
          print(len(seq), seq(ones(5, 2)).shape)
          print([n for n, _ in seq.named_parameters()])
          print(seq[0], seq[-1].out_features)
          print(seq[1:])
          seq
          """, """
          3 torch.Size([5, 1])
          ['0.weight', '0.bias', '2.weight', '2.bias']
          Linear(in_features=2, out_features=4, bias=True) 1
          Sequential(
            (1): Tanh()
            (2): Linear(in_features=4, out_features=1, bias=True)
          )
          Sequential(
            (0): Linear(in_features=2, out_features=4, bias=True)
            (1): Tanh()
            (2): Linear(in_features=4, out_features=1, bias=True)
          )

          """),
    .init("""
          import torch.nn as nn
          layers = nn.ModuleList([nn.Linear(3, 3) for _ in range(3)])
          layers.append(nn.ReLU())
          print(len(layers), [type(m).__name__ for m in layers])
          print([n for n, _ in layers.named_parameters()][-2:])
          layers
          """, """
          4 ['Linear', 'Linear', 'Linear', 'ReLU']
          ['2.weight', '2.bias']
          ModuleList(
            (0-2): 3 x Linear(in_features=3, out_features=3, bias=True)
            (3): ReLU()
          )

          """),
    .init("""
          import torch.nn as nn
          d = nn.ModuleDict({"enc": nn.Linear(2, 3), "act": nn.Sigmoid()})
          print(list(d.keys()), "enc" in d, len(d))
          print(d["enc"].in_features)
          print([n for n, _ in d.named_parameters()])
          d
          """, """
          ['enc', 'act'] True 2
          2
          ['enc.weight', 'enc.bias']
          ModuleDict(
            (enc): Linear(in_features=2, out_features=3, bias=True)
            (act): Sigmoid()
          )

          """),
    // Nested repr of containers inside containers.
    .init("import torch.nn as nn\nnn.Sequential(nn.LSTM(1, 2), nn.Sequential(nn.Linear(2, 1), nn.Softmax(dim=-1)), nn.Dropout(0.1), nn.Flatten())",
          """
          Sequential(
            (0): LSTM(1, 2)
            (1): Sequential(
              (0): Linear(in_features=2, out_features=1, bias=True)
              (1): Softmax(dim=-1)
            )
            (2): Dropout(p=0.1, inplace=False)
            (3): Flatten(start_dim=1, end_dim=-1)
          )

          """),
    // train / eval / training, returning the module.
    .init("import torch.nn as nn\nseq = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5))\nprint(seq.eval() is seq, seq.training, seq[1].training)\nseq.train()\nprint(seq[1].training)",
          "True False False\nTrue\n"),
    // Dropout: identity in eval; in training, zeros with the scale 1/(1-p) on the rest.
    .init("""
          import torch.nn as nn
          drop = nn.Dropout(0.25)
          x = ones(1000)
          y = drop(x)
          print(all(v == 0 or abs(v - 4/3) < 1e-6 for v in y.tolist()), 150 < int((y == 0).sum()) < 350)
          drop.eval()
          print(bool((drop(x) == x).all()), nn.Dropout(0), drop.p)
          """, "True True\nTrue Dropout(p=0, inplace=False) 0.25\n"),
    // Shared module methods.
    .init("""
          import torch.nn as nn
          m = nn.Linear(3, 1)
          m(ones(2, 3)).sum().backward()
          print(m.weight.grad is None)
          m.zero_grad()
          print(m.weight.grad is None)
          m.requires_grad_(False)
          print(m.weight.requires_grad, m.to("cpu") is m, m.cpu() is m)
          """, "False\nTrue\nFalse True True\n"),
    .init("import torch.nn as nn\nnn.Linear(2, 2).cuda()",
          "error: 2:1: no GPU here: 'cuda' is not available, rnnbook runs on the CPU; use torch.device('cpu') (torch.cuda.is_available() is False)\n"),
    .init("import torch\nimport torch.nn as nn\nm = nn.Linear(2, 2)\nprint(m.to(torch.device('cpu')) is m, m.to(torch.float32) is m, m.to('cpu:0') is m)\nm.to(torch.int64)",
          "True True True\nerror: 5:1: to(): modules hold float32 parameters here; converting them to torch.int64 is not supported\n"),
    .init("""
          import torch.nn as nn
          seen = []
          seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
          seq.apply(lambda m: seen.append(type(m).__name__))
          print(seen)
          print(len(list(seq.modules())), [n for n, _ in seq.named_modules()])
          """, "['Linear', 'ReLU', 'Sequential']\n3 ['', '0', '1']\n"),
    // Forward hooks: called with (module, args, output); a non-None result replaces the output.
    .init("""
          import torch.nn as nn
          m = nn.Linear(2, 1)
          calls = []
          def hook(module, args, output):
              calls.append(len(args))
              return output * 0
          handle = m.register_forward_hook(hook)
          print(m(ones(1, 2)).item(), calls)
          handle.remove()
          print(m(zeros(1, 2)).item() == m.bias.item(), calls)
          """, "0.0 [1]\nTrue [1]\n"),
    .init("""
          import torch.nn as nn
          net = nn.Sequential(nn.Sequential(nn.Linear(2, 3)), nn.Linear(3, 1))
          print(net.get_submodule("0.0"), net.get_parameter("0.0.bias").shape)
          net.get_parameter("1.gamma")
          """, "Linear(in_features=2, out_features=3, bias=True) torch.Size([3])\nerror: 4:1: Linear has no parameter `gamma`\n"),
    // parameters(), children(), modules() are generators, as in PyTorch.
    .init("import torch.nn as nn\nm = nn.Linear(2, 3)\nprint(next(m.parameters()).shape, m.parameters())\nlen(m.parameters())",
          "torch.Size([3, 2]) <generator object>\nerror: 4:1: object of type 'generator' has no len()\n"),
    .init("import torch.nn as nn\nnn.Linear(2, 2).double()",
          "error: 2:1: double(): modules hold float32 parameters here; leave out .double()\n"),
    // Sequential from a dict (PyTorch's OrderedDict): the keys name the children.
    .init("""
          import torch.nn as nn
          seq = nn.Sequential({"fc": nn.Linear(2, 3), "act": nn.ReLU()})
          print([n for n, _ in seq.named_parameters()], seq.fc.out_features, seq(ones(4, 2)).shape)
          layers = nn.ModuleList()
          layers.extend([nn.Tanh(), nn.Sigmoid()])
          layers.insert(0, nn.Identity())
          print(layers)
          print([m for m in layers][2], layers[-1] is layers[2])
          """, """
          ['fc.weight', 'fc.bias'] 3 torch.Size([4, 3])
          ModuleList(
            (0): Identity()
            (1): Tanh()
            (2): Sigmoid()
          )
          Sigmoid() True

          """),
    .init("import torch.nn as nn\nnn.ModuleList([nn.Linear(1, 1), 3])", "error: 2:1: int is not a Module subclass\n"),
    .init("import torch.nn as nn\nnn.ModuleList([nn.Linear(1, 1)])(1)",
          "error: 2:1: Module [ModuleList] is missing the required \"forward\" function\n"),
    // Embedding: rows of weight at int64 indices, gradients into those rows only.
    .init("""
          import torch
          import torch.nn as nn
          emb = nn.Embedding(10, 3)
          idx = torch.tensor([[1, 2], [2, 9]])
          out = emb(idx)
          assert_close(out[1, 0], emb.weight[2])
          out.sum().backward()
          print(out.shape, emb.weight.grad[:, 0].tolist())
          print(emb, [n for n, _ in emb.named_parameters()])
          """, "torch.Size([2, 2, 3]) [0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]\nEmbedding(10, 3) ['weight']\n"),
    .init("import torch.nn as nn\nnn.Embedding(10, 3, padding_idx=0)", "error: 2:1: Embedding(): padding_idx is not supported; leave it out\n"),
    .init("import torch.nn as nn\nnn.Embedding(4, 3)(tensor([4]))", "error: 2:1: index out of range in self (the embedding has 4 rows)\n"),
]

@Test(arguments: nnModuleCases)
func nnModule(_ program: ProgramCase) {
    check(program)
}

/// A user `nn.Module` holding built-in layers: PyTorch's names, counts, repr and state dict.
let nnUserModuleCases: [ProgramCase] = [
    .init("""
          import torch
          import torch.nn as nn
          class ValueRNN(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.rnn = nn.LSTM(1, 2)
                  self.fc = nn.Linear(2, 1)
              def forward(self, x):
                  out, _ = self.rnn(x)
                  return self.fc(out)
          net = ValueRNN()
          print([n for n, _ in net.named_parameters()])
          print(sum(p.numel() for p in net.parameters()), net(randn(5, 3, 1)).shape)
          other = ValueRNN()
          print(other.load_state_dict(net.state_dict()))
          x = randn(4, 1)
          assert_close(other(x), net(x))
          print(net.eval() is net, net.rnn.training)
          net
          """, """
          ['rnn.weight_ih_l0', 'rnn.weight_hh_l0', 'rnn.bias_ih_l0', 'rnn.bias_hh_l0', 'fc.weight', 'fc.bias']
          43 torch.Size([5, 3, 1])
          <All keys matched successfully>
          True False
          ValueRNN(
            (rnn): LSTM(1, 2)
            (fc): Linear(in_features=2, out_features=1, bias=True)
          )

          """),
    .init("""
          import torch
          import torch.nn as nn
          class Net(nn.Module):
              def __init__(self):
                  super().__init__()
                  self.scale = nn.Parameter(torch.ones(1))
                  self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(2)])
                  self.apply(self._init)
              def _init(self, m):
                  if isinstance(m, nn.Linear):
                      nn.init.zeros_(m.bias)
              def forward(self, x):
                  for layer in self.layers:
                      x = torch.tanh(layer(x))
                  return x * self.scale
          net = Net()
          print([n for n, _ in net.named_parameters()])
          print(net.layers[1].bias.tolist(), net(ones(3, 2)).shape)
          print(isinstance(net.layers[0], nn.Module), isinstance(net.layers[0], (nn.LSTM, nn.Linear)), isinstance(net, nn.Linear))
          """, """
          ['scale', 'layers.0.weight', 'layers.0.bias', 'layers.1.weight', 'layers.1.bias']
          [0.0, 0.0] torch.Size([3, 2])
          True True False

          """),
]

@Test(arguments: nnUserModuleCases)
func nnUserModule(_ program: ProgramCase) {
    check(program)
}
