/// The tags, attributes and URLs that raw HTML in a notebook's prose may use in a page: the
/// harmless formatting GitHub also allows in Markdown, and nothing that runs code, loads a
/// frame or a plug-in, styles the page, or submits a form.
enum HTMLAllowlist {
    /// Tags kept (with their allowed attributes); any other tag is dropped, its contents kept.
    static let tags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ]

    /// Tags dropped with everything inside them: code, styles, frames, plug-ins, forms'
    /// text, and foreign content (inline SVG and MathML need `--trust-html`).
    static let droppedWithContents: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "template", "textarea", "title", "xmp", "plaintext", "select", "svg", "math",
    ]

    /// Tags that have no end tag.
    static let void: Set<String> = ["br", "col", "hr", "img", "wbr"]

    /// Attributes any kept tag may carry.
    static let global: Set<String> = ["id", "class", "title", "lang", "dir"]

    /// Attributes particular tags may carry besides the global ones.
    static let byTag: [String: Set<String>] = [
        "a": ["href", "name"],
        "img": ["src", "alt", "width", "height"],
        "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
        "td": ["colspan", "rowspan", "align"], "th": ["colspan", "rowspan", "align", "scope"],
        "col": ["span"], "colgroup": ["span"],
        "ol": ["start", "type", "reversed"], "ul": ["type"], "li": ["value"],
        "time": ["datetime"], "details": ["open"],
        "p": ["align"], "div": ["align"], "h1": ["align"], "h2": ["align"], "h3": ["align"],
        "h4": ["align"], "h5": ["align"], "h6": ["align"], "table": ["align"],
    ]

    /// Attributes whose value is a URL, checked by `allowsURL`.
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// Whether `tag` may carry `attribute`.
    static func allows(_ attribute: String, on tag: String) -> Bool {
        global.contains(attribute) || byTag[tag]?.contains(attribute) == true
    }

    /// Whether a URL may stand in `attribute` of `tag`: a relative URL or fragment, or an
    /// `http`, `https` or `mailto` one; a `data:image/…` one only as an image's `src`.
    /// Browsers ignore tabs, newlines and leading controls or spaces in a URL, so they are
    /// removed before the scheme is read.
    static func allowsURL(_ url: String, attribute: String, on tag: String) -> Bool {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = cleaned[cleaned.startIndex..<colon]
        // A `/`, `?` or `#` before the first `:` makes it a path, not a scheme.
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        switch beforeColon.lowercased() {
        case "http", "https", "mailto": return true
        case "data": return tag == "img" && attribute == "src" && cleaned.lowercased().hasPrefix("data:image/")
        default: return false
        }
    }
}
