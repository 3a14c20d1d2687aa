import Diagnostics
import ScriptSyntax

/// What a comprehension's loop does with an item that passed its filters: append the
/// element (the innermost loop, inline), append a dict comprehension's key and value, or
/// run the next clause's loop.
enum ComprehensionStep {
    case append(Operand)
    /// A key (already checked to be hashable) then its value, appended one after the other.
    case pair(Operand, Operand)
    case loop((Frame, inout [Value]) throws -> Void)

    @inline(__always) func run(_ frame: Frame, _ items: inout [Value]) throws {
        switch self {
        case .append(let element): items.append(try element.value(frame))
        case .pair(let key, let value):
            items.append(try key.value(frame))
            items.append(try value.value(frame))
        case .loop(let next): try next(frame, &items)
        }
    }
}

extension Compiler {
    /// Compiles `[element for target in iterable if condition …]`. The items are gathered in
    /// a Swift array that becomes the list at the end. A loop over a `range` into a local
    /// variable counts ints directly (as `for` does), and the filters and the element are
    /// operands and tests run inline (see `Operand`).
    func comprehension(_ element: Expr, _ clauses: [ComprehensionClause], _ range: SourceRange) -> Eval {
        let run = comprehensionLoops(clauses) { .append(operand(element)) }
        return { frame in
            var items: [Value] = []
            try run?(frame, &items)
            return .list(ListObject(items))
        }
    }

    /// Compiles `{key: value for target in iterable if condition …}`, with the scoping of a
    /// list comprehension. Keys are evaluated before values and checked to be hashable as
    /// they come (as in Python 3.8+); a later equal key replaces the value in place.
    func dictComprehension(_ key: Expr, _ value: Expr, _ clauses: [ComprehensionClause], _ range: SourceRange) -> Eval {
        let run = comprehensionLoops(clauses) {
            let keyValue = expression(key)
            let checkedKey = Operand.computed(located(key.range) { frame in
                let k = try keyValue(frame)
                _ = try HashKey(k)
                return k
            })
            return .pair(checkedKey, operand(value))
        }
        return { frame in
            var items: [Value] = []
            try run?(frame, &items)
            let dict = DictObject()
            var i = 0
            while i + 1 < items.count {
                dict.set(items[i], try HashKey(items[i]), items[i + 1])
                i += 2
            }
            return .dict(dict)
        }
    }

    /// The nested loops of a comprehension's clauses, the innermost running `innermost`
    /// (compiled inside the comprehension's scope); nil when there are no clauses.
    func comprehensionLoops(_ clauses: [ComprehensionClause],
                            innermost: () -> ComprehensionStep) -> ((Frame, inout [Value]) throws -> Void)? {
        guard let first = clauses.first else { return nil }
        let firstIterable = expression(first.iterable)
        // The targets get slots of their own, as Python 3 gives a comprehension its own
        // scope: a function's `i` is not clobbered by `[i for i in …]`. In a function, a
        // target that a nested function captures keeps the function's cell.
        var layer: [String: Resolution] = [:]
        for clause in clauses {
            var names = NameAnalysis()
            names.bind(clause.target)
            for name in names.assigned.sorted() {
                if scope.isModule {
                    layer[name] = scope.captured.contains(name) ? .cell(scope.newCell()) : .local(scope.newSlot())
                } else if scope.cells[name] == nil {
                    layer[name] = .local(scope.newSlot())
                }
            }
        }
        scope.overrides.append(layer)
        defer { scope.overrides.removeLast() }
        var next = innermost()
        for (index, clause) in clauses.enumerated().reversed() {
            let iterable = index == 0 ? firstIterable : expression(clause.iterable)
            next = .loop(comprehensionLoop(clause, iterable, then: next))
        }
        guard case .loop(let run) = next else { return nil }
        return run
    }

    /// One `for target in iterable if …` clause: runs `next` for each item that passes.
    func comprehensionLoop(_ clause: ComprehensionClause, _ iterable: @escaping Eval,
                           then next: ComprehensionStep) -> (Frame, inout [Value]) throws -> Void {
        let interpreter = self.interpreter
        let counters = self.counters
        let site = ErrorSite(clause.iterable.range, block)
        let assign = assigner(clause.target)
        let slot = localSlot(clause.target)
        let filter: Condition
        switch clause.conditions.count {
        case 0: filter = .computed { _ in true }
        case 1: filter = test(clause.conditions[0])
        default:
            // Several filters are folded into one closure: calling closures out of an array
            // would go through reabstraction thunks.
            var all: (Frame) throws -> Bool = { _ in true }
            for (index, expression) in clause.conditions.enumerated() {
                let current = condition(expression)
                let previous = all
                all = index == 0 ? current : { frame in try previous(frame) && current(frame) }
            }
            filter = .computed(all)
        }
        let unfiltered = clause.conditions.isEmpty
        return { frame, items in
            let source = try iterable(frame)
            do {
                if let slot, case .native(let object) = source, let numbers = object as? RangeObject {
                    var i = numbers.start
                    let (stop, step) = (numbers.stop, numbers.step)
                    while step > 0 ? i < stop : i > stop {
                        counters[0] &+= 1
                        if counters[0] >= counters[1] { try interpreter.meter.check() }
                        frame.store(slot, .int(i))
                        if try unfiltered || filter.test(frame) { try next.run(frame, &items) }
                        let (after, overflow) = i.addingReportingOverflow(step)
                        if overflow { break }
                        i = after
                    }
                    return
                }
                try interpreter.forEach(source) { value in
                    try assign(frame, value)
                    if try unfiltered || filter.test(frame) { try next.run(frame, &items) }
                    return true
                }
            } catch {
                throw site.locate(error)
            }
        }
    }
}
