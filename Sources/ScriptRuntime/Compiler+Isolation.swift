import ScriptSyntax

extension Compiler {
    /// Makes the names a block binds its own, as a function's locals are, and gives each
    /// name in `pinning` that it reads a local copy taken when the block starts. Call before
    /// `compileModule`. Returns the cells to fill from their global slots at the start.
    ///
    /// A grader runs its checks this way: a student's function cannot read what a check
    /// bound (`weights`), and rebinding a global (`global assert_close`) from inside the
    /// student's code does not change what the running check calls.
    func isolate(_ statements: [Stmt], pinning: Set<String>) -> [(cell: Int, slot: GlobalSlot)] {
        var analysis = NameAnalysis()
        analysis.visit(statements)
        let own = analysis.assigned.subtracting(analysis.globals)
        let pinned = analysis.used.union(analysis.nestedFree).subtracting(analysis.globals).intersection(pinning)
        var layer: [String: Resolution] = [:]
        var pins: [(cell: Int, slot: GlobalSlot)] = []
        for name in own.union(pinned).sorted() {
            let cell = scope.newCell()
            layer[name] = .cell(cell)
            if pinned.contains(name) { pins.append((cell, interpreter.slot(name))) }
        }
        scope.overrides.append(layer)
        return pins
    }
}
