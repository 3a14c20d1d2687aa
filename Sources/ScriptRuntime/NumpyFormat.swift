import Foundation
import Tensor

/// numpy's display of arrays (`np.array2string` with its defaults), for tensors made by
/// `np.` functions: `print(a)` shows `[2.5 3.5 4.5]` and the block's last value
/// `array([2.5, 3.5, 4.5])`, as in Jupyter.
///
/// Floats follow numpy's `floatmode='maxprec'` with precision 8: each value's shortest
/// round-trip digits (of the stored float32, as numpy shows a float32 array), at most 8
/// after the point, trailing zeros dropped, padded to a common width; scientific notation
/// when the largest magnitude is ≥ 1e8 or the smallest nonzero one < 1e-4 or their ratio
/// > 1000. Lines wrap at 75 characters; arrays of more than 1000 elements show their
/// first and last 3 items around `...`. The repr leaves out `dtype=`, as numpy does for
/// float64 and int64 arrays, which these stand for (docs/numpy.md).
enum NumpyFormat {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    /// `str(a)`: `[1. 2.]`.
    static func str(_ tensor: Tensor) -> String {
        if tensor.ndim == 0 { return scalarText(tensor) }
        let format = ElementFormat(tensor)
        return body(tensor, format, separator: " ", prefix: "")
    }

    /// `repr(a)`: `array([1., 2.])`.
    static func repr(_ tensor: Tensor) -> String {
        if tensor.ndim == 0 { return "array(\(scalarText(tensor)))" }
        if tensor.count == 0 { return "array([], shape=\(Value.tuple(tensor.shape.map(Value.int)).repr()))" }
        let format = ElementFormat(tensor)
        return "array(" + body(tensor, format, separator: ", ", prefix: "array(") + ")"
    }

    static func scalarText(_ tensor: Tensor) -> String {
        let format = ElementFormat(tensor)
        return format.text(tensor.scalars.first ?? 0).trimmingCharacters(in: .whitespaces)
    }

    /// The nested brackets, wrapped and indented as numpy's `_formatArray`: `prefix` is
    /// what stands before the first bracket (`array(` in a repr), whose width later lines
    /// are indented by; a closing `)` counts against the line width.
    static func body(_ tensor: Tensor, _ format: ElementFormat, separator: String, prefix: String) -> String {
        let values = tensor.scalars
        let shape = tensor.shape
        let summarize = tensor.count > threshold
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in stride(from: shape.count - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        let trimmedSeparator = String(separator.reversed().drop(while: { $0 == " " }).reversed())

        /// numpy's `_extendLine`: starts a new line when the word would pass `width`.
        func extend(_ text: inout String, _ line: inout String, _ word: String, _ width: Int, _ hanging: String) {
            if line.count + word.count > width, line.count > hanging.count {
                text += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
                line = hanging
            }
            line += word
        }

        func recurse(_ axis: Int, _ offset: Int, _ hanging: String, _ width: Int) -> String {
            let count = shape[axis]
            let summary = summarize && count > 2 * edgeItems
            let indices: [Int?] = summary
                ? Array(0..<edgeItems).map { $0 } + [nil] + Array((count - edgeItems)..<count).map { $0 }
                : Array(0..<count).map { $0 }
            let nextHanging = hanging + " "
            let nextWidth = width - 1
            var text = ""
            if axis == shape.count - 1 {
                let elementWidth = width - Swift.max(trimmedSeparator.count, 1)
                var line = hanging
                for (i, index) in indices.enumerated() {
                    let word = index.map { format.text(values[offset + $0 * strides[axis]]) } ?? "..."
                    extend(&text, &line, word, elementWidth, hanging)
                    if i < indices.count - 1 { line += separator }
                }
                text += line
            } else {
                let lineSeparator = trimmedSeparator + String(repeating: "\n", count: shape.count - axis - 1)
                for (i, index) in indices.enumerated() {
                    let nested = index.map { recurse(axis + 1, offset + $0 * strides[axis], nextHanging, nextWidth) } ?? "..."
                    text += hanging + nested + (i < indices.count - 1 ? lineSeparator : "")
                }
            }
            return "[" + text.dropFirst(hanging.count) + "]"
        }
        let suffix = prefix.isEmpty ? 0 : 1
        return recurse(0, 0, " " + String(repeating: " ", count: prefix.count), lineWidth - suffix)
    }
}

/// How one array's elements are written: numpy's `FloatingFormat`, `IntegerFormat` and
/// `BoolFormat`, with the widths worked out over the whole array.
struct ElementFormat {
    enum Kind { case bool, integer, positional, scientific }
    let kind: Kind
    var width = 0
    var padLeft = 0
    var padRight = 0
    var precision = 0
    var exponentDigits = 2

