import ScriptSyntax

/// An instance of a class made by a `class` statement.
///
/// Attributes live in the instance's own dict, then are looked up on its class and the
/// class's ancestors, where functions become bound methods, `@property` getters run and
/// `@staticmethod`/`@classmethod` unwrap, as in Python. Python's special methods
/// (`__repr__`, `__len__`, `__getitem__`, `__call__`, `__add__`, `__eq__`, …) give the
/// instance the matching behaviour.
class InstanceObject: NativeObject {
    let cls: ClassObject
    /// The instance's own attributes (`self.x = …`), in the order they were first set.
    let attributes = AttributeTable()
    /// The session, to run special methods from hooks that are not given it.
    weak var interpreter: Interpreter?
    /// A number unique in the session, shown in the default repr in place of an address so
    /// that every run prints the same bytes.
    let serial: Int

    init(cls: ClassObject, interpreter: Interpreter?) {
        self.cls = cls
        self.interpreter = interpreter
        serial = interpreter.map { $0.state(InstanceCounter.self) { InstanceCounter() }.next() } ?? 0
    }

    /// A copy for a session snapshot: an empty instance of the copied class, remembered
    /// before its attributes are copied (they may refer back to it).
    init(copying original: InstanceObject, _ copier: SnapshotCopier) throws {
        guard case .native(let copiedClass as ClassObject) = try copier.copy(.native(original.cls)) else {
            throw SnapshotError(message: "cannot snapshot the class of a '\(original.typeName)' object")
        }
        cls = copiedClass
        interpreter = original.interpreter
        serial = original.serial
    }

    /// Copies the attributes of `original` into this copy (see `init(copying:)`).
    func copyAttributes(of original: InstanceObject, _ copier: SnapshotCopier) throws {
        for (key, value) in original.ownEntries { setOwn(key, try copier.copy(value)) }
    }

    /// What a built-in base class provides natively for `super().name` (nothing for plain
    /// classes; `nn.Module`'s methods for modules).
    func builtinBaseAttribute(_ key: String, _ interpreter: Interpreter) throws -> Value? { nil }

