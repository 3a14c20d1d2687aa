import Diagnostics
import ScriptRuntime
import Testing
@testable import Notebook

@Suite struct FrontMatterTests {
    @Test func validFrontMatter() throws {
        let notebook = Notebook.parse(name: "lab.md", text: """
            ---
            title: "Lab 1: RNNs"
            authors: [Ada, {name: Alan}]
            seed: 42
            timeout: 2.5
            operations: 1000
            memory: 256
            student: s123
            date: 2026-11-21
            params:
              hidden: 128
              lr: 0.01
              cell: "gru"
              fast: true
            ---
            # Body
            """)
        #expect(notebook.diagnostics.isEmpty)
        let matter = notebook.frontMatter
        #expect(matter.title == "Lab 1: RNNs")
        #expect(matter.authors == ["Ada", "Alan"])
        #expect(matter.seed == 42)
        #expect(matter.timeout == 2.5)
        #expect(matter.operations == 1000)
        #expect(matter.memory == 256)
        #expect(matter.student == "s123")
        #expect(matter.extra["date"] == "2026-11-21")
        #expect(matter.params.map(\.name) == ["hidden", "lr", "cell", "fast"])
        #expect(matter.params.map(\.value) == [.int(128), .float(0.01), .string("gru"), .bool(true)])
        #expect(matter.bodyStartLine == 16)
        #expect(notebook.title == "Lab 1: RNNs")
    }

    @Test func noFrontMatterMeansDefaults() {
        let notebook = Notebook.parse(name: "dir/lab.md", text: "Just prose.\n")
        #expect(notebook.frontMatter == FrontMatter())
        #expect(notebook.title == "lab")
    }

    @Test func invalidYAMLPointsAtTheProblem() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\ntitle: [unclosed\nseed: 1\n---\n")
        #expect(notebook.diagnostics.count == 1)
        #expect(notebook.diagnostics[0].id == "front-matter-yaml")
        #expect(notebook.diagnostics[0].header.hasPrefix("lab.md:3:"))
        // As PyYAML says, where the construct that went wrong began.
        #expect(notebook.diagnostics[0].message.hasSuffix("(while parsing a flow sequence that starts at line 2, column 8)"),
                "\(notebook.diagnostics[0].message)")
        #expect(notebook.hasErrors)
    }

    @Test func wrongTypesAreAllReported() {
        let notebook = Notebook.parse(name: "lab.md", text: """
            ---
            seed: abc
            timeout: -1
            memory: 0
            authors: {x: 1}
            params: [1, 2]
            ---
            """)
        #expect(notebook.diagnostics.map(\.header) == [
            "lab.md:2:7: error: 'seed' must be a non-negative integer, got 'abc'",
            "lab.md:3:10: error: 'timeout' must be a positive number of seconds, got '-1'",
            "lab.md:4:9: error: 'memory' must be a positive number of megabytes, got '0'",
            "lab.md:5:10: error: 'authors' must be a name or a list of names, got a mapping",
            "lab.md:6:9: error: 'params' must be a mapping of names to values, got a list",
        ])
    }

    @Test func badParameterNamesAndValues() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\nparams:\n  2x: 1\n  ok: [1, 2024-01-05]\n---\n")
        #expect(notebook.diagnostics.map(\.header) == [
            "lab.md:3:3: error: parameter name '2x' is not a valid identifier",
            "lab.md:4:11: error: parameter 'ok': '2024-01-05' is a date, which yaml.safe_load turns into a datetime; "
                + "rnnbook has no datetime: quote it to keep it as text",
        ])
    }

    @Test func unknownKeysWarnWithASuggestion() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\ntitel: X\n---\n")
        #expect(notebook.diagnostics.map(\.header) == [
            "lab.md:2:1: warning: unknown front matter key 'titel' (did you mean 'title'?)"
        ])
        #expect(!notebook.hasErrors)
    }

    @Test func unclosedFrontMatter() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\ntitle: X\n")
        #expect(notebook.diagnostics.map(\.header) == [
            "lab.md:1:1: error: front matter opened with '---' is never closed (expected a '---' line)"
        ])
    }

    @Test func notAMapping() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\n- a\n- b\n---\n")
        #expect(notebook.diagnostics.map(\.id) == ["front-matter-not-mapping"])
    }

    @Test func frontMatterLinesKeepCodePositions() {
        let notebook = Notebook.parse(name: "lab.md", text: "---\ntitle: T\n---\n\n```rnn\nx = 1\n```\n")
        #expect(notebook.codeCells.first?.fence == SourceLocation(line: 5, column: 1))
    }

    @Test func parameterValuesFromTheCommandLine() {
        #expect(ParameterValue(parsing: "12") == .int(12))
        #expect(ParameterValue(parsing: "1e-3") == .float(0.001))
        #expect(ParameterValue(parsing: "true") == .bool(true))
        #expect(ParameterValue(parsing: "gru") == .string("gru"))
        #expect(ParameterValue(parsing: "") == .string(""))
    }
}

