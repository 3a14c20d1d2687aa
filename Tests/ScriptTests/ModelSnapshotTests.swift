import Diagnostics
import Testing
@testable import ScriptRuntime

/// Snapshots of sessions that trained a network: restoring gives back the same weights,
/// optimizer state, task and dataset, so continuing gives the same numbers as the first time.
@Suite struct ModelSnapshotTests {
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 10))

    func run(_ session: ScriptSession, _ code: String) -> String {
        render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
    }

    @Test func continuingAfterARestoreRepeatsTheFirstContinuation() throws {
        let session = ScriptSession(seed: 3)
        _ = run(session, """
            env = PerceptualDecisionMaking(dt=100)
            data = Dataset(env, batch_size=4, seq_len=22)
            net = RNNNet(3, 8, 3, dt=100)
            opt = Adam(net.parameters(), lr=0.01)
            w = net.fc.weight
            log = train(net, data, steps=5, optimizer=opt, log_every=100)
            out, act = net(randn(4, 2, 3))
            """)
        let snapshot = try session.snapshot()
        let continuation = """
            log = train(net, data, steps=5, optimizer=opt, log_every=100)
            trial = env.new_trial()
            print(log.loss.tolist(), trial, w is not None, (w - net.fc.weight).abs().sum().item(), randn(1).item())
            """
        let first = run(session, continuation)
        try session.restore(snapshot)
        #expect(run(session, continuation) == first)
        try session.restore(snapshot)
        #expect(run(session, continuation) == first)
        #expect(!first.contains("error"))
    }

    /// The `nn` modules: weights, training flags, hooks and container contents come back,
    /// with the sharing between names kept.
    @Test func nnModulesComeBackWithTheirSharing() throws {
        let session = ScriptSession(seed: 3)
        let setup = run(session, """
            import torch.nn as nn
            rnn = nn.LSTM(2, 4, num_layers=2, batch_first=True, dropout=0.3, bidirectional=True)
            head = nn.Sequential(nn.Linear(8, 3), nn.Dropout(0.5), nn.Tanh())
            cells = nn.ModuleList([nn.GRUCell(2, 4), nn.RNNCell(4, 4)])
            parts = nn.ModuleDict({"rnn": rnn, "head": head})
            net = RNNNet(2, 4, 1)
            a = net.rnn
            calls = []
            handle = head.register_forward_hook(lambda m, args, out: calls.append(1))
            w = nn.Parameter(randn(3))
            opt = Adam(list(parts.parameters()) + [w], lr=0.01)
            _ = head.eval()
            result = parts.load_state_dict(parts.state_dict())
            """)
        #expect(setup.isEmpty)
        let snapshot = try session.snapshot()
        let continuation = """
            x = randn(3, 5, 2)
            out, _ = rnn(x)
            y = head(out)
            h = cells[0](x[:, 0])
            loss = y.sum() + cells[1](h).sum() + w.sum() + net(x)[0].sum()
            loss.backward()
            opt.step()
            handle.remove()
            head(out)
            print(loss.item(), len(calls), head.training, parts["rnn"] is rnn, net.rnn is a, rnn.weight_hh_l1.sum().item())
            """
        let first = run(session, continuation)
        #expect(!first.contains("error"), "\(first)")
        try session.restore(snapshot)
        #expect(run(session, continuation) == first)
        try session.restore(snapshot)
        #expect(run(session, continuation) == first)
    }

    /// A tensor named before the module that owns it (`a` < `seq`) is still that module's
    /// parameter after a restore: modules are copied first.
    @Test func parametersNamedBeforeTheirModuleStayShared() throws {
        let session = ScriptSession(seed: 2)
        _ = run(session, """
            import torch.nn as nn
            seq = nn.Sequential(nn.Linear(2, 1))
            a = seq[0].weight
            opt = SGD(seq.parameters(), lr=0.1)
            """)
        let snapshot = try session.snapshot()
        try session.restore(snapshot)
        let output = run(session, """
            seq(ones(3, 2)).sum().backward()
            opt.step()
            print(a.grad is not None, (a - seq[0].weight).abs().sum().item())
            """)
        #expect(output == "True 0.0\n")
    }
}
