import Testing
@testable import ScriptRuntime

/// Models, optimizers, losses, `train` and tasks from the language (LANGUAGE.md's
/// "Models, losses, optimizers" and "Tasks").
let modelCases: [ProgramCase] = [
    .init("lstm = LSTM(3, 16)\nout, (h, c) = lstm(randn(20, 4, 3))\nprint(out.shape, h.shape, c.shape)",
          "torch.Size([20, 4, 16]) torch.Size([1, 4, 16]) torch.Size([1, 4, 16])\n"),
    .init("rnn = RNN(3, 5)\nout, h = rnn(randn(7, 2, 3))\nassert_close(out[-1], h[0])\nprint(out.shape)", "torch.Size([7, 2, 5])\n"),
    .init("gru = GRU(2, 4)\nout, h = gru(randn(6, 3, 2))\nprint(h.shape, len(list(gru.parameters())))", "torch.Size([1, 3, 4]) 4\n"),
    // One unbatched sequence (seq_len, input_size), as PyTorch accepts: the same numbers as
    // a batch of one, without the batch dimension.
    .init("rnn = RNN(3, 5)\nx = randn(7, 3)\nout, h = rnn(x)\nb, hb = rnn(x.unsqueeze(1))\nassert_close(out, b[:, 0])\nassert_close(h, hb[0])\nout.shape, h.shape",
          "(torch.Size([7, 5]), torch.Size([1, 5]))\n"),
    .init("lstm = LSTM(2, 4)\nout, (h, c) = lstm(randn(6, 2), (zeros(1, 4), zeros(1, 4)))\nout.shape, h.shape, c.shape", "(torch.Size([6, 4]), torch.Size([1, 4]), torch.Size([1, 4]))\n"),
    .init("net = RNNNet(3, 8, 2)\nout, act = net(randn(5, 3))\nout.sum().backward()\nout.shape, act.shape, net.fc.weight.grad.shape", "(torch.Size([5, 2]), torch.Size([5, 8]), torch.Size([2, 8]))\n"),
    .init("net = RNNNet(3, 8, 3, dt=20)\nout, act = net(randn(10, 2, 3))\nprint(out.shape, act.shape)\nnet",
          "torch.Size([10, 2, 3]) torch.Size([10, 2, 8])\nRNNNet(3, 8, 3, cell='leaky')\n"),
    .init("net = RNNNet(3, 8, 3, dt=20)\nprint(net.rnn.W_rec.shape, net.fc.weight.shape, net.rnn.alpha)",
          "torch.Size([8, 8]) torch.Size([3, 8]) 0.20000000298023224\n"),
    .init("layer = Linear(4, 2)\nprint(layer(ones(5, 4)).shape, [name for name, _ in layer.named_parameters()])",
          "torch.Size([5, 2]) ['weight', 'bias']\n"),
    .init("""
          manual_seed(7)
          a = LeakyRNN(3, 8, dt=20, tau=100)
          manual_seed(7)
          def step(x, h, params):
              return 0.8 * h + 0.2 * relu(x @ params.W_in.T + params.b_in + h @ params.W_rec.T + params.b_rec)
          b = LeakyRNN(3, 8, dt=20, tau=100, step=step)
          x = rand(12, 5, 3)
          out_a, _ = a(x)
          out_b, _ = b(x)
          assert_close(out_b, out_a, rtol=1e-4, atol=1e-5)
          out_a.sum().backward()
          out_b.sum().backward()
          assert_close(b.W_rec.grad, a.W_rec.grad, rtol=1e-3, atol=1e-4)
          print("same states and gradients")
          """, "same states and gradients\n"),
    .init("def bad(x, h, params):\n    return h[0]\nnet = LeakyRNN(2, 3, step=bad)\nnet(randn(4, 2, 2))",
          "error: 4:1: LeakyRNN: the step function returned a state of shape (3,) at step 0; expected (2, 3), the shape of h\n"),
    .init("w = tensor([1.0, 2.0], requires_grad=True)\nopt = SGD([w], lr=0.1)\n(w * w).sum().backward()\nopt.step()\nprint(w.tolist(), opt.lr)",
          "[0.800000011920929, 1.600000023841858] 0.1\n"),
    .init("opt = SGD(Linear(2, 2).parameters(), lr=0.1)\nprint(opt)\nopt.lr = 0.05\nprint(opt.lr)\nAdam(Linear(2, 2).parameters(), lr=3e-4)", "SGD(lr=0.1)\n0.05\nAdam(lr=0.0003)\n"),
    .init("Linear(3, 2, bias=False).bias is None, Linear(3, 2).bias.shape", "(True, torch.Size([2]))\n"),
    .init("arange(16777215, 16777220)", "error: 1:1: arange(): integer 16777220 is beyond ±16777216 (int64 tensors are stored as Float32); use floats, e.g. arange(16777215.0, 16777220.0)\n"),
    .init("w = tensor([1.0], requires_grad=True)\nopt = Adam([w], lr=0.1)\nfor i in range(3):\n    opt.zero_grad()\n    (w * w).sum().backward()\n    opt.step()\nprint(round(w.item(), 4))",
          "0.7016\n"),
    .init("logits = tensor([[2.0, 0.0], [0.0, 2.0]])\nlabels = tensor([0, 1])\nloss = CrossEntropyLoss()\nprint(round(loss(logits, labels).item(), 4), round(cross_entropy(logits, labels).item(), 4))",
          "0.1269 0.1269\n"),
    .init("print(mse(tensor([1.0, 3.0]), tensor([1.0, 1.0])).item(), MSELoss()(tensor([2.0]), tensor([0.0])).item())", "2.0 4.0\n"),
    .init("cross_entropy(randn(4, 3), tensor([0, 1]))",
          "error: 1:1: cross_entropy: logits of shape (4, 3) need labels of shape (4,), got (2,)\n"),
    .init("env = PerceptualDecisionMaking(dt=20, timing={'stimulus': 1000})\ntrial = env.new_trial()\nprint(sorted(trial.keys()), env.ob.shape, env.gt.shape, env.gt[-1] in [1, 2])",
          "['coh', 'ground_truth'] (60, 3) (60,) True\n"),
    // neurogym's Dataset from a task id and env_kwargs gives the same batches as from the task.
    .init("manual_seed(3)\na = Dataset('PerceptualDecisionMaking-v0', env_kwargs={'dt': 20}, batch_size=4, seq_len=30)()[0]\nmanual_seed(3)\nb = Dataset(PerceptualDecisionMaking(dt=20), batch_size=4, seq_len=30)()[0]\nprint(a.shape, bool((a == b).all()))",
          "(30, 4, 3) True\n"),
    .init("Dataset('GoNogo-v0')", "error: 1:1: Dataset(): unknown task id 'GoNogo-v0'; known: PerceptualDecisionMaking-v0\n"),
    .init("Dataset('PerceptualDecisionMaking-v0', env_kwargs=[1])", "error: 1:1: Dataset() argument 'env_kwargs' must be a dict, not list\n"),
    .init("env = PerceptualDecisionMaking(dt=20, timing={'stimulus': 1000})\ndata = Dataset(env, batch_size=4, seq_len=30)\nx, y = data()\nprint(x.shape, y.shape)",
          "(30, 4, 3) (30, 4)\n"),
    .init("env = PerceptualDecisionMaking(timing={'stimulis': 10})",
          "error: 1:7: PerceptualDecisionMaking: unknown period 'stimulis' in timing (periods: fixation, stimulus, delay, decision)\n"),
    .init("env = PerceptualDecisionMaking()\nenv.ob", "error: 2:5: env.ob: call env.new_trial() first\n"),
    .init("""
          env = PerceptualDecisionMaking(dt=100)
          net = RNNNet(3, 16, 3, dt=100)
          log = train(net, Dataset(env, batch_size=8, seq_len=22), steps=30, optimizer=Adam(net.parameters(), lr=0.01), log_every=15)
          print(log.steps, log.loss.shape, log.loss[-5:].mean().item() < log.loss[:5].mean().item())
          """, "step 15/30\nstep 30/30\n30 torch.Size([30]) True\n"),
    .init("net = RNNNet(3, 4, 3)\ntrain(net, lambda: (randn(5, 2, 3), randn(5, 2, 3)), steps=3, optimizer=SGD(net.parameters(), lr=0.1), loss='mse', log_every=10)\nprint('ok')",
          "step 3/3\nok\n"),
]

@Suite struct ModelBindingTests {
    @Test(arguments: modelCases)
    func programs(_ program: ProgramCase) {
        // Progress lines carry timings; keep their step counts only.
        let output = run(program.source, budget: .init(operations: program.operations, seconds: 60))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("step ") && line.contains("loss") ? line.split(separator: " ").prefix(2).joined(separator: " ") : String(line)
        }
        #expect(lines.joined(separator: "\n") == program.expected, "\(program.source)")
    }
}
