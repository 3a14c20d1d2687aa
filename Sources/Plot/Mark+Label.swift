/// Legend labels of marks.
extension Mark {
    /// The legend label, if the mark has one (labels starting with `_` are hidden, as in matplotlib).
    var label: String? {
        let text: String?
        switch self {
        case .line(let m): text = m.label
        case .scatter(let m): text = m.label
        case .bars(let m): text = m.label
        case .band(let m): text = m.label
        case .reference(let m): text = m.label
        case .span(let m): text = m.label
        case .quiver(let m): text = m.label
        case .image, .errorBars, .text, .boxes: text = nil
        case .violin(let m): text = m.label
        case .line3D(let m): text = m.label
        case .patch(let m): text = m.label
        }
        guard let text, !text.isEmpty, !text.hasPrefix("_") else { return nil }
        return text
    }

    /// Whether the mark can appear in a legend.
    var takesLabel: Bool {
        switch self {
        case .image, .errorBars, .text, .boxes: return false
        default: return true
        }
    }

    /// The mark with its label replaced (marks that take no label are returned unchanged).
    func labelled(_ text: String) -> Mark {
        switch self {
        case .line(var m): m.label = text; return .line(m)
        case .scatter(var m): m.label = text; return .scatter(m)
        case .bars(var m): m.label = text; return .bars(m)
        case .band(var m): m.label = text; return .band(m)
        case .reference(var m): m.label = text; return .reference(m)
        case .span(var m): m.label = text; return .span(m)
        case .quiver(var m): m.label = text; return .quiver(m)
        case .violin(var m): m.label = text; return .violin(m)
        case .line3D(var m): m.label = text; return .line3D(m)
        case .patch(var m): m.label = text; return .patch(m)
        case .image, .errorBars, .text, .boxes: return self
        }
    }
}

extension Axes {
    /// Labels the legend-able marks in drawing order (`plt.legend(["a", "b"])`); extra labels
    /// are ignored and extra marks keep theirs, as matplotlib does.
    mutating func assignLabels(_ labels: [String]) {
        var next = labels.makeIterator()
        for i in marks.indices where marks[i].takesLabel {
            guard let label = next.next() else { return }
            marks[i] = marks[i].labelled(label)
        }
    }
}
