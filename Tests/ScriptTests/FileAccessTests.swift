import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// Issue 21, case 9: notebook code reads and writes only inside its folder (resolved paths,
/// no `..` or symbolic-link escape) unless widened, and not at all while grading; errors
/// never show a file's contents.
@Suite struct FileAccessTests {
    /// A fresh folder `notebook/` inside a fresh scratch folder, with a sibling `outside/`.
    struct Scratch {
        let root: URL
        var notebook: URL { root.appendingPathComponent("notebook") }
        var outside: URL { root.appendingPathComponent("outside") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("file-access-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("notebook"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

        /// The real path of the notebook folder, as error messages show it.
        var realNotebook: String { FileAccessPolicy.resolve(notebook.path) ?? notebook.path }
    }

    @Test func relativePathsStartFromTheNotebookFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let output = run("""
            import torch
            net = Linear(2, 1)
            net.save("w.safetensors")
            torch.save({"a": ones(2)}, "sub/../state.pt")
            plt.plot([1, 2])
            plt.savefig("fig")
            print(sorted(torch.load("state.pt").keys()))
            Linear(2, 1).load("./w.safetensors")
            """, fileAccess: .notebook(in: scratch.notebook.path))
        #expect(output == "['a']\n<figure >\n")
        for name in ["w.safetensors", "state.pt", "fig.svg"] {
            #expect(scratch.exists(scratch.notebook.appendingPathComponent(name)))
        }
    }

