import Testing
@testable import ScriptRuntime

/// neurogym gives numpy arrays (`env.ob` float32, `env.gt` int64, `Dataset()`'s inputs and
/// targets of the spaces' dtypes), and so does rnnbook; `torch.from_numpy` turns them into
/// tensors as the original Lab 1 does, and it, the built-in modules and the losses refuse
/// what PyTorch 2 refuses, with PyTorch's exception and message and what to write instead.
let neurogymArrayCases: [ProgramCase] = [
    // A trial's observation and target: numpy arrays, shapes as tuples, elements as numbers.
    .init("""
          import numpy as np
          env = PerceptualDecisionMaking(dt=100, timing={'stimulus': 1000})
          trial = env.new_trial()
          ob, gt = env.ob, env.gt
          print(ob.shape, gt.shape, ob.dtype, gt.dtype, ob[:, np.newaxis, :].shape)
          print(type(gt[-1]).__name__, gt[-1] == trial['ground_truth'] + 1, type(ob.mean()).__name__, ob[0], gt[:3])
          """, """
          (12, 3) (12,) torch.float32 torch.int64 (12, 1, 3)
          int True float [1. 0. 0.] [0 0 0]

          """),
    // The seed's conversion of one trial: `torch.from_numpy(ob[:, np.newaxis, :]).type(torch.float)`.
    .init("""
          import numpy as np
          import torch
          env = PerceptualDecisionMaking(dt=100)
          env.new_trial()
          inputs = torch.from_numpy(env.ob[:, np.newaxis, :]).type(torch.float)
          out, activity = RNNNet(3, 8, 3, dt=100)(inputs)
          print(inputs.shape, out.shape, activity.shape)
          """, "torch.Size([22, 1, 3]) torch.Size([22, 1, 3]) torch.Size([22, 1, 8])\n"),
    // Dataset's batches, converted as Lab 1's training loop converts them.
    .init("""
          import torch
          import torch.nn as nn
          dataset = Dataset(PerceptualDecisionMaking(dt=100), batch_size=4, seq_len=30)
          inputs, target = dataset()
          print(inputs.shape, target.shape, inputs.dtype, target.dtype)
          inputs = torch.from_numpy(inputs).type(torch.float)
          labels = torch.from_numpy(target.flatten()).type(torch.long)
          output, _ = nn.RNN(3, 5)(inputs)
          loss = nn.CrossEntropyLoss()(nn.Linear(5, 3)(output).view(-1, 3), labels)
          print(inputs.shape, labels.shape, loss.shape, loss.grad_fn is not None)
          """, """
          (30, 4, 3) (30, 4) torch.float32 torch.int64
          torch.Size([30, 4, 3]) torch.Size([120]) torch.Size([]) True

          """),
    // An element is a Python number, which has no `.item()` (numpy's scalars have one).
    .init("env = PerceptualDecisionMaking(dt=100)\nenv.new_trial()\nenv.gt[-1].item()",
          "error: 3:1: 'int' object has no attribute 'item' (an element of a numpy array, such as env.gt[-1], "
              + "is a Python number in rnnbook: use it as it is)\n"),
    // torch.tensor copies an array into a tensor, which a module takes.
    .init("import torch\nenv = PerceptualDecisionMaking(dt=100)\nenv.new_trial()\nprint(torch.nn.Linear(3, 2)(torch.tensor(env.ob)).shape)",
          "torch.Size([22, 2])\n"),
    // env.reset(no_step=True) (the tutorial's neurogym) starts a trial and gives a sample of
    // the observation space, drawn from np.random, so the trials are the same without it;
    // gymnasium's options give (sample, {}). A reset that steps, or reseeds, is refused.
    .init("""
          env = PerceptualDecisionMaking(dt=100)
          manual_seed(4)
          env.new_trial()
          first = env.ob
          manual_seed(4)
          sample = env.reset(no_step=True)
          print(sample.shape, sample.dtype, (env.ob == first).all(), env.reset(options={'no_step': True})[1])
          env.reset()
          """, """
          (3,) torch.float32 True {}
          error: 8:1: reset(): neurogym's reset takes a first step, and rnnbook's tasks have no step(); write env.reset(no_step=True), or env.new_trial() to start a trial

          """),
    .init("env = PerceptualDecisionMaking()\nenv.reset(seed=1, no_step=True)",
          "error: 2:1: reset(): seed= is not available in rnnbook: the task draws from the session's generator; "
              + "call manual_seed(n) before it instead\n"),
    // nn.Identity gives the array back, as PyTorch's.
    .init("import torch.nn as nn\nenv = PerceptualDecisionMaking(dt=100)\nenv.new_trial()\nnn.Identity()(env.gt)[-3:]",
          "array([0, 0, 2])\n"),
]

