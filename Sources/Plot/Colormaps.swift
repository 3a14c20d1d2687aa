/// matplotlib's colour maps as callables (`plt.cm.viridis(0.3)`, `plt.get_cmap('tab10')(2)`):
/// RGBA in 0…1. Continuous maps interpolate between anchors sampled from matplotlib's (within
/// about 0.01 of its values); listed maps (`tab10`) give their colours exactly.
public enum Colormaps {
    /// The canonical spelling of a map's name (`"RdBu"`, `"Greys"`), or a `PlotError` naming the known ones.
    public static func check(_ name: String) throws {
        _ = try Colormap(named: name)
    }

    /// Every map name, as matplotlib spells them, without the `_r` variants.
    public static let names = ["viridis", "magma", "inferno", "plasma", "cividis", "coolwarm", "RdBu", "bwr", "seismic",
                               "gray", "grey", "Greys", "binary", "Blues", "Reds", "hot", "tab10"]

    /// The number of colours in the map's table (matplotlib's `N`: 256, or 10 for `tab10`).
    public static func count(_ name: String) throws -> Int {
        try Colormap(named: name).listed ? Colormap(named: name).anchors.count : 256
    }

    /// RGBA of `t` in 0…1 (clamped; NaN gives the lowest colour).
    public static func rgba(_ name: String, at t: Double) throws -> [Double] {
        try Colormap(named: name).color(at: t).rgba
    }

    /// RGBA of table entry `index` (matplotlib's integer argument), clamped to the table.
    public static func rgba(_ name: String, index: Int) throws -> [Double] {
        let map = try Colormap(named: name)
        let n = map.listed ? map.anchors.count : 256
        let i = min(max(index, 0), n - 1)
        return map.listed ? map.anchors[i].rgba : map.color(at: Double(i) / Double(n - 1)).rgba
    }
}
