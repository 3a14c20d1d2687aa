import Diagnostics
import Testing
@testable import ScriptRuntime

/// `NBitFlipFlop` (specs/tasks.md §2.1) and `PavlovTiming` (§3) from the language: shapes,
/// values, seeding, errors, snapshots, and a short training run of each with its loss.
let flipFlopCases: [ProgramCase] = [
    .init("env = PerceptualDecisionMaking(dt=20)\nenv.observation_space.shape[0], env.action_space.n, env.observation_space, env.action_space",
          "(3, 3, Box(-inf, inf, (3,), float32), Discrete(3))\n"),
    .init("NBitFlipFlop(500, 0.15)", "NBitFlipFlop(n_timesteps=500, noise=0.15, n=1, switch_prob=0.01)\n"),
    .init("""
          ff = NBitFlipFlop(n=2, n_timesteps=40, noise=0.1, switch_prob=0.1)
          print(ff, ff.n, ff.n_timesteps, ff.noise, ff.switch_prob, ff.transition_blind, ff.dynamic_noise)
          print(ff.observation_space, ff.action_space.shape[0], ff.context_inputs.shape, ff.input_labels, ff.dataset_name, ff.coupled_env)
          x, y = ff.batch(5)
          print(x.shape, y.shape, len(ff.batch(3, true_inputs=True)), ff.reset())
          """,
          "NBitFlipFlop(n_timesteps=40, noise=0.1, n=2, switch_prob=0.1) 2 40 0.1 0.1 4 0.0\n"
          + "Box(-1.5, 1.5, (2,), float32) 2 (0,) ['Input 0', 'Input 1'] 2BFF False\ntorch.Size([40, 5, 2]) torch.Size([40, 5, 2]) 3 [0. 0.]\n"),
    // Targets hold the last pulse's sign as 1 (set) or 0 (reset), updated at the pulse
    // step; no pulses in the first 3 steps; inputs are the pulses plus noise of std `noise`.
    .init("""
          ff = NBitFlipFlop(n=2, n_timesteps=60, noise=0.1, switch_prob=0.1)
          x, y, p = ff.batch(8, true_inputs=True)
          state = zeros(8, 2)
          for t in range(60):
              state = where(p[t] > 0, ones(8, 2), where(p[t] < 0, zeros(8, 2), state))
              assert_close(y[t], state, rtol=0, atol=0)
          pulses = (p != 0).float().sum().item()
          print(p[:3].abs().sum().item(), pulses > 40, (p.abs() * (p.abs() - 1)).abs().sum().item())
          print(abs((x - p).std().item() - 0.1) < 0.01, (y * (1 - y)).abs().sum().item())
          """, "0.0 True 0.0\nTrue 0.0\n"),
    // CTDB's generate_trial and generate_dataset: numpy arrays, batch-first, the same
    // trials as the time-major batch for the same seed.
    .init("""
          import torch
          ff = NBitFlipFlop(n_timesteps=30, noise=0.15, n=3)
          manual_seed(5)
          a, b, c = ff.batch(4, true_inputs=True)
          manual_seed(5)
          data, extra = ff.generate_dataset(4)
          print(list(data.keys()), extra, data["inputs"].shape, data["ics"].shape, data["inputs_to_env"].shape, data["conds"].shape)
          assert_close(torch.from_numpy(data["inputs"]), a.transpose(0, 1), rtol=0, atol=0)
          assert_close(torch.from_numpy(data["targets"]), b.transpose(0, 1), rtol=0, atol=0)
          assert_close(torch.from_numpy(data["true_inputs"]), c.transpose(0, 1), rtol=0, atol=0)
          manual_seed(5)
          inputs, outputs, true_inputs = ff.generate_trial()
          print(inputs.shape, outputs.shape, true_inputs.shape, type(inputs).__name__)
          assert_close(torch.from_numpy(outputs), b[:, 0], rtol=0, atol=0)
          manual_seed(6)
          z, _ = ff.batch(4)
          print((z - a).abs().sum().item() > 0)
          """, "['ics', 'inputs', 'inputs_to_env', 'targets', 'true_inputs', 'conds', 'extra'] {} (4, 30, 3) (4, 3) (4, 30, 0) (4, 1)\n(30, 3) (30, 3) (30, 3) ndarray\nTrue\n"),
    .init("ff = NBitFlipFlop(n=-1, n_timesteps=500, noise=0.1)", "error: 1:6: NBitFlipFlop: n and n_timesteps must be positive, got -1 and 500\n"),
    .init("ff = NBitFlipFlop(0, 0.1, 3)", "error: 1:6: NBitFlipFlop: n and n_timesteps must be positive, got 3 and 0\n"),
    .init("ff = NBitFlipFlop(500, 0.1, n=2.5)", "error: 1:6: NBitFlipFlop() argument 'n' must be an int, not float\n"),
    .init("ff = NBitFlipFlop('long', 0.1)", "error: 1:6: NBitFlipFlop() argument 'n_timesteps' must be an int, not str\n"),
    .init("ff = NBitFlipFlop(500, -0.1)", "error: 1:6: NBitFlipFlop: noise must be finite and not negative, got -0.1\n"),
    .init("ff = NBitFlipFlop(500, 'loud')", "error: 1:6: NBitFlipFlop() argument 'noise' must be a number, not str\n"),
    .init("ff = NBitFlipFlop(500, 0.1, switch_prob=0.7)", "error: 1:6: NBitFlipFlop: switch_prob must lie in [0, 0.5], got 0.7\n"),
    .init("ff = NBitFlipFlop(500, 0.1, transition_blind=-1)", "error: 1:6: NBitFlipFlop: transition_blind must not be negative, got -1\n"),
    .init("ff = NBitFlipFlop(500, 0.1, dynamic_noise=-1)", "error: 1:6: NBitFlipFlop: dynamic_noise must be finite and not negative, got -1.0\n"),
    .init("ff = NBitFlipFlop(500, 0.1, swich_prob=0.1)",
          "error: 1:6: NBitFlipFlop() got an unexpected keyword argument 'swich_prob' (did you mean 'switch_prob'?)\n"),
    .init("ff = NBitFlipFlop(n=3)", "error: 1:6: NBitFlipFlop() missing required argument 'n_timesteps'\n"),
    .init("ff = NBitFlipFlop(bits=3, n_timesteps=50, noise=0.1)",
          "error: 1:6: NBitFlipFlop() takes CTDB's argument names: write n= instead of bits=\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nx, y = ff.batch(0)", "error: 2:8: NBitFlipFlop: the batch size must be positive, got 0\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nx, y = ff.batch(-4)", "error: 2:8: NBitFlipFlop: the batch size must be positive, got -4\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nx, y = ff.batch('16')", "error: 2:8: batch() argument 'batch_size' must be an int, not str\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nx, y = ff.batch()", "error: 2:8: batch() missing required argument 'batch_size'\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nd = ff.generate_dataset(-2)", "error: 2:5: NBitFlipFlop: the batch size must be positive, got -2\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nff.render_3d(n_trials=0)", "error: 2:1: render_3d(): n_trials must be between 1 and 50, got 0\n"),
    .init("ff = NBitFlipFlop(500, 0.1)\nff.bitz", "error: 2:4: 'NBitFlipFlop' object has no attribute 'bitz'\n"),
    .init("ff = NBitFlipFlop(n=1000000, n_timesteps=1000000, noise=0.1)\nx, y = ff.batch(1000)",
          "error: 2:8: NBitFlipFlop: a batch of shape (1000000, 1000, 1000000) would have more than the limit of 67108864 elements per tensor\n"),
    .init("ff = NBitFlipFlop(n=4000000000000, n_timesteps=4000000000000, noise=0.1)\nx, y = ff.batch(4000000000000)",
          "error: 2:8: NBitFlipFlop: a batch of shape (4000000000000, 4000000000000, 4000000000000) would have more than the limit of 67108864 elements per tensor\n"),
]