/// PyTorch 2.15's refusals (checked against it), each with the conversion to write.
let numpyRefusalCases: [(code: String, error: String)] = [
    ("torch.from_numpy(torch.ones(2))", "TypeError: expected np.ndarray (got Tensor)"),
    ("torch.from_numpy(3)", "TypeError: expected np.ndarray (got int)"),
    ("torch.from_numpy(nn.Parameter(torch.ones(2)))", "TypeError: expected np.ndarray (got Parameter)"),
    ("nn.Linear(3, 2)(ob)", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("nn.Sequential(nn.Linear(3, 2), nn.ReLU())(ob)", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("nn.RNN(3, 2)(ob)", "AttributeError: 'numpy.ndarray' object has no attribute 'dim'"),
    ("nn.GRUCell(3, 2)(ob[0])", "AttributeError: 'numpy.ndarray' object has no attribute 'dim'"),
    ("nn.LSTM(3, 2)(torch.ones(4, 3), (np.zeros((1, 2)), torch.zeros(1, 2)))",
     "AttributeError: 'numpy.ndarray' object has no attribute 'dim'"),
    ("LeakyRNN(3, 4)(ob)", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("RNNNet(3, 4, 3)(ob[:, np.newaxis, :])", "TypeError: linear(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("nn.ReLU()(ob)", "TypeError: relu(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("nn.Dropout(0.0)(ob)", "TypeError: dropout(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("nn.LogSoftmax(dim=1)(ob)", "AttributeError: 'numpy.ndarray' object has no attribute 'log_softmax'"),
    ("nn.Flatten()(ob)", "TypeError: flatten() takes from 0 to 1 positional arguments but 2 were given"),
    ("nn.Embedding(3, 2)(gt)", "TypeError: embedding(): argument 'indices' (position 2) must be Tensor, not numpy.ndarray"),
    ("nn.CrossEntropyLoss()(torch.zeros(len(gt), 3), gt)",
     "TypeError: cross_entropy_loss(): argument 'target' (position 2) must be Tensor, not numpy.ndarray"),
    ("F.cross_entropy(ob, torch.zeros(len(gt), dtype=torch.long))",
     "TypeError: cross_entropy_loss(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("F.nll_loss(ob, torch.zeros(len(gt), dtype=torch.long))",
     "TypeError: nll_loss_nd(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
    ("nn.MSELoss()(torch.zeros(len(gt), 3), ob)", "TypeError: 'int' object is not callable"),
    ("cross_entropy(torch.zeros(len(gt), 3), gt)",
     "TypeError: cross_entropy_loss(): argument 'target' (position 2) must be Tensor, not numpy.ndarray"),
    ("mse(ob, torch.zeros(len(gt), 3))", "TypeError: mse(): argument 'input' (position 1) must be Tensor, not numpy.ndarray"),
]

@Suite struct NeurogymArrayTests {
    @Test(arguments: neurogymArrayCases)
    func programs(_ program: ProgramCase) {
        check(program)
    }

    /// Each refusal is the exception PyTorch raises (catchable as such), with its message,
    /// then the conversion to write.
    @Test(arguments: numpyRefusalCases.map(\.code))
    func refusals(_ code: String) throws {
        let expected = try #require(numpyRefusalCases.first { $0.code == code }?.error)
        let program = """
            import numpy as np
            import torch
            import torch.nn as nn
            import torch.nn.functional as F
            env = PerceptualDecisionMaking(dt=100)
            env.new_trial()
            ob, gt = env.ob, env.gt
            try:
                \(code)
                print("accepted")
            except (TypeError, AttributeError) as e:
                print(f"{type(e).__name__}: {e}")
            """
        let output = run(program)
        let fromNumpy = code.hasPrefix("torch.from_numpy")
        let hint = "; convert it first with torch.from_numpy(…), e.g. torch.from_numpy(inputs).type(torch.float) "
            + "for neurogym's observations"
        #expect(output == expected + (fromNumpy ? "" : hint) + "\n", "\(code)")
    }

    /// Uncaught, the refusal points at the call in the user's code.
    @Test func anUncaughtRefusalNamesItsLine() {
        let output = run("import torch.nn as nn\nenv = PerceptualDecisionMaking(dt=100)\nenv.new_trial()\nnn.Linear(3, 2)(env.ob)")
        #expect(output.hasPrefix("error: 4:1: linear(): argument 'input' (position 1) must be Tensor, not numpy.ndarray; convert"),
                "\(output)")
    }
}
