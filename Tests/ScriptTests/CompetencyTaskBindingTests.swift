import Diagnostics
import Testing
@testable import ScriptRuntime

/// `CompetencyTask` (docs/eel-task.md) from the language: neurogym's trial interface, the
/// batched generator, `Dataset`, seeding, snapshots, errors, and a short training run.
let competencyCases: [ProgramCase] = [
    .init("""
          env = CompetencyTask()
          print(env, env.observation_space.shape, env.action_space.n, env.dt, env.trial_length, env.wiggle, env.speed)
          print(env.timing, env.differences)
          print(env.start_ind, env.end_ind)
          """, """
          CompetencyTask(dt=20, trial_length=110) (53,) 3 20 110 0.01 2.0
          {'fixation': 100, 'eel1_observe': 1000, 'eel2_observe': 1000, 'decision': 100} [0.0, 0.1, 0.2, 0.4, 0.8]
          {'fixation': 0, 'eel1_observe': 5, 'eel2_observe': 55, 'decision': 105} {'fixation': 5, 'eel1_observe': 55, 'eel2_observe': 105, 'decision': 110}

          """),
    // The slides' examples: 2000 ms is 100 steps at dt = 20 and 200 steps at dt = 10.
    .init("""
          for dt in [20, 10]:
              env = CompetencyTask(dt=dt, timing={"fixation": 2000, "eel1_observe": 5000, "eel2_observe": 5000})
              print([env.end_ind[p] - env.start_ind[p] for p in env.timing], env.trial_length)
          print(CompetencyTask(dt=12.5, timing={"decision": 110}).timing["decision"], CompetencyTask(dt=12.5).dt)
          """, "[100, 250, 250, 5] 605\n[200, 500, 500, 10] 1210\n100 12.5\n"),
    .init("""
          env = CompetencyTask(wiggle=0.02, speed=1.5, differences=(0.5,))
          trial = env.new_trial()
          ob, gt = env.ob, env.gt
          print(sorted(trial), trial["difference"], ob.shape, ob.dtype, gt.shape, gt.dtype)
          s1, s2 = trial["influences"]
          print(abs(abs(s1 - s2) - 0.5) < 1e-9, (s1 > s2) == (trial["ground_truth"] == 0))
          print(ob[:105, 0].sum().item(), ob[105:].abs().sum().item(), ob[:5, 1:].abs().sum().item(), (ob[5:55, 1:3] != 0).all().item(), (ob[55:105, 3:] != 0).all().item(), ob[5:55, 3:5].abs().sum().item())
          print(gt[:105].abs().sum().item(), (gt[105:] == trial["ground_truth"] + 1).all().item())
          """, """
          ['difference', 'ground_truth', 'influences'] 0.5 torch.Size([110, 53]) torch.float32 torch.Size([110]) torch.int64
          True True
          105.0 0.0 0.0 True True 0.0
          0 True

          """),
    .init("""
          env = CompetencyTask()
          trial = env.new_trial(ground_truth=1, difference=0.4)
          print(trial["ground_truth"], trial["difference"], trial["influences"][1] > trial["influences"][0])
          x, y, info = env.batch(6, ground_truth=0, trial_info=True)
          print(x.shape, y.shape, sorted(info), info["ground_truth"].tolist(), info["influences"].shape, info["difference"].dtype)
          print((y[-1] == 1).all().item(), (info["influences"][:, 0] >= info["influences"][:, 1]).all().item())
          a, b = env.batch(3)
          print(a.shape, b.dtype, (env.gt[105:] == 2).all().item())
          """, """
          1 0.4 True
          torch.Size([110, 6, 53]) torch.Size([110, 6]) ['difference', 'ground_truth', 'influences'] [0, 0, 0, 0, 0, 0] torch.Size([6, 2]) torch.float32
          True True
          torch.Size([110, 3, 53]) torch.int64 True

          """),
    .init("""
          env = CompetencyTask(timing={"eel1_observe": 500, "eel2_observe": 500})
          dataset = Dataset(env, batch_size=4, seq_len=50)
          x, y = dataset()
          print(x.shape, y.shape, dataset.env, dataset.env.trial_length)
          """, "(50, 4, 53) (50, 4) CompetencyTask(dt=20, trial_length=60) 60\n"),
    .init("""
          manual_seed(3)
          env = CompetencyTask()
          first = env.new_trial()
          a = env.ob
          x, _ = env.batch(2)
          manual_seed(3)
          env = CompetencyTask()
          print(env.new_trial() == first, (env.ob == a).all().item(), (env.batch(2)[0] == x).all().item())
          print((env.batch(2)[0] == x).all().item())
          """, "True True True\nFalse\n"),
    .init("env = CompetencyTask()\nenv.ob", "error: 2:5: env.ob: call env.new_trial() first\n"),
    .init("env = CompetencyTask(timing={'stimulus': 100})",
          "error: 1:7: CompetencyTask: unknown period 'stimulus' in timing (periods: fixation, eel1_observe, eel2_observe, decision)\n"),
    .init("env = CompetencyTask(timing=[100])", "error: 1:7: CompetencyTask() timing must be a dict, not list\n"),
    .init("env = CompetencyTask(timing={1: 100})", "error: 1:7: CompetencyTask() timing keys must be strings, not int\n"),
    .init("env = CompetencyTask(timing={'decision': 'long'})",
          "error: 1:7: CompetencyTask() timing['decision'] must be a number, not str\n"),
    .init("env = CompetencyTask(differences=[0.1, 2])", "error: 1:7: CompetencyTask: every influence difference must lie in [0, 1], got 2.0\n"),
    .init("env = CompetencyTask(differences=[])", "error: 1:7: CompetencyTask: differences must not be empty\n"),
    .init("env = CompetencyTask(differences='easy')",
          "error: 1:7: CompetencyTask() differences must be a list or tensor of numbers, not str\n"),
    .init("env = CompetencyTask(wiggle=-1)", "error: 1:7: CompetencyTask: wiggle must be finite and not negative, got -1.0\n"),
    .init("env = CompetencyTask(speed='fast')", "error: 1:7: CompetencyTask() argument 'speed' must be a number, not str\n"),
    .init("env = CompetencyTask(dt=0)", "error: 1:7: CompetencyTask: dt must be a positive finite number, got 0.0\n"),
    .init("env = CompetencyTask(wigle=0.1)",
          "error: 1:7: CompetencyTask() got an unexpected keyword argument 'wigle' (did you mean 'wiggle'?)\n"),
    .init("env = CompetencyTask()\nenv.new_trial(ground_truth=2)", "error: 2:1: CompetencyTask: ground_truth must be 0 or 1, got 2\n"),
    .init("env = CompetencyTask()\nenv.new_trial(coh=0.2)",
          "error: 2:1: new_trial() got an unexpected keyword argument 'coh'\n"),
    .init("env = CompetencyTask()\nenv.new_trial(difference=1.2)", "error: 2:1: CompetencyTask: difference must lie in [0, 1], got 1.2\n"),
    .init("env = CompetencyTask()\nx, y = env.batch(0)", "error: 2:8: CompetencyTask: the batch size must be positive, got 0\n"),
    .init("env = CompetencyTask()\nx, y = env.batch()", "error: 2:8: batch() missing required argument 'batch_size'\n"),
    .init("env = CompetencyTask()\nx, y = env.batch(2.0)", "error: 2:8: batch() argument 'batch_size' must be an int, not float\n"),
    .init("env = CompetencyTask()\nx, y = env.batch(100000000)",
          "error: 2:8: CompetencyTask: a batch of shape (110, 100000000, 53) would have more than the limit of 67108864 elements per tensor\n"),
    .init("env = CompetencyTask()\nenv.wigle", "error: 2:5: 'CompetencyTask' object has no attribute 'wigle' (did you mean 'wiggle'?)\n"),
]

