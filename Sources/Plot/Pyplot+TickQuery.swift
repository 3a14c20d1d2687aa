/// What `plt.xticks()` / `plt.yticks()` report about the current axes.
extension Pyplot {
    /// The current axes' x (or y) tick positions and labels: fixed ticks (`xticks(values)`)
    /// all of them, as matplotlib's FixedLocator gives them, with their labels (or the
    /// labels they are drawn with); otherwise the automatic ticks and labels the figure
    /// would be drawn with now, at its current size and limits. Automatic ticks are
    /// rnnbook's, which need not be matplotlib's (matplotlib also reports one tick beyond
    /// each end of the view, which it does not draw). `fixed` tells which of the two it is.
    public mutating func currentTicks(x: Bool) -> (values: [Double], labels: [String], fixed: Bool) {
        withFigure { figure in
            let index = figure.currentAxesIndex()
            if let fixed = x ? figure.axes[index].xticks : figure.axes[index].yticks {
                return (fixed.values, fixed.labels ?? fixed.values.map(Num.general), true)
            }
            let plans = figure.plans()
            guard plans.indices.contains(index) else { return ([], [], false) }
            let ticks = x ? plans[index].xTicks : plans[index].yTicks
            return (ticks.values, ticks.labels, false)
        }
    }
}
