import Foundation
import Diagnostics
import ScriptRuntime
import Tasks
import Tensor

/// The eel competency task (docs/eel-task.md): 500 validation trials generated at once
/// (goal < 1 s), from the engine and from the language, at the default timing and at the
/// slides' (5 s observe periods); then a GRU trained on it in the slides' style, with its
/// validation accuracy by influence difference.
func eelBenchmarks() throws {
    let slides = ["fixation": 100.0, "eel1_observe": 5000, "eel2_observe": 5000, "decision": 100]
    for (name, timing) in [("default timing", [String: Double]()), ("slides' timing", slides)] {
        let task = try CompetencyTask(timing: timing, generator: Generator(seed: 0))
        var best = Double.infinity
        for _ in 0..<3 {
            let start = Date()
            _ = try task.batch(500)
            best = min(best, Date().timeIntervalSince(start))
        }
        print(String(format: "CompetencyTask.batch(500), %@ (%d steps): %.3f s (goal < 1 s)", name, task.trialLength, best))
    }
    let program = RnnbookProgram(setup: "env = CompetencyTask()\n", timed: "x, y, info = env.batch(500, trial_info=True)\n")
    let seconds = (0..<3).map { _ in program.run() }.min() ?? .infinity
    print(String(format: "env.batch(500, trial_info=True) from the language: %.3f s", seconds))

    let started = Date()
    let session = ScriptSession(seed: 0)
    let result = session.run(demo, origin: BlockOrigin(file: SourceFile(name: "eel.md", text: demo), line: 1),
                             budget: RnnbookProgram.budget)
    for output in result.outputs { if case .text(let text) = output { print(text, terminator: "") } }
    if let error = result.error { print(error.rendered) }
    print(String(format: "GRU demo: %.1f s", Date().timeIntervalSince(started)))
}

/// A GRU (hidden 64) trained on batches of 64 fresh trials with AdamW, clipping and the
/// slides' input normalisation; loss on the decision steps, accuracy at the last one.
private let demo = """
    import torch
    import torch.nn as nn
    manual_seed(0)
    env = CompetencyTask()
    class Net(nn.Module):
        def __init__(self, n_in, n_hidden, n_out):
            super().__init__()
            self.rnn = nn.GRU(n_in, n_hidden)
            self.fc = nn.Linear(n_hidden, n_out)
        def forward(self, x):
            out, _ = self.rnn(x)
            return self.fc(out), out
    net = Net(env.observation_space.shape[0], 64, env.action_space.n)
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-4)
    criterion = nn.CrossEntropyLoss()
    def normalise(x):
        return (x - x.mean()) / (x.std() + 1e-8)
    def validate(n=500):
        with torch.no_grad():
            x, y, info = env.batch(n, trial_info=True)
            out, _ = net(normalise(x))
            right = (out[-1].argmax(-1) - 1 == info["ground_truth"]).float()
            return [(d, right[info["difference"] == d].mean().item()) for d in env.differences], right.mean().item()
    decision = env.start_ind["decision"]
    for step in range(1, 1201):
        x, y = env.batch(64)
        out, _ = net(normalise(x))
        loss = criterion(out[decision:].reshape(-1, 3), y[decision:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        if step % 100 == 0:
            curve, accuracy = validate()
            print(f"step {step}: loss {loss.item():.4f}, validation accuracy {accuracy:.3f}, by difference",
                  " ".join(f"{d}:{a:.2f}" for d, a in curve))

    """
