/// What every global name of a session is bound to at one moment (unbound names too).
/// Grading takes it before a student's block and puts back the names the block had no
/// business rebinding.
public struct GlobalBindings {
    let slots: [String: (slot: GlobalSlot, value: Value?)]

    /// The names bound to a value.
    public var boundNames: Set<String> { Set(slots.compactMap { $0.value.value == nil ? nil : $0.key }) }
}

extension ScriptSession {
    /// The current bindings of every global name. Call between blocks.
    public func globalBindings() -> GlobalBindings {
        GlobalBindings(slots: interpreter.globals.mapValues { ($0, $0.value) })
    }

    /// The names whose binding is no longer the one in `bindings` (names bound since, among
    /// them), sorted. A name bound to the same object (or an equal number or string) counts
    /// as unchanged.
    public func changedGlobals(since bindings: GlobalBindings) -> [String] {
        interpreter.globals.compactMap { name, slot in
            Self.same(slot.value, bindings.slots[name]?.value) ? nil : name
        }.sorted()
    }

    /// Binds each of `names` again as in `bindings`; a name that had no value there is unbound.
    public func restoreGlobals(_ names: some Sequence<String>, from bindings: GlobalBindings) {
        for name in names {
            guard let slot = interpreter.globals[name] else { continue }
            let value = bindings.slots[name]?.value
            if !Self.same(slot.value, value) { slot.value = value }
        }
    }
}
