import ArgumentParser
import Notebook
import Report
import ScriptRuntime

/// Options shared by the commands that run notebooks.
struct RunOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .customLong("param")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Override a front-matter parameter; repeatable.", valueName: "key=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Use the templates in this folder instead of the built-in ones.", valueName: "dir"))
    var templates: String?

    init() {}

    func validate() throws {
        _ = try parsedParameters()
    }

    func parsedParameters() throws -> [(name: String, value: ParameterValue)] {
        try parameters.map { text in
            guard let equals = text.firstIndex(of: "=") else {
                throw ValidationError("-p expects key=value, got '\(text)'")
            }
            let key = String(text[text.startIndex..<equals])
            // A dotted name reaches into a nested parameter: training.lr, layers.0.
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            guard let first = key.first, first.isLetter || first == "_",
                parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } })
            else {
                throw ValidationError("-p: '\(key)' is not a valid parameter name (a name, or a dotted path like training.lr)")
            }
            // The value stays text until the front matter says its type, so a text parameter
            // keeps what was typed (`-p tag=1.10` is "1.10", not 1.1).
            return (key, .string(String(text[text.index(after: equals)...])))
        }
    }

    func settings() throws -> RunSettings {
        RunSettings(parameters: try parsedParameters())
    }

    func loadTemplates() throws -> Templates {
        guard let templates else { return .builtIn }
        do {
            return try Templates.overriding(with: templates)
        } catch let error as TemplateError {
            throw ValidationError(error.message)
        }
    }
}
