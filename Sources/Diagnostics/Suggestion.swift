/// "Did you mean …?" suggestions from a list of known names.
public enum Suggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a
    /// plausible typo (at most a third of the name's length, and at least 1 edit).
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        closest(to: name, in: candidates, distance: editDistance)
    }

    /// `closest(to:in:)` with the distance given, so that a test can count the distances it
    /// computes (each is quadratic in the lengths: a long name must skip most of them).
    static func closest(to name: String, in candidates: some Sequence<String>,
                        distance: (String, String) -> Int) -> String? {
        let length = name.count
        let limit = max(1, length / 3)
        var best: (String, Int)?
        // The distance is at least the difference in length: most candidates of a long
        // name are skipped before the quadratic table is built.
        for candidate in candidates where candidate != name && abs(candidate.count - length) <= limit {
            let distance = distance(name, candidate)
            if distance <= limit, distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// The text ` (did you mean 'x'?)`, or empty when nothing is close.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        guard let match = closest(to: name, in: candidates) else { return "" }
        return " (did you mean '\(match)'?)"
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance between two strings.
    ///
    /// A transposition of two neighbours counts as one edit, so `pionts` is 1 from `points`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { table[i][0] = i }
        for j in 0...y.count { table[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[x.count][y.count]
    }
}
