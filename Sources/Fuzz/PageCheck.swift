/// The property every page must have, whatever its notebook says: no element that runs
/// code, no event-handler attribute, no `javascript:` URL in an attribute.
enum PageCheck {
    /// Tags that run code or load active content.
    static let forbiddenTags: Set<String> = ["script", "iframe", "object", "embed", "applet", "frame", "base"]

    /// A description of the first violation in `html`, or nil.
    static func problem(_ html: String) -> String? {
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, isLetter(bytes[i + 1]) else {
                i += 1
                continue
            }
            i += 1
            let name = word(bytes, &i)
            if forbiddenTags.contains(name) { return "the page has a <\(name)> element" }
            // Attributes up to the tag's end; quoted values skipped.
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let start = i + 1
                    i = start
                    while i < bytes.count, bytes[i] != quote { i += 1 }
                    let value = String(decoding: bytes[start..<min(i, bytes.count)], as: UTF8.self).lowercased()
                        .filter { !$0.isWhitespace }
                    if value.hasPrefix("javascript:") || value.hasPrefix("vbscript:") {
                        return "<\(name)> has a script URL: \(value.prefix(60))"
                    }
                    i += 1
                } else if isLetter(bytes[i]) {
                    let attribute = word(bytes, &i)
                    if attribute.hasPrefix("on") { return "<\(name)> has an event handler attribute '\(attribute)'" }
                    if attribute == "http-equiv", !html.contains("Content-Security-Policy") {
                        return "<\(name)> sets http-equiv"
                    }
                } else {
                    i += 1
                }
            }
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The tag or attribute name at `i`, lowercased; `i` moves past it.
    private static func word(_ bytes: [UInt8], _ i: inout Int) -> String {
        let start = i
        while i < bytes.count, isLetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == UInt8(ascii: "-")
            || bytes[i] == UInt8(ascii: ":") {
            i += 1
        }
        return String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
    }
}

/// Raw-HTML words the page target's mutations insert.
enum HTMLWords {
    static let all = [
        "<script>", "</script>", "<img src=x onerror=", "<a href=\"", "javascript:", "jav&#x61;script&#58;", "<svg onload=",
        "<iframe ", "<style>", "<!--", "-->", "<![CDATA[", "\" onmouseover=\"", "<b>", "</b>", "<details>", "&#", "&colon;",
        "<math>", "<object data=", "<base href=", "<meta http-equiv=refresh ", "<div class=", "</div>", "<textarea>",
    ]
}
