import ArgumentParser
import Notebook

/// `--allow-files`: the folders or files a notebook's code may use besides its own folder
/// (`render`, `run`, `check`, `build`; `grade` allows none).
struct FileOptions: ParsableArguments {
    @Option(name: .customLong("allow-files"),
            help: ArgumentHelp("Let the notebook's code read and write inside this folder (or this file) too; "
                               + "repeatable. By default it may use only its own folder.",
                               valueName: "path"))
    var allowedFiles: [String] = []

    init() {}

    /// `settings` with these folders allowed.
    func applied(to settings: RunSettings) -> RunSettings {
        var settings = settings
        settings.allowedFiles += allowedFiles
        return settings
    }
}
