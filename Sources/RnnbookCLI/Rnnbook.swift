import ArgumentParser

/// The `rnnbook` command.
public struct Rnnbook: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "rnnbook", abstract: "Markdown notebooks for RNN labs.")
    public init() {}
}
