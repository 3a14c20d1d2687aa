import Testing

/// The losses of `torch.nn` and `torch.nn.functional` with PyTorch's arguments; values
/// computed by hand from PyTorch's definitions (see Tests/NeuralTests/PyTorchLossTests).
let lossSetup = """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    logits = torch.tensor([[1.0, 2.0, 0.5], [0.3, -1.0, 2.0], [0.0, 0.5, -0.5], [1.5, 1.0, 0.2]])
    labels = torch.tensor([0, 2, 1, -100])
    w = torch.tensor([0.5, 2.0, 1.5])
    a = torch.tensor([0.0, 0.5, 3.0])
    b = torch.tensor([0.2, 2.0, 0.0])

    """

let lossCases: [ProgramCase] = [
    // The weighted mean divides by the weights of the labels kept (0.5 + 2 + 1.5 ... less the ignored).
    .init(lossSetup + "print(nn.CrossEntropyLoss(weight=w)(logits, labels), nn.CrossEntropyLoss(weight=w, reduction='sum')(logits, labels))",
          "tensor(0.6016) tensor(2.4063)\n"),
    .init(lossSetup + "print(F.cross_entropy(logits, labels, w, reduction='none'), F.cross_entropy(logits, labels, label_smoothing=0.2))",
          "tensor([0.7322, 0.3135, 1.3605, 0.0000]) tensor(0.9112)\n"),
    .init(lossSetup + "print(nn.CrossEntropyLoss(ignore_index=2)(logits, torch.tensor([0, 2, 1, 2])), F.nll_loss(F.log_softmax(logits, dim=1), labels, weight=w))",
          "tensor(1.0723) tensor(0.6016)\n"),
    .init(lossSetup + "print(nn.MSELoss(reduction='sum')(a, b), nn.MSELoss()(a, b), F.mse_loss(torch.ones(2), torch.zeros(2), reduction='none'))",
          "tensor(11.2900) tensor(3.7633) tensor([1., 1.])\n"),
    .init(lossSetup + "print(nn.L1Loss()(a, b), F.l1_loss(torch.ones(2), torch.zeros(2), reduction='sum'))", "tensor(1.5667) tensor(2.)\n"),
    .init(lossSetup + "print(nn.SmoothL1Loss(beta=2.0, reduction='none')(a, b), nn.HuberLoss(delta=2.0, reduction='sum')(a, b))",
          "tensor([0.0100, 0.5625, 2.0000]) tensor(5.1450)\n"),
    .init(lossSetup + "print(nn.BCELoss()(torch.tensor([0.2, 0.9, 0.6]), torch.tensor([0.0, 1.0, 0.3])), F.binary_cross_entropy_with_logits(torch.tensor([0.0, 2.0, -3.0]), torch.tensor([0.0, 1.0, 0.3]), pos_weight=torch.tensor([2.0])))",
          "tensor(0.3744) tensor(0.9367)\n"),
    .init(lossSetup + "print(nn.BCEWithLogitsLoss(reduction='sum')(torch.zeros(2), torch.ones(2)), F.smooth_l1_loss(torch.zeros(1), torch.ones(1)), F.huber_loss(torch.zeros(1), torch.ones(1) * 3))",
          "tensor(1.3863) tensor(0.5000) tensor(2.5000)\n"),
    .init(lossSetup + "loss = nn.CrossEntropyLoss(weight=w, reduction='sum', label_smoothing=0.1)\nprint(loss, loss.reduction, loss.weight, loss.ignore_index, loss.label_smoothing, nn.MSELoss().reduction)",
          "CrossEntropyLoss() sum tensor([0.5000, 2.0000, 1.5000]) -100 0.1 mean\n"),
    // rnnbook's own cross_entropy and mse: classes last, and a mask of positions.
    .init(lossSetup + "print(cross_entropy(torch.zeros(5, 2, 3), torch.zeros(5, 2, dtype=torch.long)), mse(torch.ones(2, 3), torch.zeros(2, 3), mask=torch.tensor([1.0, 0.0]), reduction='sum'))",
          "tensor(1.0986) tensor(3.)\n"),
    // Labels that fit both layouts: rnnbook's cross_entropy takes the classes last (LANGUAGE.md),
    // F.cross_entropy in dimension 1 (PyTorch).
    .init(lossSetup + "x = torch.tensor([[[2.0, 1.0], [0.0, 3.0]]])\ny = torch.tensor([[0, 1]])\nprint(cross_entropy(x, y), F.cross_entropy(x, y), nn.CrossEntropyLoss()(x, y))",
          "tensor(0.1809) tensor(0.1269) tensor(0.1269)\n"),
    .init(lossSetup + "x = torch.tensor([[[2.0, 0.0], [0.0, 1.0]]])\ny = torch.tensor([[0, 1]])\nprint(cross_entropy(x, y, mask=torch.tensor([[1, 0]])), F.cross_entropy(x, y))",
          "tensor(0.1269) tensor(0.2201)\n"),
    .init("import torch.linalg\nfrom torch import linalg\nfrom torch.nn.functional import cross_entropy as ce\nfrom torch.nn import NLLLoss\nx = tensor([[[2.0, 1.0], [0.0, 3.0]]])\ny = tensor([[0, 1]])\nprint(torch.linalg, linalg.norm(tensor([3.0, 4.0])), NLLLoss(), ce(x, y), cross_entropy(x, y))",
          "<module 'torch.linalg'> tensor(5.) NLLLoss() tensor(0.1269) tensor(0.1809)\n"),
    .init(lossSetup + "nn.MSELoss(size_average=True)",
          "error: 9:1: MSELoss(): size_average= is deprecated in PyTorch and not supported here; write reduction='mean' (the default), reduction='sum' or reduction='none'\n"),
    .init(lossSetup + "nn.CrossEntropyLoss(reduction='average')", "error: 9:1: average is not a valid value for reduction (expected 'mean', 'sum' or 'none')\n"),
    .init(lossSetup + "nn.CrossEntropyLoss(wieght=w)", "error: 9:1: CrossEntropyLoss() got an unexpected keyword argument 'wieght' (did you mean 'weight'?)\n"),
    .init(lossSetup + "nn.CrossEntropyLoss(label_smoothing=1.5)", "error: 9:1: CrossEntropyLoss(): label_smoothing must be between 0.0 and 1.0. Got: 1.5\n"),
    .init(lossSetup + "F.cross_entropy(torch.zeros(4, 3), torch.tensor([0, 1]))", "error: 9:1: cross_entropy: logits of shape (4, 3) need labels of shape (4,), got (2,)\n"),
    .init(lossSetup + "F.mse_loss(torch.zeros(4, 1), torch.zeros(4))",
          "error: 9:1: mse_loss: input of shape (4, 1) and target of shape (4,) differ (PyTorch would broadcast them, usually by mistake); reshape one to the other's shape\n"),
    .init(lossSetup + "x = torch.zeros(2, requires_grad=True)\nF.mse_loss(x, torch.ones(2), reduction='sum').backward()\nx.grad", "tensor([-2., -2.])\n"),
]

