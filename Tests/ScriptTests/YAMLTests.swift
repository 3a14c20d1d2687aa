import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// `yaml.safe_load` reads YAML as PyYAML's SafeLoader (YAML 1.1 scalars), of a string or a
/// file from `open()`; `open()` reads text files through the file policy.
@Suite struct YAMLTests {
    @Test(arguments: [
        // PyYAML: a float needs a dot, and a signed exponent.
        ("1e-3", "'1e-3'"), ("1.0e-3", "0.001"), ("1.0e3", "'1.0e3'"), ("1.5", "1.5"), ("1.", "1.0"), (".5", "0.5"),
        ("-.inf", "-inf"), (".NaN", "nan"), ("1_000", "1000"), ("010", "8"), ("0x1f", "31"), ("0b101", "5"),
        ("09", "'09'"), ("1:30", "90"), ("-7", "-7"), ("+3", "3"),
        ("yes", "True"), ("Off", "False"), ("TRUE", "True"), ("y", "'y'"), ("~", "None"), ("null", "None"), ("", "None"),
        ("'123'", "'123'"), ("\"yes\"", "'yes'"), ("!!str 1.5", "'1.5'"), ("!!float 3", "3.0"), ("!!int '12'", "12"),
        ("adamw", "'adamw'"), ("[1, 2.5, a]", "[1, 2.5, 'a']"), ("{a: 1, b: {c: [x, ~]}}", "{'a': 1, 'b': {'c': ['x', None]}}"),
    ])
    func scalarsResolveAsPyYAML(_ text: String, _ repr: String) {
        #expect(run("import yaml\nprint(repr(yaml.safe_load(\(Value.str(text).repr()))))") == repr + "\n")
    }

    /// The resolver table drops a pattern that fails to compile rather than trapping; all of
    /// PyYAML's seven must be there, in its order.
    @Test func everyResolverPatternCompiles() {
        #expect(YAMLScalar.resolvers.map(\.tag) == [.bool, .float, .int, .merge, .null, .timestamp, .value])
    }

