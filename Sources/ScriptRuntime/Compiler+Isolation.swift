import ScriptSyntax

/// How an isolated block sees the globals it reads (see `ScriptSession.runIsolated`).
struct Isolation {
    /// Whether names it reads are copied when it starts.
    var pinning: Bool
    /// Names read live even so.
    var live: Set<String>
}

extension Compiler {
    /// Makes the names a block binds its own, as a function's locals are, and (when pinning)
    /// gives each other name it reads, except the live ones, a local copy taken when the
    /// block starts. Call before
    /// `compileModule`. Returns the cells to fill from their global slots at the start.
    ///
    /// A grader runs its checks this way: a student's function cannot read what a check
    /// bound (`weights`), and rebinding a global (`global assert_close`) from inside the
    /// student's code does not change what the running check calls.
    func isolate(_ statements: [Stmt], _ isolation: Isolation) -> [(cell: Int, slot: GlobalSlot)] {
        var analysis = NameAnalysis()
        analysis.visit(statements)
        let own = analysis.assigned.subtracting(analysis.globals)
        let pinned = isolation.pinning
            ? analysis.used.union(analysis.nestedFree).subtracting(analysis.globals).subtracting(isolation.live) : []
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
