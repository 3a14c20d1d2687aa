import Diagnostics
import Foundation
import Notebook

/// One page of a built course site.
public struct SitePage: Sendable {
    /// The notebook's path.
    public var source: String
    /// The page's file name inside the site folder.
    public var fileName: String
    /// The page title.
    public var title: String
    /// Whether the notebook failed (parse error or a block that failed unexpectedly).
    public var failed: Bool
    /// Diagnostics to show the user: parse errors and warnings, block errors, render warnings.
    public var diagnostics: [Diagnostic]
    /// Why the notebook could not be read (then it has no page), e.g. `lab.md: error: no such file`.
    public var unreadable: String?
}

/// Builds a course site: every notebook of a folder rendered, with an index and navigation.
public enum CourseSite {
    /// The notebooks of a folder, in name order (`01-…md`, `02-…md`, …).
    public static func notebooks(in directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw NotebookFileError(message: "\(directory): error: cannot list the folder")
        }
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
            .filter { path in
                // A folder named `x.md` is not a notebook; a file that cannot be read is
                // kept, so that the build reports it.
                var isFolder: ObjCBool = false
                return !(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
            }
    }

    /// Renders every notebook of `directory` into `output`, plus `index.html`.
    /// `progress` is told of each page as it starts, `reused` of each whose results came
    /// from `cache`.
    public static func build(
        directory: String, output: String, title: String? = nil, settings: RunSettings = RunSettings(),
        templates: Templates = .builtIn, cache: RunCache? = nil, progress: ((String) -> Void)? = nil,
        reused: ((String) -> Void)? = nil, trustHTML: Bool = false
    ) throws -> [SitePage] {
        let listed = try notebooks(in: directory)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        // A notebook that cannot be read (binary, a dangling link) gets no page; the others
        // are still built, and the caller reports it.
        var unreadable: [SitePage] = []
        var paths: [String] = []
        var notebooks: [Notebook] = []
        for path in listed {
            do {
                notebooks.append(try Notebook.load(path: path))
                paths.append(path)
            } catch let error as NotebookFileError {
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                unreadable.append(SitePage(source: path, fileName: name + ".html", title: name, failed: true,
                                           diagnostics: [], unreadable: error.message))
            }
        }
        let fileNames = paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension + ".html" }
        var pages: [SitePage] = []
        for (index, notebook) in notebooks.enumerated() {
            progress?(paths[index])
            let (run, fromCache) = cache?.run(notebook, settings: settings)
                ?? (NotebookRunner.run(notebook, settings: settings), false)
            if fromCache { reused?(paths[index]) }
            let navigation = PageNavigation(
                index: "index.html",
                previous: index > 0 ? (fileNames[index - 1], notebooks[index - 1].title) : nil,
                next: index + 1 < notebooks.count ? (fileNames[index + 1], notebooks[index + 1].title) : nil)
            let page = try ReportRenderer.render(run, templates: templates, navigation: navigation, trustHTML: trustHTML)
            let target = (output as NSString).appendingPathComponent(fileNames[index])
            try write(page.html, to: target)
            pages.append(SitePage(
                source: paths[index], fileName: fileNames[index], title: notebook.title, failed: run.failed,
                diagnostics: run.allDiagnostics + page.warnings))
        }
        let siteTitle = title ?? defaultTitle(for: directory)
        let index = try templates.render("index", [
            "title": siteTitle,
            "css": templates.text("style.css"),
            "csp": PagePolicy.contentSecurityPolicy,
            "pages": pages.map { ["href": $0.fileName, "title": $0.title, "failed": $0.failed] },
        ])
        try write(index, to: (output as NSString).appendingPathComponent("index.html"))
        return pages + unreadable
    }

    static func defaultTitle(for directory: String) -> String {
        let base = (directory as NSString).standardizingPath
        let name = (base as NSString).lastPathComponent
        return name.isEmpty || name == "." || name == "notebooks" ? "Course" : name
    }

    /// Writes text to a file atomically, so a failed write never leaves half a page.
    public static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw NotebookFileError(message: "\(path): error: cannot write the file: \(whyUnwritable(path))")
        }
    }

    /// Why a file cannot be written at `path`, in words.
    static func whyUnwritable(_ path: String) -> String {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder (give a file name, e.g. \((path as NSString).appendingPathComponent("lab.html")))"
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        if !manager.fileExists(atPath: folder, isDirectory: &isFolder) { return "the folder \(folder) does not exist" }
        if !isFolder.boolValue { return "\(folder) is a file, not a folder" }
        if !manager.isWritableFile(atPath: folder) { return "the folder \(folder) is not writable" }
        if manager.fileExists(atPath: path), !manager.isWritableFile(atPath: path) { return "the file is not writable" }
        return "the disk may be full"
    }
}

extension NotebookRun {
    /// Every diagnostic of the run, in file order: parse problems and block errors.
    public var allDiagnostics: [Diagnostic] {
        var result = notebook.diagnostics
        for cell in cells {
            for output in cell.result.outputs {
                switch output {
                case .error(let diagnostic) where cell.unexpectedFailure: result.append(diagnostic)
                case .warning(let diagnostic): result.append(diagnostic)
                default: break
                }
            }
        }
        return result
    }
}
