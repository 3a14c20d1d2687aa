import ScriptSyntax
import Synchronization

/// A class: made by a `class` statement, or one of the built-in classes a lab subclasses
/// (`object`, `nn.Module`, `Dataset`, the exception classes).
///
/// Single inheritance, as the labs use it: `mro` is the class then its bases' chain. The
/// namespace holds what the class body bound (methods, class attributes), in order.
final class ClassObject: NativeObject {
    /// What built-in behaviour the class's instances have.
    enum Kind: Equatable {
        /// Plain instances.
        case plain
        /// `nn.Module` subclasses: attributes that are parameters or modules register themselves.
        case module
        /// Exceptions: instances carry `args` and can be raised.
        case exception
    }

    let name: String
    /// The module shown in reprs: `__main__` for user classes, e.g. `builtins` for built-ins.
    let moduleName: String
    let base: ClassObject?
    let kind: Kind
    /// Whether this is a built-in class (its namespace cannot be changed).
    let isBuiltin: Bool
    let namespace: AttributeTable
    /// The names annotated in the class body (`x: int = 0`), in order: `@dataclass` fields.
    var fields: [String]
    /// The class then its ancestors, nearest first.
    private(set) var mro: [ClassObject] = []
    /// The class statement's original object: snapshot copies keep it, so that `super()` in
    /// a method (which holds the original) finds its class in a rewound session too.
    private(set) var lineage: ObjectIdentifier!

    init(name: String, moduleName: String = "__main__", base: ClassObject?, kind: Kind? = nil,
         isBuiltin: Bool = false, namespace: [(String, Value)] = [], fields: [String] = []) {
        self.name = name
        self.moduleName = moduleName
        self.base = base
        self.kind = kind ?? base?.kind ?? .plain
        self.isBuiltin = isBuiltin
        self.namespace = AttributeTable()
        self.fields = fields
        for (key, value) in namespace { define(key, value) }
        mro = [self] + (base?.mro ?? [])
        lineage = ObjectIdentifier(self)
    }

    /// Whether `other` is this class or a snapshot copy of the same class.
    func isSame(as other: ClassObject) -> Bool {
        self === other || lineage == other.lineage
    }

    /// Binds a name in the class namespace.
    func define(_ key: String, _ value: Value) {
        namespace.set(key, value)
        ClassEpoch.advance()
    }

    private var cachedEpoch = -1
    private var cachedSetHooks = false

    /// Whether setting an attribute on an instance must look at the class first: some class
    /// in the chain defines `__setattr__` or a property. Otherwise `obj.x = v` stores straight
    /// into the instance.
    var hasSetHooks: Bool {
        // Built-in classes have none, and are shared by the sessions of all grading threads:
        // they keep no cache.
        if isBuiltin { return false }
        let epoch = ClassEpoch.current
        if epoch != cachedEpoch {
            cachedEpoch = epoch
            cachedSetHooks = mro.contains { cls in
                cls.namespace.values.contains { value in
                    if case .native(let object) = value { return object is PropertyObject }
                    return false
                } || (!cls.isBuiltin && cls.namespace["__setattr__"] != nil)
            }
        }
        return cachedSetHooks
    }

    /// Removes a name from the class namespace; false when it is not there.
    func undefine(_ key: String) -> Bool {
        ClassEpoch.advance()
        return namespace.remove(key)
    }

    /// The namespace in definition order.
    var entries: [(String, Value)] { namespace.entries }

    /// Finds `name` on this class or its ancestors.
    @inline(__always)
    func lookup(_ key: String) -> Value? {
        lookupWithOwner(key)?.value
    }

    /// Whether this class is `other` or derives from it.
    func isSubclass(of other: ClassObject) -> Bool {
        mro.contains { $0.isSame(as: other) }
    }

    /// The fully qualified name, as reprs show it: `__main__.Config`, `ValueError`.
    var qualifiedName: String { moduleName == "builtins" ? name : "\(moduleName).\(name)" }

    var typeName: String { "type" }
    func repr() -> String { "<class '\(qualifiedName)'>" }

    var attributeNames: [String] {
        var names = ["__name__", "__qualname__", "__module__", "__mro__", "__bases__", "__dict__", "__doc__"]
        for cls in mro { names += cls.namespace.keys }
        return names
    }

    func attribute(_ key: String, _ interpreter: Interpreter) throws -> Value? {
        switch key {
        case "__name__", "__qualname__": return .str(name)
        case "__module__": return .str(moduleName)
        case "__mro__": return .tuple(mro.map { .native($0) } + [.native(BuiltinClasses.object)])
        case "__bases__": return .tuple([.native(base ?? BuiltinClasses.object)])
        case "__doc__": return lookup("__doc__") ?? Value.none
        case "__dict__":
            let dict = DictObject()
            for (k, v) in entries { dict.set(.str(k), .str(k), v) }
            return .dict(dict)
        default: break
        }
        guard let found = lookup(key) else { return nil }
        return try ClassMember.unwrapOnClass(found, self, interpreter)
    }

    func setAttribute(_ key: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        if isBuiltin {
            throw RuntimeError.type("cannot set '\(key)' attribute of immutable type '\(name)'")
        }
        define(key, value)
        return true
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        try Instantiation.make(self, arguments, interpreter)
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        guard case .native(let object) = other else { return .bool(op == .notEqual) }
        return .bool((object === self) == (op == .equal))
    }
}

extension ClassObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        if isBuiltin { return self }
        var newBase: ClassObject?
        if let base {
            guard case .native(let copiedBase as ClassObject) = try copier.copy(.native(base)) else {
                throw SnapshotError(message: "cannot snapshot the base of class '\(name)'")
            }
            newBase = copiedBase
        }
        let copied = ClassObject(name: name, moduleName: moduleName, base: newBase, kind: kind, fields: fields)
        copied.lineage = lineage
        copier.remember(self, copied)
        for (key, value) in entries { copied.define(key, try copier.copy(value)) }
        return copied
    }
}

/// A count of changes to any class namespace: what caches of class lookups are kept for
/// (a method found on a class stays valid until some class changes). Sessions on other
/// threads change their own classes only, so a relaxed count is enough.
enum ClassEpoch {
    static let counter = Atomic<Int>(0)

    @inline(__always)
    static var current: Int { counter.load(ordering: .relaxed) }

    static func advance() {
        counter.add(1, ordering: .relaxed)
    }
}