    /// A deep copy for a session snapshot (subclasses copy what they add).
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        let copied = try InstanceObject(copying: self, copier)
        copier.remember(self, copied)
        try copied.copyAttributes(of: self, copier)
        return copied
    }

    var typeName: String { cls.name }
    var instance: InstanceObject? { self }
    func ownAttribute(_ name: String) -> Value? { attributes[name] }
    func method(for site: MethodCallSite) -> Unmanaged<UserFunction>? { site.method(of: cls, attributes) }

    // MARK: Own attributes

    /// The instance's own attribute, if set.
    @inline(__always)
    func own(_ name: String) -> Value? { attributes[name] }

    /// Replaces the value of the own attribute `name` when the instance has one and the
    /// class does nothing special on assignment; false otherwise (then `setAttribute`).
    func replaceOwnAttribute(_ name: String, _ value: Value) -> Bool {
        guard let position = attributes.position(name), !cls.hasSetHooks else { return false }
        if cls.kind == .module, case .native = value { return false }
        attributes.replace(at: position, value)
        return true
    }

    func updatableOwnAttribute(_ name: String) -> Value? {
        guard cls.kind != .module, let position = attributes.position(name), !cls.hasSetHooks else { return nil }
        return attributes.value(at: position)
    }

    func updateOwnAttribute(_ name: String, _ update: (Value) throws -> Value) throws -> Bool {
        guard cls.kind != .module, let position = attributes.position(name), !cls.hasSetHooks else { return false }
        let value = try update(attributes.value(at: position))
        // The update ran code, which may have added or removed attributes (moving this one).
        if let now = attributes.position(name), !cls.hasSetHooks {
            attributes.replace(at: now, value)
        } else if let interpreter {
            _ = try setAttribute(name, value, interpreter)
        }
        return true
    }

    /// Sets an own attribute.
    func setOwn(_ name: String, _ value: Value) {
        attributes.set(name, value)
    }

    /// Removes an own attribute; false when it is not set.
    func removeOwn(_ name: String) -> Bool {
        attributes.remove(name)
    }

    /// The own attributes in order.
    var ownEntries: [(String, Value)] { attributes.entries }

    // MARK: Attributes

    var attributeNames: [String] { attributes.keys + cls.attributeNames }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if let value = attributes[name] { return value }
        if let found = cls.lookupWithOwner(name) {
            return try ClassMember.bind(found.value, owner: found.owner, to: self, interpreter)
        }
        switch name {
        case "__class__": return .native(cls)
        case "__dict__": return .native(InstanceDictObject(self))
        default: break
        }
        return try fallbackAttribute(name, interpreter)
    }

    /// An attribute not found on the instance or its class: `__getattr__`, or what a
    /// subclass adds (an `nn.Module`'s parameters and submodules).
    func fallbackAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        if let getter = cls.lookupWithOwner("__getattr__") {
            let bound = try ClassMember.bind(getter.value, owner: getter.owner, to: self, interpreter)
            return try interpreter.call(bound, Arguments([.str(name)]))
        }
        return nil
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        guard cls.hasSetHooks else {
            try storeAttribute(name, value, interpreter)
            return true
        }
        if let found = cls.lookup(name), case .native(let property as PropertyObject) = found {
            try property.set(self, value, interpreter)
            return true
        }
        if let setter = cls.lookupWithOwner("__setattr__"), !setter.owner.isBuiltin {
            let bound = try ClassMember.bind(setter.value, owner: setter.owner, to: self, interpreter)
            _ = try interpreter.call(bound, Arguments([.str(name), value]))
            return true
        }
        try storeAttribute(name, value, interpreter)
        return true
    }

    /// Stores an attribute the plain way (`object.__setattr__`); an `nn.Module` registers
    /// parameters and submodules here.
    func storeAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        setOwn(name, value)
    }

    /// `del self.name`.
    func deleteAttribute(_ name: String) throws {
        if !removeOwn(name) {
            throw RuntimeError("'\(typeName)' object has no attribute '\(name)'", id: "attribute-error")
        }
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if let value = attributes[name] { return try interpreter.call(value, arguments) }
        if let found = cls.lookupWithOwner(name) {
            if case .function(let function) = found.value {
                return try interpreter.callMethod(function, receiver: .native(self), arguments)
            }
            return try interpreter.call(try ClassMember.bind(found.value, owner: found.owner, to: self, interpreter), arguments)
        }
        return try fallbackMethod(name, arguments, interpreter)
    }

    /// A method not found on the instance or its class (an `nn.Module`'s shared methods).
    func fallbackMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if let value = try fallbackAttribute(name, interpreter) { return try interpreter.call(value, arguments) }
        return nil
    }

    // MARK: Special methods

    /// Calls the special method `name` defined by the class (not the instance), or returns
    /// nil when the class does not define it.
    func special(_ name: String, _ arguments: [Value]) throws -> Value? {
        guard let interpreter, let found = cls.lookupWithOwner(name), !found.owner.isBuiltin else { return nil }
        if case .function(let function) = found.value {
            return try interpreter.callMethod(function, receiver: .native(self), Arguments(arguments))
        }
        let bound = try ClassMember.bind(found.value, owner: found.owner, to: self, interpreter)
        return try interpreter.call(bound, Arguments(arguments))
    }

    /// Whether the class defines the special method `name`.
    func defines(_ name: String) -> Bool {
        guard let found = cls.lookupWithOwner(name) else { return false }
        return !found.owner.isBuiltin
    }

    /// The default repr: `<__main__.Config object at 0x…>`, with the session serial number in
    /// place of an address.
    func defaultRepr() -> String {
        "<\(cls.qualifiedName) object at 0x\(String(0x7f00_0000_0000 + serial * 0x40, radix: 16))>"
    }

    func repr() -> String {
        do {
            if let text = try special("__repr__", []) { return try Self.text(text, "__repr__") }
        } catch {
            return "<\(cls.name) object: __repr__ failed: \(Self.describe(error))>"
        }
        if cls.kind == .exception { return "\(cls.name)(\(exceptionArguments.map { $0.repr() }.joined(separator: ", ")))" }
        return defaultRepr()
    }

    func str() -> String {
        do {
            if let text = try special("__str__", []) { return try Self.text(text, "__str__") }
        } catch {
            return "<\(cls.name) object: __str__ failed: \(Self.describe(error))>"
        }
        if cls.kind == .exception {
            let arguments = exceptionArguments
            switch arguments.count {
            case 0: return ""
            // Python's `KeyError.__str__` shows its one argument's repr (`'k'`).
            case 1: return isKeyError ? arguments[0].repr() : arguments[0].str()
            default: return Value.tuple(arguments).repr()
            }
        }
        return repr()
    }

    /// Whether this is a `KeyError` (or an instance of a subclass of it).
    private var isKeyError: Bool {
        guard let keyError = PythonExceptions.classes["KeyError"] else { return false }
        return cls.isSubclass(of: keyError)
    }

    /// An exception's `args`.
    var exceptionArguments: [Value] {
        if case .tuple(let items)? = attributes["args"] { return items }
        return []
    }

    static func text(_ value: Value, _ method: String) throws -> String {
        guard case .str(let text) = value else {
            throw RuntimeError.type("\(method) returned non-string (type \(value.typeName))")
        }
        return text
    }

    static func describe(_ error: Error) -> String {
        (error as? RuntimeError)?.message ?? "\(error)"
    }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard let found = cls.lookupWithOwner("__call__"), !found.owner.isBuiltin else { return nil }
        return try interpreter.call(try ClassMember.bind(found.value, owner: found.owner, to: self, interpreter), arguments)
    }

    func length() throws -> Int? {
        guard let result = try special("__len__", []) else { return nil }
        guard case .int(let count) = result else {
            throw RuntimeError.type("'\(result.typeName)' object cannot be interpreted as an integer")
        }
        if count < 0 { throw RuntimeError.value("__len__() should return >= 0") }
        return count
    }

    func getItem(_ index: Value) throws -> Value? { try special("__getitem__", [index]) }

    func setItem(_ index: Value, _ value: Value) throws -> Bool {
        try special("__setitem__", [index, value]) != nil
    }

    func truth() throws -> Bool? {
        if let result = try special("__bool__", []) {
            guard case .bool(let flag) = result else {
                throw RuntimeError.type("__bool__ should return bool, returned \(result.typeName)")
            }
            return flag
        }
        if let count = try length() { return count > 0 }
        return nil
    }

    func contains(_ other: Value) throws -> Bool? {
        if let result = try special("__contains__", [other]) { return try result.truthy() }
        guard let interpreter, defines("__iter__") || defines("__getitem__") else { return nil }
        var found = false
        try interpreter.forEach(.native(self)) { item in
            found = try Comparison.equal(item, other)
            return !found
        }
        return found
    }

    func format(_ spec: String) throws -> String? {
        guard let result = try special("__format__", [.str(spec)]) else { return nil }
        return try Self.text(result, "__format__")
    }

    func enter(_ interpreter: Interpreter) throws -> Value? {
        guard let result = try special("__enter__", []) else {
            throw RuntimeError.type("'\(typeName)' object does not support the context manager protocol")
        }
        return result
    }

    func exit(_ interpreter: Interpreter) throws {
        _ = try special("__exit__", [.none, .none, .none])
    }
}

extension InstanceObject: SnapshotCopyable {}

/// Numbers the instances of a session, for their default repr.
final class InstanceCounter: SnapshotState {
    private var count = 0

    func next() -> Int {
        count += 1
        return count
    }

    func snapshotCopy() -> AnyObject {
        let copied = InstanceCounter()
        copied.count = count
        return copied
    }
}
