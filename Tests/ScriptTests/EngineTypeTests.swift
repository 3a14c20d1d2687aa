import Testing
@testable import ScriptRuntime

/// The engine's objects have PyTorch's and numpy's classes: `print(nn.Linear)` shows
/// `<class 'torch.nn.modules.linear.Linear'>`, `type(layer) is nn.Linear`, a numpy array's
/// type is `numpy.ndarray` and not `torch.Tensor`, `isinstance` and `issubclass` answer as
/// in Python, and calling a class makes an instance. Expected output printed by PyTorch
/// 2.15 and numpy 2.4 for the same code.
let engineTypeCases: [ProgramCase] = [
    .init("""
        import torch
        import torch.nn as nn
        import numpy as np
        layer = nn.Linear(2, 2)
        t = torch.zeros(2)
        a = np.zeros(2)
        print(nn.Linear, type(layer))
        print(type(t), torch.Tensor, type(a), np.ndarray)
        print(type(layer).__name__, type(t).__name__, type(a).__name__)
        print(isinstance(layer, nn.Module), isinstance(t, torch.Tensor), isinstance(a, np.ndarray))
        print(isinstance(t, np.ndarray), isinstance(a, torch.Tensor), isinstance(layer, nn.Linear), isinstance(t, nn.Module))
        print(type(layer) is nn.Linear, type(t) is torch.Tensor, type(a) is np.ndarray, type(layer) == nn.Linear)
        print(nn.Module, nn.RNN, nn.LSTM, nn.ReLU, nn.Sequential, nn.MSELoss)
        print(torch.optim.Adam, type(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)))
        print(nn.Linear.__name__, torch.Tensor.__name__, np.ndarray.__name__, nn.Module.__name__)
        print(type(nn.Parameter(torch.zeros(1))), type(layer.weight).__name__, nn.Parameter)
        print(issubclass(nn.Linear, nn.Module), type(torch.float32), type(torch.device('cpu')))
        print(type(nn.GRU(2, 3)), type(nn.RNNCell(2, 3)), type(nn.Embedding(2, 3)), type(nn.Dropout()))
        print(isinstance(nn.Parameter(torch.zeros(1)), torch.Tensor), isinstance(layer.weight, nn.Parameter), isinstance(t, nn.Parameter))
        """, """
        <class 'torch.nn.modules.linear.Linear'> <class 'torch.nn.modules.linear.Linear'>
        <class 'torch.Tensor'> <class 'torch.Tensor'> <class 'numpy.ndarray'> <class 'numpy.ndarray'>
        Linear Tensor ndarray
        True True True
        False False True False
        True True True True
        <class 'torch.nn.modules.module.Module'> <class 'torch.nn.modules.rnn.RNN'> <class 'torch.nn.modules.rnn.LSTM'> \
        <class 'torch.nn.modules.activation.ReLU'> <class 'torch.nn.modules.container.Sequential'> <class 'torch.nn.modules.loss.MSELoss'>
        <class 'torch.optim.adam.Adam'> <class 'torch.optim.sgd.SGD'>
        Linear Tensor ndarray Module
        <class 'torch.nn.parameter.Parameter'> Parameter <class 'torch.nn.parameter.Parameter'>
        True <class 'torch.dtype'> <class 'torch.device'>
        <class 'torch.nn.modules.rnn.GRU'> <class 'torch.nn.modules.rnn.RNNCell'> <class 'torch.nn.modules.sparse.Embedding'> \
        <class 'torch.nn.modules.dropout.Dropout'>
        True True False

        """),
    .init("""
        import torch
        import torch.nn as nn
        import numpy as np
        layer = nn.Linear(2, 2)
        t = torch.zeros(2)
        print(layer.__class__.__name__, t.__class__, np.zeros(1).__class__.__name__)
        print(type(layer)(3, 1).out_features, callable(nn.Linear), issubclass(nn.Linear, (int, nn.Module)), issubclass(nn.Parameter, torch.Tensor))
        class Net(nn.Module):
            pass
        print(issubclass(Net, nn.Linear), isinstance(Net(), nn.Linear), type(Net()).__name__, isinstance(layer, (nn.RNN, nn.Linear)))
        print(nn.Linear.__module__, torch.Tensor.__module__, nn.Module.__module__)
        """, """
        Linear <class 'torch.Tensor'> ndarray
        1 True True True
        False False Net True
        torch.nn.modules.linear torch torch.nn.modules.module

        """),
    .init("import torch\ntorch.Tensor([1, 2])",
          "error: 2:1: torch.Tensor(...) is not supported; write torch.tensor(data) or torch.zeros(*shape)\n"),
    .init("import numpy as np\nnp.ndarray((2, 3))",
          "error: 2:1: np.ndarray(shape) is not supported; write np.array(data) or np.zeros(shape)\n"),
]

@Test(arguments: engineTypeCases) func engineTypes(_ program: ProgramCase) { check(program) }

/// A class held in a variable is shared by session snapshots (it holds no state).
@Test func sessionHoldingAClassIsSnapshotted() throws {
    let session = ScriptSession(seed: 1)
    _ = session.runHere("import torch\nimport torch.nn as nn\nkind = nn.Linear\nmade = type(nn.GRU(2, 3))")
    _ = try session.snapshot()
}
