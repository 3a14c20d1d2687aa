/// A colour map for heat maps: a name and anchor colours spaced evenly over 0...1, linearly
/// interpolated. Any name may take matplotlib's `_r` suffix to reverse it.
struct Colormap: Sendable {
    /// The name as given (e.g. `"viridis"`, `"RdBu_r"`).
    let name: String
    /// The anchors, evenly spaced over 0...1.
    let anchors: [Color]
    /// A listed map (`tab10`): `N` colours taken as they are, `t` picking colour `⌊t·N⌋`.
    let listed: Bool

    /// Looks up a colour map by its matplotlib name.
    init(named text: String) throws {
        var key = text.lowercased()
        var reversed = false
        if key.hasSuffix("_r") {
            key.removeLast(2)
            reversed = true
        }
        guard let hexes = Colormap.table[key] else {
            let known = Colormap.table.keys.sorted().joined(separator: ", ")
            throw PlotError("unknown colour map '\(text)' (known: \(known); add _r to reverse)")
        }
        let colors = hexes.map { Color(hex: $0) }
        name = text
        anchors = reversed ? colors.reversed() : colors
        listed = Colormap.listedNames.contains(key)
    }

    /// Names of the listed maps.
    static let listedNames: Set<String> = ["tab10"]

    /// All names known, lowercase.
    static var names: [String] { table.keys.sorted() }

    /// The colour at `t` in 0...1 (clamped).
    func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        if listed { return anchors[min(Int(clamped * Double(anchors.count)), anchors.count - 1)] }
        let scaled = clamped * Double(anchors.count - 1)
        let i = min(Int(scaled), anchors.count - 2)
        let f = scaled - Double(i)
        let a = anchors[i], b = anchors[i + 1]
        func mix(_ p: UInt8, _ q: UInt8) -> UInt8 {
            UInt8((Double(p) + (Double(q) - Double(p)) * f).rounded())
        }
        return Color(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }

    /// `count` colours sampled evenly from 0 to 1 (a lookup table, as matplotlib's N=256).
    func lookupTable(count: Int) -> [Color] {
        (0..<count).map { color(at: count > 1 ? Double($0) / Double(count - 1) : 0) }
    }

    /// Anchors of matplotlib's maps (perceptually uniform ones sampled at 11 points).
    private static let table: [String: [UInt32]] = [
        "viridis": [0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
                    0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725],
        "magma": [0x000004, 0x140E36, 0x3B0F70, 0x641A80, 0x8C2981, 0xB73779,
                  0xDE4968, 0xF7705C, 0xFE9F6D, 0xFECF92, 0xFCFDBF],
        "inferno": [0x000004, 0x160B39, 0x420A68, 0x6A176E, 0x932667, 0xBC3754,
                    0xDD513A, 0xF37819, 0xFCA50A, 0xF6D746, 0xFCFFA4],
        "plasma": [0x0D0887, 0x41049D, 0x6A00A8, 0x8F0DA4, 0xB12A90, 0xCC4778,
                   0xE16462, 0xF2844B, 0xFCA636, 0xFCCE25, 0xF0F921],
        "cividis": [0x00224E, 0x123570, 0x3B496C, 0x575D6D, 0x707173, 0x8A8779,
                    0xA69D75, 0xC4B56C, 0xE4CF5B, 0xFEE838, 0xFEE838],
        "coolwarm": [0x3B4CC0, 0x8DB0FE, 0xDDDDDD, 0xF49A7B, 0xB40426],
        "rdbu": [0x67001F, 0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xF7F7F7,
                 0xD1E5F0, 0x92C5DE, 0x4393C3, 0x2166AC, 0x053061],
        "bwr": [0x0000FF, 0xFFFFFF, 0xFF0000],
        "seismic": [0x00004C, 0x0000FF, 0xFFFFFF, 0xFF0000, 0x800000],
        "gray": [0x000000, 0xFFFFFF],
        "grey": [0x000000, 0xFFFFFF],
        "greys": [0xFFFFFF, 0xF0F0F0, 0xD9D9D9, 0xBDBDBD, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000],
        "binary": [0xFFFFFF, 0x000000],
        "blues": [0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B],
        "reds": [0xFFF5F0, 0xFEE0D2, 0xFCBBA1, 0xFC9272, 0xFB6A4A, 0xEF3B2C, 0xCB181D, 0xA50F15, 0x67000D],
        "tab10": [0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF],
        "hot": [0x0A0000, 0x8E0000, 0xFF1400, 0xFF9900, 0xFFFF1E, 0xFFFFFF],
    ]
}
