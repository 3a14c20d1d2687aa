import Foundation
import Notebook
import Report
import Tensor

/// The page `rnnbook preview` serves: rendered again whenever the notebook changes on disk,
/// with the blocks re-run by an `IncrementalRunner`. Problems (a file that cannot be read,
/// templates that do not parse) are shown in the page.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    /// Held through a whole rendering: the watcher and the server both refresh.
    private let renderLock = NSLock()
    private let path: String
    private let settings: RunSettings
    private let templates: Templates
    private let edition: Edition
    private let runner = IncrementalRunner()
    private var html = ""
    private var stamp: (Date, Int, String)?
    /// Bumped on each new rendering; the page polls it to know when to reload.
    private(set) var version = 0
    /// How long the last rendering took, in seconds, and how many blocks it ran.
    private(set) var lastSeconds = 0.0
    private(set) var lastBlocksRun = 0

    init(path: String, settings: RunSettings, templates: Templates, edition: Edition) {
        self.path = path
        self.settings = settings
        self.templates = templates
        self.edition = edition
    }

    /// The current page and its version.
    var page: (html: String, version: Int) { lock.withLock { (html, version) } }

    /// Renders the notebook again when its file changed since the last rendering (or always,
    /// with `force`). Returns whether it rendered.
    @discardableResult
    func refresh(force: Bool = false) -> Bool {
        renderLock.lock()
        defer { renderLock.unlock() }
        let current = Self.stamp(path)
        if !force, let stamp, let current, stamp == current { return false }
        let start = DispatchTime.now().uptimeNanoseconds
        let page: String
        var ran = 0
        do {
            let notebook = try Notebook.load(path: path)
            let run = runner.run(notebook, settings: settings)
            ran = runner.blocksRun
            page = try ReportRenderer.render(run, templates: templates, edition: edition).html
            // The blocks stay idle until the next edit: give back the large ones they freed.
            MemoryTuning.releaseCachedBlocks()
        } catch let error as NotebookFileError {
            page = Self.problemPage(error.message)
        } catch let error as EditionError {
            page = Self.problemPage(([error.message] + error.diagnostics.map(\.rendered)).joined(separator: "\n"))
        } catch {
            page = Self.problemPage("\(error)")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        lock.withLock {
            html = page
            version += 1
            stamp = current
            lastSeconds = seconds
            lastBlocksRun = ran
        }
        return true
    }

    /// What identifies a version of the file: its modification time, size and a hash of
    /// its bytes (an editor may save twice within the clock's resolution).
    static func stamp(_ path: String) -> (Date, Int, String)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        let date = attributes[.modificationDate] as? Date ?? .distantPast
        return (date, data.count, fnv1a(data))
    }

    /// A page that shows a problem in place of the notebook.
    static func problemPage(_ message: String) -> String {
        let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>rnnbook preview: error</title></head>
            <body><pre class="error" style="color:#b3261e;white-space:pre-wrap">\(escaped)</pre></body></html>
            """
    }
}
