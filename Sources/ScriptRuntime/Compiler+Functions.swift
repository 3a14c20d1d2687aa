import Diagnostics
import ScriptSyntax

extension Compiler {
    /// Compiles a `def` or `lambda` into a closure that makes the function value at run time
    /// (evaluating defaults and capturing the cells of enclosing frames).
    func function(name: String, _ parameters: Parameters, _ body: [Stmt], _ range: SourceRange) -> Eval {
        let analysis = NameAnalysis.function(parameters.names, body)
        let inner = Scope(parent: scope, isModule: false, name: name)
        inner.globalNames = analysis.globals
        inner.firstParameter = parameters.positional.first?.name ?? parameters.varargs
        let locals = analysis.locals
        var cellNames = locals.intersection(analysis.nestedFree)
        if let varargs = parameters.varargs { cellNames.remove(varargs) }
        if let kwargs = parameters.kwargs { cellNames.remove(kwargs) }
        let ordered = parameters.positional.map(\.name) + parameters.keywordOnly.map(\.name)
        var parameterSlots: [Int] = []
        var cellParameters: [(Int, Int)] = []
        for (i, parameter) in ordered.enumerated() {
            let slot = inner.newSlot()
            parameterSlots.append(slot)
            if cellNames.contains(parameter) {
                let cell = inner.newCell()
                inner.cells[parameter] = cell
                cellParameters.append((i, cell))
            } else {
                inner.slots[parameter] = slot
            }
        }
        let varargsSlot = parameters.varargs.map { name -> Int in
            let slot = inner.newSlot()
            inner.slots[name] = slot
            return slot
        }
        let kwargsSlot = parameters.kwargs.map { name -> Int in
            let slot = inner.newSlot()
            inner.slots[name] = slot
            return slot
        }
        for local in locals.sorted() where inner.slots[local] == nil && inner.cells[local] == nil {
            if cellNames.contains(local) {
                inner.cells[local] = inner.newCell()
            } else {
                inner.slots[local] = inner.newSlot()
            }
        }
        inner.freeBase = inner.cellCount
        let outer = scope
        scope = inner
        let compiledBody = sequence(body)
        scope = outer
        let code = FunctionCode(
            name: name, parameters: parameters, slots: parameterSlots, varargsSlot: varargsSlot,
            kwargsSlot: kwargsSlot, cellParameters: cellParameters, slotCount: inner.slotCount,
            cellCount: inner.cellCount, block: block, range: range,
            freeCount: inner.freeNames.count, body: compiledBody)
        let freeIndices: [Int] = inner.freeNames.map { name in
            if case .cell(let index) = resolve(name) { return index }
            return -1
        }
        if freeIndices.contains(-1) {
            issue("internal: cannot capture a variable of '\(name)'", range, id: "internal")
        }
        let defaultExprs = parameters.positional.map(\.defaultValue) + parameters.keywordOnly.map(\.defaultValue)
        let defaults: [Eval?] = defaultExprs.map { $0.map(expression) }
        let hasDefaults = defaults.contains { $0 != nil }
        return { frame in
            var values: [Value?] = []
            if hasDefaults {
                values.reserveCapacity(defaults.count)
                for eval in defaults { values.append(try eval?(frame)) }
            } else {
                values = [Value?](repeating: nil, count: defaults.count)
            }
            let cells = freeIndices.map { frame.cell(Swift.max($0, 0)) }
            return .function(UserFunction(code: code, defaults: values, freeCells: cells))
        }
    }
}
