import Diagnostics
import Notebook
import Report
import ScriptRuntime
import ScriptSyntax

/// The fuzzer's targets: notebook parsing, front matter, block options, the language
/// (lexer, parser, interpreter with small budgets), the tensor API with random arguments,
/// the TeX parser, and whole pages (which must carry no script).
enum Targets {
    static func all(_ corpus: Corpus) -> [FuzzTarget] {
        let markdown = ["```rnn\n", "```\n", "---\n", "$", "$$", "@fig-", "#", "\n\n", "<div>", "</div>", "<script>",
                        "| a |", "|---|", "- [ ] ", "> ", "*", "`", "[x](javascript:y)", "<!--", "\\", "#| echo: false\n"]
        let yaml = [": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "!!str ", "'", "\"", "\n  ", "seed: ",
                    "params:\n  ", "timeout: ", "memory: ", "title: ", "authors: ", ".nan", ".inf", "~", "|\n  ", ">-\n  "]
        let options = ["#fig-", "caption=", "\"", "=", " ", "exercise=", "check=", "points=", "echo=false", "output=",
                       "error=expected", "timeout=", "cache=false", "\n#| ", "key: value"]
        let tex = ["\\frac{", "}{", "}", "{", "^", "_", "\\left(", "\\right)", "\\begin{pmatrix}", "\\end{pmatrix}", "&",
                   "\\\\", "\\text{", "\\mathbb{", "\\sqrt[", "]", "\\sum", "\\int", "\\alpha", "\\operatorname{", "\\hat{",
                   "\\begin{aligned}", "\\end{aligned}", "\\,", "'", "\\tanh"]
        return [
            FuzzTarget(name: "notebook", summary: "Markdown notebooks: cells, front matter, options, math, references",
                       seeds: corpus.notebooks, dictionary: markdown, maxLength: 65_536) {
                { text in _ = Notebook.parse(name: "fuzz.md", text: text); return nil }
            },
            FuzzTarget(name: "frontmatter", summary: "YAML front matter", seeds: corpus.frontMatters, dictionary: yaml) {
                { text in _ = Notebook.parse(name: "fuzz.md", text: "---\n\(text)\n---\n# T\n"); return nil }
            },
            FuzzTarget(name: "options", summary: "block options on the fence line and in #| lines",
                       seeds: corpus.fenceLines, dictionary: options) {
                { text in _ = Notebook.parse(name: "fuzz.md", text: "```\(text)\nx = 1\n```\n"); return nil }
            },
            FuzzTarget(name: "lexer", summary: "the rnn language's lexer and highlighter", seeds: corpus.blocks,
                       dictionary: Language.tokens) {
                { code in _ = Lexer(code); _ = Highlighter.spans(code); return nil }
            },
            FuzzTarget(name: "parser", summary: "the rnn language's parser", seeds: corpus.blocks,
                       dictionary: Language.tokens, maxLength: 65_536) {
                { code in _ = Parser.parse(code); return nil }
            },
            FuzzTarget(name: "interpreter", summary: "rnn blocks run with small budgets", seeds: corpus.blocks,
                       dictionary: Language.tokens) {
                { code in Language.run([code]); return nil }
            },
            FuzzTarget(name: "tensor", summary: "every built-in, module member and tensor method, random arguments",
                       seeds: [], dictionary: Language.tokens, makeRunner: {
                { code in Language.run([TensorCalls.prelude, code]); return nil }
            }, generator: TensorCalls.generator()),
            FuzzTarget(name: "tex", summary: "TeX formulas to MathML", seeds: corpus.formulas, dictionary: tex) {
                { formula in
                    for display in [false, true] {
                        if let markup = MathRenderer.markup(formula, display: display), let problem = PageCheck.problem(markup) {
                            return problem
                        }
                    }
                    return nil
                }
            },
            FuzzTarget(name: "page", summary: "notebooks rendered to pages, which must hold no script",
                       seeds: corpus.prose + corpus.notebooks, dictionary: markdown + HTMLWords.all) {
                { text in
                    let notebook = Notebook.parse(name: "fuzz.md", text: text)
                    let run = NotebookRun(notebook: notebook, frontMatter: notebook.frontMatter, cells: [])
                    guard let page = try? ReportRenderer.render(run) else { return "the page could not be rendered" }
                    return PageCheck.problem(page.html)
                }
            },
        ]
    }
}
