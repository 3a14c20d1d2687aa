import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles the arguments of a call into a closure that builds `Arguments`.
    func argumentBuilder(_ arguments: [Argument]) -> (Frame) throws -> Arguments {
        let positional = arguments.filter { $0.name == nil && !$0.doubleStar }
        let build = sequenceBuilder(positional.map { $0.star ? Expr(.starred($0.value), $0.value.range) : $0.value })
        // Keyword sources in order: a name with its value, or (nil) a `**mapping` to unpack.
        let keywords = arguments.compactMap { argument -> (String?, EvalBox)? in
            if argument.doubleStar { return (nil, EvalBox(expression(argument.value))) }
            return argument.name.map { ($0, EvalBox(expression(argument.value))) }
        }
        if keywords.isEmpty {
            return { frame in Arguments(try build(frame)) }
        }
        return { frame in
            let values = try build(frame)
            var named: [(name: String, value: Value)] = []
            named.reserveCapacity(keywords.count)
            for (name, box) in keywords {
                let value = try box.eval(frame)
                if let name {
                    named.append((name, value))
                    continue
                }
                guard case .dict(let mapping) = value else {
                    throw RuntimeError.type("argument after ** must be a mapping, not \(value.typeName)")
                }
                for (key, item) in zip(mapping.keys, mapping.values) {
                    guard case .str(let keyword) = key else { throw RuntimeError.type("keywords must be strings") }
                    if named.contains(where: { $0.name == keyword }) {
                        throw RuntimeError.type("got multiple values for keyword argument '\(keyword)'")
                    }
                    named.append((keyword, item))
                }
            }
            return Arguments(values, keywords: named)
        }
    }

    /// Compiles a call; `obj.name(…)` becomes a method call without a bound-method object,
    /// and a call with plain positional arguments becomes a direct call (see `directCall`).
    func call(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange) -> Eval {
        let block = self.block
        let interpreter = self.interpreter
        if case .name("super") = callee.kind, arguments.isEmpty, resolve("super").isGlobal {
            return zeroArgumentSuper(range)
        }
        if case .attribute(let object, let name, _) = callee.kind,
           arguments.allSatisfy({ $0.name == nil && !$0.star && !$0.doubleStar }) {
            let target = expression(object)
            let site = MethodCallSite(name: name, arguments: arguments.map { operand($0.value) },
                                      interpreter: interpreter, site: ErrorSite(range, block))
            return { frame in try site.call(try target(frame), frame) }
        }
        if case .attribute(let object, let name, _) = callee.kind {
            let build = argumentBuilder(arguments)
            let target = expression(object)
            return { frame in
                let receiver = try target(frame)
                let args = try build(frame)
                do {
                    return try interpreter.callMethod(receiver, name, args)
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
        guard arguments.allSatisfy({ $0.name == nil && !$0.star && !$0.doubleStar }) else {
            let build = argumentBuilder(arguments)
            let function = expression(callee)
            return { frame in
                let value = try function(frame)
                do {
                    return try interpreter.call(value, try build(frame))
                } catch var error as RuntimeError {
                    error.locate(range, in: block)
                    throw error
                }
            }
        }
        let values = arguments.map(\.value)
        let none = NoArguments()
        switch values.count {
        case 0: return directCall(callee, none, range)
        case 1: return directCall(callee, one(more: none, values[0]), range)
        case 2: return directCall(callee, one(more: one(more: none, values[0]), values[1]), range)
        case 3: return directCall(callee, one(more: one(more: one(more: none, values[0]), values[1]), values[2]), range)
        default:
            // Boxed: an array would store the closures at maximal abstraction, and each call
            // would then go through reabstraction thunks.
            return directCall(callee, ManyArguments(evals: values.map { EvalBox(expression($0)) }), range)
        }
    }

    /// The arguments `head` and the compiled `argument`.
    func one<Head>(more head: Head, _ argument: Expr) -> OneMoreArgument<Head> {
        OneMoreArgument(head: head, last: operand(argument))
    }

    /// Compiles a call with plain positional arguments. Generic over the arguments' type, so
    /// each arity gets its own specialized closure that evaluates the arguments straight
    /// into the callee's frame (see `DirectCall`).
    func directCall<A: PositionalArguments>(_ callee: Expr, _ arguments: A, _ range: SourceRange) -> Eval {
        var slot: GlobalSlot?
        if case .name(let name) = callee.kind, case .global(let global) = resolve(name) { slot = global }
        let call = DirectCall(slot: slot, callee: expression(callee), arguments, interpreter, ErrorSite(range, block))
        if slot != nil {
            return { frame in try call.callGlobal(frame) }
        }
        return { frame in try call.call(frame) }
    }
}
