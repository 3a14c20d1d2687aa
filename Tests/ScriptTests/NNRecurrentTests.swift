import Testing
@testable import ScriptRuntime

/// `nn.RNN/GRU/LSTM` with `num_layers`, `batch_first`, `bias=False`, and the cells: the same
/// numbers as single layers stacked by hand and as one step of the layer.
let nnRecurrentCases: [ProgramCase] = [
    // num_layers=2 is two layers stacked by hand, forward and backward.
    .init("""
          import torch.nn as nn
          m = nn.LSTM(2, 3, num_layers=2)
          l0, l1 = nn.LSTM(2, 3), nn.LSTM(3, 3)
          sd = m.state_dict()
          l0.load_state_dict({k: v for k, v in sd.items() if k.endswith("_l0")})
          l1.load_state_dict({k.replace("_l1", "_l0"): v for k, v in sd.items() if k.endswith("_l1")})
          x = randn(5, 4, 2)
          h0, c0 = randn(2, 4, 3), randn(2, 4, 3)
          out, (h, c) = m(x, (h0, c0))
          o0, (ha, ca) = l0(x, (h0[0:1], c0[0:1]))
          o1, (hb, cb) = l1(o0, (h0[1:2], c0[1:2]))
          assert_close(out, o1)
          assert_close(h, cat([ha, hb]))
          assert_close(c, cat([ca, cb]))
          (out.sum() + h.sum()).backward()
          (o1.sum() + ha.sum() + hb.sum()).backward()
          assert_close(m.weight_ih_l0.grad, l0.weight_ih_l0.grad, rtol=1e-4, atol=1e-6)
          assert_close(m.weight_hh_l1.grad, l1.weight_hh_l0.grad, rtol=1e-4, atol=1e-6)
          print(out.shape, h.shape, c.shape)
          """, "torch.Size([5, 4, 3]) torch.Size([2, 4, 3]) torch.Size([2, 4, 3])\n"),
    .init("""
          import torch.nn as nn
          m = nn.GRU(3, 4, num_layers=3)
          x = randn(6, 2, 3)
          out, h = m(x)
          assert_close(out[-1], h[-1])
          out1, h1 = m(randn(6, 3))
          m.flatten_parameters()
          print(out.shape, h.shape, out1.shape, h1.shape)
          """, "torch.Size([6, 2, 4]) torch.Size([3, 2, 4]) torch.Size([6, 4]) torch.Size([3, 4])\n"),
    // batch_first: (batch, seq, feature) in and out; h_n stays (num_layers, batch, hidden).
    .init("""
          import torch.nn as nn
          m = nn.GRU(3, 4, batch_first=True, num_layers=2)
          ref = nn.GRU(3, 4, num_layers=2)
          ref.load_state_dict(m.state_dict())
          x = randn(2, 5, 3)
          out, h = m(x)
          o2, h2 = ref(x.transpose(0, 1))
          assert_close(out, o2.transpose(0, 1))
          assert_close(h, h2)
          print(out.shape, h.shape)
          """, "torch.Size([2, 5, 4]) torch.Size([2, 2, 4])\n"),
    // bias=False: no bias parameters, and the layer computes without them.
    .init("""
          import torch.nn as nn
          m = nn.RNN(2, 3, bias=False)
          x = randn(4, 1, 2)
          out, h = m(x)
          state = zeros(1, 3)
          for t in range(4):
              state = tanh(x[t] @ m.weight_ih_l0.T + state @ m.weight_hh_l0.T)
          assert_close(h[0], state, rtol=1e-5, atol=1e-6)
          len(list(m.parameters()))
          """, "2\n"),
    // Cells: one step of the layer with the same weights.
    .init("""
          import torch.nn as nn
          cell = nn.LSTMCell(3, 4)
          layer = nn.LSTM(3, 4)
          layer.load_state_dict({k + "_l0": v for k, v in cell.state_dict().items()})
          x = randn(6, 2, 3)
          out, (h, c) = layer(x)
          hc = (zeros(2, 4), zeros(2, 4))
          outs = []
          for t in range(6):
              hc = cell(x[t], hc)
              outs.append(hc[0])
          assert_close(stack(outs), out, rtol=0, atol=0)
          assert_close(hc[1], c[0], rtol=0, atol=0)
          print(type(hc).__name__, cell(x[0])[0].shape, cell(x[0, 0])[0].shape)
          """, "tuple torch.Size([2, 4]) torch.Size([4])\n"),
    .init("""
          import torch.nn as nn
          for name in ["RNN", "GRU"]:
              cell = nn.RNNCell(12, 5, nonlinearity="relu") if name == "RNN" else nn.GRUCell(12, 5)
              layer = nn.RNN(12, 5, nonlinearity="relu") if name == "RNN" else nn.GRU(12, 5)
              layer.load_state_dict({k + "_l0": v for k, v in cell.state_dict().items()})
              x = randn(4, 3, 12)
              out, h = layer(x)
              state = randn(3, 5)
              out, h = layer(x, state.unsqueeze(0))
              for t in range(4):
                  state = cell(x[t], state)
              assert_close(state, h[0], rtol=1e-5, atol=1e-6)
          print("same")
          """, "same\n"),
    // Gradients through stacked, batch-first layers and cells against finite differences.
    .init("""
          import torch.nn as nn
          gru = nn.GRU(2, 3, num_layers=2, batch_first=True)
          lstm = nn.LSTM(2, 3, num_layers=2)
          cell = nn.LSTMCell(2, 3)
          bi = nn.RNN(2, 3, bidirectional=True, batch_first=True)
          def f(x, h):
              a = gru(x, h)[0] + bi(x, h)[0][:, :, 1:4]
              b, (hn, cn) = lstm(x.transpose(0, 1))
              c, d = cell(x[:, 0], (h[0], h[1]))
              return a.sum() + (b * b).sum() + hn.sum() + cn.sum() + (c * d).sum()
          check_gradients(f, (randn(2, 4, 2), randn(2, 2, 3)))
          """, "True\n"),
    // bidirectional: a forward and a reverse layer per level, outputs joined (2H), h_n
    // ordered l0, l0_reverse, l1, …; PyTorch's names.
    .init("""
          import torch
          import torch.nn as nn
          m = nn.GRU(2, 3, num_layers=2, bidirectional=True)
          print([n for n, _ in m.named_parameters()][:8])
          print(m.weight_ih_l1.shape, m.weight_ih_l1_reverse.shape, m)
          sd = m.state_dict()
          fwd, bwd = nn.GRU(2, 3), nn.GRU(2, 3)
          fwd.load_state_dict({k: v for k, v in sd.items() if k.endswith("_l0")})
          bwd.load_state_dict({k[:-8]: v for k, v in sd.items() if k.endswith("_l0_reverse")})
          x = randn(5, 4, 2)
          h0 = randn(4, 4, 3)
          out, h = m(x, h0)
          back = torch.arange(4, -1, -1)
          o1, h1 = fwd(x, h0[0:1])
          o2, h2 = bwd(x[back], h0[1:2])
          level1 = torch.cat([o1, o2[back]], dim=2)
          up, up_reverse = nn.GRU(6, 3), nn.GRU(6, 3)
          up.load_state_dict({k[:-1] + "0": v for k, v in sd.items() if k.endswith("_l1")})
          up_reverse.load_state_dict({k[:-9] + "0": v for k, v in sd.items() if k.endswith("_l1_reverse")})
          o3, h3 = up(level1, h0[2:3])
          o4, h4 = up_reverse(level1[back], h0[3:4])
          assert_close(out, torch.cat([o3, o4[back]], dim=2))
          assert_close(h, torch.cat([h1, h2, h3, h4]))
          print(out.shape, h.shape)
          """, """
          ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse']
          torch.Size([9, 6]) torch.Size([9, 6]) GRU(2, 3, num_layers=2, bidirectional=True)
          torch.Size([5, 4, 6]) torch.Size([4, 4, 3])

          """),
    // dropout between layers: only in training mode, only below the top layer.
    .init("""
          import torch.nn as nn
          m = nn.LSTM(2, 8, num_layers=2, dropout=0.5)
          x = randn(6, 3, 2)
          m.eval()
          a = m(x)[0]
          print(bool((m(x)[0] == a).all()), m.dropout)
          m.train()
          print(bool((m(x)[0] == a).all()), m)
          one = nn.LSTM(2, 8, dropout=0.5)
          print(bool((one(x)[0] == one.eval()(x)[0]).all()))
          """, "True 0.5\nFalse LSTM(2, 8, num_layers=2, dropout=0.5)\nTrue\n"),
    .init("import torch.nn as nn\nnn.LSTM(2, 3, dropout=1.5)",
          "error: 2:1: dropout should be a number in range [0, 1] representing the probability of an element being zeroed\n"),
    .init("import torch.nn as nn\nm = nn.LSTM(2, 3, num_layers=2)\nm(randn(4, 1, 2), (zeros(1, 1, 3), zeros(1, 1, 3)))",
          "error: 3:1: LSTM: expected h_0 of shape (2, 1, 3) (num_layers, batch, hidden_size), got (1, 1, 3)\n"),
    .init("import torch.nn as nn\nnn.LSTM(2, 3)(randn(4, 1, 2), zeros(1, 1, 3))",
          "error: 2:1: LSTM() hx must be a tuple (h_0, c_0), not Tensor\n"),
]

@Test(arguments: nnRecurrentCases)
func nnRecurrent(_ program: ProgramCase) {
    check(program)
}
