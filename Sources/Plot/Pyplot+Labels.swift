/// Titles, axis labels, legend and grid of `Pyplot`.
extension Pyplot {
    /// Sets the current axes' title (`plt.title`).
    public mutating func title(_ text: String) { withAxes { $0.title = text } }

    /// Sets the current figure's overall title (`plt.suptitle`).
    public mutating func suptitle(_ text: String) { withFigure { $0.suptitle = text } }

    /// Sets the current axes' x-axis label (`plt.xlabel`).
    public mutating func xlabel(_ text: String) { withAxes { $0.xlabel = text } }

    /// Sets the current axes' y-axis label (`plt.ylabel`).
    public mutating func ylabel(_ text: String) { withAxes { $0.ylabel = text } }

    /// `plt.title(text, fontsize=)`.
    public mutating func title(_ text: String, fontsize: Double) throws {
        try Validate.positive("title", "fontsize", fontsize)
        withAxes { $0.title = text; $0.titleSize = fontsize }
    }

    /// `plt.suptitle(text, fontsize=)`.
    public mutating func suptitle(_ text: String, fontsize: Double) throws {
        try Validate.positive("suptitle", "fontsize", fontsize)
        withFigure { $0.suptitle = text; $0.suptitleSize = fontsize }
    }

    /// `plt.xlabel(text, fontsize=)`.
    public mutating func xlabel(_ text: String, fontsize: Double) throws {
        try Validate.positive("xlabel", "fontsize", fontsize)
        withAxes { $0.xlabel = text; $0.xlabelSize = fontsize }
    }

    /// `plt.ylabel(text, fontsize=)`.
    public mutating func ylabel(_ text: String, fontsize: Double) throws {
        try Validate.positive("ylabel", "fontsize", fontsize)
        withAxes { $0.ylabel = text; $0.ylabelSize = fontsize }
    }

    /// `plt.title`/`xlabel`/`ylabel`/`suptitle(text, fontsize=, fontweight=, loc=)`: `kind` is the
    /// call's name; `loc` is the title's `'left'`, `'center'` or `'right'` (labels take only
    /// `'center'`, their default).
    public mutating func label(_ kind: String, _ text: String, style: TextStyle, loc: String? = nil) throws {
        let weight = try style.weight(kind)
        var anchor = TextAnchor.middle
        if let loc {
            switch (kind, loc.lowercased()) {
            case (_, "center"): break
            case ("title", "left"): anchor = .start
            case ("title", "right"): anchor = .end
            case ("title", _): throw PlotError("title: loc must be 'left', 'center' or 'right', got '\(loc)'")
            default: throw PlotError("\(kind): loc='\(loc)' is not available in rnnbook (only 'center')")
            }
        }
        switch kind {
        case "suptitle":
            let size = try style.size(kind, default: Style.suptitleSize)
            withFigure { $0.suptitle = text; $0.suptitleSize = size; $0.suptitleWeight = weight }
        case "title":
            let size = try style.size(kind, default: Style.titleSize)
            withAxes { $0.title = text; $0.titleSize = size; $0.titleWeight = weight; $0.titleAnchor = anchor }
        case "xlabel":
            let size = try style.size(kind, default: Style.fontSize)
            withAxes { $0.xlabel = text; $0.xlabelSize = size; $0.xlabelWeight = weight }
        case "ylabel":
            let size = try style.size(kind, default: Style.fontSize)
            withAxes { $0.ylabel = text; $0.ylabelSize = size; $0.ylabelWeight = weight }
        case "zlabel":
            guard style.size == nil, try style.weight(kind) == nil else {
                throw PlotError("zlabel: fontsize and fontweight are not available on 3-D axes in rnnbook")
            }
            zlabel(text)
        default:
            throw PlotError("\(kind): not a label")
        }
    }

    /// Sets the current 3-D axes' z-axis label.
    public mutating func zlabel(_ text: String) { withAxes { $0.zlabel = text } }

    /// Shows a legend of the labelled series (`plt.legend(loc=…)`; default `"best"`).
    public mutating func legend(loc: String = "best") throws {
        try legend(nil, options: LegendOptions(loc: loc))
    }

    /// `plt.legend(labels=None, loc=, bbox_to_anchor=, ncols=, fontsize=, frameon=)`: with
    /// `labels`, labels the series in drawing order first.
    public mutating func legend(_ labels: [String]?, options: LegendOptions) throws {
        let spec = try options.resolve()
        withAxes {
            if let labels { $0.assignLabels(labels) }
            $0.legend = spec
        }
    }

    /// `legend(handles, labels)`: a legend of the chosen artists of the current axes, in
    /// order, labelled with `labels` (nil: each artist's own label).
    public mutating func legend(handles: [ArtistHandle], labels: [String]?, options: LegendOptions) throws {
        var spec = try options.resolve()
        let current = gca()
        if handles.contains(where: { $0.axes != current }) {
            throw PlotError("legend: a handle was drawn on other axes; pass artists drawn on these axes")
        }
        spec.handles = handles.enumerated().compactMap { index, handle in
            guard let labels else { return LegendSpec.Handle(mark: handle.mark, label: nil) }
            return index < labels.count ? LegendSpec.Handle(mark: handle.mark, label: labels[index]) : nil
        }
        withAxes { $0.legend = spec }
    }

    /// `plt.legend(["a", "b"], loc=…)`: labels the series in drawing order, then shows the legend.
    public mutating func legend(_ labels: [String], loc: String = "best") throws {
        try legend(labels, options: LegendOptions(loc: loc))
    }

    /// Turns the background grid on or off (`plt.grid`).
    public mutating func grid(_ visible: Bool = true) { withAxes { $0.grid = visible } }

}
