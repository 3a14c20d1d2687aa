import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles an assignment target into a closure that stores a value into it: a name, an
    /// attribute, a subscript, or a (nested) tuple/list with at most one `*rest`.
    func assigner(_ target: Expr) -> (Frame, Value) throws -> Void {
        let block = self.block
        let interpreter = self.interpreter
        let range = target.range
        switch target.kind {
        case .name(let name):
            let store = self.store(name)
            return { frame, value in store(frame, value) }
        case .attribute(let object, let name, let nameRange):
            let owner = expression(object)
            return { frame, value in
                let receiver = try owner(frame)
                do {
                    if case .native(let object) = receiver, object.replaceOwnAttribute(name, value) { return }
                    try interpreter.setAttribute(receiver, name, value)
                } catch var error as RuntimeError {
                    error.locate(nameRange, in: block)
                    throw error
                }
            }
        case .subscript(let object, let index):
            let owner = expression(object)
            let key = expression(index)
            return { frame, value in
                let container = try owner(frame)
                let k = try key(frame)
                do {
                    try interpreter.setItem(container, k, value)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        case .tuple(let items), .list(let items):
            let starIndex = items.firstIndex { if case .starred = $0.kind { return true } else { return false } }
            if items.filter({ if case .starred = $0.kind { return true } else { return false } }).count > 1 {
                issue("multiple starred expressions in assignment", range)
            }
            let parts = items.map { item -> (Frame, Value) throws -> Void in
                if case .starred(let inner) = item.kind { return assigner(inner) }
                return assigner(item)
            }
            let count = items.count
            return { frame, value in
                var values: [Value] = []
                do {
                    switch value {
                    case .tuple(let t): values = t
                    case .list(let l): values = l.items
                    default: try interpreter.forEach(value) { values.append($0); return true }
                    }
                    if let star = starIndex {
                        guard values.count >= count - 1 else {
                            throw RuntimeError.value("not enough values to unpack (expected at least \(count - 1), got \(values.count))")
                        }
                        let tail = values.count - (count - 1 - star)
                        values = Array(values[..<star]) + [.list(ListObject(Array(values[star..<tail])))] + Array(values[tail...])
                    } else if values.count != count {
                        let problem = values.count < count ? "not enough" : "too many"
                        throw RuntimeError.value("\(problem) values to unpack (expected \(count), got \(values.count))")
                    }
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
                for (part, item) in zip(parts, values) { try part(frame, item) }
            }
        default:
            issue("cannot assign to this expression", range, id: "bad-target")
            return { _, _ in }
        }
    }

    /// Compiles `target op= value`; lists extend in place on `+=` and dicts update in place
    /// on `|=`, as in Python.
    func augmented(_ target: Expr, _ op: BinaryOperator, _ value: Expr, _ range: SourceRange) -> Exec {
        let block = self.block
        let interpreter = self.interpreter
        let right = operand(value)
        func combine(_ old: Value, _ new: Value, inPlace: Bool = true) throws -> Value {
            if op == .add, case .list(let list) = old {
                // The items first: `l += l` extends by a snapshot, as in Python.
                let items = try interpreter.collect(new)
                try SizeLimit.check(list.items.count, plus: items.count, "the list")
                list.items.append(contentsOf: items)
                return old
            }
            if case .dict(let dict) = old, case .dict(let other) = new,
               try CollectionsMethods.updateInPlace(op, dict, other) { return old }
            if op == .bitOr, case .dict(let dict) = old, case .dict(let other) = new {
                try dict.update(from: other)
                return old
            }
            if inPlace, case .native(let object) = old, let operand = object as? InPlaceOperand,
               let result = try operand.inPlace(op, new) { return result }
            return try Arithmetic.binary(op, old, new)
        }
        let meter = self.meter
        let counters = self.counters
        switch target.kind {
        case .name(let name):
            let read = load(name, target.range)
            let write = store(name)
            if op == .add {
                return { frame in
                    counters[0] &+= 1
                    var old = try read(frame)
                    let new = try right.value(frame)
                    if case .int(let a) = old, case .int(let b) = new {
                        let (r, o) = a.addingReportingOverflow(b)
                        if !o && counters[0] < counters[1] {
                            write(frame, .int(r))
                            return .normal
                        }
                    }
                    do {
                        if counters[0] >= counters[1] { try meter.check() }
                        if case .str(let tail) = new, case .str(var text) = old {
                            // Empty the variable and drop `old`, so `text` is the only
                            // reference and `s += piece` in a loop appends in place.
                            try SizeLimit.check(text.utf8.count, plus: tail.utf8.count, "the string")
                            write(frame, .none)
                            old = .none
                            text += tail
                            write(frame, .str(text))
                            return .normal
                        }
                        write(frame, try combine(old, new))
                    } catch var error as RuntimeError {
                        error.locate(range, in: block)
                        throw error
                    }
                    return .normal
                }
            }
            return { frame in
                let old = try read(frame)
                let new = try right.value(frame)
                do {
                    try meter.tick(at: range, in: block)
                    write(frame, try combine(old, new))
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
                return .normal
            }
        case .attribute(let object, let name, _):
            let owner = expression(object)
            let local = localSlot(object)
            return { frame in
                // An instance's own attribute (`self.n += k`) is read and written in place.
                func update(_ old: Value) throws -> Value {
                    let new = try right.value(frame)
                    if op == .add, case .int(let a) = old, case .int(let b) = new {
                        let (sum, overflow) = a.addingReportingOverflow(b)
                        if !overflow { return .int(sum) }
                    }
                    return try combine(old, new)
                }
                if let local {
                    // `self.n += k` in a method: the receiver is looked at in its slot, not
                    // copied, before and after the right side runs (user code).
                    do {
                        try meter.tick(at: range, in: block)
                        if let old = frame.peekObject(inSlot: local, { $0.updatableOwnAttribute(name) }) {
                            let new = try update(old)
                            if frame.peekObject(inSlot: local, { $0.replaceOwnAttribute(name, new) ? true : nil }) == nil {
                                try interpreter.setAttribute(try owner(frame), name, new)
                            }
                            return .normal
                        }
                    } catch var error as RuntimeError {
                        error.locate(range, in: block)
                        throw error
                    }
                }
                let receiver = try owner(frame)
                do {
                    if local == nil { try meter.tick(at: range, in: block) }
                    if case .native(let object) = receiver, try object.updateOwnAttribute(name, update) {
                        return .normal
                    }
                    let old = try interpreter.attribute(receiver, name)
                    let result = try combine(old, try right.value(frame))
                    // Updated in place (`net.fc.weight *= 0` under no_grad): the attribute
                    // already holds the result, and a read-only one must not refuse it.
                    if case .native(let before) = old, case .native(let after) = result, before === after {
                        return .normal
                    }
                    try interpreter.setAttribute(receiver, name, result)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
                return .normal
            }
        case .subscript(let object, let index):
            let owner = expression(object)
            let key = expression(index)
            return { frame in
                let container = try owner(frame)
                let k = try key(frame)
                do {
                    try meter.tick(at: range, in: block)
                    let old = try interpreter.item(container, k)
                    // The result is stored back, so the item read need not change in place
                    // (a tensor's item is a copy here, which refuses in-place writes).
                    try interpreter.setItem(container, k, try combine(old, try right.value(frame), inPlace: false))
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
                return .normal
            }
        default:
            issue("cannot use '\(op.rawValue)=' on this target", range, id: "bad-target")
            return { _ in .normal }
        }
    }
}
