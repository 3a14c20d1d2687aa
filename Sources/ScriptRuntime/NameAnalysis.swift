import ScriptSyntax

/// Which names a function (or a block's top level) binds, uses, and leaves to nested
/// functions, as Python decides scopes: a name assigned anywhere in a function is local
/// to it, unless declared `global` or `nonlocal`.
struct NameAnalysis {
    /// Names bound here: parameters, assignment and loop targets, `def` names, comprehension
    /// variables.
    var assigned = Set<String>()
    /// Names read or written here (not inside nested functions).
    var used = Set<String>()
    /// Names that nested functions need from outside themselves.
    var nestedFree = Set<String>()
    var globals = Set<String>()
    var nonlocals = Set<String>()
    /// Comprehension variables (at a block's top level they are the only frame locals).
    var comprehensionTargets = Set<String>()
    /// Names that nested functions declare `global` (and so may bind at the top level).
    var nestedGlobals = Set<String>()

    /// Analyses a function body with its parameters.
    static func function(_ parameters: [String], _ body: [Stmt]) -> NameAnalysis {
        var analysis = NameAnalysis()
        analysis.assigned.formUnion(parameters)
        analysis.used.formUnion(parameters)
        for statement in body { analysis.visit(statement) }
        return analysis
    }

    /// The names that are local to the analysed function.
    var locals: Set<String> { assigned.subtracting(globals).subtracting(nonlocals) }

    /// The names the analysed function takes from enclosing scopes.
    var free: Set<String> { used.union(nestedFree).subtracting(locals) }

    mutating func visit(_ statements: [Stmt]) {
        for statement in statements { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let e): visit(e)
        case .assign(let targets, let value):
            for target in targets { bind(target) }
            visit(value)
        case .augmented(let target, _, let value):
            bind(target)
            visit(target)
            visit(value)
        case .function(let name, let parameters, let body):
            assigned.insert(name)
            used.insert(name)
            for case let value? in parameters.positional.map(\.defaultValue) + parameters.keywordOnly.map(\.defaultValue) {
                visit(value)
            }
            let inner = NameAnalysis.function(parameters.names, body)
            nestedFree.formUnion(inner.free)
            nestedGlobals.formUnion(inner.globals.union(inner.nestedGlobals))
        case .return(let value): if let value { visit(value) }
        case .if(let condition, let then, let otherwise):
            visit(condition)
            visit(then)
            visit(otherwise)
        case .for(let target, let iterable, let body, let otherwise):
            bind(target)
            visit(iterable)
            visit(body)
            visit(otherwise)
        case .while(let condition, let body, let otherwise):
            visit(condition)
            visit(body)
            visit(otherwise)
        case .break, .continue, .pass: break
        case .assert(let condition, let message):
            visit(condition)
            if let message { visit(message) }
        case .with(let context, let name, let body):
            visit(context)
            if let name { bind(name) }
            visit(body)
        case .global(let names): globals.formUnion(names)
        case .nonlocal(let names): nonlocals.formUnion(names)
        case .delete(let targets):
            for target in targets {
                bind(target)
                visit(target)
            }
        case .classDef(let name, let bases, let body, _):
            assigned.insert(name)
            used.insert(name)
            for base in bases { visit(base.value) }
            // Functions in a class body skip its names, so all the body's free names and
            // those of its methods come from outside.
            let inner = NameAnalysis.function([], body)
            nestedFree.formUnion(inner.used.subtracting(inner.locals).union(inner.nestedFree))
            nestedGlobals.formUnion(inner.nestedGlobals)
        case .decorated(let decorators, let definition):
            for decorator in decorators { visit(decorator) }
            visit(definition)
        case .try(let body, let handlers, let otherwise, let final):
            visit(body)
            for handler in handlers {
                if let type = handler.type { visit(type) }
                if let name = handler.name {
                    assigned.insert(name)
                    used.insert(name)
                }
                visit(handler.body)
            }
            visit(otherwise)
            visit(final)
        case .raise(let exception, let cause):
            if let exception { visit(exception) }
            if let cause { visit(cause) }
        case .annotated(let target, _, let value):
            if let value {
                bind(target)
                visit(value)
            } else if case .name = target.kind {
            } else {
                visit(target)
            }
        }
    }

    /// Records the names an assignment target binds (and the names its parts read).
    mutating func bind(_ target: Expr) {
        switch target.kind {
        case .name(let name):
            assigned.insert(name)
            used.insert(name)
        case .tuple(let items), .list(let items):
            for item in items { bind(item) }
        case .starred(let inner): bind(inner)
        default: visit(target)
        }
    }

    /// The expressions of an f-string's fields, those in format specs included.
    mutating func visit(_ segments: [FStringSegment]) {
        for case .field(let e, _, let spec) in segments {
            visit(e)
            visit(spec)
        }
    }

    mutating func visit(_ expression: Expr) {
        switch expression.kind {
        case .name(let name): used.insert(name)
        case .int, .float, .string, .bool, .none, .ellipsis, .error: break
        case .fstring(let segments): visit(segments)
        case .list(let items), .tuple(let items):
            for item in items { visit(item) }
        case .dict(let entries):
            for entry in entries {
                visit(entry.key)
                visit(entry.value)
            }
        case .unary(_, let e), .starred(let e): visit(e)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            visit(a)
            visit(b)
        case .compare(let first, let rest):
            visit(first)
            for (_, e) in rest { visit(e) }
        case .call(let callee, let arguments):
            visit(callee)
            for argument in arguments { visit(argument.value) }
        case .attribute(let e, _, _): visit(e)
        case .subscript(let e, let index):
            visit(e)
            visit(index)
        case .slice(let a, let b, let c):
            for case let e? in [a, b, c] { visit(e) }
        case .lambda(let parameters, let body):
            for case let value? in parameters.positional.map(\.defaultValue) + parameters.keywordOnly.map(\.defaultValue) {
                visit(value)
            }
            let body = [Stmt(.return(body), body.range)]
            nestedFree.formUnion(NameAnalysis.function(parameters.names, body).free)
        case .conditional(let c, let a, let b):
            visit(c)
            visit(a)
            visit(b)
        case .listComprehension(let element, let clauses):
            visit(clauses)
            visit(element)
        case .dictComprehension(let key, let value, let clauses):
            visit(clauses)
            visit(key)
            visit(value)
        }
    }

    /// A comprehension's clauses: targets bound (and noted as comprehension variables),
    /// iterables and filters read.
    mutating func visit(_ clauses: [ComprehensionClause]) {
        for clause in clauses {
            var targets = NameAnalysis()
            targets.bind(clause.target)
            comprehensionTargets.formUnion(targets.assigned)
            bind(clause.target)
            visit(clause.iterable)
            for condition in clause.conditions { visit(condition) }
        }
    }
}
