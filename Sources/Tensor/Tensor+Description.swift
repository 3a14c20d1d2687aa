/// Printing like PyTorch: `tensor([[ 0.1000, -1.2000], …])`, long tensors summarized with
/// `...` (more than 1000 elements: 3 items at each edge), lines wrapped at 80 columns, and
/// a `requires_grad=True` or `grad_fn=<…>` suffix.
extension Tensor: CustomStringConvertible {
    /// The PyTorch-style text of this tensor.
    public var description: String {
        let summarize = count > TensorFormatter.threshold
        let shown = summarize ? summarized(scalars, shape: shape[...]) : scalars
        let formatter = TensorFormatter(values: shown, dtype: dtype)
        let prefix = "tensor("
        var body = "[]"
        var suffixes: [String] = []
        if count > 0 {
            body = Tensor.render(scalars, shape: shape[...], indent: prefix.count, summarize: summarize, formatter: formatter)
        } else {
            if ndim != 1 { suffixes.append("size=\(describeShape(shape))") }
            if dtype != .float32 { suffixes.append("dtype=\(dtype)") }
        }
        if let name = gradFnName {
            suffixes.append("grad_fn=<\(name)>")
        } else if requiresGrad {
            suffixes.append("requires_grad=True")
        }
        return prefix + body + suffixes.map { ", " + $0 }.joined() + ")"
    }

    /// The elements PyTorch bases the formatting on when summarizing: the edge items only.
    /// Runs of size-1 dimensions are skipped without recursing (a shape of 100,000 ones
    /// recurses no deeper than one without them).
    private func summarized(_ values: [Float], shape: ArraySlice<Int>) -> [Float] {
        var shape = shape
        while shape.count > 1, shape.first == 1 { shape = shape.dropFirst() }
        guard let first = shape.first else { return values }
        let rowSize = values.count / Swift.max(first, 1)
        let edge = TensorFormatter.edgeItems
        let rows = first > 2 * edge ? Array(0..<edge) + Array((first - edge)..<first) : Array(0..<first)
        return rows.flatMap { r in
            summarized(Array(values[(r * rowSize)..<((r + 1) * rowSize)]), shape: shape.dropFirst())
        }
    }

    /// The bracketed text of `values` of `shape`, as `torch._tensor_str` lays it out.
    /// A run of size-1 dimensions is one bracket pair each, written in a loop: the cost is
    /// the length of the text, and the recursion is only as deep as the dimensions larger
    /// than 1 (at most log2 of the element count).
    private static func render(
        _ values: [Float], shape: ArraySlice<Int>, indent: Int, summarize: Bool, formatter: TensorFormatter
    ) -> String {
        var shape = shape
        var indent = indent
        var singletons = 0
        while shape.count > 1, shape.first == 1 {
            shape = shape.dropFirst()
            singletons += 1
            indent += 1
        }
        let inner = renderRows(values, shape: shape, indent: indent, summarize: summarize, formatter: formatter)
        guard singletons > 0 else { return inner }
        return String(repeating: "[", count: singletons) + inner + String(repeating: "]", count: singletons)
    }

    /// `render` of a shape whose first dimension is not a lone 1 (or that has one dimension).
    private static func renderRows(
        _ values: [Float], shape: ArraySlice<Int>, indent: Int, summarize: Bool, formatter: TensorFormatter
    ) -> String {
        let edge = TensorFormatter.edgeItems
        guard let first = shape.first else { return formatter.format(values.first ?? 0) }
        if shape.count == 1 {
            var items: [String]
            if summarize && first > 2 * edge {
                items = values[..<edge].map(formatter.format) + [" ..."] + values[(first - edge)...].map(formatter.format)
            } else {
                items = values.map(formatter.format)
            }
            let perLine = Swift.max(1, (TensorFormatter.lineWidth - indent) / (formatter.width + 2))
            let lines = stride(from: 0, to: items.count, by: perLine).map {
                items[$0..<Swift.min($0 + perLine, items.count)].joined(separator: ", ")
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }
        let rowSize = values.count / Swift.max(first, 1)
        let rest = shape.dropFirst()
        func row(_ r: Int) -> String {
            render(Array(values[(r * rowSize)..<((r + 1) * rowSize)]), shape: rest, indent: indent + 1,
                   summarize: summarize, formatter: formatter)
        }
        let rows: [String]
        if summarize && first > 2 * edge {
            rows = (0..<edge).map(row) + ["..."] + ((first - edge)..<first).map(row)
        } else {
            rows = (0..<first).map(row)
        }
        let separator = "," + String(repeating: "\n", count: shape.count - 1) + String(repeating: " ", count: indent + 1)
        return "[" + rows.joined(separator: separator) + "]"
    }
}
