extension Substring {
    /// This text without the characters at its end that satisfy `predicate`. Linear in
    /// what is dropped: `while s.last == x { s = s.dropLast() }` counts the whole string at
    /// each step, which made a line of 16,000 trailing spaces take seconds.
    public func droppingLast(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard predicate(self[before]) else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