let pavlovCases: [ProgramCase] = [
    .init("""
          task = PavlovTiming()
          print(task, task.cues, task.trials_per_cue, task.include_reward, task.observation_size, len(task.trials))
          print([t.cue for t in task.trials[:5]], [t.isi for t in task.trials[:2]])
          bad = [t for t in task.trials if t.iti < 1 or t.isi != 10 + 5 * t.cue or t.length != t.iti + t.isi + 2 or t.reward_step != t.iti + t.isi]
          print(len(bad), task.trials[0] is task.trials[0])
          """,
          "PavlovTiming(cues=2, trials_per_cue=50, include_reward=True) 2 50 True 3 100\n[0, 1, 0, 1, 0] [10, 15]\n0 True\n"),
    // Each batch column holds its trial: the cue at step iti, the reward (input channel
    // and target) at reward_step, zeros after the trial's length, and a mask of its length.
    .init("""
          task = PavlovTiming(cues=3, trials_per_cue=9)
          batches = task.batches(12)
          print(len(batches), [len(b.lengths) for b in batches], batches[0].inputs.shape[1:], batches[0].mask.shape == batches[0].rewards.shape)
          checked = 0
          for k, batch in enumerate(batches):
              x, r, lengths = batch
              assert x.shape[0] == max(lengths) and r.shape == (x.shape[0], len(lengths))
              for i, n in enumerate(lengths):
                  trial = task.trials[12 * k + i]
                  assert n == trial.length
                  assert x[trial.iti, i, trial.cue].item() == 1 and x[:, i, :3].sum().item() == 1
                  assert x[trial.reward_step, i, 3].item() == 1 and x[:, i, 3].sum().item() == 1
                  assert r[trial.reward_step, i].item() == 1 and r[:, i].sum().item() == 1
                  assert batch.mask[:, i].sum().item() == n and batch.mask[n - 1, i].item() == 1
                  assert x[n:, i].abs().sum().item() == 0 and batch.mask[n:, i].sum().item() == 0
                  checked += 1
          print(checked)
          """, "3 [12, 12, 3] torch.Size([12, 4]) True\n27\n"),
    .init("""
          task = PavlovTiming(include_reward=False)
          b = task.batch([0, 1])
          trial = task.trials[1]
          print(task.observation_size, b.inputs.shape[1:], b.inputs.sum().item(), b.rewards[trial.reward_step, 1].item())
          """, "2 torch.Size([2, 2]) 2.0 1.0\n"),
    .init("""
          task = PavlovTiming()
          first = task.batches(3)[1]
          assert_close(task.batch(task.trials[3:6]).inputs, first.inputs, rtol=0, atol=0)
          assert_close(task.batch([3, 4, -95]).rewards, first.rewards, rtol=0, atol=0)
          single = task.batch(task.trials[7])
          print(single.lengths == [task.trials[7].length], task.batch(7).lengths == single.lengths, len(first), first[-1] == first.lengths)
          """, "True True 3 True\n"),
    .init("""
          task = PavlovTiming()
          trial = task.trials[0]
          v = task.true_value(trial, gamma=0.5)
          print(v.shape == (trial.length,), v[trial.reward_step - 1].item(), v[trial.reward_step:].sum().item())
          print(v[trial.iti].item() == 0.5 ** (trial.isi - 1), (v[1:trial.reward_step] / v[:trial.reward_step - 1] - 2).abs().max().item())
          assert_close(task.true_value(0, 0.5), v, rtol=0, atol=0)
          print(task.true_value(-1, gamma=0.9).shape == (task.trials[-1].length,), task.true_value(trial, gamma=0).sum().item())
          """, "True 1.0 0.0\nTrue 0.0\nTrue 1.0\n"),
    .init("""
          manual_seed(11)
          a = [t.iti for t in PavlovTiming().trials]
          manual_seed(11)
          b = [t.iti for t in PavlovTiming().trials]
          c = [t.iti for t in PavlovTiming().trials]
          print(a == b, a != c, min(a) >= 1)
          """, "True True True\n"),
    .init("task = PavlovTiming(cues=0)", "error: 1:8: PavlovTiming: cues and trials_per_cue must be positive, got 0 and 50\n"),
    .init("task = PavlovTiming(2, -3)", "error: 1:8: PavlovTiming: cues and trials_per_cue must be positive, got 2 and -3\n"),
    .init("task = PavlovTiming(cues='two')", "error: 1:8: PavlovTiming() argument 'cues' must be an int, not str\n"),
    .init("task = PavlovTiming(cues=2000, trials_per_cue=1000)",
          "error: 1:8: PavlovTiming: cues × trials_per_cue must be at most 1000000 trials, got 2000 × 1000\n"),
    .init("task = PavlovTiming(cues=4000000000000, trials_per_cue=4000000000000)",
          "error: 1:8: PavlovTiming: cues × trials_per_cue must be at most 1000000 trials, got 4000000000000 × 4000000000000\n"),
    .init("task = PavlovTiming(ncues=2)",
          "error: 1:8: PavlovTiming() got an unexpected keyword argument 'ncues' (did you mean 'cues'?)\n"),
    .init("task = PavlovTiming()\nb = task.batches(0)", "error: 2:5: PavlovTiming: the batch size must be positive, got 0\n"),
    .init("task = PavlovTiming()\nb = task.batches(2.5)", "error: 2:5: batches() argument 'batch_size' must be an int, not float\n"),
    .init("task = PavlovTiming()\nb = task.batch([])", "error: 2:5: PavlovTiming: a batch needs at least one trial\n"),
    .init("task = PavlovTiming()\nb = task.batch([0, 'x'])", "error: 2:5: batch() trials[1] must be a PavlovTrial or an int index, not str\n"),
    .init("task = PavlovTiming()\nb = task.batch(3.5)", "error: 2:5: batch() argument 'trials' must be a list of trials or indices, not float\n"),
    .init("task = PavlovTiming()\nb = task.batch([100])", "error: 2:5: batch() trials[0]: trial index 100 is out of range for 100 trials\n"),
    .init("task = PavlovTiming()\nother = PavlovTiming(cues=4)\nb = task.batch([other.trials[3]])",
          "error: 3:5: PavlovTiming: a trial with cue 3 does not belong to a task with 2 cues\n"),
    .init("task = PavlovTiming()\nv = task.true_value(task.trials[0])", "error: 2:5: true_value() missing required argument 'gamma'\n"),
    .init("task = PavlovTiming()\nv = task.true_value(0, gamma=1.5)", "error: 2:5: true_value(): gamma must lie in [0, 1], got 1.5\n"),
    .init("task = PavlovTiming()\nv = task.true_value(0, gamma='half')",
          "error: 2:5: true_value() argument 'gamma' must be a number, not str\n"),
    .init("task = PavlovTiming()\nv = task.true_value('first', 0.5)",
          "error: 2:5: true_value() argument 'trial' must be a PavlovTrial or an int index, not str\n"),
    .init("task = PavlovTiming()\nv = task.true_value(-101, 0.5)",
          "error: 2:5: true_value() argument 'trial': trial index -101 is out of range for 100 trials\n"),
    .init("task = PavlovTiming()\ntask.trials[0].reward_stp",
          "error: 2:16: 'PavlovTrial' object has no attribute 'reward_stp' (did you mean 'reward_step'?)\n"),
]