@Test(arguments: lossCases) func losses(_ program: ProgramCase) { check(program) }

/// `train` computes a loss object's loss with its options (classes last, as its outputs are).
@Test func trainUsesTheLossObjectsOptions() {
    let program = """
        net = RNNNet(3, 4, 2)
        x = randn(5, 2, 3)
        y = randn(5, 2, 2)
        out, _ = net(x)
        print(f"{((out - y) ** 2).sum().item():.4f}")
        log = train(net, lambda: (x, y), steps=1, optimizer=SGD(net.parameters(), lr=0.0), loss=MSELoss(reduction='sum'), log_every=10)
        labels = randint(0, 2, (5, 2))
        print(f"{cross_entropy(out, labels, weight=tensor([1.0, 3.0])).item():.4f}")
        log = train(net, lambda: (x, labels), steps=1, optimizer=SGD(net.parameters(), lr=0.0), loss=CrossEntropyLoss(weight=tensor([1.0, 3.0])), log_every=10)
        """
    let lines = run(program).split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(lines)")
    guard lines.count == 4 else { return }
    #expect(lines[1] == "step 1/1  loss \(lines[0])  (mean \(lines[0]))")
    #expect(lines[3] == "step 1/1  loss \(lines[2])  (mean \(lines[2]))")
}