/// `-p` overrides take the declared parameter's type; unknown names are warned about.
@Suite struct ParameterOverrideTests {
    let notebook = Notebook.parse(name: "lab.md", text: "---\nparams:\n  n: 4\n  lr: 0.1\n  name: a\n  flag: true\n---\n")

    func apply(_ overrides: [(String, ParameterValue)]) -> (FrontMatter, [String]) {
        let (matter, problems) = notebook.frontMatter.applying(overrides.map { (name: $0.0, value: $0.1) }, file: notebook.file)
        return (matter, problems.map(\.header))
    }

    @Test func matchingTypesAndWideningsAreTaken() {
        let (matter, problems) = apply([("n", .int(8)), ("lr", .int(1)), ("name", .int(5)), ("flag", .bool(false))])
        #expect(problems.isEmpty)
        #expect(matter.parameter("n") == .int(8))
        #expect(matter.parameter("lr") == .float(1))
        #expect(matter.parameter("name") == .string("5"))
        #expect(matter.parameter("flag") == .bool(false))
    }

    @Test func wrongTypesAreErrors() {
        #expect(apply([("n", .string("abc"))]).1 == ["lab.md:1:1: error: -p n: expected an int (4) like the front matter's n, got text ('abc')"])
        #expect(apply([("n", .float(2.5))]).1 == ["lab.md:1:1: error: -p n: expected an int (4) like the front matter's n, got a float (2.5)"])
        #expect(apply([("flag", .int(1))]).1.count == 1)
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: [("n", .string("abc"))]))
        #expect(run.failed && run.cells.isEmpty)
    }

    /// `-p` gives text; it is read as the declared type, and text parameters keep what
    /// was typed (`-p name=1.10` was "1.1" when values were read as numbers first).
    @Test func commandLineTextIsReadAsTheDeclaredType() {
        let (matter, problems) = apply([("n", .string("8")), ("lr", .string("1.10")), ("name", .string("1.10")),
                                        ("flag", .string("False"))])
        #expect(problems.isEmpty)
        #expect(matter.parameter("n") == .int(8))
        #expect(matter.parameter("lr") == .float(1.1))
        #expect(matter.parameter("name") == .string("1.10"))
        #expect(matter.parameter("flag") == .bool(false))
        #expect(apply([("n", .string("2.5"))]).1 == ["lab.md:1:1: error: -p n: expected an int (4) like the front matter's n, got a float (2.5)"])
        #expect(apply([("name", .string("007"))]).0.parameter("name") == .string("007"))
        let (undeclared, warnings) = apply([("k", .string("3"))])
        #expect(undeclared.parameter("k") == .int(3))
        #expect(warnings.count == 1)
    }

    @Test func unknownNamesAreWarnedAboutAndStillSet() {
        let (matter, problems) = apply([("nn", .int(1))])
        #expect(problems == ["lab.md:1:1: warning: -p nn: the front matter has no parameter 'nn' (did you mean 'n'?) (it declares n, lr, name, flag); set anyway"])
        #expect(matter.parameter("nn") == .int(1))
        let run = NotebookRunner.run(notebook, settings: RunSettings(parameters: [("nn", .int(1))]))
        #expect(!run.failed)
        #expect(run.notebook.diagnostics.map(\.id) == ["unknown-parameter"])
    }
}
