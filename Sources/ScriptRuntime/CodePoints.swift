/// Python's `str` counts, compares and hashes code points, where Swift's `String` works in
/// grapheme clusters and treats canonically equivalent strings as equal: in Python
/// `len("e\u0301") == 2` and `"e\u0301" != "\u00e9"`; in Swift the count is 1 and the two
/// are equal. These helpers give the language Python's behaviour.
extension String {
    /// `len(s)`: the number of code points.
    var codePointCount: Int { unicodeScalars.count }

    /// The code points, for indexing and slicing.
    var codePoints: [Unicode.Scalar] { Array(unicodeScalars) }

    /// A string of the given code points.
    init<S: Sequence>(codePoints: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: codePoints)
        self = String(view)
    }

    /// Python's `==`: the same code points (UTF-8 encodes each code point one way).
    func sameCodePoints(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }

    /// Python's `<`: code point by code point (UTF-8's byte order is code point order).
    func precedesByCodePoints(_ other: String) -> Bool { utf8.lexicographicallyPrecedes(other.utf8) }

    /// `startswith`: the code points of `prefix` begin this string.
    func startsWithCodePoints(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// `endswith`: the code points of `suffix` end this string.
    func endsWithCodePoints(_ suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }
}

/// A string ordered, compared and hashed by code points (Python's rules).
struct CodePointString: Comparable {
    let text: String

    static func == (a: CodePointString, b: CodePointString) -> Bool { a.text.sameCodePoints(b.text) }
    static func < (a: CodePointString, b: CodePointString) -> Bool { a.text.precedesByCodePoints(b.text) }
}

extension HashKey {
    /// Keys are equal as Python's are: strings by code points.
    static func == (a: HashKey, b: HashKey) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.str(let x), .str(let y)): return x.sameCodePoints(y)
        case (.tuple(let x), .tuple(let y)): return x == y
        case (.frozenset(let x), .frozenset(let y)): return x == y
        case (.identity(let x), .identity(let y)): return x == y
        default: return false
        }
    }

    /// The hash, over a string's UTF-8 bytes, so that equal keys hash alike.
    func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .int(let i): hasher.combine(1); hasher.combine(i)
        case .float(let d): hasher.combine(2); hasher.combine(d)
        case .str(let s):
            hasher.combine(3)
            var s = s
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        case .tuple(let items): hasher.combine(4); hasher.combine(items)
        case .frozenset(let items): hasher.combine(5); hasher.combine(items)
        case .identity(let id): hasher.combine(6); hasher.combine(id)
        }
    }
}
