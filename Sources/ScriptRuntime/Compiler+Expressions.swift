import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles an expression into a closure that evaluates it.
    func expression(_ e: Expr) -> Eval {
        let range = e.range
        switch e.kind {
        case .name(let name): return load(name, range)
        case .int(let i):
            let value = Value.int(i)
            return { _ in value }
        case .float(let d):
            let value = Value.float(d)
            return { _ in value }
        case .string(let s):
            let value = Value.str(s)
            return { _ in value }
        case .bool(let b):
            let value = Value.bool(b)
            return { _ in value }
        case .none, .error: return { _ in .none }
        case .ellipsis:
            let value = Value.native(EllipsisObject.shared)
            return { _ in value }
        case .fstring(let segments): return fstring(segments, range)
        case .list(let items):
            let build = sequenceBuilder(items)
            return { frame in .list(ListObject(try build(frame))) }
        case .tuple(let items):
            let build = sequenceBuilder(items)
            return { frame in .tuple(try build(frame)) }
        case .dict(let entries):
            let keys = entries.map { EvalBox(expression($0.key)) }
            let values = entries.map { EvalBox(expression($0.value)) }
            return located(range) { frame in
                let dict = DictObject()
                for (key, value) in zip(keys, values) {
                    let k = try key.eval(frame)
                    dict.set(k, try HashKey(k), try value.eval(frame))
                }
                return .dict(dict)
            }
        case .unary(let op, let operand):
            let inner = expression(operand)
            if op == .not {
                let test = condition(operand)
                return { frame in .bool(!(try test(frame))) }
            }
            return located(range) { frame in try Arithmetic.unary(op, try inner(frame)) }
        case .binary(let op, let left, let right): return binary(op, left, right, range)
        case .compare(let first, let rest): return comparison(first, rest, range)
        case .and(let left, let right):
            let a = expression(left)
            let b = expression(right)
            return { frame in
                let value = try a(frame)
                return try value.truthy() ? try b(frame) : value
            }
        case .or(let left, let right):
            let a = expression(left)
            let b = expression(right)
            return { frame in
                let value = try a(frame)
                return try value.truthy() ? value : try b(frame)
            }
        case .call(let callee, let arguments): return call(callee, arguments, range)
        case .attribute(let object, let name, let nameRange):
            let target = expression(object)
            let read = located(nameRange) { [interpreter] frame in
                let value = try target(frame)
                // An instance's own attribute (`self.x`) is read in place.
                if case .native(let object) = value, let found = object.ownAttribute(name) { return found }
                return try interpreter.attribute(value, name)
            }
            // `self.x` in a method: the receiver is not even copied out of its slot.
            guard let slot = localSlot(object) else { return read }
            return { frame in
                if let found = frame.peekObject(inSlot: slot, { $0.ownAttribute(name) }) { return found }
                return try read(frame)
            }
        case .subscript(let object, let index):
            let target = expression(object)
            let key = expression(index)
            return located(range) { [interpreter] frame in
                let value = try target(frame)
                return try interpreter.item(value, try key(frame))
            }
        case .slice(let a, let b, let c):
            let parts: [Eval] = [a, b, c].map { part -> Eval in
                if let part { return expression(part) }
                return { _ in .none }
            }
            return { frame in
                .native(SliceObject(start: try parts[0](frame), stop: try parts[1](frame), step: try parts[2](frame)))
            }
        case .lambda(let parameters, let body):
            return function(name: "<lambda>", parameters, [Stmt(.return(body), body.range)], range)
        case .conditional(let test, let then, let otherwise):
            let c = condition(test)
            let a = expression(then)
            let b = expression(otherwise)
            return { frame in try c(frame) ? try a(frame) : try b(frame) }
        case .listComprehension(let element, let clauses):
            return comprehension(element, clauses, range)
        case .dictComprehension(let key, let value, let clauses):
            return dictComprehension(key, value, clauses, range)
        case .starred:
            issue("a starred expression is only allowed in a list, a tuple, a call or an assignment target", range)
            return { _ in .none }
        }
    }

    /// Compiles the items of a list or tuple display, expanding `*iterable` items.
    func sequenceBuilder(_ items: [Expr]) -> (Frame) throws -> [Value] {
        let parts: [(EvalBox, Bool, SourceRange)] = items.map { item in
            if case .starred(let inner) = item.kind { return (EvalBox(expression(inner)), true, item.range) }
            return (EvalBox(expression(item)), false, item.range)
        }
        let block = self.block
        let interpreter = self.interpreter
        return { frame in
            var values: [Value] = []
            values.reserveCapacity(parts.count)
            for (box, star, range) in parts {
                let value = try box.eval(frame)
                if star {
                    do {
                        try interpreter.forEach(value) { values.append($0); return true }
                    } catch var error as RuntimeError {
                        error.locate(range, in: block)
                        throw error
                    }
                } else {
                    values.append(value)
                }
            }
            return values
        }
    }

    /// Compiles an expression used for its truth value, avoiding a boxed bool for comparisons.
    func condition(_ e: Expr) -> (Frame) throws -> Bool {
        switch e.kind {
        case .compare(let first, let rest) where rest.count == 1:
            let op = rest[0].0
            if op.isOrdering {
                let c = test(e)
                return { frame in try c.test(frame) }
            }
            // `in`, `not in`, `is`, `is not`.
            let left = expression(first)
            let right = expression(rest[0].1)
            let site = ErrorSite(e.range, block)
            return { frame in
                let a = try left(frame)
                let b = try right(frame)
                do { return try Comparison.compare(op, a, b).truthy() } catch { throw site.locate(error) }
            }
        case .unary(.not, let operand):
            let inner = condition(operand)
            return { frame in !(try inner(frame)) }
        case .and(let a, let b):
            let x = condition(a)
            let y = condition(b)
            return { frame in try x(frame) && y(frame) }
        case .or(let a, let b):
            let x = condition(a)
            let y = condition(b)
            return { frame in try x(frame) || y(frame) }
        default:
            let value = expression(e)
            let block = self.block
            let range = e.range
            return { frame in
                let v = try value(frame)
                if case .bool(let b) = v { return b }
                do {
                    return try v.truthy()
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
    }

    func fstring(_ segments: [FStringSegment], _ range: SourceRange) -> Eval {
        let pieces = fstringPieces(segments)
        let block = self.block
        return { frame in .str(try FStringPiece.render(pieces, frame, block)) }
    }

    /// Compiles f-string segments; a spec without fields is parsed once, here.
    func fstringPieces(_ segments: [FStringSegment]) -> [FStringPiece] {
        segments.map { segment in
            switch segment {
            case .literal(let text): return .text(text)
            case .field(let e, let conversion, let spec):
                let value = EvalBox(expression(e))
                var text = ""
                for piece in spec {
                    guard case .literal(let literal) = piece else {
                        return .computedSpecField(value, conversion, fstringPieces(spec), e.range)
                    }
                    text += literal
                }
                var parsed: FormatSpec?
                if !text.isEmpty {
                    do { parsed = try FormatSpec(text) } catch let error as RuntimeError {
                        issue(error.message, e.range, id: "bad-format")
                    } catch {}
                }
                return .field(value, conversion, parsed, text, e.range)
            }
        }
    }

    static func format(_ value: Value, _ conversion: Character?, _ spec: FormatSpec?, _ specText: String) throws -> String {
        if conversion == "r" { return try spec.map { try $0.format(.str(value.repr())) } ?? value.repr() }
        if conversion == "s" { return try spec.map { try $0.format(.str(value.str())) } ?? value.str() }
        guard let spec else { return value.str() }
        if case .native(let object) = value {
            if let text = try object.format(specText) { return text }
            throw RuntimeError.type("unsupported format string '\(specText)' for \(object.typeName)")
        }
        return try spec.format(value)
    }
}

/// A compiled piece of an f-string.
enum FStringPiece {
    /// Literal text.
    case text(String)
    /// A field whose spec is known before the code runs.
    case field(EvalBox, Character?, FormatSpec?, String, SourceRange)
    /// A field whose spec has fields of its own (`{x:>{width}}`), worked out each time
    /// after the value, as Python does.
    case computedSpecField(EvalBox, Character?, [FStringPiece], SourceRange)

    /// The text the pieces make in `frame`.
    static func render(_ pieces: [FStringPiece], _ frame: Frame, _ block: BlockInfo) throws -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .field(let box, let conversion, let spec, let specText, let range):
                let value = try box.eval(frame)
                do {
                    out += try Compiler.format(value, conversion, spec, specText)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            case .computedSpecField(let box, let conversion, let specPieces, let range):
                let value = try box.eval(frame)
                let specText = try render(specPieces, frame, block)
                do {
                    let spec = specText.isEmpty ? nil : try FormatSpec(specText)
                    out += try Compiler.format(value, conversion, spec, specText)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
        return out
    }
}
