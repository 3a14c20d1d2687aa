import Foundation
import Testing
@testable import Notebook
@testable import Report

/// Images shown by a relative path go into the page as `data:` URLs, so that a page copied
/// into a course site or written elsewhere still shows them; only image files inside the
/// notebook's folder are read.
@Suite final class LocalImageTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("local-images-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("lab") }
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    init() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my figs"), withIntermediateDirectories: true)
        try Data(Self.png).write(to: folder.appendingPathComponent("my figs/a.png"))
        try Data(Self.png).write(to: root.appendingPathComponent("secret.png"))
        try "not an image".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.png"), withDestinationURL: root.appendingPathComponent("secret.png"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @Test func imagesBesideTheNotebookAreEmbeddedAndOthersLinkedWithAWarning() throws {
        let text = """
            ![a](my%20figs/a.png) ![web](https://example.org/b.png) ![up](../secret.png)

            ![missing](figs/none.png) ![text](notes.txt) ![link](link.png)
            """
        let notebook = Notebook.parse(name: folder.appendingPathComponent("lab.md").path, text: text)
        let page = try ReportRenderer.render(NotebookRunner.run(notebook))
        #expect(page.html.contains("<img src=\"data:image/png;base64,\(Data(Self.png).base64EncodedString())\" alt=\"a\">"))
        #expect(page.html.contains("<img src=\"https://example.org/b.png\" alt=\"web\">"))
        for kept in ["../secret.png", "figs/none.png", "notes.txt", "link.png"] {
            #expect(page.html.contains("<img src=\"\(kept)\""), "\(kept)")
        }
        let warnings = page.warnings.map(\.header)
        let name = notebook.file.name
        #expect(warnings == [
            "\(name):1:63: warning: image '../secret.png' is outside the notebook's folder: not put into the page, only linked",
            "\(name):3:12: warning: image 'figs/none.png' not found beside the notebook",
            "\(name):3:35: warning: 'notes.txt' is not an image file (.png, .jpg, .gif, .svg, .webp): not put into the page, only linked",
            "\(name):3:54: warning: image 'link.png' is outside the notebook's folder: not put into the page, only linked",
        ], "\(warnings)")
    }

    @Test func whatCountsAsARelativePath() {
        #expect(LocalImages.isRelative("figs/a.png") && LocalImages.isRelative("a.png") && LocalImages.isRelative("../a.png"))
        for other in ["https://x.org/a.png", "data:image/png;base64,AA", "/etc/a.png", "#top", "", "file:///a.png", "mailto:a@b"] {
            #expect(!LocalImages.isRelative(other), "\(other)")
        }
    }
}
