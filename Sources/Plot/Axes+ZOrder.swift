/// matplotlib's drawing order: artists sorted by `zorder`, stably (equal ones in the order
/// they were added). Defaults as matplotlib's: images 0; patches and collections (bars,
/// fills, spans, scatter, violins, boxes, arrows) 1; lines (plot, axhline, error bars) 2;
/// text 3. So a `scatter` drawn after a `plot` still lies under the line unless its `zorder`
/// is raised, as in matplotlib.
extension Axes {
    /// The marks in the order they are drawn.
    var marksInDrawingOrder: [Mark] { drawingOrder.map { marks[$0] } }

    /// The indices of `marks` in the order they are drawn.
    var drawingOrder: [Int] {
        marks.indices.sorted { a, b in
            let (za, zb) = (zorder(of: a), zorder(of: b))
            return za != zb ? za < zb : a < b
        }
    }

    /// Whether the mark at `index` is cut at the frame: its `clip_on=`, else true except for text.
    func isClipped(_ index: Int) -> Bool {
        if let given = clipping[index] { return given }
        if case .text = marks[index] { return false }
        return true
    }

    /// The zorder of the mark at `index`: the one it was given, or its kind's default.
    func zorder(of index: Int) -> Double {
        zorders[index] ?? marks[index].defaultZOrder
    }
}

extension Mark {
    /// matplotlib's default zorder of the artist this mark stands for.
    var defaultZOrder: Double {
        switch self {
        case .image: 0
        case .scatter, .bars, .band, .span, .violin, .boxes, .quiver, .patch: 1
        case .line, .reference, .errorBars, .line3D: 2
        case .text: 3
        }
    }
}
