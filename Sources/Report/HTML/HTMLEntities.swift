/// Decoding of character references in attribute values, for the sanitizer.
///
/// Numeric references (`&#58;`, `&#x3A;`, with or without the `;`) and the common named
/// ones are decoded. A reference left alone is harmless: the sanitizer escapes every `&` it
/// writes, so the browser reads the same characters that were checked (`javascript&colon;`
/// stays a relative link, never a `javascript:` one).
enum HTMLEntities {
    /// The named references decoded; the others stay as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "colon": ":", "sol": "/", "tab": "\t", "newline": "\n", "lpar": "(", "rpar": ")",
        "period": ".", "comma": ",", "num": "#", "quest": "?", "equals": "=", "semi": ";",
    ]

    /// `text` with its character references decoded.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let (decoded, length) = reference(scalars, at: i) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            out.append(contentsOf: decoded.unicodeScalars)
            i += length
        }
        return String(out)
    }

    /// The reference at `start` (an `&`) and how many scalars it spans, or nil.
    private static func reference(_ s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var i = start + 1
        if i < s.count, s[i] == "#" {
            i += 1
            let hex = i < s.count && (s[i] == "x" || s[i] == "X")
            if hex { i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < s.count, let digit = Int(String(s[i]), radix: hex ? 16 : 10), i - digitsStart < 8 {
                value = value * (hex ? 16 : 10) + UInt32(digit)
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < s.count, s[i] == ";" { i += 1 }
            // NUL, surrogates and values past Unicode become U+FFFD, as in browsers.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(scalar ?? "\u{FFFD}"), i - start)
        }
        let nameStart = i
        while i < s.count, i - nameStart < 12, s[i].isASCII, Character(s[i]).isLetter || Character(s[i]).isNumber {
            i += 1
        }
        guard i < s.count, s[i] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(s[nameStart..<i]))
        guard let value = named[name] else { return nil }
        return (value, i + 1 - start)
    }
}
