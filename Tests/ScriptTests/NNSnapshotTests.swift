import Diagnostics
import Testing
@testable import ScriptRuntime

/// Session snapshots of the `nn` modules: restoring gives back the same weights, training
/// flags, hooks and container contents, with the sharing between names kept.
@Suite struct NNSnapshotTests {
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 10))

    func run(_ session: ScriptSession, _ code: String) -> String {
        render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
    }

    @Test func continuingAfterARestoreRepeatsTheFirstContinuation() throws {
        let session = ScriptSession(seed: 3)
        let setup = run(session, """
            import torch.nn as nn
            rnn = nn.LSTM(2, 4, num_layers=2, batch_first=True)
            head = nn.Sequential(nn.Linear(4, 3), nn.Dropout(0.5), nn.Tanh())
            cells = nn.ModuleList([nn.GRUCell(2, 4), nn.RNNCell(4, 4)])
            parts = nn.ModuleDict({"rnn": rnn, "head": head})
            net = RNNNet(2, 4, 1)
            a = net.rnn
            calls = []
            handle = head.register_forward_hook(lambda m, args, out: calls.append(1))
            w = nn.Parameter(randn(3))
            opt = Adam(list(parts.parameters()) + [w], lr=0.01)
            _ = head.eval()
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
}
