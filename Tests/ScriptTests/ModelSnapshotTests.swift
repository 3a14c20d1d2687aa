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
}
