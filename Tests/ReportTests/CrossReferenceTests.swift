import Foundation
import Testing
@testable import Notebook
@testable import Report

/// `{#sec-…}`, `{#eq-…}`, `\label{eq-…}` and `{#tbl-…}` labels, `@…` references, and the
/// warning for a reference that points nowhere.
struct CrossReferenceTests {
    static let source = """
        # Title

        See @sec-model, @eq-update and @tbl-sizes; the loss is @eq-loss.

        ## Model {#sec-model}

        ### Details {#sec-details}

        $$h_t = \\tanh(W h_{t-1})$$ {#eq-update}

        $$\\label{eq-loss} L = \\sum_t \\ell_t$$

        $$\\begin{aligned} a &= b \\label{eq:pair} \\end{aligned}$$

        In LaTeX style: $\\eqref{eq:pair}$ and $\\eqref{eq-update}$.

        \\begin{align}
        x &= 1 \\label{eq-x} \\\\
        y &= 2 \\\\
        z &= 3 \\label{eq-z}
        \\end{align}

        Rows: $\\eqref{eq-x}$, @eq-z.

        | size | units |
        |------|-------|
        | small | 8 |

        : Network sizes {#tbl-sizes}

        Back to @sec-details. An email a@sec-model.org is not a reference. Missing: @sec-nowhere and @fig-two.
        """

    static func page() throws -> RenderedPage {
        try ReportRenderer.render(NotebookRunner.run(Notebook.parse(name: "x.md", text: source)))
    }

    @Test func labelsAreNumberedAndReferencesLink() throws {
        let html = try Self.page().html
        #expect(html.contains("<a class=\"xref\" href=\"#sec-model\">Section&nbsp;1</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#sec-details\">Section&nbsp;1.1</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#eq-update\">Equation&nbsp;(1)</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#eq-loss\">Equation&nbsp;(2)</a>"))
        #expect(html.contains("<a class=\"xref\" href=\"#tbl-sizes\">Table&nbsp;1</a>"))
        #expect(html.contains("<h2 id=\"model\"><span class=\"anchor\" id=\"sec-model\"></span>Model</h2>"))
        #expect(html.contains("<span class=\"equation\" id=\"eq-update\"><math"))
        #expect(html.contains("<span class=\"equation-number\">(2)</span>"))
        #expect(!html.contains("\\label") && !html.contains("{#"))
        #expect(html.contains("<a class=\"xref\" href=\"#eq:pair\">(3)</a> and <a class=\"xref\" href=\"#eq-update\">(1)</a>"))
        // Labelled rows of an environment are numbered at their ends; unlabelled rows are not.
        #expect(html.contains("Rows: <a class=\"xref\" href=\"#eq-x\">(4)</a>, <a class=\"xref\" href=\"#eq-z\">Equation&nbsp;(5)</a>."))
        #expect(html.contains("<mtext>(4)</mtext>") && html.contains("<mtext>(5)</mtext>") && !html.contains("<mtext>(6)</mtext>"))
        #expect(html.contains("<span class=\"anchor\" id=\"eq-x\"></span><span class=\"anchor\" id=\"eq-z\"></span>"))
        #expect(html.contains("<span class=\"table-caption\" id=\"tbl-sizes\"><span class=\"table-label\">Table 1:</span> Network sizes</span>"))
        #expect(html.contains("a@sec-model.org"))
        // The table of contents keeps the headings' own text.
        #expect(html.contains("<a href=\"#model\">Model</a>"))
    }

    @Test func referencesToNothingWarnWithTheirPosition() throws {
        let warnings = try Self.page().warnings.map(\.rendered)
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("x.md:31:77: warning: reference to unknown section '@sec-nowhere'") ?? false, "\(warnings)")
        #expect(warnings.last?.hasPrefix("x.md:31:94: warning: reference to unknown figure '@fig-two'") ?? false, "\(warnings)")
    }

    /// The leading level-1 heading is the page's title: its label links to the title and is
    /// not shown (as before, it was shown as text and a reference to it warned).
    @Test func theTitleHeadingsLabelIsItsAnchor() throws {
        let notebook = Notebook.parse(name: "t.md", text: """
            ---
            title: Front matter title
            ---

            # Gradient descent {#sec-intro}

            See @sec-intro.
            """)
        let page = try ReportRenderer.render(NotebookRunner.run(notebook))
        #expect(page.html.contains("<h1 class=\"title\" id=\"top\"><span class=\"anchor\" id=\"sec-intro\"></span>Gradient descent</h1>"))
        #expect(page.html.contains("<title>Gradient descent</title>"))
        #expect(page.html.contains("See <a class=\"xref\" href=\"#sec-intro\">Gradient descent</a>."))
        #expect(!page.html.contains("{#"))
        #expect(page.warnings.isEmpty, "\(page.warnings.map(\.rendered))")
        // Without a front matter title, the notebook's title is the heading's text alone.
        let bare = Notebook.parse(name: "b.md", text: "# Gradient descent {#sec-intro}\n\nText.\n")
        #expect(bare.title == "Gradient descent")
    }

    /// A caption may come right before its table, as Pandoc allows.
    @Test func aCaptionBeforeItsTableLabelsIt() throws {
        let notebook = Notebook.parse(name: "c.md", text: """
            See @tbl-params.

            : Learned parameters {#tbl-params}

            | parameter | value |
            |---|---|
            | w | 3 |
            """)
        let page = try ReportRenderer.render(NotebookRunner.run(notebook))
        #expect(page.html.contains("<a class=\"xref\" href=\"#tbl-params\">Table&nbsp;1</a>"))
        #expect(page.html.contains("<span class=\"table-caption\" id=\"tbl-params\"><span class=\"table-label\">Table 1:</span> Learned parameters</span>"))
        #expect(page.warnings.isEmpty, "\(page.warnings.map(\.rendered))")
    }
}