@Suite struct CompetencyTaskBindingTests {
    @Test(arguments: competencyCases)
    func competency(_ program: ProgramCase) {
        check(program)
    }

    /// Restoring a snapshot rewinds the task's draws and its current trial, and a dataset's.
    @Test func snapshotsRewindTheTaskAndItsDataset() throws {
        let session = ScriptSession(seed: 4)
        let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 10))
        func run(_ code: String) -> String {
            render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
        }
        _ = run("""
            env = CompetencyTask(timing={"eel1_observe": 200, "eel2_observe": 200})
            dataset = Dataset(env, batch_size=2, seq_len=20)
            env.new_trial()
            """)
        let snapshot = try session.snapshot()
        let continuation = """
            print(env.ob.sum().item())
            print(env.new_trial(), dataset()[0].sum(), env.batch(2)[0].sum().item())
            """
        let first = run(continuation)
        #expect(!first.contains("error"), "\(first)")
        try session.restore(snapshot)
        #expect(run(continuation) == first)
    }

    /// A user training loop in the slides' style (GRU, AdamW, clipping, input normalisation)
    /// lowers the loss on easy trials; docs/eel-task.md reports a longer run's accuracy.
    @Test func aUserTrainingLoopLowersTheLoss() {
        let output = run("""
            import torch
            import torch.nn as nn
            manual_seed(0)
            env = CompetencyTask(timing={"eel1_observe": 300, "eel2_observe": 300}, differences=[0.8])
            class Net(nn.Module):
                def __init__(self, n_in, n_hidden, n_out):
                    super().__init__()
                    self.rnn = nn.GRU(n_in, n_hidden)
                    self.fc = nn.Linear(n_hidden, n_out)
                def forward(self, x):
                    out, _ = self.rnn(x)
                    return self.fc(out), out
            net = Net(env.observation_space.shape[0], 16, env.action_space.n)
            opt = torch.optim.AdamW(net.parameters(), lr=0.01, weight_decay=1e-4)
            criterion = nn.CrossEntropyLoss()
            losses = []
            for step in range(30):
                x, y = env.batch(16)
                x = (x - x.mean()) / (x.std() + 1e-8)
                out, _ = net(x)
                loss = criterion(out.reshape(-1, 3), y.reshape(-1))
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                opt.step()
                losses.append(loss.item())
            print(sum(losses[-5:]) < 0.5 * sum(losses[:5]), losses[0], losses[-1])
            """, budget: .init(operations: 2_000_000, seconds: 60))
        #expect(output.hasPrefix("True "), "\(output)")
    }
}