@Suite struct TaskBindingTests {
    @Test(arguments: flipFlopCases)
    func flipFlop(_ program: ProgramCase) {
        check(program)
    }

    @Test(arguments: pavlovCases)
    func pavlov(_ program: ProgramCase) {
        check(program)
    }

    /// Two sessions with the same seed draw the same trials, byte for byte.
    @Test func sameSeedSameTrialsAcrossSessions() {
        let program = """
            ff = NBitFlipFlop(n=2, n_timesteps=12, noise=0.15, switch_prob=0.2)
            x, y = ff.batch(3)
            task = PavlovTiming(cues=2, trials_per_cue=5)
            print(x.tolist(), y.tolist(), [t.iti for t in task.trials], task.batches(4)[1].inputs.tolist())
            """
        let first = run(program)
        #expect(!first.contains("error"))
        #expect(first.count > 500)
        #expect(run(program) == first)
        #expect(run("manual_seed(2)\n" + program) != first)
    }

    /// A batch too large for the session's per-tensor limit fails before it is allocated.
    @Test func pavlovBatchesLargerThanTheTensorLimitAreRefused() {
        let output = run("task = PavlovTiming(cues=100000, trials_per_cue=1)\nb = task.batch([99999])")
        #expect(output.hasPrefix("error: 2:5: PavlovTiming: a batch of shape ("), "\(output)")
        #expect(output.hasSuffix(", 1, 100001) would have more than the limit of 67108864 elements per tensor\n"), "\(output)")
    }

