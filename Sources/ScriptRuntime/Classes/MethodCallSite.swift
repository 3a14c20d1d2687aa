import Diagnostics

/// A compiled `obj.name(a, b)` with plain positional arguments, fast when `obj` is an
/// instance of a user class and `name` a method of its class: the method is found through
/// a one-entry cache (the class and its chain's change stamp), and the receiver and the
/// arguments go straight into the slots of a pooled frame, with no argument array, no
/// bound-method object and no dynamic lookups. Anything else takes the general path.
final class MethodCallSite {
    let name: String
    let arguments: [EvalBox]
    let interpreter: Interpreter
    let site: ErrorSite
    /// The class last seen here, the class epoch then, and the method found on it (kept
    /// alive by `cachedFunction`, used unretained through `cachedCode`).
    private var cachedClass: ClassObject?
    private var cachedEpoch = -1
    private var cachedFunction: UserFunction?
    private var cachedUser: Unmanaged<UserFunction>?
    /// The first two arguments' evaluations, read without going through the array (boxes,
    /// not optional closures: those are stored at maximal abstraction and each call through
    /// one would allocate a reabstraction thunk).
    private let first: EvalBox
    private let second: EvalBox

    init(name: String, arguments: [EvalBox], interpreter: Interpreter, site: ErrorSite) {
        self.name = name
        self.arguments = arguments
        self.interpreter = interpreter
        self.site = site
        let none = EvalBox { _ in .none }
        first = arguments.first ?? none
        second = arguments.count > 1 ? arguments[1] : none
    }

    /// Finds `name` on `cls` and remembers it for this epoch.
    @inline(never)
    func refresh(_ cls: ClassObject, _ epoch: Int) {
        cachedClass = cls
        cachedEpoch = epoch
        if case .function(let function)? = cls.lookupWithOwner(name)?.value, function.code.simple {
            cachedFunction = function
            cachedUser = Unmanaged.passUnretained(function)
        } else {
            cachedFunction = nil
            cachedUser = nil
        }
    }

    /// Runs the call in `frame`, the caller's frame.
    @inline(__always)
    func call(_ receiver: Value, _ frame: Frame) throws -> Value {
        if case .native(let object) = receiver, let instance = object.instance {
            let epoch = ClassEpoch.current
            if instance.cls !== cachedClass || epoch != cachedEpoch { refresh(instance.cls, epoch) }
            if let user = cachedUser, !instance.hasOwn(name) {
                return try direct(user, receiver, frame)
            }
        }
        return try general(receiver, frame)
    }

    /// The call of a plain method taking these positional arguments: receiver and arguments
    /// go into the slots of a pooled frame.
    @inline(__always)
    func direct(_ user: Unmanaged<UserFunction>, _ receiver: Value, _ frame: Frame) throws -> Value {
        let code = user._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
        let count = arguments.count + 1
        let positionalCount = code._withUnsafeGuaranteedRef { $0.positionalCount }
        guard count <= positionalCount else { return try general(receiver, frame) }
        let (pool, poolable) = code._withUnsafeGuaranteedRef { ($0.pool, $0.poolable) }
        let callee = pool.take() ?? user._withUnsafeGuaranteedRef { interpreter.makeFrame($0) }
        callee.fill(0, receiver)
        do {
            switch count {
            case 1: break
            case 2: callee.fill(1, try first.eval(frame))
            case 3:
                callee.fill(1, try first.eval(frame))
                callee.fill(2, try second.eval(frame))
            default:
                for (i, argument) in arguments.enumerated() { callee.fill(i + 1, try argument.eval(frame)) }
            }
            if count < positionalCount { try user._withUnsafeGuaranteedRef { try $0.fillDefaults(callee, from: count) } }
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
        let values = try arguments.map { try $0.eval(frame) }
        do {
            return try interpreter.callMethod(receiver, name, Arguments(values))
        } catch {
            throw site.locate(error)
        }
    }
}
