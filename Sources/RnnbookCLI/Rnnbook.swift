import ArgumentParser

/// The `rnnbook` command: run, render, build (and, later, grade) Markdown notebooks.
public struct Rnnbook: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rnnbook",
        abstract: "Run Markdown notebooks of RNN labs and write self-contained HTML reports.",
        discussion: """
            A notebook is a Markdown file whose ```rnn blocks run in order, in one session, \
            against rnnbook's tensor and RNN engine.

            Exit codes: 0 success; 1 a notebook failed (a parse error or a block that failed \
            unexpectedly; the report is still written); 64 the command line was wrong.
            """,
        version: RnnbookVersion.current,
        subcommands: [Render.self, RunNotebook.self, Build.self, ImportCommand.self, ExportCommand.self, PreviewCommand.self, CheckCommand.self, Assign.self, Grade.self, GradeWorkerCommand.self, GradebookCommand.self]
    )

    public init() {}
}

/// The version printed by `--version` and stored with grading runs.
public enum RnnbookVersion {
    /// The current version.
    public static let current = "0.1.0"
}
