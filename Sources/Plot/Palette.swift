/// The default colour cycle, `"C0"`…`"C9"`.
///
/// The first eight are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
/// which stays distinguishable under the common colour-vision deficiencies, reordered so that
/// the first colours play the roles matplotlib's Tableau cycle trains readers to expect
/// (C0 blue, C1 orange, C2 green, C3 red-ish). Yellow, poor as a thin line on white, comes
/// late; black and a neutral grey end the cycle. The cycle repeats after ten series.
enum Palette {
    /// The ten colours in cycle order.
    static let cycle: [Color] = [
        Color(hex: 0x0072B2), // blue
        Color(hex: 0xE69F00), // orange
        Color(hex: 0x009E73), // bluish green
        Color(hex: 0xD55E00), // vermillion
        Color(hex: 0xCC79A7), // reddish purple
        Color(hex: 0x56B4E9), // sky blue
        Color(hex: 0x7F7F7F), // grey
        Color(hex: 0xF0E442), // yellow
        Color(hex: 0x000000), // black
        Color(hex: 0x882255), // wine (Tol), to complete ten
    ]

    /// The `n`th colour of the cycle (wrapping around).
    static func color(at n: Int) -> Color {
        cycle[((n % cycle.count) + cycle.count) % cycle.count]
    }

    /// Ink for text, spines and ticks (matplotlib's default is black).
    static let ink = Color(hex: 0x000000)
    /// Grid lines (matplotlib's `#b0b0b0`).
    static let grid = Color(hex: 0xB0B0B0)
    /// Legend frame edge (matplotlib's 0.8 grey).
    static let legendEdge = Color(hex: 0xCCCCCC)
    /// 3-D pane fill (light grey, as matplotlib's 3-D axes).
    static let pane = Color(hex: 0xF2F2F2)
}
