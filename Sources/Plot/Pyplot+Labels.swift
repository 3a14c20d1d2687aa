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

    /// Sets the current 3-D axes' z-axis label.
    public mutating func zlabel(_ text: String) { withAxes { $0.zlabel = text } }

    /// Shows a legend of the labelled series (`plt.legend(loc=…)`; default `"best"`).
    public mutating func legend(loc: String = "best") throws {
        let location = try LegendLocation(parsing: loc)
        withAxes { $0.legend = location }
    }

    /// `plt.legend(["a", "b"], loc=…)`: labels the series in drawing order, then shows the legend.
    public mutating func legend(_ labels: [String], loc: String = "best") throws {
        let location = try LegendLocation(parsing: loc)
        withAxes {
            $0.assignLabels(labels)
            $0.legend = location
        }
    }

    /// Turns the background grid on or off (`plt.grid`).
    public mutating func grid(_ visible: Bool = true) { withAxes { $0.grid = visible } }
}