/// Optimizer constructors take PyTorch's arguments and refuse the flags they do not implement.
let optimizerArgumentCases: [ProgramCase] = [
    .init("import torch\ntorch.optim.Adam([torch.zeros(2, requires_grad=True)], amsgrad=True)",
          "error: 2:1: Adam(amsgrad=True) is not supported: use Adam without amsgrad\n"),
    .init("import torch\ntorch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=0.1, maximize=True)",
          "error: 2:1: SGD(maximize=True) is not supported: minimize the negated objective instead (loss = -objective)\n"),
    .init("import torch\ntorch.optim.AdamW([torch.zeros(2, requires_grad=True)], differentiable=True)",
          "error: 2:1: AdamW(differentiable=True) is not supported: rnnbook does not differentiate through optimizer steps\n"),
    .init("import torch\ntorch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=0.1, nesterov=True)",
          "error: 2:1: SGD: Nesterov momentum requires a momentum and zero dampening\n"),
    // SGD with dampening: the first step takes the gradient whole, later ones (1 - dampening) of it.
    .init("import torch\np = torch.tensor([1.0, -1.0], requires_grad=True)\nopt = torch.optim.SGD([p], 0.1, 0.9, 0.5, 0.0, False, foreach=None)\nfor i in range(2):\n    opt.zero_grad()\n    (p * p).sum().backward()\n    opt.step()\nprint(p, torch.optim.SGD([p]).lr)",
          "tensor([ 0.5400, -0.5400], requires_grad=True) 0.001\n"),
    .init("import torch\nopt = torch.optim.Adam([torch.zeros(2, requires_grad=True)], 0.01, (0.8, 0.9), 1e-6, 0.0, False, fused=None, capturable=False)\nopt.lr",
          "0.01\n"),
    .init("import torch\np = torch.tensor([1.0, 2.0], requires_grad=True)\nopt = torch.optim.SGD([p], lr=0.5)\n(p * p).sum().backward()\nopt.zero_grad(set_to_none=False)\nprint(p.grad)\nopt.zero_grad()\nprint(p.grad)",
          "tensor([0., 0.])\nNone\n"),
    .init("import torch\np = torch.tensor([1.0, 2.0], requires_grad=True)\nopt = torch.optim.SGD([p], lr=0.5)\ndef closure():\n    opt.zero_grad()\n    loss = (p * p).sum()\n    loss.backward()\n    return loss\nprint(opt.step(closure), p)",
          "tensor(5., grad_fn=<SumBackward0>) tensor([0., 0.], requires_grad=True)\n"),
]

/// Refusals are the Python exceptions PyTorch raises: a bad option a ValueError, an engine error a RuntimeError.
@Test func refusalsAreCatchableAsPyTorchsExceptions() {
    let program = """
        import torch
        import torch.nn as nn
        try:
            nn.CrossEntropyLoss(reduction='x')
        except ValueError as e:
            print("ValueError", e)
        try:
            torch.zeros(3).gather(0, torch.tensor([5]))
        except RuntimeError as e:
            print("RuntimeError", e)
        try:
            torch.optim.Adam([torch.zeros(1, requires_grad=True)], amsgrad=True)
        except ValueError as e:
            print("ValueError", e)
        """
    #expect(run(program) == """
        ValueError x is not a valid value for reduction (expected 'mean', 'sum' or 'none')
        RuntimeError gather: index 5 is out of bounds for dimension 0 with size 3
        ValueError Adam(amsgrad=True) is not supported: use Adam without amsgrad

        """)
}

@Test(arguments: optimizerArgumentCases) func optimizerArguments(_ program: ProgramCase) { check(program) }
