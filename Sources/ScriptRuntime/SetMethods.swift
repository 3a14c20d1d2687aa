import ScriptSyntax

/// The methods of `set` and `frozenset`, and their algebra done as CPython does it (which
/// operand is walked decides the result's table order).
extension SetObject {
    static let readMethods = ["copy", "union", "intersection", "difference", "symmetric_difference",
                              "issubset", "issuperset", "isdisjoint"]
    static let writeMethods = ["add", "remove", "discard", "pop", "clear", "update", "intersection_update",
                               "difference_update", "symmetric_difference_update"]

    var attributeNames: [String] { frozen ? Self.readMethods : Self.readMethods + Self.writeMethods }

    func union(_ other: SetObject) -> SetObject {
        let result = copy()
        if other !== self { result.table.merge(other.table) }
        return result
    }

    func intersection(_ other: SetObject) -> SetObject {
        if other === self { return copy() }
        let (walked, probed) = other.count > count ? (self, other) : (other, self)
        let result = SetObject(frozen: frozen)
        for entry in walked.table.entries where probed.table.contains(entry.key, entry.hash) {
            result.table.add(entry.value, entry.key, entry.hash)
        }
        return result
    }

    func difference(_ other: SetObject) -> SetObject {
        if count >> 2 > other.count {
            let result = copy()
            result.removeAll(of: other)
            return result
        }
        let result = SetObject(frozen: frozen)
        for entry in table.entries where !other.table.contains(entry.key, entry.hash) {
            result.table.add(entry.value, entry.key, entry.hash)
        }
        return result
    }

    /// `difference_update` with a set: walks the other (or its intersection with this one
    /// when it is much larger), then drops the dummies if they are many.
    func removeAll(of other: SetObject) {
        if other === self {
            table.removeAll()
            return
        }
        let walked = other.count >> 3 > count ? intersection(other) : other
        for entry in walked.table.entries { table.discard(entry.key, entry.hash) }
        table.compactAfterRemovals()
    }

    func symmetricDifference(_ other: SetObject) -> SetObject {
        let result = other.copy(frozen: frozen)
        result.toggleAll(of: self)
        return result
    }

    /// `symmetric_difference_update` with a set: each element of the other is removed when
    /// present, else added.
    func toggleAll(of other: SetObject) {
        if other === self {
            table.removeAll()
            return
        }
        for entry in other.table.entries where !table.discard(entry.key, entry.hash) {
            table.add(entry.value, entry.key, entry.hash)
        }
    }

    /// `intersection` with any iterable: a set's smaller side is walked; another iterable is
    /// walked in its own order.
    func intersection(with value: Value, _ interpreter: Interpreter) throws -> SetObject {
        if case .native(let set as SetObject) = value { return intersection(set) }
        let result = SetObject(frozen: frozen)
        try interpreter.forEach(value) { element in
            let key = try HashKey(element)
            let hash = try PythonHash.hash(element)
            if table.contains(key, hash) { result.table.add(element, key, hash) }
            return result.count < count
        }
        return result
    }

    /// `difference_update` with any iterable.
    func remove(from value: Value, _ interpreter: Interpreter) throws {
        if case .native(let set as SetObject) = value {
            removeAll(of: set)
            return
        }
        try interpreter.forEach(value) { element in
            table.discard(try HashKey(element), try PythonHash.hash(element))
            return true
        }
        table.compactAfterRemovals()
    }

    /// The argument as a set, for methods that take any iterable.
    func asSet(_ value: Value, _ interpreter: Interpreter) throws -> SetObject {
        if case .native(let set as SetObject) = value { return set }
        return try SetObject.make(value, frozen: false, interpreter)
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard attributeNames.contains(name) else { return nil }
        func one() throws -> Value { try Signature(name, ["other"]).bind(arguments).value("other") }
        switch name {
        case "add":
            try add(try Signature(name, ["elem"]).bind(arguments).value("elem"))
        case "remove", "discard":
            let element = try Signature(name, ["elem"]).bind(arguments).value("elem")
            let removed = table.discard(try HashKey(element), try PythonHash.hash(element))
            if !removed && name == "remove" { throw RuntimeError.keyError(element) }
        case "pop":
            _ = try Signature(name).bind(arguments)
            guard let element = table.pop() else { throw RuntimeError.keyError(.str("pop from an empty set")) }
            return element
        case "clear":
            _ = try Signature(name).bind(arguments)
            table.removeAll()
        case "copy":
            _ = try Signature(name).bind(arguments)
            return .native(frozen ? self : copy())
        case "update":
            for value in try Signature(name, variadic: true).bind(arguments).rest { try update(from: value, interpreter) }
        case "union":
            let result = copy()
            for value in try Signature(name, variadic: true).bind(arguments).rest {
                if case .native(let other as SetObject) = value, other === self { continue }
                try result.update(from: value, interpreter)
            }
            return .native(result)
        case "intersection", "intersection_update":
            var result = self
            for value in try Signature(name, variadic: true).bind(arguments).rest {
                result = try result.intersection(with: value, interpreter)
            }
            if name == "intersection" { return .native(result === self ? copy() : result) }
            table = result.table
        case "difference", "difference_update":
            let all = try Signature(name, variadic: true).bind(arguments).rest
            if name == "difference_update" {
                for value in all { try remove(from: value, interpreter) }
                return Value.none
            }
            guard let first = all.first else { return .native(copy()) }
            let result: SetObject
            if case .native(let other as SetObject) = first {
                result = difference(other)
            } else if case .dict = first {
                result = difference(try asSet(first, interpreter))
            } else {
                result = copy()
                try result.remove(from: first, interpreter)
            }
            for value in all.dropFirst() { try result.remove(from: value, interpreter) }
            return .native(result)
        case "symmetric_difference":
            let other = try one()
            guard case .native(let set as SetObject) = other else {
                let result = try SetObject.make(other, frozen: frozen, interpreter)
                result.toggleAll(of: self)
                return .native(result)
            }
            return .native(symmetricDifference(set))
        case "symmetric_difference_update":
            toggleAll(of: try asSet(try one(), interpreter))
        case "issubset":
            return .bool(isSubset(of: try asSet(try one(), interpreter)))
        case "issuperset":
            return .bool(try asSet(try one(), interpreter).isSubset(of: self))
        case "isdisjoint":
            return .bool(intersection(try asSet(try one(), interpreter)).count == 0)
        default:
            return nil
        }
        return Value.none
    }
}

extension SetObject: InPlaceOperand {
    /// `|= &= -= ^=` change the set itself (other names bound to it see the change).
    func inPlace(_ op: BinaryOperator, _ other: Value) throws -> Value? {
        guard !frozen, case .native(let set as SetObject) = other else { return nil }
        switch op {
        case .bitOr: table.merge(set.table)
        case .bitAnd: table = intersection(set).table
        case .subtract: removeAll(of: set)
        case .bitXor: toggleAll(of: set)
        default: return nil
        }
        return .native(self)
    }
}
