import Diagnostics
@testable import ScriptRuntime

/// One session whose blocks are run, snapshotted and rewound, for the tests that check that
/// a native type survives a session snapshot (grading copies sessions this way).
struct SnapshotRunner {
    let session = ScriptSession(seed: 1)
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 20))

    /// Runs a block; its outputs rendered as `runBlocks` renders them.
    func run(_ code: String) -> String {
        render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
    }

    /// Runs `setup`, takes a snapshot, runs `code`, restores the snapshot and runs `code`
    /// again: both outputs, which are equal when the snapshot copied everything `code` uses.
    func twice(_ setup: String, _ code: String) throws -> (first: String, second: String, snapshot: SessionSnapshot) {
        _ = run(setup)
        let snapshot = try session.snapshot()
        let first = run(code)
        try session.restore(snapshot)
        return (first, run(code), snapshot)
    }
}
