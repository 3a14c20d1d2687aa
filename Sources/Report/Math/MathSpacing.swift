/// TeX's spacing around operator names (`\log`, `\operatorname{softmax}`): a thin space
/// between an operator name and an ordinary atom or another name on either side (`\log x`,
/// `2\log x`, `\log\operatorname{softmax}`), none before an opening fence (`\log(x)`) or
/// next to an operator. MathML's `mi` gets no such space from the browser.
enum MathSpacing {
    /// The variant that marks an operator name; written as `mathvariant="normal"`.
    static let operatorVariant = "operator"

    /// Fence characters, which stretch only after `\left`/`\right`.
    static let fences: Set<String> = ["(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉"]

    static var thinSpace: MathNode { .space("0.1667em") }

    /// A row's nodes with thin spaces around its operator names.
    static func spaced(_ nodes: [MathNode]) -> [MathNode] {
        guard nodes.contains(where: isOperatorName) else { return nodes }
        var result: [MathNode] = []
        for (index, node) in nodes.enumerated() {
            if isOperatorName(node), index > 0, isOrdinary(nodes[index - 1]), !isOperatorName(nodes[index - 1]) {
                result.append(thinSpace)
            }
            result.append(node)
            if isOperatorName(node), index + 1 < nodes.count, isOrdinary(nodes[index + 1]) {
                result.append(thinSpace)
            }
        }
        return result
    }

    /// An operator name, with or without scripts (`\log_2`).
    static func isOperatorName(_ node: MathNode) -> Bool {
        switch node {
        case .identifier(_, operatorVariant): return true
        case .sub(let base, _), .sup(let base, _), .subsup(let base, _, _), .under(let base, _), .over(let base, _, _),
             .underover(let base, _, _):
            return isOperatorName(base)
        default: return false
        }
    }

    /// An atom TeX spaces from an operator name: not an operator, fence or space.
    static func isOrdinary(_ node: MathNode) -> Bool {
        switch node {
        case .op, .space: return false
        case .row(let children): return children.first.map(isOrdinary) ?? false
        default: return true
        }
    }
}
