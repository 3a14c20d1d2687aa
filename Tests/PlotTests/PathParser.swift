@testable import Plot

/// A small reader of SVG path data (M/m, L/l and implicit pairs only), to check that the
/// compact encoding decodes to the intended points.
enum PathParser {
    static func absolutePoints(_ d: String) throws -> [(Double, Double)] {
        var numbers: [Double] = [], commands: [(Character, Int)] = []
        var token = ""
        func flush() throws {
            guard !token.isEmpty else { return }
            guard let v = Double(token) else { throw PlotError("bad number '\(token)'") }
            numbers.append(v)
            token = ""
        }
        for ch in d {
            if ch.isLetter {
                try flush()
                commands.append((ch, numbers.count))
            } else if ch == "-" {
                try flush()
                token = "-"
            } else if ch == "." && token.contains(".") {
                try flush()
                token = "."
            } else if ch == " " || ch == "," {
                try flush()
            } else {
                token.append(ch)
            }
        }
        try flush()
        var points: [(Double, Double)] = []
        var current = (0.0, 0.0)
        for (i, command) in commands.enumerated() {
            let end = i + 1 < commands.count ? commands[i + 1].1 : numbers.count
            var k = command.1
            var first = true
            while k + 1 < end {
                let (a, b) = (numbers[k], numbers[k + 1])
                let relative = command.0 == "l" || (command.0 == "m" && !first)
                current = relative ? (current.0 + a, current.1 + b) : (a, b)
                points.append(current)
                first = false
                k += 2
            }
        }
        return points
    }
}
