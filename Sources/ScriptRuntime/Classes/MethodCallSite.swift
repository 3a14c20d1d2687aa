import Diagnostics

/// A compiled `obj.name(a, b)` with plain positional arguments, fast when `obj` is an
/// instance of a user class and `name` a method of its class: the method is found through
/// a one-entry cache (the class and its chain's change stamp), and the receiver and the
/// arguments go straight into the slots of a pooled frame, with no argument array, no
/// bound-method object and no dynamic lookups. Anything else takes the general path.
final class MethodCallSite {
    let name: String
    let arguments: [Operand]
    let interpreter: Interpreter
    let site: ErrorSite
    /// The class last seen here, the class epoch then, and the method found on it (kept
    /// alive by `cachedFunction`, used unretained through `cachedCode`).
    private var cachedClass: ClassObject?
    /// `cachedClass`'s identity, compared without touching its reference count.
    private var cachedClassID: ObjectIdentifier?
    private var cachedEpoch = -1
    private var cachedFunction: UserFunction?
    private var cachedUser: Unmanaged<UserFunction>?
    /// The first two arguments, read without going through the array (operands: a variable
    /// or a constant is read inline, without calling a closure).
    private let first: Operand
    private let second: Operand

    init(name: String, arguments: [Operand], interpreter: Interpreter, site: ErrorSite) {
        self.name = name
        self.arguments = arguments
        self.interpreter = interpreter
        self.site = site
        first = arguments.first ?? .constant(.none)
        second = arguments.count > 1 ? arguments[1] : .constant(.none)
    }

    /// Finds `name` on `cls` and remembers it for this epoch.
    @inline(never)
    func refresh(_ cls: ClassObject, _ epoch: Int) {
        cachedClass = cls
        cachedClassID = ObjectIdentifier(cls)
        cachedEpoch = epoch
        if case .function(let function)? = cls.lookupWithOwner(name)?.value, function.code.simple {
            cachedFunction = function
            cachedUser = Unmanaged.passUnretained(function)
        } else {
            cachedFunction = nil
            cachedUser = nil
        }
    }

    /// The plain method this site calls on an instance of `cls` holding `attributes`, when
    /// no own attribute shadows it; nil otherwise. Called by the instance itself (see
    /// `NativeObject.method(for:)`), which is borrowed there: nothing is retained.
    @inline(__always)
    func method(of cls: ClassObject, _ attributes: AttributeTable) -> Unmanaged<UserFunction>? {
        let epoch = ClassEpoch.current
        if ObjectIdentifier(cls) != cachedClassID || epoch != cachedEpoch { refresh(cls, epoch) }
        guard let user = cachedUser, attributes.position(name) == nil else { return nil }
        return user
    }

    /// Runs the call in `frame`, the caller's frame; the receiver moves into the callee's
    /// frame.
    @inline(__always)
    func call(_ receiver: consuming Value, _ frame: Frame) throws -> Value {
        // The receiver is looked at borrowed, then moves on into the callee's frame: no
        // reference counting.
        if let user = Value.method(of: receiver, for: self) { return try direct(user, receiver, frame) }
        return try general(receiver, frame)
    }

    /// The call of a plain method taking these positional arguments: receiver and arguments
    /// go into the slots of a pooled frame.
    @inline(__always)
    func direct(_ user: Unmanaged<UserFunction>, _ receiver: consuming Value, _ frame: Frame) throws -> Value {
        let code = user._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
        let count = arguments.count + 1
        let positionalCount = code._withUnsafeGuaranteedRef { $0.positionalCount }
        guard count <= positionalCount else { return try general(receiver, frame) }
        let (pool, poolable) = code._withUnsafeGuaranteedRef { ($0.pool, $0.poolable) }
        let callee = pool.take() ?? user._withUnsafeGuaranteedRef { interpreter.makeFrame($0) }
        callee.fill(0, receiver)
        do {
            // Defaults first: the function is held unretained, and evaluating the arguments
            // may replace the method (and free it); after them only the code, which lives as
            // long as the session, is used.
            if count < positionalCount { try user._withUnsafeGuaranteedRef { try $0.fillDefaults(callee, from: count) } }
            switch count {
            case 1: break
            case 2: callee.fill(1, try first.value(frame))
            case 3:
                callee.fill(1, try first.value(frame))
                callee.fill(2, try second.value(frame))
            default:
                for (i, argument) in arguments.enumerated() { callee.fill(i + 1, try argument.value(frame)) }
            }
            let result = try interpreter.invoke(code, callee, interpreter.meter.counters)
            if poolable { pool.put(callee) }
            return result
        } catch {
            throw site.locate(error)
        }
    }

    /// Any other call: the receiver's `callMethod` with the arguments evaluated.
    @inline(never)
    func general(_ receiver: Value, _ frame: Frame) throws -> Value {
        let values = try arguments.map { try $0.value(frame) }
        do {
            return try interpreter.callMethod(receiver, name, Arguments(values))
        } catch {
            throw site.locate(error)
        }
    }
}

extension Value {
    /// The plain method `site` calls on `value` (see `NativeObject.method(for:)`), the value
    /// borrowed (no implicit copy, so no reference counting).
    @inline(never)
    static func method(of value: borrowing Value, for site: MethodCallSite) -> Unmanaged<UserFunction>? {
        switch value {
        case .native(let object): return object.method(for: site)
        default: return nil
        }
    }
}
