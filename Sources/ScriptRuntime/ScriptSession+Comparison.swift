extension ScriptSession {
    /// Among `names` (every global when nil), those whose value equals, deep down, the value
    /// `snapshot` holds for them (see `ValueComparer`). Call between blocks.
    public func globalsUnchanged(since snapshot: SessionSnapshot, among names: Set<String>? = nil) -> Set<String> {
        let comparer = ValueComparer()
        var unchanged = Set<String>()
        for (slot, value) in snapshot.globals where names?.contains(slot.name) ?? true {
            if comparer.equal(slot.value, value) { unchanged.insert(slot.name) }
        }
        return unchanged
    }

    /// Puts back deep copies of the values `snapshot` holds for `names` (sharing between them
    /// kept), leaving every other global as it is. Throws when a value cannot be copied.
    public func restoreGlobals(_ names: Set<String>, from snapshot: SessionSnapshot) throws {
        guard !names.isEmpty else { return }
        let copier = SnapshotCopier()
        for (slot, value) in snapshot.globals where names.contains(slot.name) {
            slot.value = try value.map(copier.copy)
        }
    }
}
