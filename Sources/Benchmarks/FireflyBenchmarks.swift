import Foundation
import Diagnostics
import Notebook
import ScriptRuntime

/// Lab 4's training throughput: the lab's own blocks up to the one that defines
/// `train_agent` (the tutorial's classes, the task figure on a few targets, the actors, then
/// `train_agent` over `FireflyEnv`) run in a session with the lab's parameters, then one
/// `train_agent` per architecture on `trials` trials, without evaluations. Prints trials
/// per second of CPU time (user + system, which is what the shared machine's load does not
/// inflate) and of wall time. Run from the checkout's top folder.
func fireflyBenchmarks() throws {
    let candidates = ["notebooks/04-modularity.md", "notebooks/drafts/04-modularity.md"]
    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
        print("firefly: Lab 4 not found (run from the checkout's top folder)")
        return
    }
    let notebook = try Notebook.load(path: path)
    let cells = notebook.codeCells
    guard let last = cells.firstIndex(where: { $0.code.contains("def train_agent(") }) else {
        print("firefly: the lab defines no train_agent")
        return
    }
    let definitions = cells[...last]
    let trials = 1280
    let batch = 64
    var parameters = Dictionary(notebook.frontMatter.params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, new in new })
    let overrides: [String: ParameterValue] = [
        "n_seeds": .int(1), "n_trials": .int(trials), "batch_size": .int(batch), "eval_every": .int(1 << 30),
        "n_targets": .int(30), "check_findings": .bool(false),
    ]
    parameters.merge(overrides) { _, new in new }
    let session = ScriptSession(seed: 0, parameters: parameters)
    for cell in definitions {
        let result = session.run(cell.code, origin: BlockOrigin(file: notebook.file, line: cell.codeLine),
                                 budget: RnnbookProgram.budget)
        if let error = result.error {
            print("firefly: the lab's definitions failed: \(error.rendered)")
            return
        }
    }
    for actor in ["HolisticActor", "ModularActor"] {
        let code = "actor, curve = train_agent(\(actor), 0)\n"
        let cpu = processSeconds()
        let start = Date()
        let result = session.run(code, origin: BlockOrigin(file: SourceFile(name: "firefly.md", text: code), line: 1),
                                 budget: RnnbookProgram.budget)
        let wall = Date().timeIntervalSince(start)
        let used = processSeconds() - cpu
        if let error = result.error {
            print("firefly: \(actor) training failed: \(error.rendered)")
            continue
        }
        print(String(format: "%@: %d trials (batch %d) in %.1f s CPU, %.1f s wall: %.0f trials/s CPU, %.0f trials/s wall",
                     actor, trials, batch, used, wall, Double(trials) / used, Double(trials) / wall))
    }
}

/// User + system CPU seconds of this process so far.
private func processSeconds() -> Double {
    Double(clock()) / Double(CLOCKS_PER_SEC)
}
