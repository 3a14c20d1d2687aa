import Testing
@testable import Report

/// A formula and the MathML body it must give (inside `<math><semantics>…<annotation>`).
struct MathCase: Sendable, CustomTestStringConvertible {
    var tex: String
    var display = false
    var mathML: String
    var testDescription: String { tex }
}

@Suite struct MathMLTests {
    static let cases: [MathCase] = [
        MathCase(tex: "x_i", mathML: "<mrow><msub><mi>x</mi><mi>i</mi></msub></mrow>"),
        MathCase(tex: "x^2", mathML: "<mrow><msup><mi>x</mi><mn>2</mn></msup></mrow>"),
        MathCase(tex: "h_{t-1}^{*}", mathML: "<mrow><msubsup><mi>h</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow><mo>∗</mo></msubsup></mrow>"),
        MathCase(tex: "\\frac{dt}{\\tau}", mathML: "<mrow><mfrac><mrow><mi>d</mi><mi>t</mi></mrow><mi>τ</mi></mfrac></mrow>"),
        MathCase(tex: "\\alpha\\Omega", mathML: "<mrow><mi>α</mi><mi mathvariant=\"normal\">Ω</mi></mrow>"),
        MathCase(tex: "\\mathbf{W}x", mathML: "<mrow><mi>𝐖</mi><mi>x</mi></mrow>"),
        MathCase(tex: "\\mathbb{R}^n", mathML: "<mrow><msup><mi>ℝ</mi><mi>n</mi></msup></mrow>"),
        MathCase(tex: "\\sum_{i=1}^{N} x_i", mathML: "<mrow><msubsup><mo largeop=\"true\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub></mrow>"),
        MathCase(tex: "\\sum_{i} x_i", display: true, mathML: "<mrow><munder><mo largeop=\"true\">∑</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></mrow>"),
        MathCase(tex: "\\sqrt{2}", mathML: "<mrow><msqrt><mn>2</mn></msqrt></mrow>"),
        MathCase(tex: "\\sqrt[3]{x}", mathML: "<mrow><mroot><mi>x</mi><mrow><mn>3</mn></mrow></mroot></mrow>"),
        MathCase(tex: "a \\rightarrow b", mathML: "<mrow><mi>a</mi><mo>→</mo><mi>b</mi></mrow>"),
        MathCase(tex: "\\tanh(x)", mathML: "<mrow><mi mathvariant=\"normal\">tanh</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
        MathCase(tex: "\\hat{y}", mathML: "<mrow><mover accent=\"true\"><mi>y</mi><mo>^</mo></mover></mrow>"),
        MathCase(tex: "\\left( a \\right)", mathML: "<mrow><mrow><mo stretchy=\"true\">(</mo><mi>a</mi><mo stretchy=\"true\">)</mo></mrow></mrow>"),
        MathCase(tex: "\\text{if } x", mathML: "<mrow><mtext>if </mtext><mi>x</mi></mrow>"),
        MathCase(tex: "3.14 a", mathML: "<mrow><mn>3.14</mn><mi>a</mi></mrow>"),
        MathCase(tex: "a < b", mathML: "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
        MathCase(tex: "f'", mathML: "<mrow><msup><mi>f</mi><mo>′</mo></msup></mrow>"),
        MathCase(tex: "\\log\\operatorname{softmax}(x)",
                 mathML: "<mrow><mi mathvariant=\"normal\">log</mi><mspace width=\"0.1667em\"/><mi mathvariant=\"normal\">softmax</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"),
        MathCase(tex: "2\\log x + \\exp(y)",
                 mathML: "<mrow><mn>2</mn><mspace width=\"0.1667em\"/><mi mathvariant=\"normal\">log</mi><mspace width=\"0.1667em\"/><mi>x</mi><mo>+</mo><mi mathvariant=\"normal\">exp</mi><mo stretchy=\"false\">(</mo><mi>y</mi><mo stretchy=\"false\">)</mo></mrow>"),
        MathCase(tex: "\\left[ x \\right]", mathML: "<mrow><mrow><mo stretchy=\"true\">[</mo><mi>x</mi><mo stretchy=\"true\">]</mo></mrow></mrow>"),
        MathCase(tex: "\\begin{align} a &= b \\tag{1} \\\\ c &= d \\end{align}", display: true,
                 mathML: "<mrow><mtable columnalign=\"right left\" displaystyle=\"true\"><mtr><mtd columnalign=\"right\"><mrow><mi>a</mi></mrow></mtd><mtd columnalign=\"left\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd><mtd columnalign=\"right\" class=\"tag\"><mtext>(1)</mtext></mtd></mtr><mtr><mtd columnalign=\"right\"><mrow><mi>c</mi></mrow></mtd><mtd columnalign=\"left\"><mrow><mo>=</mo><mi>d</mi></mrow></mtd><mtd columnalign=\"right\" class=\"tag\"></mtd></mtr></mtable></mrow>"),
        MathCase(tex: "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", display: true,
                 mathML: "<mrow><mtable columnalign=\"right left\" displaystyle=\"true\"><mtr><mtd columnalign=\"right\"><mrow><mi>a</mi></mrow></mtd><mtd columnalign=\"left\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr><mtr><mtd columnalign=\"right\"><mrow><mi>c</mi></mrow></mtd><mtd columnalign=\"left\"><mrow><mo>=</mo><mi>d</mi></mrow></mtd></mtr></mtable></mrow>"),
        MathCase(tex: "\\begin{align}\nx &= 1 \\\\\n\\end{align}", display: true,
                 mathML: "<mrow><mtable columnalign=\"right left\" displaystyle=\"true\"><mtr><mtd columnalign=\"right\"><mrow><mi>x</mi></mrow></mtd><mtd columnalign=\"left\"><mrow><mo>=</mo><mn>1</mn></mrow></mtd></mtr></mtable></mrow>"),
        MathCase(tex: "\\begin{cases} 1 & x>0 \\\\ 0 & \\text{else} \\end{cases}",
                 mathML: "<mrow><mrow><mo stretchy=\"true\">{</mo><mtable columnalign=\"left left\" displaystyle=\"true\"><mtr><mtd columnalign=\"left\"><mrow><mn>1</mn></mrow></mtd><mtd columnalign=\"left\"><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd columnalign=\"left\"><mrow><mn>0</mn></mrow></mtd><mtd columnalign=\"left\"><mrow><mtext>else</mtext></mrow></mtd></mtr></mtable></mrow></mrow>"),
    ]

    @Test(arguments: cases)
    func rendersConstruct(_ example: MathCase) throws {
        let markup = try MathRenderer.mathML(example.tex, display: example.display).get()
        let open = example.display ? "<math display=\"block\"><semantics>" : "<math><semantics>"
        #expect(markup.hasPrefix(open))
        let body = markup.dropFirst(open.count)
        let end = try #require(body.range(of: "<annotation"))
        #expect(String(body[body.startIndex..<end.lowerBound]) == example.mathML)
        #expect(markup.hasSuffix("</annotation></semantics></math>"))
    }

    @Test func annotationKeepsTheTeXEscaped() throws {
        let markup = try MathRenderer.mathML("a<b \\& c", display: false).get()
        #expect(markup.contains("<annotation encoding=\"application/x-tex\">a&lt;b \\&amp; c</annotation>"))
    }

    @Test(arguments: [
        ("\\foo{x}", "unsupported TeX command '\\foo'", 0),
        ("x^2^3", "double superscript", 3),
        ("{a", "unbalanced '{'", 0),
        ("\\left( a", "\\left without a matching \\right", 0),
        ("\\begin{tabular} x \\end{tabular}", "unsupported environment 'tabular'", 0),
        ("a^", "expected an argument, found the end of the formula", 2),
        ("\\frac{a}", "expected an argument, found the end of the formula", 8),
    ])
    func unsupportedTeXSaysWhatAndWhere(_ tex: String, _ message: String, _ offset: Int) {
        #expect(throws: TeXError(message: message, offset: offset)) {
            _ = try MathRenderer.mathML(tex, display: false).get()
        }
    }

    @Test func deeplyNestedGroupsAreRefusedNotCrashed() {
        let tex = String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000)
        #expect(throws: TeXError.self) { _ = try MathRenderer.mathML(tex, display: false).get() }
    }

    /// Found by the fuzzer: commands that take an argument nest without any group.
    @Test func chainsOfAccentsAreRefusedNotCrashed() throws {
        let tex = String(repeating: "\\hat ", count: 5_000) + "x"
        #expect(throws: TeXError.self) { _ = try MathRenderer.mathML(tex, display: false).get() }
        _ = try MathRenderer.mathML(String(repeating: "\\hat ", count: 20) + "x", display: false).get()
    }
}
