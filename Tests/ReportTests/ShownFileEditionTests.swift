import Foundation
import Testing
@testable import Notebook
@testable import Report

/// A block that shows a module of the lab (` ```rnn file=models/rnn.py exercise=net `), in
/// each edition: the whole module for the instructor, the solution folded for readers, the
/// stub for students; always under the file's path.
@Suite final class ShownFileEditionTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shown-edition-\(UUID().uuidString)")
    static let module = """
        def double(x):
            \"\"\"Twice x.\"\"\"
            ### BEGIN SOLUTION Return twice x.
            secret_product = x * 2
            return secret_product
            ### END SOLUTION
        """
    static let lab = """
        ```rnn file=models/rnn.py exercise=double
        ```

        ```rnn
        from models.rnn import double
        ```

        ```rnn check=double points=1
        assert double(2) == 4
        ```
        """

    init() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        try Self.module.write(to: folder.appendingPathComponent("models/rnn.py"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func page(_ edition: Edition) throws -> String {
        let run = NotebookRunner.run(Notebook.parse(name: folder.appendingPathComponent("lab.md").path, text: Self.lab))
        #expect(!run.failed)
        return try ReportRenderer.render(run, edition: edition).html
    }

    @Test func theInstructorSeesTheWholeModuleUnderItsPath() throws {
        let html = try page(.instructor)
        #expect(html.contains("<p class=\"file-name\"><code>models/rnn.py</code></p>"))
        #expect(html.contains("secret_product") && html.contains("### BEGIN SOLUTION"))
    }

    @Test func readersSeeTheSolutionFolded() throws {
        let html = try page(.reader)
        #expect(html.contains("<p class=\"file-name\"><code>models/rnn.py</code></p>"))
        let folded = try #require(html.range(of: "<details class=\"solution\">"))
        #expect(html[folded.lowerBound...].contains("secret_product"))
        #expect(!html.contains("BEGIN SOLUTION"))
    }

    @Test func studentsSeeTheStub() throws {
        let html = try page(.student)
        #expect(html.contains("<p class=\"file-name\"><code>models/rnn.py</code></p>"))
        #expect(html.contains("todo") && html.contains("Return twice x."))
        #expect(!html.contains("secret_product"))
    }
}
