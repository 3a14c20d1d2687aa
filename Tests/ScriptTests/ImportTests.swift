import Testing

/// `import` and `from … import` of the modules a PyTorch lab uses, made of the built-ins.
let importCases: [ProgramCase] = [
    .init("import torch\ntorch.zeros(2)", "tensor([0., 0.])\n"),
    .init("import torch.nn as nn\nnn.Linear(3, 2)(ones(1, 3)).shape", "torch.Size([1, 2])\n"),
    .init("import torch.nn.functional as F\nF.relu(tensor([-1.0, 2.0]))", "tensor([0., 2.])\n"),
    .init("import torch.nn\ntorch.nn.functional.softmax(ones(2), dim=0)", "tensor([0.5000, 0.5000])\n"),
    .init("from torch import nn, optim\nnet = nn.Linear(2, 1)\noptim.SGD(net.parameters(), lr=0.1)", "SGD(lr=0.1)\n"),
    .init("from torch.nn import Linear, GRU as G\nLinear is G", "False\n"),
    .init("from torch import (zeros,\n    ones)\nzeros(1), ones(1)", "(tensor([0.]), tensor([1.]))\n"),
    .init("from torch import *\nzeros(1)", "tensor([0.])\n"),
    .init("import torch, torch.nn as nn\ntorch.float, nn.MSELoss", "(torch.float32, <class 'torch.nn.modules.loss.MSELoss'>)\n"),
    .init("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.title('t')\nprint('drawn')", "drawn\n<figure t>\n"),
    .init("import neurogym as ngym\nenv = ngym.make('PerceptualDecisionMaking-v0', dt=100)\nenv.dt", "100\n"),
    .init("from torch.nn.utils import clip_grad_norm_\nw = tensor([3.0, 4.0], requires_grad=True)\n(w * w).sum().backward()\nclip_grad_norm_([w], 1.0).item() > 9",
          "True\n"),
    // A user's own name never changes what the module holds.
    .init("zeros = 5\nimport torch\ntorch.zeros(1)", "tensor([0.])\n"),
    .init("import numpy as np\nfrom numpy import linspace, random\nprint(np.pi, linspace(0, 1, 3), random.seed)", "3.141592653589793 [0.  0.5 1. ] <built-in function numpy.random.seed>\n"),
    .init("import torch.nnn", "error: 1:8: no module named 'torch.nnn'; rnnbook provides torch, torch.nn, torch.nn.functional, torch.optim, torch.utils.data, matplotlib.pyplot, neurogym, whose names are also built in, numpy, sklearn, and math, random, copy, time, collections, itertools, functools, heapq, bisect, os, pathlib, io, yaml; your own modules are .py files in the notebook's folder\n"),
    .init("from torch import zeroz", "error: 1:19: cannot import name 'zeroz' from 'torch' (did you mean 'zeros'?)\n"),
    .init("import neurogym as ngym\nngym.make('GoNogo-v0')", "error: 2:1: neurogym.make(): unknown task 'GoNogo-v0'; known: PerceptualDecisionMaking-v0\n"),
    .init("x = torch.zeros(2)", "error: 1:5: undefined name 'torch' (write `import torch` first, as in Python; the names are also built in without it)\n"),
    .init("from torch", "error: 1:11: expected 'import' after the module name, found end of line\n"),
    .init("import", "error: 1:7: expected a module name, found end of line\n"),
    .init("import torch as", "error: 1:16: expected a name after 'as', found end of line\n"),
]

@Test(arguments: importCases) func imports(_ program: ProgramCase) { check(program) }
