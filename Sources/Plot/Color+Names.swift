extension Color {
    /// matplotlib's single-letter codes, the `tab:` Tableau colours, and the CSS names that
    /// course notebooks use. Lookup keys are lowercase without spaces.
    static let named: [String: UInt32] = [
        // Single letters, as in matplotlib ("b" is matplotlib's pure-ish blue).
        "b": 0x0000FF, "g": 0x008000, "r": 0xFF0000, "c": 0x00BFBF,
        "m": 0xBF00BF, "y": 0xBFBF00, "k": 0x000000, "w": 0xFFFFFF,
        // Tableau 10, under matplotlib's tab: names.
        "tab:blue": 0x1F77B4, "tab:orange": 0xFF7F0E, "tab:green": 0x2CA02C, "tab:red": 0xD62728,
        "tab:purple": 0x9467BD, "tab:brown": 0x8C564B, "tab:pink": 0xE377C2, "tab:gray": 0x7F7F7F,
        "tab:grey": 0x7F7F7F, "tab:olive": 0xBCBD22, "tab:cyan": 0x17BECF,
        // CSS names.
        "black": 0x000000, "white": 0xFFFFFF, "red": 0xFF0000, "green": 0x008000, "blue": 0x0000FF,
        "yellow": 0xFFFF00, "orange": 0xFFA500, "purple": 0x800080, "pink": 0xFFC0CB,
        "brown": 0xA52A2A, "gray": 0x808080, "grey": 0x808080, "cyan": 0x00FFFF, "magenta": 0xFF00FF,
        "navy": 0x000080, "teal": 0x008080, "olive": 0x808000, "maroon": 0x800000, "lime": 0x00FF00,
        "aqua": 0x00FFFF, "fuchsia": 0xFF00FF, "silver": 0xC0C0C0, "gold": 0xFFD700,
        "indigo": 0x4B0082, "violet": 0xEE82EE, "coral": 0xFF7F50, "salmon": 0xFA8072,
        "crimson": 0xDC143C, "tomato": 0xFF6347, "orchid": 0xDA70D6, "khaki": 0xF0E68C,
        "turquoise": 0x40E0D0, "tan": 0xD2B48C, "beige": 0xF5F5DC, "lavender": 0xE6E6FA,
        "darkblue": 0x00008B, "darkred": 0x8B0000, "darkgreen": 0x006400, "darkorange": 0xFF8C00,
        "darkgray": 0xA9A9A9, "darkgrey": 0xA9A9A9, "lightgray": 0xD3D3D3, "lightgrey": 0xD3D3D3,
        "lightblue": 0xADD8E6, "lightgreen": 0x90EE90, "skyblue": 0x87CEEB, "steelblue": 0x4682B4,
        "royalblue": 0x4169E1, "dodgerblue": 0x1E90FF, "firebrick": 0xB22222, "forestgreen": 0x228B22,
        "seagreen": 0x2E8B57, "slategray": 0x708090, "slategrey": 0x708090, "dimgray": 0x696969,
        "dimgrey": 0x696969, "gainsboro": 0xDCDCDC, "whitesmoke": 0xF5F5F5, "chocolate": 0xD2691E,
        "sienna": 0xA0522D, "peru": 0xCD853F, "plum": 0xDDA0DD, "limegreen": 0x32CD32,
        "mediumpurple": 0x9370DB, "darkviolet": 0x9400D3, "deeppink": 0xFF1493, "hotpink": 0xFF69B4,
        "goldenrod": 0xDAA520, "cornflowerblue": 0x6495ED, "midnightblue": 0x191970,
        "darkcyan": 0x008B8B, "cadetblue": 0x5F9EA0, "olivedrab": 0x6B8E23,
    ]
}
