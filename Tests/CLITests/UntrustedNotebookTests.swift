import Foundation
import Testing
@testable import RnnbookCLI

/// Issue 21, cases 9 and 10 through the command line: an untrusted notebook cannot write
/// outside its folder unless `--allow-files` says so, and its page carries no script
/// unless `--trust-html` says so.
@Suite struct UntrustedNotebookTests {
    static let writer = """
        # Writer

        ```rnn exercise=writes points=1
        ### BEGIN SOLUTION
        x = 1
        ### END SOLUTION
        ```

        ```rnn check=writes points=1
        net = Linear(2, 1)
        net.save("../outside.safetensors")
        ```
        """

    @Test(arguments: ["render", "run", "check"])
    func writesOutsideTheFolderAreRefusedUntilAllowed(_ command: String) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("lab")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let notebook = try folder.write("lab.md", Self.writer)
        let outside = root.appendingPathComponent("outside.safetensors")

        let refused = runCLI([command, notebook])
        #expect(refused.code == 1)
        #expect((refused.out + refused.error).contains("save() cannot use '../outside.safetensors': a notebook may read and write "
                                                         + "files only inside its folder"))
        #expect((refused.out + refused.error).contains("run rnnbook with --allow-files PATH to allow more"))
        #expect(!FileManager.default.fileExists(atPath: outside.path))

        let allowed = runCLI([command, notebook, "--allow-files", outside.path])
        #expect(allowed.code == 0, "\(allowed.error)")
        #expect(FileManager.default.fileExists(atPath: outside.path))
    }

    @Test func buildAllowsFilesToo() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("labs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try folder.write("01-writer.md", Self.writer)
        let site = root.appendingPathComponent("site").path
        #expect(runCLI(["build", folder.path, "-o", site]).code == 1)
        #expect(runCLI(["build", folder.path, "-o", site, "--allow-files", root.path]).code == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("outside.safetensors").path))
    }

    @Test func pagesAreSanitizedUnlessHTMLIsTrusted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = try folder.write("lab.md", "# Page\n\nSee @fig-<script>.\n\n<script>alert(1)</script>\n")
        let page = folder.appendingPathComponent("lab.html").path
        #expect(runCLI(["render", notebook]).code == 0)
        let safe = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!safe.contains("<script"))
        #expect(safe.contains("Content-Security-Policy"))
        #expect(runCLI(["render", notebook, "--trust-html", "-o", page]).code == 0)
        let trusted = try String(contentsOfFile: page, encoding: .utf8)
        #expect(trusted.contains("<script>alert(1)</script>"))
        #expect(!trusted.contains("Content-Security-Policy"))
    }

    @Test func theOptionsAreOnTheRightCommands() {
        for command in ["render", "run", "check", "build"] {
            #expect(runCLI([command, "--help"]).out.contains("--allow-files <path>"), "\(command)")
        }
        #expect(!runCLI(["grade", "--help"]).out.contains("--allow-files"))
        #expect(runCLI(["render", "--help"]).out.contains("--trust-html"))
        #expect(runCLI(["build", "--help"]).out.contains("--trust-html"))
        #expect(!runCLI(["run", "--help"]).out.contains("--trust-html"))
    }
}