    /// Restoring a snapshot rewinds the flip-flop's draws and gives back a Pavlov batch as it
    /// was, whatever the continuation did to its tensors and lengths.
    @Test func snapshotsRewindTheTasksAndTheirBatches() throws {
        let session = ScriptSession(seed: 4)
        let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 10))
        func run(_ code: String) -> String {
            render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
        }
        _ = run("""
            ff = NBitFlipFlop(n=2, n_timesteps=20, noise=0.15, switch_prob=0.1)
            task = PavlovTiming()
            batch = task.batches(12)[0]
            trial = task.trials[3]
            x, y = ff.batch(2)
            """)
        let snapshot = try session.snapshot()
        let continuation = """
            a, b = ff.batch(2)
            print(a.tolist(), batch.inputs.sum().item(), batch.lengths, batch.mask.sum().item(), trial)
            batch.inputs[0] = 7.0
            batch.mask[0] = 5.0
            batch.lengths.append(99)
            """
        let first = run(continuation)
        #expect(!first.contains("error"), "\(first)")
        try session.restore(snapshot)
        #expect(run(continuation) == first)
        try session.restore(snapshot)
        #expect(run(continuation) == first)
    }

    /// A GRU network trained on the flip-flop with `flip_flop_loss` through `train`.
    @Test func trainingOnTheFlipFlopLowersItsLoss() {
        let output = run("""
            manual_seed(0)
            ff = NBitFlipFlop(n=3, n_timesteps=40, noise=0.1, switch_prob=0.05)
            net = RNNNet(3, 16, 3, cell="gru")
            opt = Adam(net.parameters(), lr=0.02)
            log = train(net, lambda: ff.batch(16), steps=40, optimizer=opt, loss=flip_flop_loss, log_every=40)
            first, last = log.loss[:5].mean().item(), log.loss[-5:].mean().item()
            print(last < 0.7 * first, first, last)
            """, budget: .init(operations: 2_000_000, seconds: 60))
        #expect(output.hasPrefix("step 40/40"), "\(output)")
        #expect(output.contains("\nTrue "), "\(output)")
    }

    /// The value RNN of specs/tasks.md §3.2 (an LSTM whose value is the sum of its relu'd
    /// outputs) trained with `td_loss` on `task.batches`, epoch after epoch.
    @Test func tdLearningOnPavlovTimingLowersItsLoss() {
        let output = run("""
            manual_seed(0)
            task = PavlovTiming(cues=2, trials_per_cue=12)
            lstm = LSTM(3, 8)
            opt = Adam(lstm.parameters(), lr=0.02)
            losses = []
            for epoch in range(25):
                total = 0.0
                for x, r, lengths in task.batches(12):
                    out, _ = lstm(x)
                    loss = td_loss(relu(out).sum(2), r, lengths, gamma=0.5)
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                    total += loss.item()
                losses.append(total)
            print(losses[-1] < 0.6 * losses[0], losses[0], losses[-1])
            """, budget: .init(operations: 2_000_000, seconds: 60))
        #expect(output.hasPrefix("True "), "\(output)")
    }
}
