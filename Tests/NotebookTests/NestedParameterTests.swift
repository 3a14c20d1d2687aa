import Diagnostics
import Foundation
import ScriptRuntime
import Testing
@testable import Notebook

/// Nested `params` (mappings and lists, as `yaml.safe_load` reads them) and `-p` overrides
/// of one leaf by a dotted path.
@Suite struct NestedParameterTests {
    let notebook = Notebook.parse(name: "lab.md", text: """
        ---
        params:
          config:
            model: {hidden_size: 64, dtype: float32}
            training:
              learning_rate: 3.0e-3
              gradient_clip: 1
              optimizer: {type: adamw, weight_decay: 1.0e-4}
              schedule: [10, 20]
              on: yes
              note: ~
          steps: 5
        ---
        ```rnn
        print(config["training"]["learning_rate"], config["model"], config["training"]["schedule"], steps)
        print(type(config).__name__, config["training"][True], config["training"]["note"])
        ```
        """)

    func apply(_ overrides: [(String, ParameterValue)]) -> (FrontMatter, [String]) {
        let (matter, problems) = notebook.frontMatter.applying(overrides.map { (name: $0.0, value: $0.1) }, file: notebook.file)
        return (matter, problems.map(\.message))
    }

    func output(_ overrides: [(String, ParameterValue)] = []) -> String {
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: overrides.map { (name: $0.0, value: $0.1) }))
        return run.cells.flatMap(\.result.outputs).map { output in
            if case .text(let text) = output { return text }
            return "\(output)"
        }.joined()
    }

    @Test func nestedParamsAreDictsAsSafeLoadGivesThem() {
        #expect(notebook.diagnostics.isEmpty, "\(notebook.diagnostics.map(\.message))")
        #expect(output() == "0.003 {'hidden_size': 64, 'dtype': 'float32'} [10, 20] 5\ndict True None\n")
    }

    @Test func aDottedPathOverridesOneLeaf() {
        let (matter, problems) = apply([("config.training.learning_rate", .float(1e-3)), ("config.training.schedule.1", .int(30)),
                                        ("config.training.gradient_clip", .int(2)), ("config.training.note", .string("x"))])
        #expect(problems.isEmpty)
        guard case .mapping(let top)? = matter.parameter("config"), case .mapping(let training) = top[1].value else {
            Issue.record("config is not a mapping")
            return
        }
        #expect(training[0].value == .float(1e-3))
        #expect(training[1].value == .int(2))
        #expect(training[3].value == .list([.int(10), .int(30)]))
        #expect(training[5].value == .string("x"))
        #expect(output([("config.training.learning_rate", .float(1e-3))]).hasPrefix("0.001 "))
    }

    @Test func missingPathsAndTypeChangesAreErrorsNamingTheKey() {
        #expect(apply([("config.training.lr", .float(1))]).1 == [
            "-p config.training.lr: 'config.training' has no key 'lr' (its keys are learning_rate, gradient_clip, optimizer, "
                + "schedule, True, note)"])
        #expect(apply([("config.model", .int(1))]).1 == [
            "-p config.model: 'config.model' is a mapping; override one of its items instead, e.g. -p config.model.hidden_size=…"])
        #expect(apply([("config.model.hidden_size.x", .int(1))]).1 == [
            "-p config.model.hidden_size.x: 'config.model.hidden_size' is an int (64), which has no key 'x'"])
        #expect(apply([("config.training.schedule.2", .int(1))]).1 == [
            "-p config.training.schedule.2: 'config.training.schedule' is a list of 2 items; '2' is not one of its indices 0…1"])
        #expect(apply([("config.model.hidden_size", .string("big"))]).1 == [
            "-p config.model.hidden_size: expected an int (64) like the front matter's config.model.hidden_size, got text ('big')"])
        #expect(apply([("confg.model", .int(1))]).1 == [
            "-p confg.model: the front matter has no parameter 'confg' (did you mean 'config'?) (it declares config, steps)"])
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: [(name: "config.training.lr", value: .int(1))]))
        #expect(run.failed && run.cells.isEmpty)
    }

    @Test func numbersThatYAMLReadsAsTextDrawAWarning() {
        let notebook = Notebook.parse(name: "w.md", text: "---\nparams:\n  config: {lr: 1e-3, wd: '1e-4', n: 1.5}\n---\n")
        #expect(notebook.diagnostics.map(\.header) == [
            "w.md:3:16: warning: '1e-3' is text, not a number, in YAML 1.1 (as yaml.safe_load reads it); "
                + "write it with a dot and a signed exponent, e.g. 1.0e-3, or quote it to keep it as text"])
        #expect(notebook.frontMatter.parameter("config") == .mapping([
            ParameterEntry(.string("lr"), .string("1e-3")), ParameterEntry(.string("wd"), .string("1e-4")),
            ParameterEntry(.string("n"), .float(1.5))]))
    }

    @Test func cacheKeysHoldTheResolvedNestedValues() throws {
        let cache = RunCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("nested-\(UUID().uuidString)"), environment: "test")
        let plain = cache.key(notebook, settings: RunSettings())
        let changed = cache.key(notebook, settings: RunSettings(parameters: [(name: "config.training.learning_rate", value: .float(1e-3))]))
        #expect(plain.contains("param config yaml {'model': {'hidden_size': 64, 'dtype': 'float32'}, 'training': {'learning_rate': 0.003"))
        #expect(changed.contains("'learning_rate': 0.001"))
        #expect(plain != changed)
    }
}