    init(_ tensor: Tensor) {
        let values = tensor.scalars
        switch tensor.dtype {
        case .bool:
            kind = .bool
            width = values.contains(0) ? 5 : 4
        case .int64:
            kind = .integer
            width = values.map { String(DType.integerText($0)).count }.max() ?? 1
        case .float32:
            let finite = values.filter(\.isFinite)
            let magnitudes = finite.map { Swift.abs($0) }.filter { $0 != 0 }
            let maximum = magnitudes.max() ?? 0
            let minimum = magnitudes.min() ?? 0
            let scientific = !magnitudes.isEmpty && (maximum >= 1e8 || minimum < 1e-4 || maximum / minimum > 1000)
            if scientific {
                kind = .scientific
                let parts = finite.map { ElementFormat.shortestScientific($0) }
                precision = parts.map { $0.digits.count - 1 }.max() ?? 0
                exponentDigits = Swift.max(2, parts.map { String(Swift.abs($0.exponent)).count }.max() ?? 2)
                padLeft = finite.contains { $0 < 0 } ? 2 : 1
                padRight = 1 + precision + 2 + exponentDigits
            } else {
                kind = .positional
                let texts = finite.map { ElementFormat.positional($0) }
                padLeft = texts.map { $0.integer.count }.max() ?? 1
                padRight = texts.map { $0.fraction.count }.max() ?? 0
            }
            if finite.count != values.count {
                let hasNegativeInfinity = values.contains { $0 == -.infinity }
                padLeft = Swift.max(padLeft, 3 - (padRight + 1), (hasNegativeInfinity ? 4 : 3) - (padRight + 1))
            }
        }
    }

    /// One element, padded to the array's width.
    func text(_ value: Float) -> String {
        switch kind {
        case .bool:
            let word = value != 0 ? "True" : "False"
            return String(repeating: " ", count: Swift.max(0, width - word.count)) + word
        case .integer:
            let word = DType.integerText(value)
            return String(repeating: " ", count: Swift.max(0, width - word.count)) + word
        case .positional, .scientific:
            guard value.isFinite else {
                let word = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
                return String(repeating: " ", count: Swift.max(0, padLeft + padRight + 1 - word.count)) + word
            }
            if kind == .scientific {
                let parts = ElementFormat.shortestScientific(value)
                var digits = parts.digits
                while digits.count < precision + 1 { digits += "0" }
                let mantissa = String(digits.prefix(1)) + "." + digits.dropFirst()
                let sign = parts.exponent < 0 ? "-" : "+"
                var exponent = String(Swift.abs(parts.exponent))
                while exponent.count < exponentDigits { exponent = "0" + exponent }
                let word = (value < 0 ? "-" : "") + mantissa + "e" + sign + exponent
                return String(repeating: " ", count: Swift.max(0, padLeft + padRight - word.count)) + word
            }
            let parts = ElementFormat.positional(value)
            let left = String(repeating: " ", count: Swift.max(0, padLeft - parts.integer.count)) + parts.integer
            return left + "." + parts.fraction + String(repeating: " ", count: Swift.max(0, padRight - parts.fraction.count))
        }
    }

    /// A float's shortest round-trip digits, at most 8 after the point, as integer and
    /// fraction parts (`-0`, `25` for -0.25; `1`, `` for 1.0).
    static func positional(_ value: Float) -> (integer: String, fraction: String) {
        var text = value.description
        if text.contains("e") || text.split(separator: ".").last.map({ $0.count > 8 }) == true {
            text = String(format: "%.8f", Double(value))
        }
        if !text.contains(".") { text += ".0" }
        let pieces = text.split(separator: ".", maxSplits: 1).map(String.init)
        var fraction = pieces.count > 1 ? pieces[1] : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (pieces[0], fraction)
    }

    /// A float's shortest round-trip digits in scientific form: the digits (first one
    /// before the point) and the decimal exponent.
    static func shortestScientific(_ value: Float) -> (digits: String, exponent: Int) {
        let magnitude = Swift.abs(value)
        if magnitude == 0 { return ("0", 0) }
        for places in 0...8 {
            let text = String(format: "%.\(places)e", Double(magnitude))
            if Float(text) == magnitude || places == 8 {
                let parts = text.split(separator: "e")
                let digits = parts[0].replacingOccurrences(of: ".", with: "")
                var trimmed = Substring(digits)
                while trimmed.count > 1, trimmed.hasSuffix("0") { trimmed.removeLast() }
                return (String(trimmed), Int(parts[1]) ?? 0)
            }
        }
        return ("0", 0)
    }
}

extension DType {
    /// A stored whole number as text (int64 tensors hold whole numbers within ±2^24).
    static func integerText(_ value: Float) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        return String(Int(exactly: value.rounded(.towardZero)) ?? 0)
    }
}
