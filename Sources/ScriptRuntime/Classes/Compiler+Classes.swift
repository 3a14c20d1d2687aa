import Diagnostics
import ScriptSyntax

/// The class being defined, filled in once the class statement has made it; the methods
/// of its body read it for `super()`.
final class ClassCell {
    var value: ClassObject?
}

extension Compiler {
    /// Compiles a `class` statement's body into a closure that runs it and makes the class.
    ///
    /// The body runs in a frame of its own, whose names become the class namespace. As in
    /// Python, functions defined in the body do not see the body's names (they read
    /// `self.x` or `ClassName.x`): name lookups from them skip the class scope.
    func classValue(name: String, bases: [Argument], body: [Stmt], fields: [String], _ range: SourceRange) -> Eval {
        let block = self.block
        for base in bases where base.name != nil || base.star || base.doubleStar {
            issue("class keyword arguments and unpacked bases (metaclass=…, *bases) are not supported in rnn code",
                  base.value.range, id: "unsupported")
        }
        let baseEvals = bases.filter { $0.name == nil && !$0.star && !$0.doubleStar }.map { EvalBox(expression($0.value)) }
        let analysis = NameAnalysis.function([], body)
        let inner = Scope(parent: scope, isModule: false, name: name)
        inner.isClass = true
        inner.globalNames = analysis.globals
        let cell = ClassCell()
        inner.classCell = cell
        for local in analysis.locals.sorted() { inner.slots[local] = inner.newSlot() }
        inner.freeBase = 0
        let outer = scope
        scope = inner
        let compiledBody = sequence(body)
        scope = outer
        let names = Self.boundNames(body).filter { inner.slots[$0] != nil }
        let slots = names.map { inner.slots[$0] ?? 0 }
        let freeIndices: [Int] = inner.freeNames.map { name in
            if case .cell(let index) = resolve(name) { return index }
            return -1
        }
        if freeIndices.contains(-1) { issue("internal: cannot capture a variable of class '\(name)'", range, id: "internal") }
        var doc: String?
        if case .expression(let first)? = body.first?.kind, case .string(let text) = first.kind { doc = text }
        let slotCount = inner.slotCount
        return { frame in
            var baseClass: ClassObject?
            let given = try baseEvals.map { try $0.eval(frame) }
            if given.count > 1 {
                throw RuntimeError.type("class '\(name)' has \(given.count) base classes; rnn code supports single inheritance only (one base class)")
                    .located(range, in: block)
            }
            if let first = given.first {
                guard case .native(let object) = first, let base = object as? ClassObject else {
                    throw RuntimeError.type("a class can only derive from a class, not from \(first.typeName) '\(first.repr())'")
                        .located(range, in: block)
                }
                baseClass = base.isBuiltin && base.name == "object" ? nil : base
            }
            let cells = freeIndices.map { frame.cell(Swift.max($0, 0)) }
            let bodyFrame = Frame.make(slots: slotCount, cells: cells)
            _ = try compiledBody(bodyFrame)
            var namespace: [(String, Value)] = []
            if let doc { namespace.append(("__doc__", .str(doc))) }
            for (key, slot) in zip(names, slots) {
                if let value = bodyFrame.load(slot) { namespace.append((key, value)) }
            }
            let cls = ClassObject(name: name, base: baseClass, namespace: namespace, fields: fields)
            cell.value = cls
            return .native(cls)
        }
    }

    /// The names a class body binds, in the order they are first bound.
    static func boundNames(_ body: [Stmt]) -> [String] {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        func targets(_ target: Expr) {
            switch target.kind {
            case .name(let name): add(name)
            case .tuple(let items), .list(let items): items.forEach(targets)
            case .starred(let inner): targets(inner)
            default: break
            }
        }
        func visit(_ statements: [Stmt]) {
            for statement in statements {
                switch statement.kind {
                case .assign(let assigned, _): assigned.forEach(targets)
                case .augmented(let target, _, _): targets(target)
                case .annotated(let target, _, let value): if value != nil { targets(target) }
                case .function(let name, _, _), .classDef(let name, _, _, _): add(name)
                case .decorated(_, let inner): visit([inner])
                case .if(_, let then, let otherwise): visit(then); visit(otherwise)
                case .for(let target, _, let body, let otherwise): targets(target); visit(body); visit(otherwise)
                case .while(_, let body, let otherwise): visit(body); visit(otherwise)
                case .with(_, let name, let body): if let name { targets(name) }; visit(body)
                case .try(let body, let handlers, let otherwise, let final):
                    visit(body)
                    for handler in handlers {
                        if let name = handler.name { add(name) }
                        visit(handler.body)
                    }
                    visit(otherwise)
                    visit(final)
                default: break
                }
            }
        }
        visit(body)
        return names
    }

    /// Compiles `@decorators` over a `def` or `class`: the decorators are evaluated first,
    /// then the definition, then applied innermost first, and the result is bound.
    func decorated(_ decorators: [Expr], _ definition: Stmt, _ range: SourceRange) -> Exec {
        let decoratorEvals = decorators.map { EvalBox(expression($0)) }
        let make: Eval
        let name: String
        switch definition.kind {
        case .function(let functionName, let parameters, let body):
            name = functionName
            make = function(name: functionName, parameters, body, definition.range)
        case .classDef(let className, let bases, let body, let fields):
            name = className
            make = classValue(name: className, bases: bases, body: body, fields: fields, definition.range)
        default:
            issue("a decorator must be followed by 'def' or 'class'", range)
            return { _ in .normal }
        }
        let store = self.store(name)
        let interpreter = self.interpreter
        let block = self.block
        let meter = self.meter
        return { frame in
            try meter.tick(at: range, in: block)
            let applied = try decoratorEvals.map { try $0.eval(frame) }
            var value = try make(frame)
            for (decorator, expr) in zip(applied, decorators).reversed() {
                do {
                    value = try interpreter.call(decorator, Arguments([value]))
                } catch var error as RuntimeError {
                    error.locate(expr.range, in: block)
                    throw error
                }
            }
            store(frame, value)
            return .normal
        }
    }

    /// `super()` inside a method: the class being defined and the method's first argument.
    func zeroArgumentSuper(_ range: SourceRange) -> Eval {
        let block = self.block
        guard !scope.isModule, !scope.isClass, let classScope = scope.parent, classScope.isClass,
              let cell = classScope.classCell, let first = scope.firstParameter else {
            return { _ in
                throw RuntimeError("super() without arguments works only directly inside a method that takes 'self'; "
                    + "write super(ClassName, self) elsewhere", id: "runtime-error").located(range, in: block)
            }
        }
        let receiver = load(first, range)
        return { frame in
            guard let cls = cell.value else {
                throw RuntimeError("super(): the class is not defined yet", id: "runtime-error").located(range, in: block)
            }
            return .native(SuperObject(cls: cls, receiver: try receiver(frame)))
        }
    }
}
