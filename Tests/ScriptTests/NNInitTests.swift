import Testing
@testable import ScriptRuntime

/// `torch.nn.init` (PyTorch's fans, gains and bounds; in place; seeded) and
/// `torch.nn.utils.clip_grad_norm_` / `clip_grad_value_`.
let nnInitCases: [ProgramCase] = [
    .init("""
          import torch.nn as nn
          w = zeros(200, 300)
          print(nn.init.xavier_uniform_(w) is w)
          bound = (6 / 500) ** 0.5
          print(w.abs().max().item() <= bound, w.abs().max().item() > 0.99 * bound, abs(w.std().item() - (2 / 500) ** 0.5) < 0.002)
          nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
          print(abs(w.std().item() - (2 / 200) ** 0.5) < 0.003, abs(w.mean().item()) < 0.002)
          nn.init.kaiming_uniform_(w, a=5 ** 0.5)
          bound = (3 / 300) ** 0.5 * (2 / 6) ** 0.5
          print(w.abs().max().item() <= bound, w.abs().max().item() > 0.99 * bound)
          nn.init.uniform_(w, -2, 3)
          print(w.min().item() >= -2, w.max().item() < 3, abs(w.mean().item() - 0.5) < 0.05)
          nn.init.normal_(w, mean=1, std=0.5)
          print(abs(w.mean().item() - 1) < 0.01, abs(w.std().item() - 0.5) < 0.01)
          nn.init.xavier_normal_(w, gain=2)
          print(abs(w.std().item() - 2 * (2 / 500) ** 0.5) < 0.003)
          """, "True\nTrue True True\nTrue True\nTrue True\nTrue True True\nTrue True\nTrue\n"),
    .init("""
          import torch.nn as nn
          for shape in [(3, 5), (5, 3), (4, 4), (2, 3, 2)]:
              w = nn.init.orthogonal_(zeros(*shape), gain=2)
              m = w.reshape(shape[0], -1)
              small = m @ m.T if m.shape[0] <= m.shape[1] else m.T @ m
              assert_close(small, 4 * eye(small.shape[0]), atol=1e-5)
          print("orthogonal")
          """, "orthogonal\n"),
    .init("""
          import torch.nn as nn
          w = zeros(2, 3)
          print(nn.init.eye_(w).tolist(), nn.init.constant_(zeros(2), 0.5).tolist(), nn.init.ones_(zeros(2)).tolist())
          print(nn.init.zeros_(ones(2)).tolist())
          print(nn.init.calculate_gain("tanh"), nn.init.calculate_gain("relu"), nn.init.calculate_gain("sigmoid"))
          print(nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2), nn.init.calculate_gain("selu"))
          """, """
          [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]] [0.5, 0.5] [1.0, 1.0]
          [0.0, 0.0]
          1.6666666666666667 1.4142135623730951 1
          1.4141428569978354 1.3867504905630728 0.75

          """),
    // Seeded from the session's generator; in place and unrecorded on a parameter.
    .init("""
          import torch
          import torch.nn as nn
          lin = nn.Linear(3, 3)
          torch.manual_seed(5)
          nn.init.orthogonal_(lin.weight)
          a = lin.weight.clone()
          torch.manual_seed(5)
          nn.init.orthogonal_(lin.weight)
          print(bool((a == lin.weight).all()), lin.weight.requires_grad, lin.weight.grad_fn)
          """, "True True None\n"),
    .init("import torch.nn as nn\nnn.init.xavier_uniform_(zeros(3))",
          "error: 2:1: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions\n"),
    .init("import torch.nn as nn\nnn.init.kaiming_uniform_(zeros(3, 3), mode='fan_avg')",
          "error: 2:1: Mode fan_avg not supported, please use one of fan_in, fan_out\n"),
    .init("import torch.nn as nn\nnn.init.calculate_gain('gelu')", "error: 2:1: Unsupported nonlinearity gelu\n"),
    .init("import torch.nn as nn\nnn.init.normal_(zeros(2), std=-1)", "error: 2:1: normal expects std >= 0.0, but found std -1.0\n"),
    .init("import torch.nn as nn\nprint(nn.init.xavier_uniform_(zeros(0, 3)).shape)\nnn.init.uniform_(zeros(2), 3, 2)",
          "torch.Size([0, 3])\nerror: 3:1: uniform_ expects to return a [from, to) range, but found from=3.0 > to=2.0\n"),
    // clip_grad_norm_: the total norm before clipping, grads scaled by max_norm / (norm + 1e-6).
    .init("""
          import torch.nn as nn
          w = zeros(2, requires_grad=True)
          v = zeros(1, requires_grad=True)
          w.grad = tensor([3.0, 0.0])
          v.grad = tensor([4.0])
          n = nn.utils.clip_grad_norm_([w, v], max_norm=1.0)
          print(n, w.grad.tolist(), v.grad.tolist())
          print(nn.utils.clip_grad_norm_([w, v], 10.0).item(), w.grad.tolist())
          w.grad = tensor([3.0, -5.0])
          print(nn.utils.clip_grad_norm_(w, 1.0, norm_type=float("inf")), w.grad.tolist())
          w.grad = tensor([3.0, -5.0])
          nn.utils.clip_grad_value_([w], clip_value=1)
          print(w.grad.tolist())
          """, """
          tensor(5.) [0.5999999046325684, 0.0] [0.7999998331069946]
          0.9999998211860657 [0.5999999046325684, 0.0]
          tensor(5.) [0.5999999046325684, -0.9999997615814209]
          [1.0, -1.0]

          """),
]

@Test(arguments: nnInitCases)
func nnInit(_ program: ProgramCase) {
    check(program)
}
