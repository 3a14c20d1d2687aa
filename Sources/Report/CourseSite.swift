import Diagnostics
import Foundation
import Notebook
import Tensor

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
    /// The notebook's front matter, for the index (description, authors, time).
    public var frontMatter: FrontMatter?

    /// The page's entry on the index.
    var indexContext: [String: Any] {
        var context: [String: Any] = ["title": title, "failed": failed]
        if let unreadable {
            context["problem"] = unreadable
        } else {
            context["href"] = fileName
        }
        if let matter = frontMatter {
            if !matter.authors.isEmpty { context["authors"] = matter.authors.joined(separator: ", ") }
            if let description = matter.extra["description"] { context["description"] = description }
            if let time = matter.extra["time"] { context["time"] = time }
        }
        return context
    }
}

/// Builds a course site: every notebook of a folder rendered, with an index and navigation.
public enum CourseSite {
    /// The notebooks of a folder, in name order (`01-…md`, `02-…md`, …). A lab made of
    /// several files is a folder holding a notebook of the folder's name with its modules
    /// (`00-eel-project/00-eel-project.md`); it is listed by that notebook.
    public static func notebooks(in directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw NotebookFileError(message: "\(directory): error: cannot list the folder")
        }
        let manager = FileManager.default
        func isFolder(_ path: String) -> Bool {
            var folder: ObjCBool = false
            return manager.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
        }
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().compactMap { name in
            let path = (directory as NSString).appendingPathComponent(name)
            // Jupyter notebooks are listed so that the build names them with the way to import them.
            if name.hasSuffix(".md") || name.hasSuffix(".ipynb") {
                // A folder named `x.md` is not a notebook; a file that cannot be read is
                // kept, so that the build reports it.
                return isFolder(path) ? nil : path
            }
            let lab = (path as NSString).appendingPathComponent(name + ".md")
            return isFolder(path) && manager.fileExists(atPath: lab) && !isFolder(lab) ? lab : nil
        }
    }

    /// Renders every notebook of `directory` into `output`, plus `index.html`.
    /// `progress` is told of each page as it starts, `reused` of each whose results came
    /// from `cache`; `runner`, when given, runs each notebook in place of `cache`. A notebook
    /// that cannot be read, or whose grading markers keep it from the edition, gets no page
    /// but is listed on the index with its error. After each page the engine's cached large
    /// blocks are given back (`MemoryTuning.releaseCachedBlocks`).
    public static func build(
        directory: String, output: String, title: String? = nil, settings: RunSettings = RunSettings(),
        templates: Templates = .builtIn, edition: Edition = .reader, cache: RunCache? = nil,
        progress: ((String) -> Void)? = nil, reused: ((String) -> Void)? = nil,
        runner: ((Notebook) -> (run: NotebookRun, fromCache: Bool))? = nil, trustHTML: Bool = false
    ) throws -> [SitePage] {
        let listed = try notebooks(in: directory)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var entries: [SitePage] = []
        var loaded: [Int: Notebook] = [:]
        for path in listed {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            var entry = SitePage(source: path, fileName: name + ".html", title: name, failed: true, diagnostics: [])
            do {
                let notebook = try Notebook.load(path: path)
                entry.title = notebook.title
                entry.frontMatter = notebook.frontMatter
                if let problem = EditionPlan.problem(notebook, edition: edition) {
                    entry.unreadable = problem.message
                    entry.diagnostics = problem.diagnostics
                } else {
                    loaded[entries.count] = notebook
                }
            } catch let error as NotebookFileError {
                entry.unreadable = error.message
            }
            entries.append(entry)
        }
        let published = entries.indices.filter { loaded[$0] != nil }
        let siteLinks = published.map { ["href": entries[$0].fileName, "title": entries[$0].title] }
        for (position, index) in published.enumerated() {
            guard let notebook = loaded[index] else { continue }
            progress?(entries[index].source)
            let (run, fromCache) = runner?(notebook) ?? cache?.run(notebook, settings: settings)
                ?? (NotebookRunner.run(notebook, settings: settings), false)
            if fromCache { reused?(entries[index].source) }
            let previous = position > 0 ? published[position - 1] : nil
            let next = position + 1 < published.count ? published[position + 1] : nil
            var navigation = PageNavigation(
                index: "index.html",
                previous: previous.map { (entries[$0].fileName, entries[$0].title) },
                next: next.map { (entries[$0].fileName, entries[$0].title) })
            navigation.pages = siteLinks.enumerated().map { offset, link in
                (link["href"] ?? "", link["title"] ?? "", offset == position)
            }
            let page = try ReportRenderer.render(run, templates: templates, navigation: navigation, edition: edition,
                                                  trustHTML: trustHTML)
            try write(page.html, to: (output as NSString).appendingPathComponent(entries[index].fileName))
            // The next notebook need not find this one's peak still held (Lab 3 frees 100 MB blocks).
            MemoryTuning.releaseCachedBlocks()
            entries[index].failed = run.failed
            entries[index].diagnostics = run.allDiagnostics + page.warnings
        }
        let siteTitle = title ?? defaultTitle(for: directory)
        let index = try templates.render("index", [
            "title": siteTitle,
            "css": templates.text("style.css"),
            "csp": PagePolicy.contentSecurityPolicy,
            "pages": entries.map(\.indexContext),
        ])
        try write(index, to: (output as NSString).appendingPathComponent("index.html"))
        return entries
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
        writeProblem(path) ?? "the disk may be full"
    }

    /// Why a file could not be written at `path`, found before any work is done; nil when
    /// nothing stands in the way.
    public static func writeProblem(_ path: String) -> String? {
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
        return nil
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
