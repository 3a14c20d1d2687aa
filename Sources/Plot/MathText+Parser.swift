extension MathText {
    /// A recursive-descent reader of the TeX between two `$`; groups nest at most 50 deep.
    struct Parser {
        let chars: [Character]
        var index = 0
        var depth = 0

        init(_ chars: [Character]) {
            self.chars = chars
        }

        /// Everything up to the end or a closing brace.
        mutating func parse(_ style: Run) -> [Run] {
            var runs: [Run] = []
            while index < chars.count, chars[index] != "}" {
                runs += atom(style)
            }
            return runs
        }

        /// One item: a character, a group, a command with its arguments, or a script.
        mutating func atom(_ style: Run) -> [Run] {
            let ch = chars[index]
            index += 1
            switch ch {
            case "{":
                return group(style)
            case "_", "^":
                var script = style
                script.shift = style.shift != 0 ? style.shift : (ch == "_" ? -1 : 1)
                return argument(script)
            case "\\":
                return command(style)
            case " ":
                return []  // spaces in math are ignored, as in TeX
            case "-":
                return [styled("\u{2212}", style)]
            default:
                var run = style
                run.text = String(ch)
                run.italic = ch.isLetter && ch.isASCII && !style.bold && !style.upright
                return [run]
            }
        }

        /// A `{…}` group (the `{` read).
        mutating func group(_ style: Run) -> [Run] {
            guard depth < 50 else {
                index = chars.count
                return []
            }
            depth += 1
            defer { depth -= 1 }
            let runs = parse(style)
            if index < chars.count { index += 1 }  // the closing brace
            return runs
        }

        /// The next group or single atom, as a command's argument.
        mutating func argument(_ style: Run) -> [Run] {
            while index < chars.count, chars[index] == " " { index += 1 }
            guard index < chars.count else { return [] }
            if chars[index] == "{" {
                index += 1
                return group(style)
            }
            return atom(style)
        }

        mutating func command(_ style: Run) -> [Run] {
            var name = ""
            while index < chars.count, chars[index].isLetter {
                name.append(chars[index])
                index += 1
            }
            if name.isEmpty, index < chars.count {
                let symbol = chars[index]
                index += 1
                switch symbol {
                case ",", ":", ";": return [styled("\u{2009}", style)]
                case "!": return []
                default: return [styled(String(symbol), style)]  // \{ \} \$ \% \_ \#
                }
            }
            if let accent = MathSymbols.accents[name] {
                var runs = argument(style)
                if let first = runs.indices.first, !runs[first].text.isEmpty {
                    var text = runs[first].text
                    let head = text.removeFirst()
                    runs[first].text = String(head) + String(accent) + text
                }
                return runs
            }
            switch name {
            case "mathrm", "text", "textrm", "operatorname", "mathsf", "rm":
                var upright = style
                upright.upright = true
                return argument(upright).map { run in var r = run; r.italic = false; return r }
            case "mathbf", "textbf", "boldsymbol", "bf":
                var bold = style
                bold.bold = true
                return argument(bold)
            case "mathit", "textit":
                return argument(style).map { run in var r = run; r.italic = true; return r }
            case "frac", "dfrac", "tfrac":
                return argument(style) + [styled("/", style)] + argument(style)
            case "sqrt":
                return [styled("\u{221A}", style)] + argument(style)
            case "left", "right", "big", "Big", "bigl", "bigr", "displaystyle":
                return []
            case "quad": return [styled("\u{2003}", style)]
            case "qquad": return [styled("\u{2003}\u{2003}", style)]
            default:
                // Named functions (`\log`, `\max`) and unknown commands alike show their name, upright.
                return [styled(MathSymbols.symbols[name] ?? name, style)]
            }
        }

        func styled(_ text: String, _ style: Run) -> Run {
            var run = style
            run.text = text
            run.italic = false
            return run
        }
    }
}
