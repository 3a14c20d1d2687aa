/// What every global name of a session is bound to at one moment (unbound names too).
/// Grading takes it before a student's block and puts back the names the block had no
/// business rebinding. Cheap: one value per slot, compared by position, no hashing.
public struct GlobalBindings {
    let slots: [GlobalSlot]
    let values: [Value?]

    /// The value of slot `index`, nil for slots made since.
    func value(at index: Int) -> Value? {
        index < values.count ? values[index] : nil
    }
}

extension ScriptSession {
    /// The current bindings of every global name. Call between blocks.
    public func globalBindings() -> GlobalBindings {
        GlobalBindings(slots: interpreter.slotOrder, values: interpreter.slotOrder.map(\.value))
    }

    /// The names whose binding is no longer the one in `bindings` (names bound since, among
    /// them), sorted. A name bound to the same object (or an equal number or string) counts
    /// as unchanged.
    public func changedGlobals(since bindings: GlobalBindings) -> [String] {
        var changed: [String] = []
        for (index, slot) in interpreter.slotOrder.enumerated() where !Self.same(slot.value, bindings.value(at: index)) {
            changed.append(slot.name)
        }
        return changed.sorted()
    }

    /// Whether `name` had a value in `bindings`.
    public func wasBound(_ name: String, in bindings: GlobalBindings) -> Bool {
        guard let slot = interpreter.globals[name], let index = interpreter.slotOrder.firstIndex(where: { $0 === slot }) else {
            return false
        }
        return bindings.value(at: index) != nil
    }

    /// Binds each of `names` again as in `bindings`; a name that had no value there is unbound.
    public func restoreGlobals(_ names: some Sequence<String>, from bindings: GlobalBindings) {
        let wanted = Set(names)
        guard !wanted.isEmpty else { return }
        for (index, slot) in interpreter.slotOrder.enumerated() where wanted.contains(slot.name) {
            let value = bindings.value(at: index)
            if !Self.same(slot.value, value) { slot.value = value }
        }
    }
}
