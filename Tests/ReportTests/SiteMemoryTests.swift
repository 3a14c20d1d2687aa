import Foundation
import Report
import Testing
@testable import Tensor

/// `rnnbook build` gives back the large blocks a notebook freed before the next one runs.
@Suite struct SiteMemoryTests {
    /// A notebook keeps a tensor of a size no other test uses until its session ends; after
    /// the build the process's cache holds no block of that size.
    @Test func buildReleasesCachedBlocksAfterEachNotebook() throws {
        let size = AlignedFloats.largeBlock + 2039
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-site-memory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("labs")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let text = "# One\n\n```rnn\nimport torch\nx = torch.ones(\(size))\nprint(int(x.sum().item()))\n```\n"
        try text.write(to: notebooks.appendingPathComponent("01-one.md"), atomically: true, encoding: .utf8)
        let pages = try CourseSite.build(directory: notebooks.path, output: folder.appendingPathComponent("site").path)
        #expect(pages.count == 1 && !pages[0].failed)
        let html = try String(contentsOf: folder.appendingPathComponent("site/01-one.html"), encoding: .utf8)
        #expect(html.contains("\(size)"))
        #expect(!LargeBlockCache.shared.holds(count: size))
    }
}