    @Test func nestedConfigKeepsOrderAndMerges() {
        let text = """
            base: &base {lr: 0.001, clip: 1.0}
            training:
              <<: *base
              lr: 0.01
              epochs: 3
            1: one
            """
        #expect(run("import yaml\nc = yaml.safe_load(\(Value.str(text).repr()))\nprint(c)\nprint(c['training']['lr'] * 2, c[1])")
                == "{'base': {'lr': 0.001, 'clip': 1.0}, 'training': {'lr': 0.01, 'clip': 1.0, 'epochs': 3}, 1: 'one'}\n0.02 one\n")
    }

    @Test(arguments: [
        ("a: [1", "error: 2:1: yaml.safe_load(): while parsing a flow sequence, did not find expected ',' or ']' (line 2, column 1)\n"),
        ("d: 2024-01-05", "error: 2:1: yaml.safe_load(): '2024-01-05' is a date, which yaml.safe_load turns into a datetime; "
            + "rnnbook has no datetime: quote it to keep it as text (line 1, column 4)\n"),
        ("!!python/tuple [1]", "error: 2:1: yaml.safe_load(): could not determine a constructor for the tag "
            + "'tag:yaml.org,2002:python/tuple' (line 1, column 1)\n"),
        ("? [a]\n: 1", "error: 2:1: yaml.safe_load(): found unhashable key (a list) (line 1, column 3)\n"),
        ("a: 1\n---\nb: 2", "error: 2:1: yaml.safe_load(): expected a single document in the stream, but found another document "
            + "(line 2, column 1)\n"),
        ("x: !!int abc", "error: 2:1: yaml.safe_load(): invalid or too large integer 'abc' (integers are 64-bit here) (line 1, column 4)\n"),
    ])
    func badDocumentsAreErrorsWithTheirPlace(_ text: String, _ expected: String) {
        #expect(run("import yaml\nyaml.safe_load(\(Value.str(text).repr()))") == expected)
    }

    @Test func errorsAreCaughtAsPythonsClasses() {
        #expect(run("""
            import yaml
            try:
                yaml.safe_load("a: [1")
            except yaml.YAMLError as e:
                print("yaml error", type(e).__name__)
            try:
                open("missing.yaml")
            except OSError as e:
                print(type(e).__name__)
            """, fileAccess: .notebook(in: FileManager.default.temporaryDirectory.path)) == "yaml error YAMLError\nFileNotFoundError\n")
    }

    @Test func loadNeedsASafeLoaderAndDumpIsRefused() {
        #expect(run("import yaml\nprint(yaml.load('a: 1', Loader=yaml.SafeLoader))") == "{'a': 1}\n")
        #expect(run("import yaml\nyaml.load('a: 1')") == "error: 2:1: load() missing required argument 'Loader'\n")
        #expect(run("import yaml\nyaml.load('a: 1', Loader=yaml.BaseLoader)").contains("BaseLoader, which keeps every scalar as text"))
        #expect(run("import yaml\nyaml.safe_dump({'a': 1})")
                == "error: 2:1: yaml.safe_dump() is not supported; rnnbook's yaml reads one document with yaml.safe_load\n")
        #expect(run("import yaml\nyaml.safe_load(3)") == "error: 2:1: yaml.safe_load() expects a string or a file from open(), got int\n")
    }

    @Test func aliasBombsStopAtTheNodeLimit() {
        var text = "a0: [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 { text += "a\(level): [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        text = text.replacingOccurrences(of: "a0: [", with: "a0: &a0 [")
        for level in 1...6 { text = text.replacingOccurrences(of: "a\(level): [", with: "a\(level): &a\(level) [") }
        #expect(run("import yaml\nyaml.safe_load(\(Value.str(text).repr()))").contains("expands to more than 100000 values"))
    }

    /// A scratch folder holding `config.yaml`.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func safeLoadOfAnOpenFileBesideTheNotebook() throws {
        let root = try Self.folder(["config.yaml": "model:\r\n  hidden_size: 64\r\ntraining:\n  learning_rate: 3.0e-3\n  optimizer: adamw\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let policy = FileAccessPolicy.notebook(in: root.path)
        #expect(run("""
            import yaml
            config = yaml.safe_load(open("config.yaml"))
            print(config["training"]["learning_rate"], config["model"])
            with open("config.yaml", "r") as f:
                print(yaml.safe_load(f)["training"]["optimizer"], f.closed)
            print(f.closed)
            """, fileAccess: policy) == "0.003 {'hidden_size': 64}\nadamw False\nTrue\n")
    }

    @Test func textFilesReadLikePythons() throws {
        let root = try Self.folder(["a.txt": "one\ntwo\nthree"])
        defer { try? FileManager.default.removeItem(at: root) }
        let policy = FileAccessPolicy.notebook(in: root.path)
        #expect(run("""
            f = open("a.txt")
            print(repr(f.readline()), repr(f.read(3)), f.readlines())
            f.close()
            print([line.strip() for line in open("a.txt")], open("a.txt").readlines(1))
            print(len(open("a.txt", encoding="utf-8").read()))
            f.read()
            """, fileAccess: policy) == """
            'one\\n' 'two' ['\\n', 'three']
            ['one', 'two', 'three'] ['one\\n']
            13
            error: 6:1: I/O operation on closed file.

            """)
        #expect(run("open('missing.txt')", fileAccess: policy) == "error: 1:1: [Errno 2] No such file or directory: 'missing.txt'\n")
        #expect(run("open('a.txt').write('x')", fileAccess: policy)
                == "error: 1:1: write(): the file is open for reading only (io.UnsupportedOperation: not writable)\n")
        #expect(run("open('a.txt', 'rb')", fileAccess: policy).contains("open() with mode 'rb' is not supported"))
    }

    /// Sizes count code points; a huge size reads the rest; a hint of 0 or less reads all.
    @Test func textFileSizesAreCodePointsAndNeverOverflow() throws {
        let root = try Self.folder(["b.txt": "e\u{301}x\ny\nz\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let policy = FileAccessPolicy.notebook(in: root.path)
        #expect(run("""
            f = open("b.txt")
            print(len(f.read(1)), repr(f.readline(9223372036854775807)), repr(f.read(9223372036854775807)))
            print(open("b.txt").readlines(0) == open("b.txt").readlines(-1) == open("b.txt").readlines(), len(open("b.txt").readlines(0)))
            """, fileAccess: policy) == "1 '\u{301}x\\n' 'y\\nz\\n'\nTrue 3\n")
    }

    @Test func openFilesSurviveSessionSnapshots() throws {
        let root = try Self.folder(["a.txt": "one\ntwo\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let session = ScriptSession(seed: 0)
        session.fileAccess = FileAccessPolicy.notebook(in: root.path)
        let file = SourceFile(name: "x", text: "\n\n")
        _ = session.run("f = open('a.txt')\nf.readline()", origin: BlockOrigin(file: file, line: 1))
        let snapshot = try session.snapshot()
        let first = render(session.run("print(f.readline())", origin: BlockOrigin(file: file, line: 1)).outputs)
        try session.restore(snapshot)
        let second = render(session.run("print(f.readline())", origin: BlockOrigin(file: file, line: 1)).outputs)
        #expect(first == "two\n\n" && second == first)
    }
}
