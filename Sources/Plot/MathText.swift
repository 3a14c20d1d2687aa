/// matplotlib's mathtext for figure text: the parts of a label between `$` signs are TeX,
/// set in SVG `<tspan>`s. Covered: Greek letters and common symbols (`\alpha`, `\infty`,
/// `\leq`, `\rightarrow`, …), accents (`\hat`, `\bar`, `\tilde`, `\dot`, `\vec`) as combining
/// marks, sub- and superscripts (`x_1`, `e^{-t/\tau}`), `\mathrm`/`\text`/`\operatorname`
/// (upright), `\mathbf` (bold), `\frac{a}{b}` (as a/b), spacing commands, and `\$` for a
/// dollar sign. Latin letters in math are italic, as matplotlib sets them. An unknown
/// command shows its name; text without a pair of `$` is plain.
enum MathText {
    /// A run of text with one style.
    struct Run: Equatable {
        var text: String
        var italic = false
        var bold = false
        /// -1 subscript, +1 superscript, 0 on the baseline (nested scripts keep the outer shift).
        var shift = 0
        /// Inside `\mathrm{…}` and the like: letters stay upright.
        var upright = false
    }

    /// Whether `text` has math in it: at least one pair of unescaped `$`.
    static func hasMath(_ text: String) -> Bool {
        dollarPositions(text).count >= 2
    }

    /// The runs of `text`: plain parts as they are, math parts typeset.
    static func runs(_ text: String) -> [Run] {
        let dollars = dollarPositions(text)
        guard dollars.count >= 2 else { return [Run(text: text)] }
        var runs: [Run] = []
        var position = text.startIndex
        var pairs = stride(from: 0, to: dollars.count - 1, by: 2).map { (dollars[$0], dollars[$0 + 1]) }.makeIterator()
        while let (open, close) = pairs.next() {
            append(unescaped(String(text[position..<open])), to: &runs, style: Run(text: ""))
            var parser = Parser(Array(text[text.index(after: open)..<close]))
            runs += parser.parse(Run(text: ""))
            position = text.index(after: close)
        }
        append(unescaped(String(text[position...])), to: &runs, style: Run(text: ""))
        return merged(runs)
    }

    /// The characters a reader sees, for measuring.
    static func displayed(_ text: String) -> String {
        runs(text).map(\.text).joined()
    }

    /// The text as SVG markup: escaped text and `<tspan>`s for styles and scripts.
    static func markup(_ text: String) -> String {
        var out = ""
        for run in runs(text) {
            var attributes: [String] = []
            if run.italic { attributes.append(#"font-style="italic""#) }
            if run.bold { attributes.append(#"font-weight="bold""#) }
            if run.shift != 0 {
                attributes.append(run.shift < 0 ? #"baseline-shift="sub""# : #"baseline-shift="super""#)
                attributes.append(#"font-size="70%""#)
            }
            let escaped = XML.escape(run.text)
            out += attributes.isEmpty ? escaped : "<tspan " + attributes.joined(separator: " ") + ">" + escaped + "</tspan>"
        }
        return out
    }

    private static func dollarPositions(_ text: String) -> [String.Index] {
        var positions: [String.Index] = []
        var previous: Character?
        for index in text.indices {
            if text[index] == "$", previous != "\\" { positions.append(index) }
            previous = text[index]
        }
        return positions
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\$", with: "$")
    }

    static func append(_ text: String, to runs: inout [Run], style: Run) {
        guard !text.isEmpty else { return }
        var run = style
        run.text = text
        runs.append(run)
    }

    /// Neighbouring runs of the same style joined.
    static func merged(_ runs: [Run]) -> [Run] {
        var out: [Run] = []
        for run in runs where !run.text.isEmpty {
            if var last = out.last, last.italic == run.italic, last.bold == run.bold, last.shift == run.shift,
               last.upright == run.upright {
                last.text += run.text
                out[out.count - 1] = last
            } else {
                out.append(run)
            }
        }
        return out
    }
}