    @Test(arguments: [
        ("net.save('../outside/key')", "save()"), ("net.save('../../x')", "save()"),
        ("torch.save({}, '../outside/state.pt')", "torch.save()"), ("plt.savefig('../../../x.svg')", "savefig()"),
        ("net.save('/tmp/rnnbook-escape-\(UUID().uuidString)')", "save()"),
        ("net.load('/etc/passwd')", "load()"), ("torch.load('/etc/passwd')", "torch.load()"),
        ("net.save('missing/../../../x')", "save()"),
    ])
    func nothingOutsideTheFolder(_ statement: String, _ call: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let output = run("import torch\nnet = Linear(2, 1)\n" + statement, fileAccess: .notebook(in: scratch.notebook.path))
        let name = statement.split(separator: "'")[1]
        #expect(output.hasSuffix("""
            error: 3:1: \(call) cannot use '\(name)': a notebook may read and write files only inside its folder \
            (\(scratch.realNotebook)); run rnnbook with --allow-files PATH to allow more

            """))
        let written = try FileManager.default.subpathsOfDirectory(atPath: scratch.root.path)
        #expect(written.sorted() == ["notebook", "outside"])
    }

    /// The issue's `net.save("fakehome/.ssh/authorized_keys")`: inside the folder but in
    /// folders that do not exist, so nothing is made.
    @Test func missingFoldersAreNotMade() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let output = run("Linear(2, 1).save('fakehome/.ssh/authorized_keys')", fileAccess: .notebook(in: scratch.notebook.path))
        #expect(output.hasPrefix("error: 1:1: save: cannot write \(scratch.realNotebook)/fakehome/.ssh/authorized_keys: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.notebook.path).isEmpty)
    }

    @Test func symbolicLinksCannotLeadOut() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let secret = scratch.outside.appendingPathComponent("secret.safetensors")
        try Data("not for the notebook".utf8).write(to: secret)
        let manager = FileManager.default
        try manager.createSymbolicLink(at: scratch.notebook.appendingPathComponent("out"), withDestinationURL: scratch.outside)
        try manager.createSymbolicLink(at: scratch.notebook.appendingPathComponent("secret.safetensors"), withDestinationURL: secret)
        try manager.createSymbolicLink(at: scratch.notebook.appendingPathComponent("dangling"),
                                       withDestinationURL: scratch.outside.appendingPathComponent("new-file"))
        let policy = FileAccessPolicy.notebook(in: scratch.notebook.path)
        for statement in ["net.save('out/w')", "net.load('secret.safetensors')", "net.save('dangling')", "net.save('out/../../x')"] {
            let output = run("net = Linear(2, 1)\n" + statement, fileAccess: policy)
            #expect(output.contains("a notebook may read and write files only inside its folder"), "\(statement): \(output)")
        }
        #expect(try manager.contentsOfDirectory(atPath: scratch.outside.path) == ["secret.safetensors"])
        #expect(try String(contentsOf: secret, encoding: .utf8) == "not for the notebook")
    }

    @Test func allowFilesWidensToFoldersAndSingleFiles() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let single = scratch.root.appendingPathComponent("weights.pt")
        let policy = FileAccessPolicy.notebook(in: scratch.notebook.path, allowing: [scratch.outside.path, single.path])
        let output = run("""
            import torch
            torch.save({"a": 1}, "../outside/a.pt")
            torch.save({"b": 2}, "\(single.path)")
            print(torch.load("../outside/a.pt"), torch.load("../weights.pt"))
            torch.save({}, "../other.pt")
            """, fileAccess: policy)
        #expect(output.hasPrefix("{'a': 1} {'b': 2}\nerror: 5:1: torch.save() cannot use '../other.pt': a notebook may read "
                                 + "and write files only inside these folders: "))
        #expect(output.hasSuffix("; run rnnbook with --allow-files PATH to allow more\n"))
        #expect(!scratch.exists(scratch.root.appendingPathComponent("other.pt")))
    }

    @Test func gradingAllowsNoFileAtAll() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for statement in ["net.save('w')", "net.load('w')", "torch.save({}, 'w')", "torch.load('w')", "plt.savefig('w.svg')"] {
            let output = run("import torch\nnet = Linear(2, 1)\n" + statement)
            #expect(output.contains("cannot use 'w"), "\(output)")
            #expect(output.hasSuffix("reading and writing files is turned off while grading\n"))
        }
    }

    @Test func openReadsOnlyInsideTheFolderAndNeverWrites() {
        let outside = run("open('/etc/passwd').read()", fileAccess: .notebook(in: "/tmp"))
        #expect(outside.hasPrefix("error: 1:1: open() cannot use '/etc/passwd': a notebook may read and write files only inside"))
        #expect(run("open('x.txt', 'w')", fileAccess: .notebook(in: "/tmp")) == """
            error: 1:1: open() with mode 'w' is not supported: notebook code reads text files with open(path) and writes \
            files only through torch.save, net.save and plt.savefig, inside the notebook's folder

            """)
        #expect(run("open('config.yaml')").hasSuffix("reading and writing files is turned off while grading\n"))
        // As Python: text cannot be unbuffered; other buffering values change nothing read.
        #expect(run("open('x.txt', buffering=0)", fileAccess: .notebook(in: "/tmp"))
                == "error: 1:1: can't have unbuffered text I/O\n")
    }

    @Test func embeddedNullBytesAndEmptyNamesAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let policy = FileAccessPolicy.notebook(in: scratch.notebook.path)
        #expect(run("Linear(2, 1).save('w\\x00/../../../x')", fileAccess: policy) == "error: 1:1: save(): embedded null byte\n")
        #expect(run("Linear(2, 1).save('')", fileAccess: policy) == "error: 1:1: save(): the file name is empty\n")
    }

    /// `net.load` of a file that is not safetensors says so without quoting its bytes: the
    /// old message put the first 8 bytes, as a number, into a "header length".
    @Test func loadErrorsNeverShowTheFileContents() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Data("root:x:0:0:root:/root:/bin/bash\n".utf8).write(to: scratch.notebook.appendingPathComponent("passwd"))
        let expected = "load: \(scratch.realNotebook)/passwd is not a valid safetensors file: "
            + "its 8-byte header length runs past the end of the file"
        #expect(run("Linear(2, 1).load('passwd')", fileAccess: .notebook(in: scratch.notebook.path))
                == "error: 1:1: \(expected)\n")
        #expect(run("import torch\ntorch.load('passwd')", fileAccess: .notebook(in: scratch.notebook.path))
                == "error: 2:1: \(expected)\n")
    }
}
