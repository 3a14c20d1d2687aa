import Diagnostics
import Notebook
import ScriptRuntime

/// Links between the pages of a course site, shown on each page.
public struct PageNavigation: Sendable {
    /// The index page's address.
    public var index: String
    /// The previous page's address and title.
    public var previous: (href: String, title: String)?
    /// The next page's address and title.
    public var next: (href: String, title: String)?
    /// Every page of the site, in order, and whether it is this one.
    public var pages: [(href: String, title: String, current: Bool)] = []

    /// Makes navigation links.
    public init(index: String, previous: (href: String, title: String)? = nil, next: (href: String, title: String)? = nil,
                pages: [(href: String, title: String, current: Bool)] = []) {
        self.index = index
        self.previous = previous
        self.next = next
        self.pages = pages
    }
}

/// A rendered HTML page and the warnings met while rendering it.
public struct RenderedPage: Sendable {
    /// The whole page, self-contained.
    public var html: String
    /// Warnings: math that could not be rendered, unknown figure references.
    public var warnings: [Diagnostic]
}

/// Turns a notebook run into a self-contained HTML page through the Mustache templates.
public enum ReportRenderer {
    /// Renders a page. Raw HTML in prose is sanitized unless `trustHTML`, and the page then
    /// carries a Content-Security-Policy that lets nothing run. Throws `TemplateError` when
    /// the templates are broken.
    public static func render(
        _ run: NotebookRun, templates: Templates = .builtIn, navigation: PageNavigation? = nil,
        edition: Edition = .instructor, trustHTML: Bool = false
    ) throws -> RenderedPage {
        let notebook = run.notebook
        var plan = try EditionPlan(run, edition: edition)
        var figureNumbers: [String: Int] = [:]
        for cell in notebook.codeCells {
            if let id = cell.options.figureID, figureNumbers[id] == nil { figureNumbers[id] = figureNumbers.count + 1 }
        }
        var markdown = MarkdownHTML(file: notebook.file, figureNumbers: figureNumbers, trustHTML: trustHTML)
        markdown.images = LocalImages(notebookPath: notebook.file.name)
        var cells: [[String: Any]] = []
        // A leading level-1 heading is the page title, shown above the authors; its label
        // (`# Title {#sec-intro}`) is the title's anchor.
        var title = notebook.title
        var titleAnchor: String?
        let references = CrossReferences.resolve(notebook.cells, file: notebook.file)
        var body = references.cells
        if case .markdown(let blocks)? = body.first, case .heading(1, let inlines, _)? = blocks.first {
            title = MarkdownInline.plainText(inlines)
            titleAnchor = CrossReferences.anchor(of: inlines)
            body[0] = .markdown(Array(blocks.dropFirst()))
        }
        for cell in body {
            switch cell {
            case .markdown(let blocks):
                var html = ""
                markdown.blocks(blocks, into: &html)
                html += markdown.closeRawHTML()
                cells.append(["markdown": ["html": html]])
            case .code(let code):
                let cellRun = run.run(ofCell: code.index)
                let base = codeContext(code, run: cellRun, figureNumbers: figureNumbers)
                if let context = plan.context(code, base: base, run: cellRun) { cells.append(["code": context]) }
            }
        }
        let toc = markdown.toc
        let problems = notebook.diagnostics.filter { $0.severity == .error }.map { ["text": $0.rendered] }
        var context: [String: Any] = [
            "title": title,
            "css": templates.text("style.css"),
            "cells": cells,
            "toc": toc.filter { $0.level <= 3 }.map { ["id": $0.id, "text": $0.text, "level": $0.level] },
            "hasTOC": toc.count > 1,
            "problems": problems,
            "hasProblems": !problems.isEmpty,
            "failed": run.failed,
            "edition": edition.rawValue,
        ]
        if !trustHTML { context["csp"] = PagePolicy.contentSecurityPolicy }
        if let titleAnchor { context["titleAnchor"] = titleAnchor }
        if !run.frontMatter.authors.isEmpty { context["authors"] = run.frontMatter.authors.joined(separator: ", ") }
        if let date = run.frontMatter.extra["date"] { context["date"] = date }
        if let navigation {
            var nav: [String: Any] = ["index": navigation.index]
            if let previous = navigation.previous { nav["previous"] = ["href": previous.href, "title": previous.title] }
            if let next = navigation.next { nav["next"] = ["href": next.href, "title": next.title] }
            nav["pages"] = navigation.pages.map { ["href": $0.href, "title": $0.title, "current": $0.current] }
            context["nav"] = nav
        }
        let html = try templates.render("page", context)
        return RenderedPage(html: html, warnings: (markdown.warnings + references.warnings).sorted {
            ($0.range.start.line, $0.range.start.column) < ($1.range.start.line, $1.range.start.column)
        })
    }

    static func codeContext(
        _ cell: CodeCell, run: CellRun?, figureNumbers: [String: Int]
    ) -> [String: Any] {
        var outputs: [[String: Any]] = []
        var figures: [[String: Any]] = []
        for output in run?.result.outputs ?? [] {
            switch output {
            case .text(let text): appendText(text, kind: "stream", to: &outputs)
            case .value(let text): outputs.append(["value": ["text": text]])
            case .error(let diagnostic): outputs.append(["error": ["text": diagnostic.rendered]])
            case .warning(let diagnostic): outputs.append(["warning": ["text": diagnostic.rendered]])
            case .figure(let svg, let title):
                figures.append(["svg": svg, "title": title ?? ""])
            }
        }
        var context: [String: Any] = [
            "number": cell.index + 1,
            "source": CodeHTML.highlight((run?.shownText ?? cell.displayCode).trimmingTrailingNewlines()),
            "echo": cell.options.echo && (cell.options.file == nil || run?.shownText != nil),
            "showOutput": cell.options.output && (!outputs.isEmpty || !figures.isEmpty),
            "outputs": outputs,
            "hasFigures": !figures.isEmpty,
            "figures": figures,
            "failed": run?.unexpectedFailure ?? false,
        ]
        if let path = cell.options.file { context["shownFile"] = path }
        if let id = cell.options.figureID, let number = figureNumbers[id] {
            context["figureID"] = id
            context["figureLabel"] = "Figure \(number)"
            context["caption"] = cell.options.caption ?? ""
        }
        return context
    }

    /// Joins consecutive stream text into one output area, as Jupyter does.
    static func appendText(_ text: String, kind: String, to outputs: inout [[String: Any]]) {
        if let last = outputs.last, let stream = last[kind] as? [String: Any], let previous = stream["text"] as? String {
            outputs[outputs.count - 1] = [kind: ["text": previous + text]]
        } else {
            outputs.append([kind: ["text": text]])
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        String(Substring(self).droppingLast { $0 == "\n" })
    }
}
